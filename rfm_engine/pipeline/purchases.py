"""One customer's purchases, as cleaning kept them: for a customer's detail view.

The result holds per-customer totals only, so the purchases are read and cleaned again with the
result's settings (the columns already resolved): the same rows the totals were made from.
"""

from __future__ import annotations

import pandas as pd

from ..cleaning import clean
from ..errors import DataError
from ..io import ROW_COLUMN, SOURCE_COLUMN
from ..options import RfmConfig
from .analysis import Source, load_table


def customer_purchases(source: Source, config: RfmConfig, customer_id: str) -> pd.DataFrame:
    """The purchases of ``customer_id`` kept by cleaning, oldest first.

    Columns: ``date``, ``order`` (the order id, when an order column is mapped), ``amount``,
    ``file`` and ``row`` (where the purchase is in its file; row 1 is the first data row).
    ``config`` is a result's configuration (``result.config``), its columns resolved.
    """
    columns = config.columns
    if columns.kind == "customers":
        raise DataError(
            "a customer list has totals per customer, not their purchases",
            code="list_has_no_history",
        )
    raw = load_table(source, config)
    cleaned = clean(
        raw, columns, rules=config.cleaning, period=config.period, dayfirst=config.reading.dayfirst
    )
    bought = cleaned.purchases
    mine = bought[bought["customer_id"].astype(str) == str(customer_id)]
    out = pd.DataFrame(
        {
            "date": mine["date"].dt.date.to_numpy(),
            "amount": mine["amount"].to_numpy(),
            "file": mine[SOURCE_COLUMN].astype(str).to_numpy(),
            "row": mine[ROW_COLUMN].to_numpy(),
        }
    )
    if columns.order:
        where = raw.set_index([SOURCE_COLUMN, ROW_COLUMN])[columns.order]
        keys = list(zip(out["file"], out["row"], strict=True))
        out.insert(1, "order", where.reindex(keys).astype(str).to_numpy())
    return out.sort_values(["date", "row"], kind="stable").reset_index(drop=True)
