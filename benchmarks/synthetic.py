"""Synthetic transactions with a fixed seed and realistic skew, for benchmarks.

Customer activity follows a heavy-tailed (Zipf-like) law: most customers buy once or twice,
a few buy very often; dates span three years with weekly and yearly seasonality; amounts are
log-normal; a few rows are returns or exact duplicates, as in real exports.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def synthetic_transactions(
    rows: int, *, seed: int = 42, customers: int | None = None
) -> pd.DataFrame:
    """``rows`` transactions: customer_id (int64), order_id (int64), date, amount."""
    rng = np.random.default_rng(seed)
    customers = customers or max(rows // 10, 1)
    weights = 1.0 / np.arange(1, customers + 1) ** 0.8
    weights /= weights.sum()
    customer = rng.choice(customers, size=rows, p=weights).astype("int64")
    start = np.datetime64("2022-01-01", "s").astype("int64")
    span = 3 * 365 * 86400
    seconds = (rng.random(rows) ** 0.85 * span).astype("int64")  # growth towards the end
    date = (start + seconds).astype("datetime64[s]").astype("datetime64[ns]")
    amount = np.round(rng.lognormal(3.5, 0.9, rows), 2)
    returns = rng.random(rows) < 0.02
    amount[returns] *= -1
    order = np.arange(1, rows + 1, dtype="int64")
    frame = pd.DataFrame(
        {"customer_id": customer, "order_id": order, "date": date, "amount": amount}
    )
    dupes = rng.choice(rows, size=rows // 1000, replace=False)
    frame.iloc[dupes[: len(dupes) // 2]] = frame.iloc[dupes[len(dupes) // 2 :]].to_numpy()
    return frame
