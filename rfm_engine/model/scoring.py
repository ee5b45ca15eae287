"""R, F and M scores: quantile cut points or fixed thresholds, as in the definitions.

Quantile: cut points ``c_k = Q(k/n)`` (linear interpolation, numpy's default); a value's bin is
``1 + #{k : x > c_k}``; R = n + 1 − bin(recency). Fixed: lower bounds for F and M
(``1 + #{k : x >= t_k}``), day limits for R (``n − #{k : days > u_k}``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..options.config import AXES, AxisScoring, ScoringConfig

SCORE_COLUMNS = {"recency": "r_score", "frequency": "f_score", "monetary": "m_score"}
METRIC_OF_AXIS = {"recency": "recency_days", "frequency": "frequency", "monetary": "monetary"}


@dataclass(frozen=True)
class AxisCuts:
    """The cut points actually used on one axis, and how many customers got each score."""

    axis: str
    method: str
    bins: int
    cut_points: tuple[float, ...]
    counts: tuple[int, ...]

    @property
    def unused_scores(self) -> tuple[int, ...]:
        """Scores no customer got (heavy ties make some bins empty)."""
        return tuple(s for s, c in enumerate(self.counts, start=1) if c == 0)


def quantile_cut_points(values: np.ndarray, bins: int) -> np.ndarray:
    """``Q(k/n)`` for k = 1..n−1 with linear interpolation (R's type 7)."""
    return np.quantile(np.asarray(values, dtype="float64"), np.arange(1, bins) / bins)


def score_values(
    values: np.ndarray, axis: str, spec: AxisScoring, bins: int
) -> tuple[np.ndarray, AxisCuts]:
    """Scores 1..bins for one axis (5 best), and the cut points used."""
    x = np.asarray(values, dtype="float64")
    if spec.method == "quantile":
        cuts = quantile_cut_points(x, bins) if len(x) else np.full(bins - 1, np.nan)
        bin_of = 1 + np.searchsorted(cuts, x, side="left")  # 1 + #{k: x > c_k}
        scores = bins + 1 - bin_of if axis == "recency" else bin_of
    else:
        cuts = np.asarray(spec.breaks, dtype="float64")
        if axis == "recency":
            scores = bins - np.searchsorted(cuts, x, side="left")  # n − #{k: days > u_k}
        else:
            scores = 1 + np.searchsorted(cuts, x, side="right")  # 1 + #{k: x >= t_k}
    scores = scores.astype("int8")
    counts = np.bincount(scores, minlength=bins + 1)[1:]
    return scores, AxisCuts(
        axis, spec.method, bins, tuple(float(c) for c in cuts), tuple(int(c) for c in counts)
    )


def quantile_scores(values: np.ndarray, cut_points: np.ndarray, axis: str, bins: int) -> np.ndarray:
    """Quantile-method scores of ``values`` against cut points taken from another column.

    The rule of :func:`score_values`: bin ``1 + #{k : x > c_k}``, and R = n + 1 − bin. Used to
    score one value within a column (e.g. the Excel function ``RFM.SCORE``).
    """
    x = np.asarray(values, dtype="float64")
    bin_of = 1 + np.searchsorted(np.asarray(cut_points, dtype="float64"), x, side="left")
    return (bins + 1 - bin_of if axis == "recency" else bin_of).astype("int8")


def score_table(
    metrics: pd.DataFrame, config: ScoringConfig
) -> tuple[pd.DataFrame, dict[str, AxisCuts]]:
    """``r_score``, ``f_score``, ``m_score``, ``rfm_code`` and ``rfm_score`` per customer."""
    out = pd.DataFrame(index=metrics.index)
    cuts: dict[str, AxisCuts] = {}
    for axis in AXES:
        scores, cuts[axis] = score_values(
            metrics[METRIC_OF_AXIS[axis]].to_numpy(), axis, config.axis(axis), config.bins
        )
        out[SCORE_COLUMNS[axis]] = scores
    r, f, m = (out[c].to_numpy().astype("int64") for c in SCORE_COLUMNS.values())
    out["rfm_code"] = pd.Series(r * 100 + f * 10 + m, index=out.index).astype(str)
    wr, wf, wm = config.weights
    total = wr * r + wf * f + wm * m
    if all(float(w).is_integer() for w in config.weights):
        out["rfm_score"] = np.asarray(total).astype("int64")
    else:
        out["rfm_score"] = np.round(np.asarray(total, dtype="float64"), 10)
    return out, cuts


def suggest_breaks(values: np.ndarray, axis: str, bins: int) -> tuple[float, ...]:
    """Fixed thresholds from the data's distinct values that use as many scores as it allows.

    Returns ``bins - 1`` thresholds. For frequency and monetary they are lower bounds (score
    ``1 + #{t <= x}``), for recency day limits (score ``bins − #{u < days}``). With no more
    distinct values than scores, every distinct value gets a score of its own; otherwise each
    threshold is the distinct value whose share of customers below it is nearest ``k / bins``,
    so that scores hold about equal numbers of customers as far as ties allow.
    """
    x = np.sort(np.asarray(values, dtype="float64"))
    distinct, counts = np.unique(x, return_counts=True)
    if axis == "recency":  # day limits: "days <= u" gets the better scores
        candidates, below = distinct[:-1], np.cumsum(counts)[:-1] / len(x)
    else:  # lower bounds: "x >= t" gets the better scores
        candidates, below = distinct[1:], np.cumsum(counts)[:-1] / len(x)
    if len(candidates) <= bins - 1:
        # Every distinct value its own score; the thresholds left over sit where no customer
        # reaches them (above the largest value, or for recency below the fewest days), so the
        # result is a valid setting for ``bins`` scores.
        spare = np.arange(1, bins - len(candidates))
        if axis == "recency":
            return tuple(float(c) for c in (*(distinct[0] - spare[::-1]), *candidates))
        return tuple(float(c) for c in (*candidates, *(distinct[-1] + spare)))
    chosen: list[int] = []
    for k in range(1, bins):
        start = chosen[-1] + 1 if chosen else 0
        stop = len(candidates) - (bins - 1 - k)  # leave room for the thresholds after it
        best = start + int(np.argmin(np.abs(below[start:stop] - k / bins)))
        chosen.append(best)
    return tuple(float(candidates[i]) for i in chosen)
