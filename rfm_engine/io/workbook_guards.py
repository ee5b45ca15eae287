"""Checks on an XLSX file before any reader opens it (readers trust the file too much).

- Zip bombs: the declared unpacked size and each large part's compression ratio are bounded.
- Entity bombs: no XML part may declare a DTD (Excel never writes one; calamine refuses unknown
  entities and openpyxl uses defusedxml, but a clear message is better than either).
- Sparse-cell bombs: a sheet with one cell at ``A1`` and one at ``XFD1048576`` makes calamine
  allocate the whole 17-billion-cell rectangle and abort the process. Each sheet's row and
  column references are scanned (streamed, regex over chunks) and the area is bounded.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import InputFileError

#: Refuse workbooks whose parts unpack to more than this (declared sizes).
MAX_UNPACKED_BYTES = 1024**3
#: ... or whose large parts compress better than this (real sheets: 5-20×).
MAX_RATIO = 200
#: ... or whose used range (rows × columns of a sheet) is larger than this.
MAX_CELLS = 50_000_000
_RATIO_MIN_BYTES = 50 * 1024**2
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 8 * 1024**2
_OVERLAP = 256
EXCEL_ROWS = 1_048_576
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"')
_WIDE_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{2,3})\d')
_WIDE_REF_FAST = re.compile(rb'<c r="([A-Z]{2,3})\d')
_BIG_ROW = re.compile(rb'r="[A-Z]{0,3}\d{7}')
_OTHER_FIRST = re.compile(rb"<c (?!r=)")


def check_workbook_zip(path: Path) -> int:
    """Refuse zip, entity and sparse-cell bombs and non-workbook zips; return the declared
    unpacked size."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.bin" in names:
                raise InputFileError(
                    f"{path}: is a binary workbook (.xlsb), which cannot be checked before "
                    "reading; save it as .xlsx in Excel",
                    path=str(path),
                )
            if "xl/workbook.xml" not in names:
                raise InputFileError(
                    f"{path}: is a zip archive but not an Excel workbook", path=str(path)
                )
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED_BYTES:
                raise InputFileError(
                    f"{path}: unpacks to {total / 1024**3:.1f} GB, over the "
                    f"{MAX_UNPACKED_BYTES / 1024**3:.0f} GB limit (a zip bomb?)",
                    path=str(path),
                )
            for info in infos:
                if info.file_size > _RATIO_MIN_BYTES and (
                    info.file_size > MAX_RATIO * max(info.compress_size, 1)
                ):
                    ratio = info.file_size // max(info.compress_size, 1)
                    raise InputFileError(
                        f"{path}: part {info.filename} expands {ratio}× (a zip bomb?); "
                        "refusing to open it",
                        path=str(path),
                    )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _refuse_dtd(path, archive, info)
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    refuse_sparse_bomb(path, archive, info)
            return total
    except zipfile.BadZipFile as exc:
        raise InputFileError(
            f"{path}: is not a readable Excel workbook (damaged or truncated: {exc})",
            path=str(path),
        ) from None


def _refuse_dtd(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with archive.open(info) as part:
        head = part.read(4096)
    if any(marker in head for marker in _DTD_MARKERS):
        raise InputFileError(
            f"{path}: part {info.filename} declares a DTD, which Excel never writes "
            "(an XML entity bomb?); refusing to open it",
            path=str(path),
        )


def refuse_sparse_bomb(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a sheet whose referenced rectangle exceeds :data:`MAX_CELLS`.

    Fast path: with at most ``MAX_CELLS / 1,048,576`` columns and no row number past Excel's
    last row, no sheet can be too large, and that needs only cheap scans. Otherwise the exact
    extent is scanned.
    """
    cols, beyond = _fast_scan(archive, info)
    if cols * EXCEL_ROWS <= MAX_CELLS and not beyond:
        return
    rows, cols = sheet_extent(archive, info)
    if rows * cols > MAX_CELLS:
        raise InputFileError(
            f"{path}: sheet part {info.filename} spans {rows:,} rows × {cols:,} columns, over "
            f"the {MAX_CELLS:,}-cell limit; refusing to open it",
            path=str(path),
        )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The part's bytes in chunks that overlap a little, so no tag is cut in two."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            yield tail + chunk
            tail = chunk[-_OVERLAP:]


def _fast_scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, bool]:
    """Widest column referenced, and whether any reference has a 7+ digit row number."""
    cols, beyond = 26, False
    for data in _chunks(archive, info):
        if _OTHER_FIRST.search(data) is None:
            letters = set(_WIDE_REF_FAST.findall(data))
        else:  # attributes in another order: the slower pattern
            letters = set(_WIDE_REF.findall(data))
        for found in letters:
            cols = max(cols, _column_number(found))
        beyond = beyond or _BIG_ROW.search(data) is not None
    return cols, beyond


def sheet_extent(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Highest row number and column number referenced by rows and cells of a sheet part."""
    rows, cols = 0, 26
    for data in _chunks(archive, info):
        for found in _ROW_REF.findall(data):
            rows = max(rows, int(found))
        for letters, number in _CELL_REF.findall(data):
            rows = max(rows, int(number))
            cols = max(cols, _column_number(letters))
    return rows, cols


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number
