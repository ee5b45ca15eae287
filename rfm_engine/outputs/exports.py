"""Writing result tables so they are safe to open in Excel.

A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR would become a formula in
Excel; such cells get a leading apostrophe in CSV (shown as text). In XLSX every text cell is
stored as a string cell, so it keeps its text exactly and is never a formula. Files are written
atomically and never over an input file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..atomic import atomic_open, check_target, sweep_stale, temp_name_prefix, write_atomic
from ..errors import OutputFileError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


#: Text that starts like a formula but cannot run as one, kept verbatim so that the tools that
#: import our files (Mailchimp, a CRM) get the address or number itself: an E.164 phone number
#: (``+8613800000000``) and a plain e-mail address (``+vip@example.com``; letters, digits and
#: ``._%+-`` only, so no function call, reference or DDE payload fits).
_MACHINE_VALUE = re.compile(
    r"\+[1-9]\d{6,14}|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


def neutralize_formula_text(value: object) -> object:
    """``'`` + value for text that Excel would read as a formula; other values unchanged
    (also a valid phone number or e-mail address, which cannot run as a formula)."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _MACHINE_VALUE.fullmatch(value)
    ):
        return "'" + value
    return value


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns and headers cannot become formulas (numbers are left as
    numbers): a contact column named ``=HYPERLINK(…)`` is written as text too."""
    out = frame.copy()
    for i in range(out.shape[1]):
        series = out.iloc[:, i]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out.isetitem(i, series.astype(object).map(neutralize_formula_text))
    out.columns = [neutralize_formula_text(str(c)) for c in frame.columns]
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
    """A valid, unique sheet name by Excel's rules: at most 31 UTF-16 units, none of
    ``[]:*?/\\`` or control characters, no ``'`` at either end, not blank, not "History"
    (reserved), unique ignoring case once trimmed."""
    base = _CONTROL.sub("", str(name)).translate(_SHEET_FORBIDDEN).strip().strip("'").strip()
    if not base or base.lower() == "history":
        base = f"{base} sheet".strip() if base else "Sheet"
    title, n = _utf16_cut(base, 31), 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = _utf16_cut(base, 31 - len(suffix)).rstrip().rstrip("'") + suffix, n + 1
    taken.add(title.lower())
    return title


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _utf16_cut(text: str, units: int) -> str:
    """``text`` cut to at most ``units`` UTF-16 code units (Excel counts those), never
    through a surrogate pair; no trailing blank or apostrophe."""
    out, used = [], 0
    for char in text:
        size = 2 if ord(char) > 0xFFFF else 1
        if used + size > units:
            break
        out.append(char)
        used += size
    return "".join(out).rstrip().rstrip("'").rstrip() or "Sheet"


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
    _tag_openpyxl_temp_files()

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        taken: set[str] = set()
        try:
            for name, frame in sheets.items():
                sheet = book.create_sheet(sheet_title(name, taken))
                sheet.append([text_cell(WriteOnlyCell(sheet), str(c)) for c in frame.columns])
                for row in frame.itertuples(index=False, name=None):
                    sheet.append([text_cell(WriteOnlyCell(sheet), v) for v in row])
            if not sheets:
                book.create_sheet("Empty")
            book.save(tmp)
        except BaseException:
            _abandon(book)
            raise

    write_atomic(path, write)
    return path


def _tag_openpyxl_temp_files() -> None:
    """openpyxl's write-only sheets spool to files in the temp folder, removed at exit; a
    killed process leaves them. Named like ours, the next run sweeps them (see
    :func:`~rfm_engine.atomic.sweep_stale`)."""
    from openpyxl.worksheet import _writer

    sweep_stale(Path(tempfile.gettempdir()))
    if getattr(_writer.create_temporary_file, "rfm_tagged", False):
        return

    def create_temporary_file(suffix: str = "") -> str:
        fd, name = tempfile.mkstemp(prefix=temp_name_prefix("openpyxl"), suffix=suffix or ".xml")
        os.close(fd)
        _writer.ALL_TEMP_FILES.append(name)
        return name

    create_temporary_file.rfm_tagged = True  # type: ignore[attr-defined]
    _writer.create_temporary_file = create_temporary_file


def _abandon(book: Any) -> None:
    """Close a write-only workbook's sheet streams now, while their spool files are open: left
    to the garbage collector (after an interrupt) they print "Exception ignored … closed file"."""
    for sheet in getattr(book, "_sheets", ()):
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()
