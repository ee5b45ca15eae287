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

from .calendar_days import ns_days


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

    head = _head(array)
    try:
        sample = pc.cast(head, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # a failing cast reads the whole column first: a sample tells sooner
    if len(pc.unique(sample)) < _MANY_DISTINCT * max(len(sample) - sample.null_count, 1):
        # Few distinct values (quantities, a shop's few hundred customers): Arrow's hashing
        # of the text is cheaper than the checks below.
        return None
    try:
        numbers = pc.cast(array, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # some cell is no integer (or beyond 64 bits)
    blank = numbers.null_count > 0
    ints = numbers.to_numpy() if not blank else pc.fill_null(numbers, 0).to_numpy()
    blank_rows = _null_rows(numbers) if blank else None
    lengths = pc.fill_null(pc.binary_length(array), 0).to_numpy()
    if not _canonical(ints, lengths, blank_rows):
        return None  # leading zeros or "-0": the text is not the number's own
    codes, uniques = _integer_codes(ints, blank_rows=blank_rows)
    return codes, digit_labels(uniques) if labels else uniques


#: 10, 100, … 10**19: the digits of a 64-bit magnitude are 1 + how many of these it reaches.
_POWERS = np.array([10**k for k in range(1, 20)], dtype=np.uint64)


def _canonical(ints: np.ndarray, lengths: np.ndarray, blank_rows: np.ndarray | None) -> bool:
    """Whether each text Arrow read as an integer (an optional ``-`` and digits, leading
    zeros allowed) is as long as the integer's own text: then it has no leading zero and is
    not ``-0``, i.e. it is exactly ``str(int)``."""
    magnitude = np.abs(ints).view(np.uint64)  # abs(-2**63) wraps to 2**63: still right
    digits = 1 + np.searchsorted(_POWERS, magnitude, side="right")
    same = digits + (ints < 0) == lengths
    if blank_rows is not None:
        same |= blank_rows
    return bool(same.all())


def is_digit_uniques(uniques: object) -> bool:
    """Whether a factorization's distinct values are :func:`digit_id_codes`' integers."""
    return isinstance(uniques, np.ndarray) and uniques.dtype == np.int64


def digit_labels(numbers: np.ndarray) -> np.ndarray:
    """The text of each integer as Python strings (made by Arrow, in C++)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pc.cast(pa.array(np.asarray(numbers, dtype=np.int64)), pa.string())
    return text.to_numpy(zero_copy_only=False).astype(object, copy=False)


#: Rows whose cast tells early whether a column can take a typed path.
_HEAD_ROWS = 2048
#: Share of distinct values in those rows from which integer codes beat hashing the text.
_MANY_DISTINCT = 0.25


def _head(array):
    """The first rows of a chunked array, as one array."""
    return array.slice(0, _HEAD_ROWS).combine_chunks()


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
    non-blank cell is ISO text Arrow reads exactly; ``None`` otherwise. Days are clamped to
    the nanosecond range as every parsed date is (:func:`~.calendar_days.ns_days`)."""
    array = arrow_text(values)
    if array is None or len(array) == 0 or array.null_count == len(array):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        pc.cast(_head(array), pa.timestamp("ns"))
        # Arrow's ISO 8601 parser: fixed-width digits, valid days and times, no zone, no
        # surrounding blanks; years outside 1677-2262 do not fit nanoseconds and fail.
        stamps = pc.cast(array, pa.timestamp("ns"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    # Flooring to days keeps the date part of the text, also before 1970.
    return ns_days(stamps.to_numpy())


def plain_amounts(values: pd.Series) -> np.ndarray | None:
    """Each cell as a float (NaN for a blank cell) when every non-blank cell is a plain number
    Arrow's cast reads (``12.50``, ``-3``, ``.5``, ``1e3``: digits with a decimal point, no
    thousands separator, currency, comma or blank) to a finite float, and none looks like
    ``1.234`` (a point then three digits, which a decimal comma elsewhere would make a
    thousand: the text parser decides and warns); ``None`` otherwise. Arrow's and Python's
    readings of a decimal are both the nearest float, so the values are the same."""
    array = arrow_text(values)
    if array is None or len(array) == 0 or array.null_count == len(array):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        pc.cast(_head(array), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    # Checked before the whole column is cast (the cheaper test, and the one that most
    # often refuses: online_retail's prices hold four ``0.001`` among 541,909 rows).
    point = pc.fill_null(pc.find_substring(array, "."), -1).to_numpy()
    length = pc.fill_null(pc.binary_length(array), 0).to_numpy()
    if ((point >= 0) & (length - point == 4)).any():
        return None
    try:
        numbers = pc.cast(array, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    floats = numbers.to_numpy()  # blanks → NaN
    finite = np.isfinite(floats)
    if numbers.null_count:
        finite |= _null_rows(numbers)
    if not finite.all():
        return None  # "nan", "inf", 1e400: the text parser reads them as unreadable
    return floats
