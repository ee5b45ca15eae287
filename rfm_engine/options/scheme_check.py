"""Checking a segment scheme: cells no rule covers, rules that overlap, rules never reached.

Never fatal: the findings are shown to the user (a custom scheme is still usable), while
malformed rules and out-of-range scores are refused when the scheme is loaded.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schemes import SegmentScheme


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


def scheme_coverage(scheme: SegmentScheme, bins: int | None = None) -> SchemeCheck:
    """Report uncovered cells, overlapping rules and rules that never match.

    The cells are the (R, F, M) score combinations for ``score_ranges``, the eight high/low
    patterns for ``high_low`` and the recency days 0..(last bound + 1) for
    ``recency_days`` (an open-ended last range covers every day after it).
    """
    from .schemes import rule_matches

    if scheme.kind == "high_low":
        cells = ["".join(p) for p in itertools.product("10", repeat=3)]
        hits = {s.key: {s.pattern} for s in scheme.segments}
        winners = [
            next((i for i, s in enumerate(scheme.segments) if s.pattern == c), -1) for c in cells
        ]
    elif scheme.kind == "recency_days":
        bounds = [b for s in scheme.segments for b in s.days if b is not None]
        cells = list(range(max(bounds) + 2))
        hits = {s.key: {d for d in cells if _in_days(s.days, d)} for s in scheme.segments}
        winners = [
            next((i for i, s in enumerate(scheme.segments) if _in_days(s.days, d)), -1)
            for d in cells
        ]
    else:
        bins = bins or scheme.bins or 5
        cells = list(itertools.product(range(1, bins + 1), repeat=3))
        hits = {s.key: {c for c in cells if rule_matches(s, *c)} for s in scheme.segments}
        winners = scheme.score_cell_table(bins)
    uncovered = sum(1 for w in winners if w < 0)
    overlaps = []
    for a, b in itertools.combinations(scheme.segments, 2):
        shared = len(hits[a.key] & hits[b.key])
        if shared:
            overlaps.append((a.key, b.key, shared))
    won = {scheme.segments[w].key for w in winners if w >= 0}
    shadowed = tuple(s.key for s in scheme.segments if s.key not in won)
    return SchemeCheck(uncovered, len(cells), tuple(overlaps), shadowed)


def _in_days(days: tuple[int, int | None] | None, day: int) -> bool:
    return days is not None and days[0] <= day and (days[1] is None or day <= days[1])


def check_scheme(
    name_or_path: str | Path, *, bins: int | None = None
) -> tuple[SegmentScheme, SchemeCheck]:
    """Load a scheme (ranges and fields are checked, errors raise) and report its coverage.

    Returns the scheme and a :class:`SchemeCheck` of uncovered cells, overlapping rules (the
    first wins) and rules that never match, for ``bins``-point scores (default: the scheme's, or
    5).
    """
    from .schemes import load_scheme

    scheme = load_scheme(name_or_path)
    if bins is not None:
        scheme.require_bins(bins)
    return scheme, scheme.check(bins)
