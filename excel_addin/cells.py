"""Excel cell values in, engine inputs out, and engine tables back to cell values.

Excel hands a custom function 2D lists: numbers as floats, dates as serial numbers (or
``datetime`` objects in the classic Windows add-in), text as ``str``, and empty cells as ``None``
or ``""`` (xlwings Lite, xlwings Server) — some Excel flavours give ``0`` for an empty cell passed
as a single argument. Everything here only reshapes values; all reading, parsing and rules are
the engine's.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from rfm_engine import CUSTOMER_COLUMNS, ColumnError, ColumnMap, ConfigError, DataError
from rfm_engine.io import ROW_COLUMN, parse_amounts, parse_dates
from rfm_engine.mapping import choose_mapping

from .number_formats import formatted

#: Column names given to a range without a header row (customer, date, amount in that order).
HEADERLESS = ("customer", "date", "amount")
#: RFM.TABLE's columns: the export's customer columns without the segment key, then the date
#: of the last purchase.
TABLE_COLUMNS = (*(c for c in CUSTOMER_COLUMNS if c != "segment"), "last_purchase")


def is_blank(value: Any) -> bool:
    """An argument Excel sent for an empty or omitted cell: ``None``, ``""`` or ``0``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0


def matrix(value: Any) -> list[list[Any]]:
    """Any argument as a 2D list of plain values (a single cell becomes ``[[value]]``).

    Range arguments come in through xlwings' ``raw`` converter: its default converter tries to
    import Pyodide once per cell, which outside Pyodide costs about 0.3 ms a cell (30 s for a
    100,000-row range). So the little cleaning it would do happens here: rich values (Office.js
    ``{"type": …, "basicValue": …}``) become their value; error cells (rich values, or the COM
    error numbers of the classic add-in) and Pyodide's ``JsNull`` become empty.
    """
    return [[v if type(v) in _PLAIN_SCALAR else _clean(v) for v in row] for row in _rows(value)]


_PLAIN = frozenset({str, float, int, bool, type(None), dt.datetime, dt.date})
_PLAIN_SCALAR = _PLAIN - {int}
#: Error cells as the classic Windows add-in (COM) passes them to a ``raw`` argument.
_COM_ERRORS = (
    -2146826281,
    -2146826246,
    -2146826259,
    -2146826288,
    -2146826252,
    -2146826265,
    -2146826273,
)
#: Column kinds (:func:`pandas.api.types.infer_dtype`) that hold only plain values.
_PLAIN_KINDS = {"string", "floating", "integer", "mixed-integer-float", "datetime", "date", "empty"}


def _rows(value: Any) -> list:
    if isinstance(value, (list, tuple)):
        return value if value and all(isinstance(r, (list, tuple)) for r in value) else [value]
    return [[value]]


def _clean(value: Any) -> Any:
    if isinstance(value, int) and value in _COM_ERRORS:
        return None
    if isinstance(value, Decimal):  # Currency/Accounting cells in the classic add-in
        return float(value)
    if isinstance(value, dict):
        return None if value.get("type") == "Error" else value.get("basicValue")
    if type(value).__name__ == "JsNull":
        return None
    return value


