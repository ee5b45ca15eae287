"""A customer list straight into per-customer totals (no purchase rows to aggregate).

A list already holds each customer's last purchase, order count and total spent, so this
backend only orders the customers as the others do (ids compared as text) and fills the
:class:`CustomerTotals` seam; scoring, schemes, summaries, exports and the report are then the
same as for transactions. A list does not say when a customer first bought: ``first_day`` is
set to the last purchase day (so the earliest date a result shows is the earliest *last*
purchase), and distinct purchase days are unknown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cleaning import CleanedList
from ..errors import ConfigError
from ..options import ColumnMap
from .totals import CustomerTotals


def totals_from_customer_list(
    cleaned: CleanedList, columns: ColumnMap, *, distinct_days: bool = False
) -> CustomerTotals:
    """The :class:`CustomerTotals` of a cleaned customer list.

    ``distinct_days`` (frequency counted in purchase days) cannot be had from a list: refused.
    """
    if distinct_days:
        raise ConfigError(
            "a customer list counts orders, not purchase days: frequency can only count orders",
            option="metrics.frequency",
            value="days",
        )
    table = cleaned.customers
    order = np.argsort(table["customer_id"].to_numpy(dtype=object).astype(str), kind="stable")
    table = table.iloc[order].reset_index(drop=True)
    last = table["last_day"].to_numpy(dtype="int64")
    contacts = (
        table[list(cleaned.contacts)] if cleaned.contacts else pd.DataFrame(index=table.index)
    )
    return CustomerTotals(
        customers=table["customer_id"].to_numpy(dtype=object),
        first_day=last.copy(),
        last_day=last,
        orders=table["orders"].to_numpy(dtype="int64"),
        revenue=table["revenue"].to_numpy(dtype="float64"),
        days=None,
        contacts=contacts,
        cleaning=cleaned.report,
        columns=columns,
        warnings=cleaned.warnings,
    )
