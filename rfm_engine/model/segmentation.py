"""Assigning each customer a segment of a scheme (first matching rule wins, else ``other``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..options import SegmentConfig, SegmentScheme


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
    chosen, references = scheme.rules.assign(customers, scheme.segments, bins, options)
    return SegmentAssignment(
        pd.Series(keys[chosen], index=customers.index, dtype=object), references
    )