def _frame(value: Any) -> pd.DataFrame:
    """A range as a DataFrame of plain values, column by column (fast for 100,000 rows)."""
    rows = _rows(value)
    width = max((len(r) for r in rows), default=0)
    if any(len(r) != width for r in rows):
        rows = [list(r) + [None] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(rows, dtype=object)
    for col in frame.columns:
        kind = pd.api.types.infer_dtype(frame[col], skipna=True)
        if kind not in _PLAIN_KINDS:
            frame[col] = frame[col].map(lambda v: v if type(v) in _PLAIN else _clean(v))
        if kind in {"integer", "mixed-integer", "mixed-integer-float", "mixed"}:
            frame[col] = frame[col].mask(frame[col].isin(_COM_ERRORS), None)
    return frame


def _blank(column: pd.Series) -> pd.Series:
    """Cells :func:`is_blank` would call empty, computed per column."""
    kind = pd.api.types.infer_dtype(column, skipna=True)
    if kind == "string":
        return column.isna() | column.str.strip().eq("").fillna(False).astype(bool)
    if kind in {"floating", "integer", "mixed-integer-float"}:
        return column.isna() | column.eq(0).fillna(False).astype(bool)
    return column.map(is_blank).astype(bool)


def orders_frame(cells: Any) -> tuple[pd.DataFrame, ColumnMap]:
    """A raw orders table and its column map from a range.

    The range has a header row (columns found from the headers, as when importing a file) or
    exactly three columns: customer, date, amount. Rows that are entirely empty are ignored
    (ranges like ``A1:C5000`` usually reach past the data).
    """
    frame = _frame(cells)
    width = frame.shape[1]
    if not width:
        raise DataError("orders: the range is empty")
    blank = pd.concat([_blank(frame[c]) for c in frame.columns], axis=1)
    frame = frame.loc[~blank.all(axis=1), ~blank.all(axis=0)]
    # Row numbers within the range (header row included), for the examples of rows cleaning
    # left out and of unreadable values: "row 7" is the range's 7th row, empty rows counted.
    range_rows = (frame.index.to_numpy() + 1).astype("int64")
    frame = frame.reset_index(drop=True)
    if frame.empty:
        raise DataError("orders: the range is empty")
    width = frame.shape[1]
    first = [frame.iat[0, i] for i in range(width)]
    filled = [v for v in first if not is_blank(v)]
    has_header = len(filled) >= min(width, 2) and all(isinstance(v, str) for v in filled)
    if has_header and width == 3 and isinstance(first[2], str):
        # "customer, date, amount" as a header; "C001, 2024-05-01, 12.50" as text data.
        has_header = bool(np.isnan(parse_amounts(pd.Series([first[2]], dtype=object))[0]))
    if has_header:
        headers = _unique_headers(first)
        data = frame.iloc[1:].reset_index(drop=True)
        data.columns = headers
        if data.empty:
            raise DataError("orders: the range has a header row but no orders below it")
        data = data.infer_objects()
        columns = _column_map(data, headers)
        return _numbered(data, range_rows[1:]), columns
    if width != 3:
        raise ColumnError(
            f"orders: give a header row (customer, date, amount …) or exactly three columns "
            f"customer, date, amount; the range has {width} columns and no header row",
            available_columns=(),
        )
    frame.columns = list(HEADERLESS)
    return _numbered(frame.infer_objects(), range_rows), ColumnMap(*HEADERLESS)


def _numbered(data: pd.DataFrame, range_rows: np.ndarray) -> pd.DataFrame:
    """``data`` with each row's number within the range in the engine's row column (which is
    no data column: rules and mapping leave it alone)."""
    if ROW_COLUMN not in data.columns:
        data[ROW_COLUMN] = range_rows
    return data


def _unique_headers(first: Sequence[Any]) -> list[str]:
    """Header names as text, unique; an empty header cell is named after its position."""
    seen: dict[str, int] = {}
    out = []
    names = (f"column {i}" if is_blank(v) else str(v).strip() for i, v in enumerate(first, 1))
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return out


def _column_map(data: pd.DataFrame, headers: list[str]) -> ColumnMap:
    """Found from the headers (orders, or a customer list: one row per customer with a count
    and a total, as the engine decides); three unknown headers are taken as customer, date,
    amount."""
    try:
        return choose_mapping(data, headers, ColumnMap()).columns
    except ColumnError as exc:
        if exc.code == "no_last_purchase":
            raise ColumnError(
                f"orders: {exc}",
                missing_columns=exc.missing_columns,
                available_columns=exc.available_columns,
                code=exc.code,
            ) from None
        if len(headers) == 3:
            return ColumnMap(*headers)
        raise ColumnError(
            f"orders: cannot tell which column is the {' / '.join(exc.missing_columns)}; "
            f"the header row has {', '.join(repr(h) for h in headers[:30])}: rename the "
            "headers (e.g. customer, date, amount)",
            missing_columns=exc.missing_columns,
            available_columns=exc.available_columns,
        ) from None


def date_value(value: Any, name: str) -> dt.date | None:
    """A date argument (serial number, date cell, ISO text) as a date; blank gives ``None``."""
    value = scalar(value, name)
    if is_blank(value):
        return None
    parsed = parse_dates(pd.Series([value], dtype=object), dayfirst=None, column=name)[0]
    if pd.isna(parsed):
        raise DataError(f"{name}: cannot read {value!r} as a date", column=name, examples=(value,))
    return parsed.date()


def int_value(value: Any, name: str, default: int) -> int:
    """A whole-number argument (Excel sends floats); blank gives ``default``."""
    value = scalar(value, name)
    if is_blank(value):
        return default
    number = _number(value, name)
    if not number.is_integer():
        raise ConfigError(f"{name} must be a whole number, not {value!r}", option=name)
    return int(number)


def text_value(value: Any, name: str, default: str) -> str:
    """A text argument; blank gives ``default``."""
    value = scalar(value, name)
    return default if is_blank(value) else str(value).strip()


def bool_value(value: Any, name: str) -> bool:
    """TRUE/FALSE, 1/0 or the words true/false/yes/no; blank is FALSE."""
    value = scalar(value, name)
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    word = str(value).strip().lower()
    if word in {"true", "yes", "1"}:
        return True
    if word in {"false", "no", "0"}:
        return False
    raise ConfigError(f"{name} must be TRUE or FALSE, not {value!r}", option=name)


def scalar(value: Any, name: str) -> Any:
    """The single value of a one-cell argument."""
    cells = matrix(value)
    if len(cells) == 1 and len(cells[0]) == 1:
        return cells[0][0]
    raise ConfigError(f"{name} must be a single cell, not a range", option=name)


def numbers(value: Any, name: str) -> np.ndarray:
    """The numbers of a range, blanks skipped; text that is not a number is an error."""
    flat = [v for row in matrix(value) for v in row if v is not None and v != ""]
    parsed = parse_amounts(pd.Series(flat, dtype=object)).to_numpy(dtype="float64")
    bad = [v for v, x in zip(flat, parsed, strict=True) if not math.isfinite(x)]
    if bad:
        raise DataError(f"{name}: {bad[0]!r} is not a number", column=name, examples=(bad[0],))
    if not len(parsed):
        raise DataError(f"{name}: the range has no numbers", column=name)
    return parsed


def number_grid(value: Any, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A range (or one cell) as a 2D float array and the mask of cells holding a number.

    Empty cells are not numbers (they give empty cells back); text that is not a number is an
    error naming its row and column within the range.
    """
    rows = matrix(value)
    width = max(len(r) for r in rows)
    flat = [v for r in rows for v in (*r, *[None] * (width - len(r)))]
    given = np.array([not (v is None or (isinstance(v, str) and not v.strip())) for v in flat])
    grid = np.full(len(flat), np.nan)
    if given.any():
        numbers = pd.Series([v for v, g in zip(flat, given, strict=True) if g], dtype=object)
        grid[given] = parse_amounts(numbers).to_numpy(dtype="float64")
        bad = np.flatnonzero(given & ~np.isfinite(grid))
        if len(bad):
            row, col = divmod(int(bad[0]), width)
            raise DataError(
                f"{name}: {flat[bad[0]]!r} is not a number (row {row + 1}, column {col + 1} of "
                "the range)",
                column=name,
                examples=(flat[bad[0]],),
            )
    return grid.reshape(len(rows), width), given.reshape(len(rows), width)


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool):
        raise ConfigError(f"{name} must be a number, not {value!r}", option=name)
    parsed = parse_amounts(pd.Series([value], dtype=object))[0]
    if not math.isfinite(parsed):
        raise ConfigError(f"{name} must be a number, not {value!r}", option=name)
    return float(parsed)


def table_cells(frame: pd.DataFrame, formats: Mapping[str, str] | None = None) -> list[list[Any]]:
    """A header row, then the rows as plain Python values (missing values as empty cells,
    dates as dates so Excel shows them as dates); columns named in ``formats`` as formatted
    numbers (:mod:`excel_addin.number_formats`)."""
    body = frame.astype(object).where(frame.notna(), None)
    rows = [[_plain(v) for v in row] for row in body.itertuples(index=False, name=None)]
    for i, column in enumerate(frame.columns):
        if formats and column in formats:
            for row in rows:
                row[i] = formatted(row[i], formats[column])
    return [list(frame.columns), *rows]


def _plain(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value
