"""Reading Excel workbooks (XLSX/XLSM, and old XLS) safely and fast.

python-calamine (Rust) reads the 40k-row sample about 8× faster than openpyxl (0.35 s vs
3.3 s, ``benchmarks/import_benchmark.py``), so it is the reader; openpyxl (read-only, with
defusedxml) is the fallback. Before either opens a file, :mod:`.workbook_guards` checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import InputFileError
from ..options.config import ReadOptions
from .table_shape import find_header_row, is_blank
from .workbook_guards import check_workbook_zip

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class SheetTable:
    """A sheet read as a table, with where its header was found."""

    frame: pd.DataFrame
    sheet: str
    header_row: int | None
    unpacked_bytes: int


def read_workbook(path: Path, options: ReadOptions, *, is_zip: bool) -> SheetTable:
    """The chosen sheet (default: the first that holds a table) as a table of cell values."""
    unpacked = check_workbook_zip(path) if is_zip else path.stat().st_size
    try:
        names, load = _open_workbook(path, is_zip=is_zip)
        name, rows = _sheet_rows(path, names, load, options.sheet)
    except InputFileError:
        raise
    except Exception as exc:  # the reader's own errors (damaged XML, bad zip entries, …)
        raise InputFileError(
            f"{path}: cannot be read as an Excel workbook ({_first_line(exc)})", path=str(path)
        ) from None
    except BaseException as exc:  # a Rust panic in calamine surfaces as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise InputFileError(
            f"{path}: cannot be read as an Excel workbook (reader failed: {_first_line(exc)})",
            path=str(path),
        ) from None
    header = options.header_row if options.header_row is not None else find_header_row(rows)
    start = 0 if header is None else header + 1
    body = rows[start:]
    width = max((len(r) for r in rows), default=0)
    names = rows[header] if header is not None else []
    columns = _column_names(names, width)
    frame = (
        pd.DataFrame(body, columns=columns, dtype=object) if body else pd.DataFrame(columns=columns)
    )
    frame = frame.replace({"": None})
    return SheetTable(frame=frame, sheet=name, header_row=header, unpacked_bytes=unpacked)


def _open_workbook(path: Path, *, is_zip: bool) -> tuple[list[str], Callable[[str], list]]:
    """Sheet names and a row loader: calamine, or openpyxl (read-only, defusedxml) without it."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # e.g. a Python without the Rust wheel; openpyxl reads XLSX only
        if not is_zip:
            raise InputFileError(f"{path}: old .xls files need python-calamine") from None
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return list(book.sheetnames), lambda n: [
            list(r) for r in book[n].iter_rows(values_only=True)
        ]
    book = CalamineWorkbook.from_path(str(path))
    return list(book.sheet_names), lambda n: book.get_sheet_by_name(n).to_python(
        skip_empty_area=False
    )


def _sheet_rows(
    path: Path, names: list[str], load: Callable[[str], list], sheet: str | int | None
) -> tuple[str, list[list]]:
    if sheet is not None:
        if isinstance(sheet, str) and sheet not in names and sheet.strip().isdigit():
            sheet = max(int(sheet) - 1, 0)  # a number as people count sheets: 1 = the first
        if isinstance(sheet, int):
            index = sheet
            if not 0 <= index < len(names):
                raise InputFileError(
                    f"{path}: has {len(names)} sheet(s), no sheet number {index + 1}",
                    path=str(path),
                )
            name = names[index]
        elif sheet in names:
            name = sheet
        else:
            raise InputFileError(
                f"{path}: no sheet {sheet!r}; it has: {', '.join(names)}", path=str(path)
            )
        return name, load(name)
    first_filled = None
    for name in names:
        rows = load(name)
        if _is_table(rows):
            return name, rows
        if first_filled is None and any(not is_blank(c) for row in rows[:50] for c in row):
            first_filled = name, rows
    if first_filled is None:
        raise InputFileError(f"{path}: every sheet is empty", path=str(path), code="empty_file")
    return first_filled


def _is_table(rows: list[list]) -> bool:
    """At least two rows with two or more filled cells (a header and a data row)."""
    full = 0
    for row in rows:
        if sum(not is_blank(c) for c in row) >= 2:
            full += 1
            if full >= 2:
                return True
    return False


def _column_names(header: list, width: int) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for i in range(width):
        cell = header[i] if i < len(header) else None
        name = f"column {i + 1}" if is_blank(cell) else _cell_text(cell)
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return names


def _cell_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
