"""Stage 1, reading: files of any export into one raw table of text cells.

Modules: ``reading`` (the entry points, several files combined), ``encodings`` (byte order
marks, GB18030/Big5, cp1252), ``table_shape`` (delimiter, header row below title rows),
``text_reading`` and ``arrow_csv`` (delimited and space-aligned text; Arrow's fast reader when
it reads the same), ``xlsx_reading`` and ``workbook_guards`` (workbooks, safely), ``parsing``
(dates, amounts and ids as values), ``database`` (tables in a database, by URL).
"""

from .database import DatabaseSource, is_database_url, redact_url
from .encodings import EncodingGuess, detect_encoding, encoding_label, guess_encoding
from .parsing import parse_amounts, parse_dates, to_text_ids
from .reading import (
    INTERNAL_COLUMNS,
    MAX_CELL_CHARS,
    ROW_COLUMN,
    SOURCE_COLUMN,
    SourceInfo,
    encoding_notes,
    read_sample,
    read_source_info,
    read_sources,
    read_table,
)

__all__ = [
    "INTERNAL_COLUMNS",
    "MAX_CELL_CHARS",
    "ROW_COLUMN",
    "SOURCE_COLUMN",
    "DatabaseSource",
    "EncodingGuess",
    "SourceInfo",
    "detect_encoding",
    "encoding_label",
    "encoding_notes",
    "guess_encoding",
    "is_database_url",
    "parse_amounts",
    "parse_dates",
    "read_sample",
    "read_source_info",
    "read_sources",
    "read_table",
    "redact_url",
    "to_text_ids",
]
