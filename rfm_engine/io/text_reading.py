"""Reading delimited or space-aligned text exports (CSV, TSV, TXT) as tables of text.

Every cell stays text (pandas' ``str``): ids like ``00123`` and 17-digit order numbers must not
become numbers; the parsers turn dates and amounts into values later. Plain UTF-8 CSV is read
by Arrow's reader when pyarrow is installed (:mod:`rfm_engine.io.arrow_csv`), everything else by
pandas'.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputFileError
from ..options.config import ReadOptions
from .arrow_csv import PANDAS_3, accepts, arrow_available, read_csv_arrow
from .encodings import guess_encoding
from .snapshot import stable_arrow_stream, stable_stream
from .table_shape import MAX_COLUMNS, WHITESPACE, find_header_row, sniff_delimiter

SNIFF_BYTES = 256 * 1024
#: Lines looked at to find the gaps between space-aligned columns.
GUTTER_SAMPLE_LINES = 5000
#: Characters of each line looked at when sniffing (csv's own field limit is 131,072).
MAX_SNIFF_LINE = 64 * 1024
#: Longest cell accepted (Excel's own limit is 32,767 characters).
MAX_CELL_CHARS = 100_000
_CHUNK = 16 * 1024**2


@dataclass(frozen=True)
class TextLayout:
    """What was detected (or given) about a text file."""

    encoding: str
    delimiter: str
    header_row: int | None
    #: What decided the encoding: ``given``, or a basis of :data:`~.encodings.CERTAINTY`.
    encoding_basis: str = "given"


def text_layout(path: Path, sample: bytes, options: ReadOptions, *, cut: bool) -> TextLayout:
    """Encoding, delimiter and header row of a text file from its first bytes."""
    if options.encoding:
        encoding, basis = options.encoding, "given"
    else:
        guess = guess_encoding(sample, cut=cut)
        encoding, basis = guess.encoding, guess.basis
    try:
        text = sample.decode(encoding, errors="replace")
    except LookupError:
        raise InputFileError(f"{path}: unknown encoding {encoding!r}", path=str(path)) from None
    lines = text.lstrip("\ufeff").splitlines()
    if cut and len(lines) > 1:
        lines = lines[:-1]  # the sample may end inside a line
    lines = [ln[:MAX_SNIFF_LINE] for ln in lines[:200]]
    delimiter = options.delimiter or sniff_delimiter(lines[:60])
    rows = _split(lines, delimiter)
    widest = max((len(r) for r in rows), default=0)
    if widest > MAX_COLUMNS:
        raise InputFileError(
            f"{path}: has over {MAX_COLUMNS:,} columns ({widest:,} in its first lines); "
            "this does not look like a sales table",
            path=str(path),
        )
    header = options.header_row if options.header_row is not None else find_header_row(rows)
    return TextLayout(
        encoding=encoding, delimiter=delimiter, header_row=header, encoding_basis=basis
    )


def _split(lines: list[str], delimiter: str) -> list[list[str]]:
    if delimiter == WHITESPACE:
        return [re.split(r"\s{2,}", ln.strip()) if ln.strip() else [] for ln in lines]
    return [row for row in csv.reader(lines, delimiter=delimiter)]


def read_text(path: Path, layout: TextLayout, size: int) -> tuple[pd.DataFrame, int]:
    """The table of a text file with ``layout``, and the bytes in its longest line or cell
    (no cell is longer); a decoding failure names the byte offset.

    Plain UTF-8 CSV goes through Arrow's multi-threaded reader when pyarrow is installed; it
    gives the same table as pandas' reader, which reads everything else.
    """
    header = 0 if layout.header_row is not None else None
    if accepts(layout.delimiter, layout.encoding, layout.header_row) and arrow_available():
        # The bytes the file had when opened: a file still growing cannot crash Arrow's reader.
        with stable_arrow_stream(path) as stream:
            read = read_csv_arrow(stream, layout.delimiter, header=header is not None)
        if read is not None:
            frame, longest = read
            if header is None:
                frame.columns = [f"column {i + 1}" for i in range(frame.shape[1])]
            return frame, longest
    try:
        if layout.delimiter == WHITESPACE:
            frame = _read_aligned(path, layout)
        else:
            with stable_stream(path) as stream:
                frame = pd.read_csv(stream, **csv_options(layout))
    except UnicodeDecodeError as exc:
        raise decoding_error(path, layout, exc) from None
    except pd.errors.EmptyDataError:
        raise InputFileError(f"{path}: has no data rows", path=str(path)) from None
    except pd.errors.ParserError as exc:
        raise InputFileError(
            f"{path}: rows do not fit one table ({_last_line(exc)})", path=str(path)
        ) from None
    if header is None:
        frame.columns = [f"column {i + 1}" for i in range(frame.shape[1])]
    return frame, longest_line(path, size)


def decoding_error(path: Path, layout: TextLayout, exc: UnicodeDecodeError) -> InputFileError:
    return InputFileError(
        f"{path}: byte {exc.start} is not valid {layout.encoding} (mixed encodings?); "
        "give the file's encoding (e.g. gb18030)",
        path=str(path),
        code="bad_encoding",
        option="reading.encoding",
    )


#: Text cells as pandas' ``str`` kept in Python objects: the C reader makes those anyway, so
#: converting them to Arrow strings (pandas' default when pyarrow is installed) would only
#: double the reading time.
TEXT_DTYPE = pd.StringDtype("python", na_value=np.nan) if PANDAS_3 else str


def csv_options(layout: TextLayout) -> dict:
    """``pandas.read_csv`` arguments that read a delimited file with ``layout``, all cells as
    text (shared by the whole-file reader and the chunked out-of-core reader)."""
    return dict(
        sep=layout.delimiter,
        encoding=layout.encoding,
        dtype=TEXT_DTYPE,
        keep_default_na=False,
        na_values=[""],
        header=0 if layout.header_row is not None else None,
        skiprows=layout.header_row or 0,
        skip_blank_lines=True,
        engine="c",
    )


def _read_aligned(path: Path, layout: TextLayout) -> pd.DataFrame:
    """Space-aligned columns, cut where every line (header and data) has a gap of two or more
    spaces, so ``Customer ID`` and ``B002 X`` each stay one cell. When the header is spaced
    differently from the rows (`` customer_id  date number_of_cds`` over `` 00001 19970101  1``)
    no such gaps line up; if then every line has the same number of words, each word is a cell."""
    with path.open(encoding=layout.encoding) as fh:
        lines = fh.read().lstrip("\ufeff").splitlines()
    start = 0 if layout.header_row is None else layout.header_row
    lines = [ln.expandtabs() for ln in lines[start:] if ln.strip()]
    specs = aligned_colspecs(lines[:GUTTER_SAMPLE_LINES])
    words = {len(ln.split()) for ln in lines}
    if len(words) == 1 and len(specs) < next(iter(words)):
        return pd.read_csv(
            io.StringIO("\n".join(ln.strip() for ln in lines)),
            sep=r"\s+",
            header=0 if layout.header_row is not None else None,
            dtype=TEXT_DTYPE,
            keep_default_na=False,
            na_values=[""],
        )
    frame = pd.read_fwf(
        io.StringIO("\n".join(lines)),
        colspecs=specs,
        header=0 if layout.header_row is not None else None,
        dtype=TEXT_DTYPE,
        keep_default_na=False,
        na_values=[""],
    )
    return frame


def aligned_colspecs(lines: list[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each column: runs of positions used by some line, split at gaps of
    two or more positions that are blank in every line."""
    width = max((len(ln) for ln in lines), default=0)
    used = np.zeros(width + 2, dtype=bool)
    for line in lines:
        chars = np.frombuffer(line.encode("utf-32-le"), dtype=np.uint32)
        used[: len(chars)] |= chars != ord(" ")
    specs: list[tuple[int, int]] = []
    start = None
    gap = 0
    for pos, filled in enumerate(used):
        if filled:
            if start is None:
                start = pos
            gap = 0
            end = pos + 1
        elif start is not None:
            gap += 1
            if gap >= 2:
                specs.append((start, end))
                start = None
    return specs


def longest_line(path: Path, size: int) -> int:
    """Bytes in the longest line (a cell cannot be longer), read in chunks, vectorised."""
    if size <= MAX_CELL_CHARS:
        return size
    longest, run = 0, 0  # run: bytes since the last line break, carried across chunks
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            breaks = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 10)
            if len(breaks) == 0:
                run += len(chunk)
                continue
            inner = int(np.diff(breaks).max()) if len(breaks) > 1 else 0
            longest = max(longest, run + int(breaks[0]) + 1, inner)
            run = len(chunk) - int(breaks[-1]) - 1
    return max(longest, run)


def _last_line(exc: BaseException) -> str:
    """The last line of an exception's text (pandas' parser puts the cause there)."""
    text = str(exc).strip().splitlines()
    return text[-1][:200] if text else type(exc).__name__
