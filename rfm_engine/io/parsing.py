"""Value parsing for shop exports: ids, dates (calendar day only) and amounts.

Each parser works on the distinct values of a column (exports repeat values a lot), with
vectorised pandas string operations, and returns NaN/NaT where a value cannot be read so the
cleaning step can count and show those rows.
"""

from __future__ import annotations

import decimal as _decimal
import os
import re
from collections.abc import Collection, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from ..errors import DataError
from .arrow_typed import digit_id_codes, digit_labels, is_digit_uniques, iso_days
from .calendar_days import ns_days

#: Text with nothing to strip: no leading blank, quote or ``=``, no trailing blank.
_PLAIN = re.compile(r"(?s)[^\s='].*\S|[^\s=']")
#: Python's blanks (``str.isspace``, what ``\s`` and ``str.strip`` take), for Arrow's RE2.
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_RE2_BLANK = "".join(f"\\x{{{ord(c):x}}}" for c in BLANKS)
#: Not plain, in RE2: empty, or a blank, quote or ``=`` first, or a blank last.
_RE2_NOT_PLAIN = f"^$|^[{_RE2_BLANK}=']|[{_RE2_BLANK}]$"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
# Serial numbers Excel shows as dates between 1950 and 2100.
_SERIAL_MIN, _SERIAL_MAX = 18264, 73051
#: A column's ``(codes, distinct values)`` as ``pandas.factorize`` gives them (the distinct
#: values stay an Arrow-backed array with ``factorize_text(..., objects=False)``).
Factorized = tuple[np.ndarray, np.ndarray]
#: Cells that mean "no value" in exports and spreadsheets (compared in lower case, stripped):
#: R's and pandas' markers, Excel's errors and pivot blanks. Ids, dates and amounts read them as
#: blank, so ``NA`` never becomes a customer.
MISSING_MARKERS = frozenset(
    {
        "na",
        "n/a",
        "#n/a",
        "n.a.",
        "nan",
        "null",
        "none",
        "nil",
        "-",
        "--",
        "(blank)",
        "(null)",
        "<na>",
        "nat",
        "#value!",
        "#ref!",
        "#div/0!",
        "#null!",
        "#name?",
        "#num!",
        "undefined",
    }
)


def missing_marker_mask(values: pd.Series) -> pd.Series:
    """True where a text cell is one of :data:`MISSING_MARKERS` (on distinct values)."""
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return pd.Series(False, index=values.index)
    return _by_uniques(values, marker_uniques).fillna(False).astype(bool)


def marker_uniques(values: pd.Series) -> pd.Series:
    """True for the markers among distinct values (vectorised: markers are short)."""
    out = pd.Series(False, index=values.index)
    text = values.astype(object)
    short = _short_text(text)
    if short is None:
        try:
            short = (text.str.len() <= _MARKER_LENGTH).fillna(False).astype(bool)
        except AttributeError:  # no text at all (dates, numbers)
            return out
    if short.any():
        out[short] = text[short].str.strip().str.lower().isin(MISSING_MARKERS)
    return out


#: The longest missing marker, with room for spaces around it.
_MARKER_LENGTH = 12


def _short_text(text: pd.Series) -> pd.Series | None:
    """Which values are at most :data:`_MARKER_LENGTH` characters, counted by Arrow in C++
    when every value is a ``str`` (a million distinct ids: no Python call each); ``None``
    where the caller must count (no pyarrow, other values, text Arrow cannot hold)."""
    if len(text) < 1000 or not _all_text(text):
        return None
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        lengths = pc.utf8_length(pa.array(text.to_numpy(), type=pa.string()))
    except Exception:  # no pyarrow (the desktop build), or lone surrogates
        return None
    return pd.Series(lengths.to_numpy() <= _MARKER_LENGTH, index=text.index)


def strip_armour(values: pd.Series) -> pd.Series:
    """Remove ``="…"`` wrappers, a leading ``'`` or tab, and outer whitespace from text cells."""
    return _by_uniques(values, _strip_armour_uniques)


def _strip_armour_uniques(values: pd.Series) -> pd.Series:
    text = values.astype("string")
    if _all_plain(text):
        return text  # nothing to strip (the usual case): one pass instead of four
    unwrapped = text.str.extract(r'^\s*="(.*)"\s*$', expand=False)
    text = unwrapped.fillna(text)
    return text.str.replace(r"^[\s']+", "", regex=True).str.strip()


