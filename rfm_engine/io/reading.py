"""Reading sales exports (CSV/TSV/TXT and XLSX/XLS) into one raw table of text and cell values.

The raw table keeps the source's own headers; two extra columns record where each row came
from: ``SOURCE_COLUMN`` (file name) and ``ROW_COLUMN`` (1-based data row number in that file,
header excluded), so reports and errors can point at the row a user can find.

The file's content decides how it is read, not its extension: a CSV saved as ``.xlsx`` or a
workbook named ``.csv`` still reads. :func:`read_table` also returns what was detected per
file (:class:`SourceInfo`) so faces can show it and users can override it.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputFileError
from ..notes import WARNINGS, RfmWarning
from ..options.config import ReadOptions
from .encodings import CERTAINTY, encoding_label, guess_encoding
from .snapshot import refuse_nul_runs
from .table_shape import MAX_COLUMNS
from .text_reading import MAX_CELL_CHARS, SNIFF_BYTES, read_text, text_layout
from .xlsx_reading import OLE_MAGIC, ZIP_MAGIC, read_workbook

SOURCE_COLUMN = "_source"
ROW_COLUMN = "_row"
INTERNAL_COLUMNS = (SOURCE_COLUMN, ROW_COLUMN)
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


@dataclass(frozen=True)
class SourceInfo:
    """How one file was read: detected or given encoding, delimiter, sheet and header row."""

    path: str
    kind: str  # "text" or "workbook"
    rows: int
    columns: tuple[str, ...]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    #: 0-based index of the header line/row (title rows above it skipped); None: no header.
    header_row: int | None = 0
    #: What decided the encoding of a text file: ``given`` (the reading options) or how it was
    #: detected (``bom``, ``ascii``, ``utf8_valid``, ``chinese_text``, ``statistics`` …).
    encoding_basis: str | None = None

    @property
    def encoding_label(self) -> str | None:
        return encoding_label(self.encoding) if self.encoding else None

    @property
    def encoding_certainty(self) -> str | None:
        """How sure the encoding is: ``certain``, ``likely`` or ``guess`` (None: a workbook)."""
        return CERTAINTY.get(self.encoding_basis or "", "guess") if self.encoding else None


def read_sources(paths: Sequence[str | Path], options: ReadOptions = ReadOptions()) -> pd.DataFrame:
    """Read one or several files of the same layout into one raw table."""
    return read_table(paths, options)[0]


def read_table(
    paths: Sequence[str | Path], options: ReadOptions = ReadOptions()
) -> tuple[pd.DataFrame, tuple[SourceInfo, ...]]:
    """Read files of the same layout into one raw table, with how each file was read."""
    if not paths:
        raise InputFileError("no input file given")
    read = [read_source_info(Path(p), options) for p in paths]
    frames = [frame for frame, _ in read]
    infos = tuple(info for _, info in read)
    if len(frames) == 1:
        return frames[0], infos
    first = [c for c in frames[0].columns if c not in INTERNAL_COLUMNS]
    for path, frame in zip(paths[1:], frames[1:], strict=True):
        cols = [c for c in frame.columns if c not in INTERNAL_COLUMNS]
        if {str(c).strip() for c in cols} != {str(c).strip() for c in first}:
            raise InputFileError(
                f"{path}: its columns differ from {paths[0]} ({', '.join(map(str, cols[:8]))} "
                f"vs {', '.join(map(str, first[:8]))}); combine only files of the same layout",
                path=str(path),
                code="different_layouts",
            )
        frame.columns = [_match(c, first) for c in frame.columns]
    combined = pd.concat(frames, ignore_index=True)
    combined[SOURCE_COLUMN] = combined[SOURCE_COLUMN].astype("category")
    return combined, infos


def _match(column: str, first: list[str]) -> str:
    for c in first:
        if str(c).strip() == str(column).strip():
            return c
    return column


def read_source_info(
    path: Path, options: ReadOptions = ReadOptions()
) -> tuple[pd.DataFrame, SourceInfo]:
    """The raw table of one file and how it was read."""
    sample, size = read_sample(path)
    try:
        if sample.startswith((ZIP_MAGIC, OLE_MAGIC)):
            table = read_workbook(path, options, is_zip=sample.startswith(ZIP_MAGIC))
            frame, longest_possible = table.frame, table.unpacked_bytes
            info = dict(kind="workbook", sheet=table.sheet, header_row=table.header_row)
        else:
            _refuse_binary(path, sample)
            refuse_nul_runs(path, size)
            layout = text_layout(path, sample, options, cut=size > len(sample))
            frame, longest_possible = read_text(path, layout, size)
            info = dict(
                kind="text",
                encoding=layout.encoding,
                encoding_basis=layout.encoding_basis,
                delimiter=layout.delimiter,
                header_row=layout.header_row,
            )
    except InputFileError:
        raise
    except (OSError, ValueError, UnicodeError, MemoryError, csv.Error) as exc:
        raise InputFileError(
            f"{path}: cannot be read as a table ({_short(exc)})", path=str(path)
        ) from None
    if frame.shape[1] == 0 or frame.empty:
        raise InputFileError(f"{path}: has no data rows", path=str(path))
    if frame.shape[1] > MAX_COLUMNS:
        raise InputFileError(
            f"{path}: has {frame.shape[1]:,} columns (limit {MAX_COLUMNS:,}); "
            "this does not look like a sales table",
            path=str(path),
        )
    frame.columns = [str(c) for c in frame.columns]
    if longest_possible > MAX_CELL_CHARS:
        _refuse_huge_cells(path, frame)
    # One category, not a string per row: copying or selecting rows stays cheap.
    frame[SOURCE_COLUMN] = pd.Categorical.from_codes(
        np.zeros(len(frame), dtype=np.int8), categories=[path.name]
    )
    frame[ROW_COLUMN] = pd.RangeIndex(1, len(frame) + 1)
    headers = tuple(c for c in frame.columns if c not in INTERNAL_COLUMNS)
    return frame, SourceInfo(path=str(path), rows=len(frame), columns=headers, **info)


def read_sample(path: Path) -> tuple[bytes, int]:
    """The first bytes of a file (to detect its kind) and its size; a clear error when it is
    missing, a folder or empty."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file", path=str(path))
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a file", path=str(path), code="is_folder")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path}: is empty", path=str(path), code="empty_file")
    with path.open("rb") as fh:
        return fh.read(SNIFF_BYTES), size


