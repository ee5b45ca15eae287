"""Time ``RFM.TABLE`` on 100,000 order rows through xlwings' own call path.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_excel_table.py [ROWS]

The orders are synthetic (fixed seed) and shaped as Excel sends a range: a header row, customer
ids as text, dates as serial numbers, amounts as floats. The time covers what happens between
Excel sending the range and receiving the spilled table: xlwings' argument and result conversion
(``xlwings.server.custom_functions_call``) and the engine. Target: under 2 s for 100,000 rows.
"""

from __future__ import annotations

import os
import sys
import time

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # xlwings' noncommercial key

import asyncio

import numpy as np
import xlwings
from xlwings.server import custom_functions_call

from excel_addin import functions

SEED = 20240501
FIRST_SERIAL = 45292  # 2024-01-01


def synthetic_orders(rows: int, customers: int = 20_000) -> list[list[object]]:
    """A header row and ``rows`` orders over two years, as an Excel range."""
    rng = np.random.default_rng(SEED)
    ids = rng.zipf(1.3, size=rows) % customers
    days = rng.integers(0, 730, size=rows) + FIRST_SERIAL
    amounts = np.round(rng.lognormal(4.0, 0.8, size=rows), 2)
    body = [
        [f"C{i:05d}", float(d), float(a)]
        for i, d, a in zip(ids.tolist(), days.tolist(), amounts.tolist(), strict=True)
    ]
    return [["customer", "order date", "amount"], *body]


def call_table(orders: list[list[object]]) -> list[list[object]]:
    payload = {
        "func_name": "table",
        "args": [orders, None, None, None, None],
        "version": xlwings.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "culture_info_name": "en-US",
        "date_format": "yyyy-mm-dd",
    }
    return asyncio.run(custom_functions_call(payload, functions))


def main(rows: int = 100_000, repeats: int = 3) -> None:
    orders = synthetic_orders(rows)
    call_table(orders[:1000])  # warm up imports
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = call_table(orders)
        times.append(time.perf_counter() - start)
    if isinstance(result[0][0], str) and result[0][0].startswith("#RFM!"):
        raise SystemExit(result[0][0])
    print(
        f"RFM.TABLE via xlwings custom_functions_call: {rows:,} order rows -> "
        f"{len(result) - 1:,} customers in {min(times):.2f} s (best of {repeats}; "
        f"all: {', '.join(f'{t:.2f}' for t in times)}; target < 2 s)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
