"""The charts and the overview of one result, as specifications (see :mod:`.charts`): key
figures, "do this now", the segment treemap and bars, the R×F grid, each metric with its cut
points, and a period comparison's migration matrix. One colour per segment in every view.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..model.result import RfmResult
from .charts import BarChart, HeatMap, Histogram, Item, Treemap, ValueStyle
from .number_format import guess_currency
from .report_labels import label

#: One colour per segment, by its place in the scheme (Tableau 10 with a dark grey tenth, which
#: the classic scheme gives to Lost); "other" is light grey.
PALETTE = (
    "#4e79a7",
    "#59a14f",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#e15759",
    "#f28e2b",
    "#ff9da7",
    "#9c755f",
    "#595959",
    "#d37295",
    "#499894",
)
OTHER_COLOUR = "#bdbdbd"
#: Segments whose customers are slipping away but worth winning back, per scheme.
AT_RISK = {
    "classic": ("cant_lose", "at_risk", "about_to_sleep", "need_attention"),
    "seed5": ("churned",),
    "cn8": ("important_retain", "important_winback"),
    "activity": ("cooling",),
}
ACTIVE_DAYS = 90
HISTOGRAM_BINS = 30


def segment_colours(result: RfmResult) -> dict[str, str]:
    """Segment key → colour, the same in every chart and table of this result."""
    colours = {s.key: PALETTE[n % len(PALETTE)] for n, s in enumerate(result.scheme.segments)}
    for s in result.scheme.all_segments:
        colours.setdefault(s.key, OTHER_COLOUR)
    return colours


def currency_of(result: RfmResult) -> tuple[str, str]:
    """The data's currency as guessed from its column names: ``(code, reason)``."""
    c = result.config.columns
    return guess_currency([c.amount, c.price, c.customer, c.date])


@dataclass(frozen=True)
class Overview:
    """The key figures of a result."""

    customers: int
    active: int
    revenue: float
    repeat_rate: float
    average_order: float
    revenue_at_risk: float
    at_risk_segments: tuple[str, ...]


def overview(result: RfmResult) -> Overview:
    c = result.customers
    orders = int(c["orders"].sum())
    revenue = float(c["revenue"].sum())
    at_risk = AT_RISK.get(result.scheme.key, ())
    return Overview(
        customers=len(c),
        active=int((c["recency_days"] <= ACTIVE_DAYS).sum()),
        revenue=revenue,
        repeat_rate=float((c["orders"] >= 2).mean()) if len(c) else 0.0,
        average_order=revenue / orders if orders else 0.0,
        revenue_at_risk=float(c.loc[c["segment"].isin(at_risk), "revenue"].sum()),
        at_risk_segments=at_risk,
    )


def do_now(result: RfmResult, limit: int = 3) -> list[dict]:
    """The segments to act on first: those at risk, most revenue first, then the best
    segment. Each: ``segment`` (key), ``name``, ``customers``, ``revenue``, ``action``."""
    summary = result.summary.set_index("segment")
    keys = [k for k in AT_RISK.get(result.scheme.key, ()) if summary.at[k, "customers"] > 0]
    keys.sort(key=lambda k: -summary.at[k, "revenue"])
    keys = keys[: limit - 1]
    best = result.scheme.segments[0].key if result.scheme.segments else None
    if best and summary.at[best, "customers"] > 0:
        keys.append(best)
    return [
        {
            "segment": k,
            "name": summary.at[k, "segment_name"],
            "customers": int(summary.at[k, "customers"]),
            "revenue": float(summary.at[k, "revenue"]),
            "action": summary.at[k, "action"],
        }
        for k in keys
    ]


def _money(result: RfmResult, currency: str | None) -> ValueStyle:
    code = currency_of(result)[0] if currency is None else currency
    return ValueStyle("money", code, result.config.lang)


def segment_items(result: RfmResult, measure: str, style: ValueStyle) -> tuple[Item, ...]:
    colours = segment_colours(result)
    s = result.summary
    share = s["customer_share"] if measure == "customers" else s["revenue_share"]
    return tuple(
        Item(name, float(v), colours[k], ("segment", k), _share(p))
        for k, name, v, p in zip(s["segment"], s["segment_name"], s[measure], share, strict=True)
        if v > 0
    )


def _share(share: float) -> str:
    """``27%``; ``<1%`` for a small share that is not nothing."""
    return "<1%" if 0 < share < 0.005 else f"{share * 100:.0f}%"


def segment_bars(result: RfmResult, measure: str, currency: str | None = None) -> BarChart:
    """Customers (``measure="customers"``) or revenue per segment, in the scheme's order."""
    lang = result.config.lang
    style = ValueStyle("count", lang=lang) if measure == "customers" else _money(result, currency)
    title = label(
        "customers_per_segment" if measure == "customers" else "revenue_per_segment", lang
    )
    return BarChart(title, segment_items(result, measure, style), style)


