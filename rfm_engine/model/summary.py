"""Segment summary: per segment customers, shares, orders, revenue and averages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..options.schemes import SegmentScheme

SUMMARY_COLUMNS = (
    "segment",
    "segment_name",
    "customers",
    "customer_share",
    "orders",
    "revenue",
    "revenue_share",
    "mean_recency",
    "mean_frequency",
    "mean_monetary",
    "avg_order_value",
    "action",
)


def segment_summary(
    customers: pd.DataFrame, scheme: SegmentScheme, *, lang: str = "en"
) -> pd.DataFrame:
    """One row per segment of the scheme in its order, then ``other`` (zeros included).

    ``orders`` and ``revenue`` are the customers' order counts and net revenue whatever the
    frequency and monetary basis; ``avg_order_value`` = revenue / orders.
    """
    grouped = customers.groupby("segment", sort=False).agg(
        customers=("customer_id", "size"),
        orders=("orders", "sum"),
        revenue=("revenue", "sum"),
        mean_recency=("recency_days", "mean"),
        mean_frequency=("frequency", "mean"),
        mean_monetary=("monetary", "mean"),
    )
    return finish_summary(grouped, scheme, lang)


def finish_summary(grouped: pd.DataFrame, scheme: SegmentScheme, lang: str) -> pd.DataFrame:
    """The summary from per-segment ``customers``, ``orders``, ``revenue`` and the three means
    (indexed by segment key, segments without customers missing): every segment in the
    scheme's order, shares, average order value, names and actions."""
    keys = [s.key for s in scheme.all_segments]
    table = grouped.reindex(keys)
    table[["customers", "orders"]] = table[["customers", "orders"]].fillna(0).astype("int64")
    table["revenue"] = table["revenue"].fillna(0.0)
    total_customers = max(int(table["customers"].sum()), 1)
    total_revenue = float(table["revenue"].sum())
    table["customer_share"] = table["customers"] / total_customers
    table["revenue_share"] = table["revenue"] / total_revenue if total_revenue else 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        table["avg_order_value"] = np.where(
            table["orders"] > 0, table["revenue"] / table["orders"].clip(lower=1), np.nan
        )
    table["segment_name"] = [scheme.segment(k).name(lang) for k in keys]
    table["action"] = [scheme.segment(k).action(lang) for k in keys]
    table = table.rename_axis("segment").reset_index()
    return table[list(SUMMARY_COLUMNS)]