def to_text_ids(values: pd.Series) -> pd.Series:
    """Ids as text, as a categorical Series (codes per row, each distinct id once).

    Numbers keep no ``.0`` (``12346.0`` → ``12346``); cell armour is stripped; blanks are NA.
    Only the distinct values are converted, so millions of rows cost little.
    """
    codes, labels = text_id_codes(values)
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object)),
        index=values.index,
    )


def text_id_codes(
    values: pd.Series, *, labels: bool = True, factorized: Factorized | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, labels)``: ``labels[codes[i]]`` is row i's id as text; code -1 means blank.

    With ``labels=False`` only the codes are wanted (e.g. order ids, where only distinctness
    counts): integer columns skip the conversion to text, and the distinct values may come
    back as they are (integers, or text still in Arrow).
    """
    if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
        dense = dense_integer_codes(values, renumber=labels)
        if dense is not None:
            codes, uniques = dense
            text = np.array(list(map(str, uniques.tolist())), dtype=object) if labels else uniques
            return codes, text
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        text = pd.Index(uniques).astype(str) if labels else uniques
        return codes.astype("int64"), np.asarray(text, dtype=object)
    codes, uniques = (
        factorized
        or digit_id_codes(values, labels=labels)
        or pd.factorize(values, use_na_sentinel=True)
    )
    if is_digit_uniques(uniques):  # canonical integer texts: the codes are the ids' own
        return np.asarray(codes, dtype=np.int64), digit_labels(uniques) if labels else uniques
    if not labels and getattr(getattr(uniques, "dtype", None), "storage", None) == "pyarrow":
        # Distinct values left in Arrow (factorize_text(objects=False)) are checked there,
        # with no Python object per id; the labels are not wanted.
        text = pd.Series(uniques)
        if _all_plain(text) and not text.str.lower().isin(MISSING_MARKERS).any():
            return np.asarray(codes, dtype=np.int64), uniques
    distinct = pd.Series(uniques, dtype=object)
    if _all_text(distinct):
        text = distinct.astype("string")
        if _all_plain(text) and not text.str.lower().isin(MISSING_MARKERS).any():
            # Nothing to strip, no blank, no missing marker: the distinct values are the ids.
            return np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object)
    text = _text_id_uniques(distinct)
    # Distinct raw values can give the same id (" 12" and "12"): merge them; blanks → -1.
    merged, labels = pd.factorize(text, use_na_sentinel=True)
    lookup = np.append(merged, -1).astype("int64")  # index -1 (NA rows) → -1
    return lookup[codes], np.asarray(labels, dtype=object)


def dense_integer_codes(
    values: pd.Series, spread: int = 4, *, renumber: bool = True
) -> tuple[np.ndarray, np.ndarray] | None:
    """``(codes, distinct values)`` of a NumPy integer column without hashing, or ``None``.

    When the values span at most ``spread`` × rows (ids counted up from some number, as
    shops' customer and order numbers are), one ``bincount`` over ``value − min`` finds the
    distinct values, in ascending order, in linear time. With ``renumber=False`` the codes are
    ``value − min`` itself (with gaps) and the "distinct values" the whole range.
    """
    array = values.to_numpy() if isinstance(values.dtype, np.dtype) else None
    if array is None or len(array) == 0 or array.dtype.kind not in "iu":
        return None
    if array.dtype.kind == "u" and array.dtype.itemsize == 8:
        return None
    low, high = int(array.min()), int(array.max())
    if high - low >= spread * len(array) + 1024:
        return None
    offset = (array - low).astype(np.intp, copy=False)
    if not renumber:
        return offset, np.arange(low, high + 1, dtype=np.int64)
    present = np.bincount(offset, minlength=high - low + 1) > 0
    renumber = np.cumsum(present, dtype=np.int64) - 1
    return renumber[offset], np.flatnonzero(present).astype(np.int64) + low


def _text_id_uniques(values: pd.Series) -> pd.Series:
    def one(v: object) -> object:
        if isinstance(v, float):
            if np.isnan(v):
                return pd.NA
            return str(int(v)) if v.is_integer() else repr(v)
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            return str(v)
        return v

    if not _all_text(values):
        values = pd.Series([one(v) for v in values], dtype=object)
    text = _strip_armour_uniques(values)
    return text.mask((text == "") | text.str.lower().isin(MISSING_MARKERS))


def _all_plain(text: pd.Series) -> bool:
    """No value of a text Series has anything to strip (``_PLAIN``; missing values aside).
    Checked by Arrow's regular expressions in C++ when pyarrow is there (millions of distinct
    customer ids: no Python call per value), else by Python's."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        array = pa.array(text, type=pa.string(), from_pandas=True)
    except Exception:  # no pyarrow (the desktop build), or text Arrow cannot hold
        return bool(text.str.fullmatch(_PLAIN).all())
    if len(array) == 0:
        return True
    flagged = pc.match_substring_regex(array, _RE2_NOT_PLAIN)
    return not pc.any(flagged).as_py()