def segment_treemap(result: RfmResult, measure: str, currency: str | None = None) -> Treemap:
    lang = result.config.lang
    style = ValueStyle("count", lang=lang) if measure == "customers" else _money(result, currency)
    title = label("treemap_customers" if measure == "customers" else "treemap_revenue", lang)
    return Treemap(title, segment_items(result, measure, style), style)


def rf_heatmap(result: RfmResult) -> HeatMap:
    """Customers per (R, F) score, best recency on top; each cell opens its customers."""
    bins = result.config.scoring.bins
    lang = result.config.lang
    counts = result.customers.groupby(["r_score", "f_score"]).size()
    grid = np.zeros((bins, bins))
    for (r, f), n in counts.items():
        grid[bins - int(r), int(f) - 1] = n
    return HeatMap(
        label("rf_title", lang),
        tuple(tuple(float(v) for v in row) for row in grid),
        tuple(str(r) for r in range(bins, 0, -1)),
        tuple(str(f) for f in range(1, bins + 1)),
        label("r_axis", lang, bins=bins),
        label("f_axis", lang, bins=bins),
        tuple(tuple(("rf", r, f) for f in range(1, bins + 1)) for r in range(bins, 0, -1)),
        style=ValueStyle("count", lang=lang),
    )


def metric_histogram(result: RfmResult, axis: str, currency: str | None = None) -> Histogram:
    """A metric's distribution with its cut points: recency in days, frequency one bar per
    count, money on a log axis (amounts span orders of magnitude). Values past the 99th
    percentile are gathered in the last bar."""
    lang = result.config.lang
    config = result.config.metrics
    column = {"recency": "recency_days", "frequency": "frequency", "monetary": "monetary"}[axis]
    values = result.customers[column].to_numpy(dtype=float)
    cuts = tuple(float(c) for c in result.cut_points[axis].cut_points)
    top = float(np.quantile(values, 0.99)) if len(values) else 1.0
    finite = [c for c in cuts if np.isfinite(c)]
    top = max(top, *finite) if finite else top
    note = label("cut_points_note", lang)
    if axis == "frequency":
        high = int(max(np.ceil(top), 2))
        edges = np.arange(0.5, high + 1.5)
        style = ValueStyle("count", lang=lang)
        title = label("frequency_days" if config.frequency == "days" else "frequency", lang)
        log, x_title = False, label("orders", lang)
    elif axis == "recency":
        edges = np.linspace(0, max(top, 1), HISTOGRAM_BINS + 1)
        style, title = ValueStyle("days", lang=lang), label("recency", lang)
        log, x_title = False, label("days", lang)
    else:
        style = _money(result, currency)
        title = label("monetary_mean" if config.monetary == "mean" else "monetary", lang)
        positive = values[values > 0]
        low = float(positive.min()) if len(positive) else 1.0
        low = max(low, top / 1e6, 0.01)
        edges = np.geomspace(low, max(top, low * 10), HISTOGRAM_BINS + 1)
        log, x_title = True, label("log_scale", lang)
    cut_labels: tuple[str, ...] = ()
    if axis == "frequency":  # whole counts: the line goes between the bars it separates
        method = result.cut_points[axis].method
        cut_labels = tuple(f"≤{c:g}" if method == "quantile" else f"≥{c:g}" for c in cuts)
        cuts = tuple(c + 0.5 if method == "quantile" else c - 0.5 for c in cuts)
    clipped = np.clip(values, edges[0], edges[-1])
    counts, _ = np.histogram(clipped, bins=edges)
    return Histogram(
        title,
        tuple(float(e) for e in edges),
        tuple(int(n) for n in counts),
        cuts,
        style,
        cut_labels=cut_labels,
        log=log,
        colour="#4e79a7",
        x_title=x_title,
        y_title=label("customers_axis", lang),
        note=note,
    )


def migration_heatmap(result: RfmResult, matrix: pd.DataFrame, days: int = 90) -> HeatMap:
    """Customers per (segment then, segment now); ``(new)`` and ``(gone)`` rows/columns keep
    their keys. Each cell opens the customers who moved that way."""
    lang = result.config.lang

    def name(key: str) -> str:
        if key in ("__new__", "new_since"):
            return label("new", lang)
        if key in ("__gone__", "gone"):
            return label("gone", lang)
        try:
            return result.scheme.segment(key).name(lang)
        except Exception:  # a key the scheme does not know (new/gone markers of a face)
            return str(key)

    return HeatMap(
        label("migration_title", lang),
        tuple(tuple(float(v) for v in row) for row in matrix.to_numpy()),
        tuple(name(k) for k in matrix.index),
        tuple(name(k) for k in matrix.columns),
        label("then", lang, days=days),
        label("now", lang),
        tuple(tuple(("move", a, b) for b in matrix.columns) for a in matrix.index),
        colour=(89, 161, 79),
        style=ValueStyle("count", lang=lang),
    )


def last_purchase_dates(result: RfmResult) -> pd.Series:
    """Each customer's last purchase day (as_of minus recency)."""
    as_of = pd.Timestamp(result.as_of)
    return (as_of - pd.to_timedelta(result.customers["recency_days"], unit="D")).dt.date
