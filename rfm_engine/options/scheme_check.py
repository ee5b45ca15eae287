"""Checking a segment scheme: cells no rule covers, rules that overlap, rules never reached.

Never fatal: the findings are shown to the user (a custom scheme is still usable), while
malformed rules and out-of-range scores are refused when the scheme is loaded.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .segment_rules import Segment


@dataclass(frozen=True)
class SchemeCheck:
    """What :meth:`SegmentScheme.check` found: never fatal, shown to the user."""

    uncovered_cells: int = 0
    total_cells: int = 0
    overlaps: tuple[tuple[str, str, int], ...] = ()
    shadowed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every cell matches exactly one rule and every rule matches some cell."""
        return not (self.uncovered_cells or self.overlaps or self.shadowed)

    def to_frame(self):
        """One row per finding (``problem``, ``segments``, ``cells``, ``message``) for a table."""
        import pandas as pd

        rows = []
        if self.uncovered_cells:
            rows.append(("uncovered", "", self.uncovered_cells))
        rows += [("overlap", f"{a}, {b}", n) for a, b, n in self.overlaps]
        rows += [("never_matches", key, 0) for key in self.shadowed]
        frame = pd.DataFrame(rows, columns=["problem", "segments", "cells"])
        frame["message"] = self.lines()
        return frame

    def lines(self) -> list[str]:
        out = []
        if self.uncovered_cells:
            out.append(
                f"{self.uncovered_cells} of {self.total_cells} cells match no rule "
                "(those customers get 'other')"
            )
        for first, second, cells in self.overlaps:
            out.append(f"rules {first!r} and {second!r} overlap in {cells} cells ({first} wins)")
        for key in self.shadowed:
            out.append(f"rule {key!r} never matches: earlier rules cover all its cells")
        return out


def coverage(
    segments: Sequence[Segment], cells: list[Any], hits: dict[str, set], winners: list[int]
) -> SchemeCheck:
    """Uncovered cells, overlapping rules and rules that never win, from a kind's cells (the
    (R, F, M) score combinations, the eight high/low patterns, or recency days 0..(last bound
    + 1), an open-ended last range covering every day after it)."""
    uncovered = sum(1 for w in winners if w < 0)
    overlaps = []
    for a, b in itertools.combinations(segments, 2):
        shared = len(hits[a.key] & hits[b.key])
        if shared:
            overlaps.append((a.key, b.key, shared))
    won = {segments[w].key for w in winners if w >= 0}
    shadowed = tuple(s.key for s in segments if s.key not in won)
    return SchemeCheck(uncovered, len(cells), tuple(overlaps), shadowed)
