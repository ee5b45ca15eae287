"""Telling an order-total column from item amounts in line-item exports.

In a line-item export an order spans several rows. An order-level total either appears on the
first row only (Shopify: the other rows are blank) or is repeated on every row (JD's 应付金额);
item amounts differ from row to row. :func:`looks_like_order_total` decides from the rows of
orders that have more than one row, over the whole column and with exact duplicate rows counted
once (rule 1 drops them before rule 7 runs), so neither row order nor repeated rows change it.
"""

from __future__ import annotations

import pandas as pd

from ..io.parsing import parse_amounts, to_text_ids
from ..io.reading import INTERNAL_COLUMNS

#: Orders with several rows needed before deciding anything.
MIN_MULTI_ROW_ORDERS = 5
#: Share of those orders that must show the order-total pattern.
SHARE = 0.95


def looks_like_order_total(rows: pd.DataFrame, order: str, amount: str) -> bool:
    """True when, in nearly every multi-row order of ``rows``, the amount is filled on one row
    only or is the same on every row (exact duplicate rows counted once)."""
    ids = to_text_ids(rows[order])
    sizes = ids.map(ids.value_counts()).astype("float64")  # NaN for blank ids
    multi = rows[(sizes > 1).to_numpy()]
    if multi.empty:
        return False
    source = [c for c in multi.columns if c not in INTERNAL_COLUMNS]
    multi = multi.drop_duplicates(subset=source)
    frame = pd.DataFrame(
        {"order": to_text_ids(multi[order]).astype(object), "amount": parse_amounts(multi[amount])}
    )
    grouped = frame.groupby("order", sort=False)["amount"]
    size = grouped.size()
    size = size[size > 1]
    if len(size) < MIN_MULTI_ROW_ORDERS:
        return False
    filled = grouped.count()[size.index]
    distinct = grouped.nunique()[size.index]
    one_filled = filled == 1
    repeated = (filled == size) & (distinct == 1)
    return bool((one_filled | repeated).mean() >= SHARE)
