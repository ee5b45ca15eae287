"""Scores computed where the customers are: exact quantile cut points and R, F, M scores as
expressions on the per-customer table in the database (:func:`~rfm_engine.aggregate.
per_customer_table`), so that only the cut points (a few numbers) need to come back.

The cut points equal the in-memory ones to the last bit (:func:`.scoring.quantile_cut_points`,
NumPy's linear interpolation, R's type 7): each ``Q(k/n)`` needs the values at two positions of
the sorted column, which the database gives by row numbers (never its own approximate
quantile); the interpolation between them is NumPy's own arithmetic, done here. Ties do not
matter: the value at a position is the same whatever order ties take.

Scores compare each customer's metric with the cut points in the database. Recency and
frequency are whole numbers there as in memory. Monetary in memory is a float from whole
millionths (``round(units / 10**6, 10)``); it is compared here through the largest whole number
of millionths at or below each cut point, so the comparison is exact on every backend.
Monetary as the mean per order is not scored in the database (:func:`score_expressions` refuses
it; the in-memory path scores it).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from ..aggregate.totals import MONEY_SCALE
from ..errors import ConfigError
from ..options import RfmConfig, SegmentScheme
from ..options.config import AXES
from .scoring import SCORE_COLUMNS
from .summary import finish_summary


def monetary_of_units(units: Any) -> np.ndarray:
    """Monetary (total) as the in-memory engine has it, from whole millionths."""
    return np.round(np.asarray(units, dtype=np.float64) / MONEY_SCALE, 10)


def type7_positions(n: int, bins: int) -> list[tuple[int, int, float]]:
    """For each ``k/bins``: the two 0-based positions of the sorted values and the weight of
    the second, computed as NumPy's ``quantile`` computes them (method ``linear``)."""
    out = []
    for q in np.arange(1, bins) / bins:
        virtual = np.float64(n - 1) * q  # numpy, method "linear": (n - 1) q
        low = int(np.floor(virtual))
        if virtual >= n - 1:  # numpy takes the last value twice
            out.append((n - 1, n - 1, 0.0))
            continue
        out.append((low, low + 1, float(virtual - np.float64(low))))
    return out


def interpolate(a: float, b: float, t: float) -> float:
    """NumPy's ``_lerp``: ``a + (b - a) t``, from ``b`` for ``t >= 0.5``."""
    a, b, t = np.float64(a), np.float64(b), np.float64(t)
    diff = b - a
    return float(b - diff * (1 - t)) if t >= 0.5 else float(a + diff * t)


def metric_expressions(per_customer: Any, config: RfmConfig, as_of: dt.date) -> dict[str, Any]:
    """Recency (days), frequency and monetary (whole millionths) as expressions."""
    import ibis

    if config.metrics.monetary != "total":
        raise ConfigError(
            "scores in the database need monetary as the total (the mean per order is scored "
            "in memory)",
            option="metrics.monetary",
        )
    day = ibis.literal(as_of, type="date")
    frequency = "days" if config.metrics.frequency == "days" else "orders"
    return {
        "recency": day.delta(per_customer.last_day.cast("date"), unit="day").cast("int64"),
        "frequency": per_customer[frequency].cast("int64"),
        "monetary": per_customer.revenue.cast("int64"),
    }


def cut_points_in_database(
    per_customer: Any, config: RfmConfig, as_of: dt.date
) -> dict[str, tuple[float, ...]]:
    """The quantile cut points of each quantile axis (in the metric's own unit: days, orders,
    money), exactly as :func:`.scoring.quantile_cut_points` gives them in memory."""
    metrics = metric_expressions(per_customer, config, as_of)
    n = int(per_customer.count().execute())
    bins = config.scoring.bins
    cuts: dict[str, tuple[float, ...]] = {}
    if n == 0:
        return cuts
    positions = type7_positions(n, bins)
    wanted = sorted({p for low, high, _ in positions for p in (low, high)})
    for axis in AXES:
        if config.scoring.axis(axis).method != "quantile":
            continue
        at = {i: int(v) for i, v in values_at(per_customer, metrics[axis], wanted).items()}
        as_float = monetary_of_units if axis == "monetary" else _floats
        values = {i: float(as_float([v])[0]) for i, v in at.items()}
        cuts[axis] = tuple(interpolate(values[lo], values[hi], g) for lo, hi, g in positions)
    return cuts


