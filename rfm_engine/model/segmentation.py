"""Assigning each customer a segment of a scheme (first matching rule wins, else ``other``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..options.config import SegmentConfig
from ..options.schemes import SegmentScheme


@dataclass(frozen=True)
class SegmentAssignment:
    """Segment key per customer, and for high/low schemes the reference each axis was cut at."""

    keys: pd.Series
    references: dict[str, float] | None = None


def assign_segments(
    customers: pd.DataFrame,
    scheme: SegmentScheme,
    *,
    bins: int,
    options: SegmentConfig = SegmentConfig(),
) -> SegmentAssignment:
    """Segment keys for a table with ``r_score``/``f_score``/``m_score`` and the metrics."""
    scheme.require_bins(bins)
    keys = np.array([s.key for s in scheme.segments] + [scheme.other.key], dtype=object)
    other = len(keys) - 1
    references = None
    if scheme.kind == "score_ranges":
        table = np.array(scheme.score_cell_table(bins))
        table[table < 0] = other
        r, f, m = (
            customers[c].to_numpy().astype("int64") for c in ("r_score", "f_score", "m_score")
        )
        index = (r - 1) * bins * bins + (f - 1) * bins + (m - 1)
        chosen = table[index] if len(index) else np.array([], dtype="int64")
    elif scheme.kind == "high_low":
        high, references = _high_low(customers, options)
        pattern = high[0].astype(int) * 100 + high[1].astype(int) * 10 + high[2].astype(int)
        lookup = {int(s.pattern): i for i, s in enumerate(scheme.segments)}
        chosen = np.array([lookup.get(int(p), other) for p in pattern], dtype="int64")
    else:
        days = customers["recency_days"].to_numpy()
        chosen = np.full(len(days), other, dtype="int64")
        for i in reversed(range(len(scheme.segments))):
            lo, hi = scheme.segments[i].days
            hit = (days >= lo) & (days <= (np.inf if hi is None else hi))
            chosen[hit] = i
    return SegmentAssignment(
        pd.Series(keys[chosen], index=customers.index, dtype=object), references
    )


def _high_low(
    customers: pd.DataFrame, options: SegmentConfig
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], dict[str, float]]:
    """Each axis high (True) or low against the mean/median of all customers.

    On scores, high means strictly greater. On raw values, recency is high when the days are
    strictly fewer than the reference.
    """
    if options.basis == "scores":
        columns = {"recency": "r_score", "frequency": "f_score", "monetary": "m_score"}
    else:
        columns = {"recency": "recency_days", "frequency": "frequency", "monetary": "monetary"}
    refs: dict[str, float] = {}
    high = []
    for axis, column in columns.items():
        values = customers[column].to_numpy(dtype="float64")
        ref = float(np.mean(values) if options.reference == "mean" else np.median(values))
        refs[axis] = ref
        if axis == "recency" and options.basis == "values":
            high.append(values < ref)
        else:
            high.append(values > ref)
    return (high[0], high[1], high[2]), refs
