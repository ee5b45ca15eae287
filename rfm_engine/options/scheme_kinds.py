"""The kinds of segment rule tables, one class each: how a kind checks its rules, assigns
customers, enumerates the cells whose coverage is reported, and shows a rule in a table.

``score_ranges``
    each segment gives an inclusive score range per axis (``r``, ``f``, ``m``); the first
    matching rule wins (``classic``, ``seed5`` and custom schemes).
``high_low``
    each axis is high (1) or low (0) against a reference over all customers; a segment is a
    pattern of three digits "RFM" (``cn8``).
``recency_days``
    recency alone, in day ranges (``activity``).

A scheme finds its kind with :func:`kind_of`; nothing else branches on the kind's name.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..errors import SchemeError
from .segment_rules import Segment, rule_matches

#: Axes of a rule table and their column headers.
AXES = ("R", "F", "M")


class SchemeKind:
    """How one kind of rule table works. Stateless: one instance per kind in :data:`KINDS`."""

    key: ClassVar[str]
    #: Customers are segmented by their R, F and M scores alone (no reference, no days).
    by_scores: ClassVar[bool] = False
    #: Each axis is compared with a reference over all customers (``SegmentConfig.reference``
    #: and ``basis`` apply).
    uses_reference: ClassVar[bool] = False
    #: The rule columns a table of this kind shows: a subset of R, F, M and ``days``.
    rule_columns: ClassVar[tuple[str, ...]] = ()

    def check_rule(self, scheme_key: str, seg: Segment, bins: int | None) -> None:
        """Refuse a malformed rule (raises :class:`SchemeError`)."""
        raise NotImplementedError

    def assign(
        self, customers: pd.DataFrame, segments: Sequence[Segment], bins: int, options: Any
    ) -> tuple[np.ndarray, dict[str, float] | None]:
        """Index of the first matching rule per customer (``len(segments)`` for none), and
        the references used, if any. ``options`` is the run's ``SegmentConfig``."""
        raise NotImplementedError

    def coverage_cells(
        self, segments: Sequence[Segment], bins: int
    ) -> tuple[list[Any], dict[str, set], list[int]]:
        """The cells of this kind, the cells each rule matches, and the first rule matching each
        cell (-1 for none): what :func:`~rfm_engine.options.scheme_check.coverage` counts."""
        raise NotImplementedError

    def rule_cells(self, seg: Segment) -> dict[str, str]:
        """The rule as text per column of :attr:`rule_columns` (e.g. ``{"R": "4-5"}``)."""
        raise NotImplementedError


class ScoreRanges(SchemeKind):
    key = "score_ranges"
    by_scores = True
    rule_columns = AXES

    def check_rule(self, scheme_key: str, seg: Segment, bins: int | None) -> None:
        top = bins or 9
        for axis in ("r", "f", "m"):
            rng = getattr(seg, axis)
            if rng is None:
                continue
            lo, hi = rng
            if not (1 <= lo <= hi <= top):
                raise SchemeError(
                    f"scheme {scheme_key!r}, segment {seg.key!r}: {axis.upper()} range "
                    f"{lo}-{hi} is not within 1-{top}",
                    scheme=scheme_key,
                )

    def assign(self, customers, segments, bins, options):
        table = np.array(score_cell_table(segments, bins))
        table[table < 0] = len(segments)
        r, f, m = (
            customers[c].to_numpy().astype("int64") for c in ("r_score", "f_score", "m_score")
        )
        index = (r - 1) * bins * bins + (f - 1) * bins + (m - 1)
        return (table[index] if len(index) else np.array([], dtype="int64")), None

    def coverage_cells(self, segments, bins):
        cells = list(itertools.product(range(1, bins + 1), repeat=3))
        hits = {s.key: {c for c in cells if rule_matches(s, *c)} for s in segments}
        return cells, hits, score_cell_table(segments, bins)

    def rule_cells(self, seg: Segment) -> dict[str, str]:
        return {
            axis: "any" if rng is None else f"{rng[0]}-{rng[1]}"
            for axis, rng in zip(AXES, (seg.r, seg.f, seg.m), strict=True)
        }


