"""Per-customer recency, frequency and monetary from cleaned purchase rows."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .config import MetricsConfig
from .reading import ROW_COLUMN

METRIC_COLUMNS = ("recency_days", "frequency", "monetary")


def default_as_of(purchases: pd.DataFrame) -> dt.date:
    """The day after the latest purchase."""
    return (purchases["date"].max() + pd.Timedelta(days=1)).date()


def compute_metrics(
    purchases: pd.DataFrame,
    *,
    as_of: dt.date,
    config: MetricsConfig = MetricsConfig(),
    returns: pd.DataFrame | None = None,
    contacts: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per customer, sorted by ``customer_id``.

    Columns: ``customer_id``, ``recency_days``, ``frequency``, ``monetary``, ``orders``,
    ``revenue`` (net of returns when given), ``first_purchase``, ``last_purchase``, contacts.
    """
    codes, customers = pd.factorize(purchases["customer_id"], sort=True)
    n = len(customers)
    day = purchases["date"].to_numpy(dtype="datetime64[D]").astype("int64")
    amount = purchases["amount"].to_numpy(dtype="float64")

    last = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last, codes, day)
    first = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first, codes, day)
    revenue = np.bincount(codes, weights=amount, minlength=n)

    if "order_id" in purchases.columns:
        order = purchases["order_id"].to_numpy(dtype=object)
        blank = purchases["order_id"].eq("").to_numpy()
        order_codes = pd.factorize(order)[0].astype("int64")
        # A row without an order id is an order of its own.
        order_codes[blank] = -1 - np.arange(int(blank.sum()))
        orders = _distinct_per_customer(codes, order_codes, n)
    else:
        orders = np.bincount(codes, minlength=n)
    days = _distinct_per_customer(codes, day, n)

    if returns is not None and len(returns):
        index = pd.Index(customers)
        pos = index.get_indexer(returns["customer_id"])
        known = pos >= 0
        revenue = revenue + np.bincount(
            pos[known], weights=returns["amount"].to_numpy()[known], minlength=n
        )

    as_of_day = np.datetime64(as_of, "D").astype("int64")
    frequency = orders if config.frequency == "orders" else days
    monetary = revenue if config.monetary == "total" else revenue / orders
    table = pd.DataFrame(
        {
            "customer_id": pd.Series(customers, dtype=object),
            "recency_days": (as_of_day - last).astype("int64"),
            "frequency": frequency.astype("int64"),
            "monetary": np.round(monetary, 10),
            "orders": orders.astype("int64"),
            "revenue": np.round(revenue, 10),
            "first_purchase": first.astype("datetime64[D]").astype("datetime64[ns]"),
            "last_purchase": last.astype("datetime64[D]").astype("datetime64[ns]"),
        }
    )
    if contacts:
        table = table.join(_latest_contacts(purchases, codes, contacts), how="left")
    return table


def _distinct_per_customer(codes: np.ndarray, keys: np.ndarray, n: int) -> np.ndarray:
    pairs = pd.DataFrame({"c": codes, "k": keys}).drop_duplicates()
    return np.bincount(pairs["c"].to_numpy(), minlength=n)


def _latest_contacts(
    purchases: pd.DataFrame, codes: np.ndarray, contacts: tuple[str, ...]
) -> pd.DataFrame:
    """Each contact field from the customer's latest purchase that has it."""
    frame = purchases[list(contacts)].copy()
    frame["_c"] = codes
    frame["_d"] = purchases["date"].to_numpy()
    frame["_r"] = purchases[ROW_COLUMN].to_numpy() if ROW_COLUMN in purchases else 0
    frame = frame.sort_values(["_d", "_r"], kind="stable")
    latest = frame.groupby("_c", sort=True)[list(contacts)].last()
    return latest