def _all_text(values: pd.Series) -> bool:
    """Every value is a ``str`` (a text file's cells): checked in C, no per-value Python."""
    return pd.api.types.infer_dtype(values, skipna=False) == "string"


def factorize_text(values: pd.Series, *, objects: bool = True) -> Factorized | None:
    """``(codes, distinct values)`` of a text or mixed column (``None`` for typed columns,
    which the parsers read directly), to share between the steps that need it. With
    ``objects=False`` only the codes and the number of distinct values are wanted (rule 1):
    an Arrow-backed column's distinct values then stay in Arrow, no Python object each."""
    dtype = values.dtype
    if pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype):
        return None
    if getattr(dtype, "storage", None) == "pyarrow":
        digits = digit_id_codes(values, labels=objects)
        if digits is not None:  # canonical integers: coded without hashing any text
            return digits
        # Arrow strings are dictionary-encoded in Arrow: no Python object per cell.
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if not objects:
            return np.asarray(codes, dtype=np.int64), uniques
        return np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object)
    return pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)


#: Rows from which Arrow-backed columns are factorized in parallel threads.
PARALLEL_MIN_ROWS = 100_000


def factorize_columns(
    frame: pd.DataFrame,
    names: Sequence[str],
    *,
    objects: bool = True,
    codes_only: Collection[str] = (),
) -> dict[str, Factorized | None]:
    """:func:`factorize_text` of several columns (``objects=False`` for all of them, or for
    those in ``codes_only``). Arrow's encoding releases the GIL, so on a large table the
    Arrow-backed columns are coded in threads (two cores: about half the time); Python-object
    columns would only wait on each other and go one by one."""
    names = list(dict.fromkeys(names))
    out: dict[str, Factorized | None] = {}

    def one(name: str) -> Factorized | None:
        return factorize_text(frame[name], objects=objects and name not in codes_only)

    arrow = [n for n in names if getattr(frame[n].dtype, "storage", None) == "pyarrow"]
    workers = min(len(arrow), os.cpu_count() or 1, 4)
    if workers > 1 and len(frame) >= PARALLEL_MIN_ROWS:
        with ThreadPoolExecutor(workers) as pool:
            out.update(zip(arrow, pool.map(one, arrow), strict=True))
    return {n: out[n] if n in out else one(n) for n in names}


def _by_uniques(values: pd.Series, parse, factorized: Factorized | None = None) -> pd.Series:
    """Apply ``parse`` (Series → Series) to the distinct values and broadcast back."""
    codes, uniques = factorized or pd.factorize(values, use_na_sentinel=True)
    parsed = parse(pd.Series(uniques))
    if len(parsed) == 0:  # every value is missing
        return pd.Series(index=values.index, dtype=parsed.dtype)
    out = parsed.to_numpy()[codes]
    result = pd.Series(out, index=values.index)
    missing = codes < 0
    if missing.any():
        result[missing] = None
    return result.astype(parsed.dtype) if len(parsed) else result


# ---- amounts --------------------------------------------------------------------------------
_CURRENCY = re.compile(r"(?i)HK\$|US\$|NT\$|RMB|CNY|USD|EUR|GBP|HKD|TWD|JPY|[¥$€£元圆円₩]|\(元\)")


# Values only one decimal separator reads: grouped thousands then decimals, or 1-2 or 4+ decimals.
_COMMA_DECIMAL = re.compile(
    r"[+-]?\(?\d{1,3}(?:\.\d{3})+,\d+\)?-?|[+-]?\(?\d+,(?:\d{1,2}|\d{4,})\)?-?"
)
_DOT_DECIMAL = re.compile(
    r"[+-]?\(?\d{1,3}(?:,\d{3})+\.\d+\)?-?|[+-]?\(?\d+\.(?:\d{1,2}|\d{4,})\)?-?"
)
# ``1.234`` or ``1,234``: a thousands group or three decimals (``0.125`` is never a group).
_AMBIGUOUS_GROUP = re.compile(r"[+-]?\(?[1-9]\d{0,2}[.,]\d{3}\)?-?")


