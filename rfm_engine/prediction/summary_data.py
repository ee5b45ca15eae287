"""Cleaned purchases → one row per customer in the form the purchase models take.

Columns, as in lifetimes' ``summary_data_from_transaction_data`` (time in weeks = days / 7):

- ``frequency``: repeat purchases, i.e. distinct purchase days after the first;
- ``recency``: weeks from the first to the last purchase day;
- ``T``: weeks from the first purchase day to the analysis date (as_of);
- ``monetary_value``: mean spend per repeat purchase day (the first day excluded; NaN for
  one-time buyers).

Several orders on one day are one purchase: the models count purchase occasions, and that is
how the published CDNOW values were obtained.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

SUMMARY_COLUMNS = ("frequency", "recency", "T", "monetary_value")
DAYS_PER_WEEK = 7.0


def summary_from_purchases(purchases: pd.DataFrame, *, as_of: dt.date) -> pd.DataFrame:
    """One row per customer (index ``customer_id``, sorted) from rows with ``customer_id``,
    ``date`` and ``amount``; rows after ``as_of`` must already be gone."""
    ids, codes = _customer_codes(purchases["customer_id"])
    day = purchases["date"].to_numpy(dtype="datetime64[D]").astype("int64")
    amount = purchases["amount"].to_numpy(dtype="float64")
    end = np.datetime64(as_of, "D").astype("int64")
    if len(day) and day.max() > end:
        raise ValueError("purchases after the analysis date must be dropped first")

    # One purchase per customer and day: sort by (customer, day), sum each run.
    order = np.lexsort((day, codes))
    c, d, amt = codes[order], day[order], amount[order]
    new_run = np.ones(len(c), dtype=bool)
    new_run[1:] = (c[1:] != c[:-1]) | (d[1:] != d[:-1])
    starts = np.flatnonzero(new_run)
    run_customer, run_day = c[starts], d[starts]
    run_amount = np.add.reduceat(amt, starts) if len(starts) else amt[:0]

    n = len(ids)
    days_per_customer = np.bincount(run_customer, minlength=n)
    first_run = np.ones(len(run_customer), dtype=bool)
    first_run[1:] = run_customer[1:] != run_customer[:-1]
    first = np.zeros(n, dtype="int64")
    first[run_customer[first_run]] = run_day[first_run]
    last = np.zeros(n, dtype="int64")
    last_run = np.ones(len(run_customer), dtype=bool)
    last_run[:-1] = run_customer[1:] != run_customer[:-1]
    last[run_customer[last_run]] = run_day[last_run]
    repeat_spend = np.bincount(
        run_customer[~first_run], weights=run_amount[~first_run], minlength=n
    )
    frequency = days_per_customer - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        monetary = np.where(frequency > 0, repeat_spend / frequency, np.nan)
    return pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last - first) / DAYS_PER_WEEK,
            "T": (end - first) / DAYS_PER_WEEK,
            "monetary_value": monetary,
        },
        index=pd.Index(ids, name="customer_id"),
    )


def purchase_days(purchases: pd.DataFrame) -> pd.DataFrame:
    """Distinct (customer_id, day) pairs: the purchase occasions the models count."""
    frame = pd.DataFrame(
        {
            "customer_id": purchases["customer_id"].astype(str).to_numpy(),
            "day": purchases["date"].to_numpy(dtype="datetime64[D]"),
        }
    )
    return frame.drop_duplicates(ignore_index=True)


def _customer_codes(customer_id: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(customer_id.astype(str), sort=True)
    return np.asarray(uniques, dtype=object), codes.astype("int64")
