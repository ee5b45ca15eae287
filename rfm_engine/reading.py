"""Reading sales exports (CSV/TSV/TXT and XLSX) into one raw table of text and cell values.

The raw table keeps the source's own headers; two extra columns record where each row came
from: ``SOURCE_COLUMN`` (file name) and ``ROW_COLUMN`` (1-based data row number in that file,
header excluded), so reports and errors can point at the row a user can find.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .config import ReadOptions
from .errors import InputFileError

SOURCE_COLUMN = "_source"
ROW_COLUMN = "_row"
INTERNAL_COLUMNS = (SOURCE_COLUMN, ROW_COLUMN)
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
#: Tried in order when no encoding is given; the first that decodes the sample wins.
ENCODINGS = ("utf-8-sig", "utf-16", "gb18030", "big5", "cp1252")
_SNIFF_BYTES = 256 * 1024


def read_sources(paths: Sequence[str | Path], options: ReadOptions = ReadOptions()) -> pd.DataFrame:
    """Read one or several files of the same layout into one raw table."""
    if not paths:
        raise InputFileError("no input file given")
    frames = [read_source(Path(p), options) for p in paths]
    if len(frames) == 1:
        return frames[0]
    first = [c for c in frames[0].columns if c not in INTERNAL_COLUMNS]
    for path, frame in zip(paths[1:], frames[1:], strict=True):
        cols = [c for c in frame.columns if c not in INTERNAL_COLUMNS]
        if {str(c).strip() for c in cols} != {str(c).strip() for c in first}:
            raise InputFileError(
                f"{path}: its columns differ from {paths[0]} ({', '.join(map(str, cols[:8]))} "
                f"vs {', '.join(map(str, first[:8]))}); combine only files of the same layout",
                path=str(path),
            )
        frame.columns = [_match(c, first) for c in frame.columns]
    return pd.concat(frames, ignore_index=True)


def _match(column: str, first: list[str]) -> str:
    for c in first:
        if str(c).strip() == str(column).strip():
            return c
    return column


def read_source(path: Path, options: ReadOptions = ReadOptions()) -> pd.DataFrame:
    if not path.exists():
        raise InputFileError(f"{path}: no such file", path=str(path))
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a file", path=str(path))
    if path.stat().st_size == 0:
        raise InputFileError(f"{path}: is empty", path=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix in EXCEL_SUFFIXES:
            frame = _read_excel(path, options)
        else:
            frame = _read_text(path, options)
    except InputFileError:
        raise
    except (OSError, ValueError, UnicodeError, csv.Error) as exc:
        raise InputFileError(
            f"{path}: cannot be read as a table ({_short(exc)})", path=str(path)
        ) from None
    if frame.shape[1] == 0 or frame.empty:
        raise InputFileError(f"{path}: has no data rows", path=str(path))
    frame.columns = [str(c) for c in frame.columns]
    frame[SOURCE_COLUMN] = path.name
    frame[ROW_COLUMN] = pd.RangeIndex(1, len(frame) + 1)
    return frame


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def detect_encoding(sample: bytes) -> str:
    """The first of :data:`ENCODINGS` that decodes the sample (a cut last character allowed)."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for encoding in ENCODINGS:
        if encoding == "utf-16":
            continue
        try:
            sample.decode(encoding)
            return encoding
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 4 and encoding != "cp1252":
                return encoding  # only the sample's cut end failed
    return "cp1252"


def _read_text(path: Path, options: ReadOptions) -> pd.DataFrame:
    with path.open("rb") as fh:
        sample = fh.read(_SNIFF_BYTES)
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(
            f"{path}: looks like a binary file, not a CSV or text table", path=str(path)
        )
    encoding = options.encoding or detect_encoding(sample)
    try:
        text_sample = sample.decode(encoding, errors="ignore")
    except LookupError:
        raise InputFileError(f"{path}: unknown encoding {encoding!r}", path=str(path)) from None
    delimiter = options.delimiter or _sniff_delimiter(text_sample)
    header = options.header_row or 0
    return pd.read_csv(
        path,
        sep=delimiter,
        encoding=encoding,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        header=header,
        skipinitialspace=False,
        engine="c",
    )


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",\t;|").delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in ",\t;|"}
        return max(counts, key=counts.get) if max(counts.values()) else ","


def _read_excel(path: Path, options: ReadOptions) -> pd.DataFrame:
    sheet = options.sheet if options.sheet is not None else 0
    try:
        frame = pd.read_excel(
            path, sheet_name=sheet, header=options.header_row or 0, engine="calamine", dtype=object
        )
    except (KeyError, IndexError):
        raise InputFileError(f"{path}: no sheet {sheet!r}", path=str(path)) from None
    except ImportError:  # pragma: no cover - calamine is a dependency; openpyxl is the fallback
        frame = pd.read_excel(
            path, sheet_name=sheet, header=options.header_row or 0, engine="openpyxl", dtype=object
        )
    return frame