def amount_decimal(
    values: pd.Series, *, factorized: Factorized | None = None
) -> tuple[str | None, dict]:
    """The decimal separator a text amount column uses, decided from all its distinct values
    (as day/month order is for dates): ``","`` when some value can only be read with a decimal
    comma (``1.234,56``, ``12,5``), ``"."`` when some can only be read with a decimal point
    (``1,234.56``, ``12.5``), ``None`` when no value tells. The evidence says which values
    told, and which (``1.234``, ``1,234``) the choice changes."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None, {}
    uniques = pd.Series((factorized or pd.factorize(values, use_na_sentinel=True))[1])
    if _all_text(uniques) and uniques.str.fullmatch(_PLAIN_NUMBER).all():
        text = uniques  # plain numbers (the usual case): nothing to normalise
    else:
        text = _amount_text(uniques[uniques.map(lambda v: isinstance(v, str))].astype(str))
    comma = text[text.str.fullmatch(_COMMA_DECIMAL).fillna(False).astype(bool)]
    dot = text[text.str.fullmatch(_DOT_DECIMAL).fillna(False).astype(bool)]
    grouped = text[text.str.fullmatch(_AMBIGUOUS_GROUP).fillna(False).astype(bool)]
    evidence = {
        "comma_examples": tuple(comma.head(3)),
        "dot_examples": tuple(dot.head(3)),
        "ambiguous_examples": tuple(grouped.head(3)),
        "ambiguous_values": len(grouped),
    }
    if len(comma) and len(dot):
        return None, {**evidence, "mixed": True}
    if len(comma):
        return ",", evidence
    if len(dot):
        return ".", evidence
    return None, evidence


def _amount_text(text: pd.Series) -> pd.Series:
    text = strip_armour(text).str.normalize("NFKC")
    text = text.str.replace(_CURRENCY, "", regex=True)
    return text.str.replace(r"[\s\u00a0\u202f']", "", regex=True)


def parse_amounts(
    values: pd.Series,
    *,
    factorized: Factorized | None = None,
    decimal: str | None = None,
    decide: bool = True,
) -> pd.Series:
    """Amounts as float. Reads currency signs and codes, thousands separators, decimal commas,
    ``(12.50)`` negatives, a trailing minus, full-width digits and ``Decimal`` cells; NaN where
    unreadable. The decimal separator is ``decimal``, else (unless ``decide`` is false: the
    caller has asked :func:`amount_decimal` already) the one the column shows, else decided per
    value. ``inf``, ``NaN`` and numbers beyond a float's range (``1e309``) are unreadable."""
    if pd.api.types.is_bool_dtype(values):
        return pd.Series(np.nan, index=values.index)
    if pd.api.types.is_numeric_dtype(values):
        return _finite(values.astype("float64"))
    if decimal is None and decide:
        decimal = amount_decimal(values, factorized=factorized)[0]
    return _finite(
        _by_uniques(values, lambda u: _parse_amount_uniques(u, decimal), factorized).astype(
            "float64"
        )
    )


def _finite(numbers: pd.Series) -> pd.Series:
    """Non-finite amounts are unreadable (NaN): no total or cut point can use them."""
    array = numbers.to_numpy()
    infinite = np.isinf(array)
    if infinite.any():
        return pd.Series(np.where(infinite, np.nan, array), index=numbers.index)
    return numbers