def _refuse_binary(path: Path, sample: bytes) -> None:
    head = sample[:4096]
    if b"\x00" not in head:
        return
    zeros = head.count(b"\x00")
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        head[0::2].count(0) > 0.4 * len(head[0::2]) or head[1::2].count(0) > 0.4 * len(head[1::2])
    )
    if utf16 and zeros <= len(head) // 2 + 2:
        return
    raise InputFileError(
        f"{path}: looks like a binary file, not a CSV, text or Excel table",
        path=str(path),
        code="binary_file",
    )


def _refuse_huge_cells(path: Path, frame: pd.DataFrame) -> None:
    """Name the first cell longer than :data:`MAX_CELL_CHARS` (vectorised per column)."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        try:  # text cells only; NaN for numbers and dates mixed in
            lengths = values.str.len().fillna(0).to_numpy(dtype=np.int64)
        except AttributeError:  # a column of numbers or dates only: no text to measure
            continue
        if len(lengths) and lengths.max() > MAX_CELL_CHARS:
            row = int(np.argmax(lengths > MAX_CELL_CHARS)) + 1
            raise InputFileError(
                f"{path}: row {row}, column {column!r} holds a {lengths.max():,}-character cell "
                f"(limit {MAX_CELL_CHARS:,}); this does not look like a sales table",
                path=str(path),
            )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


WARNINGS["encoding_guess"] = (
    "a text file's encoding was guessed from letter statistics; names may read garbled"
)


def encoding_notes(paths: Sequence[str | Path], options: ReadOptions) -> tuple[RfmWarning, ...]:
    """An ``encoding_guess`` warning per text file whose encoding nothing but letter
    statistics decided (no byte order mark, not UTF-8, not common Chinese text): its names and
    ids may be read with the wrong letters, and only the user can tell. None when the reading
    options give the encoding."""
    if options.encoding:
        return ()
    notes = []
    for path in map(Path, paths):
        try:
            sample, size = read_sample(path)
        except InputFileError:
            continue  # the reader says what is wrong with it
        if sample.startswith((ZIP_MAGIC, OLE_MAGIC)):
            continue
        guess = guess_encoding(sample, cut=size > len(sample))
        if guess.certainty != "guess":
            continue
        notes.append(
            RfmWarning(
                "encoding_guess",
                f"{path.name}: its text encoding was guessed as {encoding_label(guess.encoding)} "
                "from letter statistics; if names or ids look garbled, choose the encoding",
                option="reading.encoding",
                evidence={"path": str(path), "encoding": guess.encoding, "basis": guess.basis},
                stage="reading",
            )
        )
    return tuple(notes)
