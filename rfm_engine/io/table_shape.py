"""Finding a table's shape in its first lines: the delimiter and the header row.

Shop exports often start with a title ("淘宝订单报表 2019年", a merged cell in Excel) or a
blank line before the header, and plain-text reports may align columns with spaces instead of
a delimiter. These functions look at the first rows only.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence

#: Delimiters tried, in order of preference when equally consistent.
DELIMITERS = (",", "\t", ";", "|")
#: Marker for "columns aligned with spaces" (read as fixed-width).
WHITESPACE = "whitespace"
#: Most columns accepted (Shopify's order export, one of the widest, has 79).
MAX_COLUMNS = 1000
#: How many leading rows are searched for the header.
HEADER_SEARCH_ROWS = 30

_VALUE = re.compile(
    r"^\s*[-+(]?[\d\s.,:/\-年月日¥$€£]+\)?\s*$"  # numbers, amounts, dates, times
)
_ALIGNED = re.compile(r"\S\s{2,}\S")


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter splitting most lines into the same number (> 1) of fields.

    Returns :data:`WHITESPACE` when no delimiter splits the lines but runs of spaces do, and
    ``","`` when nothing splits them (a one-column file).
    """
    lines = [ln for ln in lines if ln.strip()][:50]
    if not lines:
        return ","
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        counts.pop(1, None)
        if not counts:
            continue
        _width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if freq > best_score:
            best, best_score = delimiter, freq
    if best_score < max(1, len(lines) // 2) and _aligned(lines):
        return WHITESPACE
    return best


def _aligned(lines: Sequence[str]) -> bool:
    hits = sum(bool(_ALIGNED.search(ln)) for ln in lines)
    return hits >= max(1, math.ceil(0.6 * len(lines)))


def is_blank(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float):
        return math.isnan(cell)
    return isinstance(cell, str) and not cell.strip()


def _is_value(cell: object) -> bool:
    """True for cells that look like data (numbers, dates) rather than a column name."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float, dt.date, dt.datetime, dt.time, dt.timedelta)):
        return True
    text = str(cell).strip()
    if text.startswith('="') or text.startswith("'"):
        return True
    return bool(_VALUE.match(text))


def find_header_row(rows: Sequence[Sequence[object]]) -> int | None:
    """Index of the header among the first rows, or ``None`` when the table has no header.

    The header is the first row that fills most of the table's width (so one-cell titles and
    merged title rows are skipped) and whose cells are names rather than values. If a row of
    values comes first, the last row of two or more names above it is the header (a header
    with blank cells at its end); with none, the table has no header.
    """
    rows = list(rows[:HEADER_SEARCH_ROWS])
    filled = [sum(not is_blank(c) for c in row) for row in rows]
    if not filled or max(filled) == 0:
        return None
    width = max(filled)
    need = max(2, math.ceil(0.6 * width)) if width > 1 else 1
    partial = None
    for index, (row, count) in enumerate(zip(rows, filled, strict=True)):
        if count == 0:
            continue
        cells = [c for c in row if not is_blank(c)]
        names = sum(_is_value(c) for c in cells) * 2 < len(cells)
        if count >= need:
            return index if names else partial
        if names and count >= 2:
            partial = index
    return partial