def _parse_amount_uniques(raw: pd.Series, decimal: str | None = None) -> pd.Series:
    if decimal != "," and _all_text(raw) and raw.str.fullmatch(_PLAIN_NUMBER).all():
        return raw.astype("float64")  # plain decimals: the same floats the full reading gives
    numbers = pd.Series(np.nan, index=raw.index)
    is_num = raw.map(
        lambda v: isinstance(v, (int, float, _decimal.Decimal)) and not isinstance(v, bool)
    )
    if is_num.any():
        numbers[is_num] = raw[is_num].map(float).astype("float64")
    text = raw[~is_num & raw.map(lambda v: isinstance(v, str))].astype(str)
    if text.empty:
        return numbers
    text = _amount_text(text)
    negative = text.str.match(r"^\(.*\)$") | text.str.match(r"^[^-]*\d-$")
    text = text.str.replace(r"^\((.*)\)$", r"\1", regex=True).str.replace(r"-$", "", regex=True)
    if decimal is not None:
        # One separator for the whole column: ``1.234`` is 1234 where ``1.234,56`` is seen.
        group = "." if decimal == "," else ","
        text = text.str.replace(group, "", regex=False).str.replace(decimal, ".", regex=False)
        text = text.mask(text.str.count(r"\.") > 1)
        return _finish_amounts(numbers, text, negative)
    both = text.str.contains(",", regex=False) & text.str.contains(".", regex=False)
    comma_last = text.str.rfind(",") > text.str.rfind(".")
    # 1.234,56 → 1234.56 ; 1,234.56 → 1234.56
    euro = both & comma_last
    text = text.mask(
        euro, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    )
    text = text.mask(both & ~comma_last, text.str.replace(",", "", regex=False))
    only_comma = ~both & text.str.contains(",", regex=False)
    thousands = only_comma & text.str.fullmatch(r"[+-]?\d{1,3}(,\d{3})+")
    text = text.mask(thousands, text.str.replace(",", "", regex=False))
    text = text.mask(only_comma & ~thousands, text.str.replace(",", ".", regex=False))
    return _finish_amounts(numbers, text, negative)


def _finish_amounts(numbers: pd.Series, text: pd.Series, negative: pd.Series) -> pd.Series:
    parsed = pd.to_numeric(text.astype(object).where(text.notna(), None), errors="coerce")
    parsed = parsed.astype("float64").where(
        ~negative.fillna(False).astype(bool), -parsed.astype("float64")
    )
    numbers[text.index] = parsed
    return numbers


# ---- dates ----------------------------------------------------------------------------------
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|\b|T|\s|$)")
_AMB = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:\b|\s|$)")
_ISO_DAY = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


