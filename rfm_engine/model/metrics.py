"""Recency, frequency and monetary of each customer, from the per-customer totals."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..aggregate import CustomerTotals
from ..errors import DataError
from ..options import MetricsConfig


def default_as_of(purchases: pd.DataFrame) -> dt.date:
    """The day after the latest purchase of a table of purchase rows (``date`` column)."""
    return (purchases["date"].max() + pd.Timedelta(days=1)).date()


def metrics_table(
    totals: CustomerTotals, *, as_of: dt.date, config: MetricsConfig = MetricsConfig()
) -> pd.DataFrame:
    """One row per customer, in the order of ``totals``.

    Columns: ``customer_id``, ``recency_days``, ``frequency``, ``monetary``, ``orders``,
    ``revenue`` (net of returns when netted), ``first_purchase``, ``last_purchase``, then the
    contact columns. The same for every aggregation backend, so all give the same numbers.
    """
    _refuse_overflow(totals)
    as_of_day = np.datetime64(as_of, "D").astype("int64")
    orders = totals.orders
    frequency = totals.days if config.frequency == "days" else orders
    monetary = totals.revenue if config.monetary == "total" else totals.revenue / orders
    table = pd.DataFrame(
        {
            "customer_id": pd.Series(totals.customers, dtype=object),
            "recency_days": (as_of_day - totals.last_day).astype("int64"),
            "frequency": np.asarray(frequency).astype("int64"),
            "monetary": np.round(monetary, 10),
            "orders": orders.astype("int64"),
            "revenue": np.round(totals.revenue, 10),
            "first_purchase": totals.first_day.astype("datetime64[D]").astype("datetime64[ns]"),
            "last_purchase": totals.last_day.astype("datetime64[D]").astype("datetime64[ns]"),
        }
    )
    if len(totals.contacts.columns):
        table = table.join(totals.contacts, how="left")
    return table


def _refuse_overflow(totals: CustomerTotals) -> None:
    """A customer's total beyond a float's range (amounts such as ``1e308``) has no meaning:
    one line naming the customer rather than ``inf`` totals and ``nan`` cut points."""
    overflow = np.flatnonzero(~np.isfinite(totals.revenue))
    if len(overflow):
        customer = totals.customers[overflow[0]]
        raise DataError(
            f"customer {customer!r}: amounts add up beyond any real total "
            f"({len(overflow)} such customers); is the amount column right?",
            code="amount_overflow",
            option="columns.amount",
            column=totals.columns.amount or totals.columns.price,
            examples=tuple(totals.customers[overflow[:5]]),
        )