def score_expressions(
    per_customer: Any, config: RfmConfig, as_of: dt.date, cuts: dict[str, tuple[float, ...]]
) -> Any:
    """``per_customer`` with ``r_score``, ``f_score``, ``m_score``, ``rfm_code`` and
    ``rfm_score`` computed in the database, as :func:`.scoring.score_table` computes them: bin
    ``1 + #{k : x > c_k}`` (R = n + 1 − bin) for quantile cut points, the fixed rules of
    :func:`.scoring.score_values` for thresholds; the weighted total whole when the weights
    are."""
    metrics = metric_expressions(per_customer, config, as_of)
    bins = config.scoring.bins
    scores = {}
    for axis in AXES:
        spec = config.scoring.axis(axis)
        x = metrics[axis]
        if spec.method == "quantile":
            above = [_greater(x, c, axis) for c in cuts[axis]]
            bin_of = 1 + sum(_one(a) for a in above)
            score = bins + 1 - bin_of if axis == "recency" else bin_of
        elif axis == "recency":  # n − #{k: days > u_k}
            score = bins - sum(_one(_greater(x, u, axis)) for u in spec.breaks)
        else:  # 1 + #{k: x >= t_k}
            score = 1 + sum(_one(_at_least(x, t, axis)) for t in spec.breaks)
        scores[SCORE_COLUMNS[axis]] = score.cast("int8")
    scored = per_customer.mutate(**scores)
    r, f, m = (scored[SCORE_COLUMNS[a]].cast("int64") for a in AXES)
    wr, wf, wm = config.scoring.weights
    if all(float(w).is_integer() for w in config.scoring.weights):
        total = r * int(wr) + f * int(wf) + m * int(wm)
    else:
        total = (r * float(wr) + f * float(wf) + m * float(wm)).round(10)
    return scored.mutate(rfm_code=(r * 100 + f * 10 + m).cast("string"), rfm_score=total)


def _one(condition: Any) -> Any:
    """1 where ``condition`` holds, else 0 (PostgreSQL casts no boolean to a small integer)."""
    return condition.ifelse(1, 0)


def _greater(x: Any, cut: float, axis: str) -> Any:
    """``metric > cut`` exactly: monetary through whole millionths (module docstring)."""
    if axis == "monetary":
        return x > _largest_units_at_most(cut)
    return x > float(cut)


def _at_least(x: Any, cut: float, axis: str) -> Any:
    if axis == "monetary":
        return x > _largest_units_below(cut)
    return x >= float(cut)


def _largest_units_at_most(cut: float) -> int:
    """The largest whole number of millionths whose monetary is <= ``cut``."""
    units = math.floor(cut * MONEY_SCALE)
    while monetary_of_units([units + 1])[0] <= cut:
        units += 1
    while monetary_of_units([units])[0] > cut:
        units -= 1
    return units


def _largest_units_below(cut: float) -> int:
    """The largest whole number of millionths whose monetary is < ``cut``."""
    units = math.floor(cut * MONEY_SCALE)
    while monetary_of_units([units + 1])[0] < cut:
        units += 1
    while monetary_of_units([units])[0] >= cut:
        units -= 1
    return units


