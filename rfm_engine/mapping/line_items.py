"""Telling an order-total column from item amounts in line-item exports.

In a line-item export an order spans several rows. An order-level total either appears on the
first row only (Shopify: the other rows are blank) or is repeated on every row (JD's 应付金额);
item amounts differ from row to row. :func:`looks_like_order_total` decides from the rows of
orders that have more than one row.
"""

from __future__ import annotations

import pandas as pd

from ..io.parsing import parse_amounts, to_text_ids

#: Orders with several rows needed before deciding anything.
MIN_MULTI_ROW_ORDERS = 5
#: Share of those orders that must show the order-total pattern.
SHARE = 0.95


def looks_like_order_total(sample: pd.DataFrame, order: str, amount: str) -> bool:
    """True when, in nearly every multi-row order of ``sample``, the amount is filled on the
    first row only or is the same on every row, and some orders' rows differ otherwise."""
    frame = pd.DataFrame(
        {
            "order": to_text_ids(sample[order]).astype(object),
            "amount": parse_amounts(sample[amount]),
        }
    ).dropna(subset=["order"])
    sizes = frame.groupby("order", sort=False)["amount"].transform("size")
    multi = frame[sizes > 1]
    if multi["order"].nunique() < MIN_MULTI_ROW_ORDERS:
        return False
    grouped = multi.groupby("order", sort=False)["amount"]
    filled = grouped.count()
    distinct = grouped.nunique()
    first_filled = grouped.apply(lambda s: pd.notna(s.iloc[0]))  # per order, not per row
    first_only = (filled == 1) & first_filled
    repeated = (filled == grouped.size()) & (distinct == 1)
    return bool((first_only | repeated).mean() >= SHARE)