class HighLow(SchemeKind):
    key = "high_low"
    uses_reference = True
    rule_columns = AXES

    def check_rule(self, scheme_key: str, seg: Segment, bins: int | None) -> None:
        if seg.pattern is None or len(seg.pattern) != 3 or set(seg.pattern) - {"0", "1"}:
            raise SchemeError(
                f"scheme {scheme_key!r}, segment {seg.key!r}: pattern must be three digits 0/1 "
                f"(R F M), not {seg.pattern!r}",
                scheme=scheme_key,
            )

    def assign(self, customers, segments, bins, options):
        high, references = _high_low(customers, options.reference, options.basis)
        pattern = high[0].astype(int) * 100 + high[1].astype(int) * 10 + high[2].astype(int)
        lookup = {int(s.pattern): i for i, s in enumerate(segments)}
        chosen = np.array([lookup.get(int(p), len(segments)) for p in pattern], dtype="int64")
        return chosen, references

    def coverage_cells(self, segments, bins):
        cells = ["".join(p) for p in itertools.product("10", repeat=3)]
        hits = {s.key: {s.pattern} for s in segments}
        winners = [next((i for i, s in enumerate(segments) if s.pattern == c), -1) for c in cells]
        return cells, hits, winners

    def rule_cells(self, seg: Segment) -> dict[str, str]:
        if not seg.pattern:
            return {}
        return {
            axis: "high" if digit == "1" else "low"
            for axis, digit in zip(AXES, seg.pattern, strict=True)
        }


class RecencyDays(SchemeKind):
    key = "recency_days"
    rule_columns = ("days",)

    def check_rule(self, scheme_key: str, seg: Segment, bins: int | None) -> None:
        where = f"scheme {scheme_key!r}, segment {seg.key!r}"
        if seg.days is None:
            raise SchemeError(f"{where}: a day range is required", scheme=scheme_key)
        lo, hi = seg.days
        if lo < 0 or (hi is not None and hi < lo):
            raise SchemeError(f"{where}: day range {lo}-{hi} is not valid", scheme=scheme_key)

    def assign(self, customers, segments, bins, options):
        days = customers["recency_days"].to_numpy()
        chosen = np.full(len(days), len(segments), dtype="int64")
        for i in reversed(range(len(segments))):
            lo, hi = segments[i].days
            hit = (days >= lo) & (days <= (np.inf if hi is None else hi))
            chosen[hit] = i
        return chosen, None

    def coverage_cells(self, segments, bins):
        bounds = [b for s in segments for b in s.days if b is not None]
        cells = list(range(max(bounds) + 2))
        hits = {s.key: {d for d in cells if _in_days(s.days, d)} for s in segments}
        winners = [
            next((i for i, s in enumerate(segments) if _in_days(s.days, d)), -1) for d in cells
        ]
        return cells, hits, winners

    def rule_cells(self, seg: Segment) -> dict[str, str]:
        if seg.days is None:
            return {}
        lo, hi = seg.days
        return {"days": f"{lo}+" if hi is None else f"{lo}-{hi}"}


#: Every kind by its key (the ``kind`` field of a scheme's JSON).
KINDS: dict[str, SchemeKind] = {k.key: k() for k in (ScoreRanges, HighLow, RecencyDays)}


def kind_of(key: str, scheme_key: str = "") -> SchemeKind:
    """The kind named ``key``; an unknown name is a :class:`SchemeError`."""
    try:
        return KINDS[key]
    except KeyError:
        raise SchemeError(
            f"scheme {scheme_key!r}: kind must be one of {', '.join(KINDS)}, not {key!r}",
            scheme=scheme_key,
        ) from None


def score_cell_table(segments: Sequence[Segment], bins: int) -> list[int]:
    """Index of the first rule matching each (R, F, M) score cell, or -1.

    Cell (r, f, m) (1-based) sits at ``(r-1)*bins*bins + (f-1)*bins + (m-1)``.
    """
    return [
        next((i for i, s in enumerate(segments) if rule_matches(s, r, f, m)), -1)
        for r, f, m in itertools.product(range(1, bins + 1), repeat=3)
    ]


def _in_days(days: tuple[int, int | None] | None, day: int) -> bool:
    return days is not None and days[0] <= day and (days[1] is None or day <= days[1])


def _high_low(
    customers: pd.DataFrame, reference: str, basis: str
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], dict[str, float]]:
    """Each axis high (True) or low against the mean/median of all customers.

    On scores, high means strictly greater. On raw values, recency is high when the days are
    strictly fewer than the reference.
    """
    if basis == "scores":
        columns = {"recency": "r_score", "frequency": "f_score", "monetary": "m_score"}
    else:
        columns = {"recency": "recency_days", "frequency": "frequency", "monetary": "monetary"}
    refs: dict[str, float] = {}
    high = []
    for axis, column in columns.items():
        values = customers[column].to_numpy(dtype="float64")
        ref = float(np.mean(values) if reference == "mean" else np.median(values))
        refs[axis] = ref
        if axis == "recency" and basis == "values":
            high.append(values < ref)
        else:
            high.append(values > ref)
    return (high[0], high[1], high[2]), refs