def _floats(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


def values_at(per_customer: Any, value: Any, positions: list[int]) -> dict[int, Any]:
    """The values of expression ``value`` at these 0-based positions of its sorted column (ibis
    numbers rows from 0; ties do not matter: the value at a position is the same whatever
    order ties take)."""
    import ibis

    ranked = per_customer.select(_rfm_v=value).mutate(
        _rfm_i=ibis.row_number().over(order_by=ibis._._rfm_v)
    )
    found = ranked.filter(ranked._rfm_i.isin(positions)).select("_rfm_i", "_rfm_v").to_pandas()
    return dict(zip(found["_rfm_i"].astype(int), found["_rfm_v"], strict=True))


def segment_expressions(
    scored: Any, config: RfmConfig, as_of: dt.date, scheme: SegmentScheme
) -> tuple[Any, dict[str, float] | None]:
    """``scored`` (with the scores of :func:`score_expressions`) with ``segment`` and
    ``segment_name`` computed in the database, first matching rule first as
    :func:`.segmentation.assign_segments` does; and the high/low references used. A high/low
    scheme on raw values (float means) is refused: the in-memory path segments it."""
    import ibis

    bins = config.scoring.bins
    scheme.require_bins(bins)
    kind, segments = scheme.kind, scheme.segments
    references = None
    if kind == "score_ranges":
        columns = ("r_score", "f_score", "m_score")
        conditions = []
        for seg in segments:
            parts = [
                scored[c].between(lo, hi)
                for c, rng in zip(columns, (seg.r, seg.f, seg.m), strict=True)
                if rng is not None
                for lo, hi in [rng]
            ]
            conditions.append(ibis.and_(*parts) if parts else ibis.literal(True))
    elif kind == "recency_days":
        recency = metric_expressions(scored, config, as_of)["recency"]
        conditions = [
            recency >= seg.days[0] if seg.days[1] is None else recency.between(*seg.days)
            for seg in segments
        ]
    else:  # high_low
        if config.segments.basis != "scores":
            raise ConfigError(
                "segments in the database compare scores with their mean or median; on raw "
                "values (basis 'values') they are segmented in memory",
                option="segments.basis",
            )
        references = _score_references(scored, config.segments.reference)
        high = [
            _one(scored[c] > references[axis])
            for axis, c in zip(AXES, ("r_score", "f_score", "m_score"), strict=True)
        ]
        pattern = high[0] * 100 + high[1] * 10 + high[2]
        conditions = [pattern == int(seg.pattern) for seg in segments]
    key = ibis.cases(
        *((cond, seg.key) for cond, seg in zip(conditions, segments, strict=True)),
        else_=scheme.other.key,
    )
    scored = scored.mutate(segment=key)
    name = ibis.cases(
        *((scored.segment == s.key, s.name(config.lang)) for s in scheme.all_segments),
        else_=scheme.other.name(config.lang),
    )
    return scored.mutate(segment_name=name), references


def _score_references(scored: Any, reference: str) -> dict[str, float]:
    """Mean or median of each score, as numpy gives them in memory: sums of small whole
    numbers are exact, so the mean is one division; the median is the two middle values."""
    n = int(scored.count().execute())
    out = {}
    for axis, column in zip(AXES, ("r_score", "f_score", "m_score"), strict=True):
        value = scored[column].cast("int64")
        if reference == "mean":
            total = int(value.sum().execute())
            out[axis] = float(np.float64(total) / np.float64(n))
        else:
            low, high = (n - 1) // 2, n // 2  # the middle positions (one when n is odd)
            at = values_at(scored, value, [low, high])
            out[axis] = float(np.mean([np.float64(at[low]), np.float64(at[high])]))
    return out


def summary_in_database(scored: Any, scheme: SegmentScheme, lang: str) -> pd.DataFrame:
    """:func:`.summary.segment_summary` of a table scored in the database: one row per segment
    comes back (sums and means computed there; revenue from whole millionths)."""
    grouped = (
        scored.group_by("segment")
        .aggregate(
            customers=scored.count(),
            orders=scored.orders.cast("int64").sum(),
            units=scored.revenue.cast("int64").sum(),
            mean_recency=scored.recency_days.mean(),
            mean_frequency=scored.frequency.mean(),
            mean_monetary=scored.monetary.mean(),
        )
        .to_pandas()
        .set_index("segment")
    )
    grouped["revenue"] = monetary_of_units(grouped["units"].astype("int64"))
    return finish_summary(grouped.drop(columns="units"), scheme, lang)