def parse_dates(
    values: pd.Series,
    *,
    dayfirst: bool | None = None,
    column: str | None = None,
    factorized: Factorized | None = None,
) -> pd.Series:
    """Calendar days (``datetime64``, time dropped); NaT where unreadable.

    Reads datetimes, ISO text, ``2017/5/30 23:18``, ``2017年5月30日``, ``20170530``, Excel serial
    numbers, and ``30/05/2017`` or ``05/30/2017``: day-first or month-first is decided from the
    data (a first part over 12 means day-first); when the data cannot tell and ``dayfirst`` is
    not given, :class:`DataError` asks for it rather than guessing.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_localize(None)
        # Flooring to whole days in NumPy, as ``.dt.normalize()`` does, without its per-row cost.
        return pd.Series(ns_days(values.to_numpy()), index=values.index)
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return pd.Series(
            ns_days(_numeric_dates(values.astype("float64")).to_numpy()), index=values.index
        )
    days = iso_days(values) if factorized is None else None
    if days is not None:  # ISO text throughout, read by Arrow: the same days, no hashing
        return pd.Series(days, index=values.index)
    parsed = _by_uniques(values, lambda u: _parse_date_uniques(u, dayfirst, column), factorized)
    return pd.Series(ns_days(parsed.to_numpy()), index=values.index)


def _numeric_dates(numbers: pd.Series) -> pd.Series:
    out = pd.Series(pd.NaT, index=numbers.index, dtype="datetime64[us]")
    compact = numbers.between(19000101, 21001231) & (numbers % 1 == 0)
    if compact.any():
        out[compact] = pd.to_datetime(
            numbers[compact].astype("int64").astype(str), format="%Y%m%d", errors="coerce"
        )
    serial = numbers.between(_SERIAL_MIN, _SERIAL_MAX)
    if serial.any():
        days = np.floor(numbers[serial].to_numpy()).astype("int64")
        out[serial] = _EXCEL_EPOCH + pd.to_timedelta(days, unit="D")
    return out


def _parse_date_uniques(raw: pd.Series, dayfirst: bool | None, column: str | None) -> pd.Series:
    # Microseconds reach years 1..9999: placeholders parse instead of overflowing.
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    if _all_text(raw) and raw.str.fullmatch(_ISO_DAY).all():
        # Plain ISO days (the common export): one fixed-format parse, same days as below.
        out[:] = pd.to_datetime(raw.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
        return out
    kinds = raw.map(type)
    stamps = raw[
        kinds.map(lambda t: issubclass(t, (pd.Timestamp, np.datetime64)))
        | raw.map(lambda v: hasattr(v, "year") and hasattr(v, "month"))
    ]
    if not stamps.empty:
        out[stamps.index] = pd.to_datetime(stamps.map(_naive), errors="coerce").dt.normalize()
    numeric = raw[raw.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))]
    if not numeric.empty:
        out[numeric.index] = _numeric_dates(numeric.astype("float64"))
    text = raw[raw.map(lambda v: isinstance(v, str))].astype(str)
    if text.empty:
        return out
    text = strip_armour(text).str.normalize("NFKC").astype(object)
    done = pd.Series(False, index=text.index)

    def fill(mask: pd.Series, year: pd.Series, month: pd.Series, day: pd.Series) -> None:
        if not mask.any():
            return
        parts = pd.DataFrame({"year": year[mask], "month": month[mask], "day": day[mask]})
        out[parts.index] = pd.to_datetime(parts.astype("int64"), errors="coerce")
        done[parts.index] = True

    ymd = text.str.extract(_YMD)
    fill(ymd[0].notna(), ymd[0], ymd[1], ymd[2])
    compact = text.str.extract(_COMPACT)
    fill(compact[0].notna() & ~done, compact[0], compact[1], compact[2])
    serial = text.str.fullmatch(_SERIAL).fillna(False).astype(bool) & ~done
    if serial.any():
        out[serial[serial].index] = _numeric_dates(text[serial].astype("float64"))
        done |= serial
    amb = text.str.extract(_AMB)
    amb_mask = amb[0].notna() & ~done
    if amb_mask.any():
        first, second = amb[0][amb_mask].astype(int), amb[1][amb_mask].astype(int)
        year = amb[2][amb_mask].astype(int)
        two_digit = amb[2][amb_mask].str.len() == 2  # "0001" is year 1, a placeholder
        year = year.where(~two_digit, np.where(year < 70, 2000 + year, 1900 + year))
        use_dayfirst = _decide_dayfirst(first, second, text[amb_mask], dayfirst, column)
        day, month = (first, second) if use_dayfirst else (second, first)
        fill(amb_mask[amb_mask], year, month, day)
    rest = ~done & text.str.contains(r"[A-Za-z]", regex=True).fillna(False).astype(bool)
    if rest.any():
        # Month names ("30 May 2017", "May 30, 2017"): unambiguous, let pandas read them.
        parsed = pd.to_datetime(
            text[rest], errors="coerce", format="mixed", dayfirst=bool(dayfirst)
        )
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        out[rest[rest].index] = parsed.dt.normalize()
    return out


def _naive(value: object) -> object:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _decide_dayfirst(
    first: pd.Series, second: pd.Series, text: pd.Series, dayfirst: bool | None, column: str | None
) -> bool:
    day_first_seen = bool((first > 12).any())
    month_first_seen = bool((second > 12).any())
    where = f"column {column!r}: " if column else ""
    if day_first_seen and month_first_seen:
        a = text[first > 12].iloc[0]
        b = text[second > 12].iloc[0]
        raise DataError(
            f"{where}dates mix day-first ({a!r}) and month-first ({b!r}) order",
            column=column,
            examples=(a, b),
        )
    if dayfirst is not None:
        if (dayfirst and month_first_seen) or (not dayfirst and day_first_seen):
            bad = text[(second if dayfirst else first) > 12].iloc[0]
            order = "day-first" if dayfirst else "month-first"
            raise DataError(
                f"{where}date {bad!r} cannot be read {order}",
                column=column,
                examples=(bad,),
                code="unreadable_date",
                option="reading.dayfirst",
            )
        return dayfirst
    if day_first_seen or month_first_seen:
        return day_first_seen
    example = text.iloc[0]
    raise DataError(
        f"{where}dates like {example!r} could be day-first or month-first; "
        "say which order the dates use",
        column=column,
        examples=(example,),
        code="ambiguous_dates",
        option="reading.dayfirst",
    )


def date_order(values: pd.Series) -> str | None:
    """``"day-first"`` or ``"month-first"`` as the data shows for ``03/04/2024``-style dates,
    ``"ambiguous"`` when no value tells, ``None`` when the column has no such dates."""
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return None
    uniques = pd.Series(pd.unique(values.dropna()))
    if _all_text(uniques) and uniques.str.fullmatch(_ISO_DAY).all():
        return None  # ISO days only: no day/month question
    uniques = uniques.map(str)
    parts = strip_armour(uniques).str.normalize("NFKC").str.extract(_AMB)
    parts = parts[parts[0].notna()]
    if parts.empty:
        return None
    if (parts[0].astype(int) > 12).any():
        return "day-first"
    if (parts[1].astype(int) > 12).any():
        return "month-first"
    return "ambiguous"
