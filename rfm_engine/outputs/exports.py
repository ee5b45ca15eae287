"""Writing result tables so they are safe to open in Excel.

A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR would become a formula in
Excel; such cells get a leading apostrophe in CSV (shown as text). In XLSX every text cell is
stored as a string cell, so it keeps its text exactly and is never a formula. Files are written
atomically and never over an input file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..atomic import atomic_open, check_target, write_atomic
from ..errors import OutputFileError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def neutralize_formula_text(value: object) -> object:
    """``'`` + value for text that Excel would read as a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns cannot become formulas (numbers are left as numbers)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out[column] = series.astype(object).map(neutralize_formula_text)
    return out


def write_csv(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    encoding: str = "utf-8-sig",
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Excel-safe CSV (UTF-8 with BOM by default so Excel shows Chinese), written atomically.

    ``encoding="gbk"`` writes for older Chinese Excel; text GBK cannot hold is an error naming
    it. ``inputs`` are files the target must not be.
    """
    path = Path(path)
    check_target(path, inputs=tuple(Path(p) for p in inputs))
    safe = excel_safe(frame)
    try:
        with atomic_open(path, "w", encoding=encoding, newline="", errors="strict") as fh:
            safe.to_csv(fh, index=False, lineterminator="\r\n")
    except UnicodeEncodeError as exc:
        raise OutputFileError(
            f"{path}: {exc.object[exc.start : exc.end]!r} cannot be written in {encoding}; "
            "use UTF-8",
            path=str(path),
            code="unencodable_output",
        ) from None
    return path


def cell_value(value: Any) -> Any:
    """A value openpyxl can store: NaN/NaT → empty, numpy → Python, timestamps → datetime."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, (str, int, float, bool, dt.date, dt.datetime)):
        return value
    return str(value)


def text_cell(cell: Any, value: Any) -> Any:
    """Put ``value`` in an openpyxl cell; text stays a string cell (never a formula).

    Text keeps its characters, except control characters XML cannot hold (removed) and text
    beyond Excel's 32,767 characters per cell (cut).
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = cell_value(value)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = str(name).translate(_SHEET_FORBIDDEN).strip("'") or "Sheet"
    title, n = base[:31], 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def write_xlsx(
    sheets: Mapping[str, pd.DataFrame],
    path: str | Path,
    *,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """One sheet per table (header row, then rows), text kept exactly, written atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    path = Path(path)
    check_target(path, inputs=tuple(Path(p) for p in inputs))

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        taken: set[str] = set()
        for name, frame in sheets.items():
            sheet = book.create_sheet(sheet_title(name, taken))
            sheet.append([text_cell(WriteOnlyCell(sheet), str(c)) for c in frame.columns])
            for row in frame.itertuples(index=False, name=None):
                sheet.append([text_cell(WriteOnlyCell(sheet), v) for v in row])
        if not sheets:
            book.create_sheet("Empty")
        book.save(tmp)

    write_atomic(path, write)
    return path
