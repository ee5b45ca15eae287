"""Plain-text tables that line up in a terminal, Chinese (double-width) text included."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right_align: Sequence[bool]
) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = [
        "  ".join(
            _pad(h, w, r) for h, w, r in zip(headers, widths, right_align, strict=True)
        ).rstrip()
    ]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(
            "  ".join(
                _pad(c, w, r) for c, w, r in zip(row, widths, right_align, strict=True)
            ).rstrip()
        )
    return "\n".join(lines)


def fit_matrix(
    corner: str,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    cells: Sequence[Sequence[str]],
    *,
    width: int = 100,
) -> str:
    """A cross table (labels down the side and across the top) no wider than ``width``.

    As is when it fits; otherwise the columns are numbered (``1``, ``2`` …) and each row whose
    label is also a column's carries that number (``1 Champions``), with a legend for the
    other columns; when that is still too wide, the columns are shown in blocks, one under
    the other, each with the row labels.
    """
    right = [False] + [True] * len(col_labels)
    table = format_table([corner, *col_labels], _rows(row_labels, cells), right)
    if _widest(table) <= width:
        return table
    numbers = {label: str(i) for i, label in enumerate(col_labels, start=1)}
    labels = [f"{numbers[r]:>2} {r}" if r in numbers else f"   {r}" for r in row_labels]
    heads = list(numbers.values())
    legend = [f"{n} {c}" for c, n in numbers.items() if c not in set(row_labels)]
    blocks = []
    start = 0
    while start < len(heads):
        stop = len(heads)
        while True:
            block = format_table(
                [corner, *heads[start:stop]],
                _rows(labels, [row[start:stop] for row in cells]),
                [False] + [True] * (stop - start),
            )
            if _widest(block) <= width or stop == start + 1:
                break
            stop -= 1
        blocks.append(block)
        start = stop
    return "\n".join(["\n\n".join(blocks), *_wrapped(legend, width)])


def _wrapped(items: Sequence[str], width: int) -> list[str]:
    """``items`` joined by ``; `` into lines no wider than ``width`` (where each item fits)."""
    lines: list[str] = []
    for item in items:
        if lines and display_width(lines[-1]) + 2 + display_width(item) <= width:
            lines[-1] += "; " + item
        else:
            lines.append(item)
    return lines


def _rows(labels: Sequence[str], cells: Sequence[Sequence[str]]) -> list[list[str]]:
    return [[label, *row] for label, row in zip(labels, cells, strict=True)]


def _widest(text: str) -> int:
    return max((display_width(line) for line in text.splitlines()), default=0)
