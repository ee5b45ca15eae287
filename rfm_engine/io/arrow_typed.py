"""Typed fast paths for text columns read by Arrow: whole columns checked and converted in C++.

A shop export's order numbers are often plain digits and its dates plain ISO text. For such a
column the text parsers of :mod:`rfm_engine.io.parsing` (which hash the column, turn its
distinct values into Python objects and read those) give exactly what Arrow's own casts give,
so the column is read by the cast instead. Each path fires only when every value of the
column passes its check, and answers ``None`` otherwise (the text parsers then read the
column as before):

- :func:`digit_id_codes`: every cell the canonical text of an integer (``12345``, ``-7``; not
  ``007``, ``+7``, `` 7`` or ``7.0``): the cast to ``int64`` and back gives the very same text,
  so equal ids are equal integers and each distinct id's label is its text.
- :func:`iso_days`: every cell an ISO date or date-time Arrow's strict ISO 8601 parser reads
  (``2023-05-01``, ``2023-05-01 13:45``, ``2023-05-01T13:45:07.250``; no zone, no blanks
  around, valid calendar days and times). The day is the text's first ten characters, as the
  text parser reads it.

Arrow's kernels run on every row without a Python object per row, in threads where Arrow
uses them. Columns that are not Arrow-backed text (pandas' reader, workbooks) never take
these paths.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def arrow_text(values: pd.Series):
    """The Arrow chunked array behind an Arrow-backed text Series, else ``None``."""
    if getattr(values.dtype, "storage", None) != "pyarrow":
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - Arrow-backed data implies pyarrow
        return None
    array = values.array.__arrow_array__()
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return None
    return array


def digit_id_codes(
    values: pd.Series, *, labels: bool = True
) -> tuple[np.ndarray, np.ndarray] | None:
    """``(codes, labels)`` of a column of canonical integer texts (-1 for a blank cell), the
    labels the distinct texts as Python strings in ascending numeric order (with
    ``labels=False``: the distinct integers, see :func:`digit_labels`); ``None`` when the
    column is not Arrow-backed text or any non-blank cell is not such a text."""
    array = arrow_text(values)
    if array is None or len(array) == 0 or array.null_count == len(array):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        numbers = pc.cast(array, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # some cell is no integer (or beyond 64 bits)
    if not pc.all(pc.equal(pc.cast(numbers, array.type), array)).as_py():
        return None  # leading zeros, a sign, "-0": the text is not the number's own
    blank = numbers.null_count > 0
    ints = numbers.to_numpy() if not blank else pc.fill_null(numbers, 0).to_numpy()
    codes, uniques = _integer_codes(ints, blank_rows=_null_rows(numbers) if blank else None)
    return codes, digit_labels(uniques) if labels else uniques


def is_digit_uniques(uniques: object) -> bool:
    """Whether a factorization's distinct values are :func:`digit_id_codes`' integers."""
    return isinstance(uniques, np.ndarray) and uniques.dtype == np.int64


def digit_labels(numbers: np.ndarray) -> np.ndarray:
    """The text of each integer as Python strings (made by Arrow, in C++)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pc.cast(pa.array(np.asarray(numbers, dtype=np.int64)), pa.string())
    return text.to_numpy(zero_copy_only=False).astype(object, copy=False)


def _null_rows(array) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.is_null(array).to_numpy(zero_copy_only=False)


def _integer_codes(
    ints: np.ndarray, *, blank_rows: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..k-1 of ``ints`` in ascending value order (-1 where ``blank_rows``), and the k
    distinct values: a ``bincount`` over a dense range (shop numbering), else a sort."""
    ints = np.asarray(ints, dtype=np.int64)
    present_rows = ints if blank_rows is None else ints[~blank_rows]
    low, high = int(present_rows.min()), int(present_rows.max())
    if high - low < 4 * len(ints) + 1024:
        offset = (ints - low).astype(np.intp)
        if blank_rows is not None:
            offset[blank_rows] = 0
        seen = (
            np.bincount(
                offset if blank_rows is None else offset[~blank_rows], minlength=high - low + 1
            )
            > 0
        )
        renumber = np.cumsum(seen, dtype=np.int64) - 1
        codes = renumber[offset]
        uniques = np.flatnonzero(seen).astype(np.int64) + low
    else:
        uniques, codes = np.unique(present_rows, return_inverse=True)
        if blank_rows is not None:
            full = np.empty(len(ints), dtype=np.int64)
            full[~blank_rows] = codes
            codes = full
        codes = codes.astype(np.int64)
    if blank_rows is not None:
        codes[blank_rows] = -1
    return codes, uniques


def iso_days(values: pd.Series) -> np.ndarray | None:
    """Each cell's day as ``datetime64[ns]`` at midnight (NaT for a blank cell) when every
    non-blank cell is ISO text Arrow reads exactly; ``None`` otherwise. Days are not yet
    clamped to the nanosecond range (the caller does that, as for every date)."""
    array = arrow_text(values)
    if array is None or len(array) == 0 or array.null_count == len(array):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        # Arrow's ISO 8601 parser: fixed-width digits, valid days and times, no zone, no
        # surrounding blanks; years outside 1677-2262 do not fit nanoseconds and fail.
        stamps = pc.cast(array, pa.timestamp("ns"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    # Flooring to days keeps the date part of the text, also before 1970.
    return stamps.to_numpy().astype("datetime64[D]").astype("datetime64[ns]")
