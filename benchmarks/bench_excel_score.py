"""Time ``RFM.SCORE`` over a 5,000-row column: one call, through xlwings' own call path.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_excel_score.py [ROWS]

The column is the monetary column of ``RFM.TABLE`` over synthetic orders (fixed seed) of 5,000
customers. Prints, in the same run: one ``=RFM.SCORE(D2:D5001, D2:D5001)`` call (spilling a
score per row); the same scores filled down as one call per cell (timed on 200 cells, scaled
to the column); plain NumPy (``np.quantile`` + ``np.searchsorted``, the reference the
engine's rule reduces to); and checks that the spilled scores equal ``RFM.TABLE``'s
``m_score``.
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
from excel_addin.number_formats import plain_cells

SEED = 20240501
FIRST_SERIAL = 45292  # 2024-01-01


def orders_of(customers: int) -> list[list[object]]:
    """A header row and one to five orders for each of ``customers`` customers."""
    rng = np.random.default_rng(SEED)
    counts = rng.integers(1, 6, size=customers)
    ids = np.repeat(np.arange(customers), counts)
    days = rng.integers(0, 730, size=len(ids)) + FIRST_SERIAL
    amounts = np.round(rng.lognormal(4.0, 0.8, size=len(ids)), 2)
    body = [
        [f"C{i:05d}", float(d), float(a)]
        for i, d, a in zip(ids.tolist(), days.tolist(), amounts.tolist(), strict=True)
    ]
    return [["customer", "order date", "amount"], *body]


def call(func_name: str, *args) -> list[list[object]]:
    payload = {
        "func_name": func_name,
        "args": list(args),
        "version": xlwings.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "culture_info_name": "en-US",
        "date_format": "yyyy-mm-dd",
    }
    return plain_cells(asyncio.run(custom_functions_call(payload, functions)))


def best(func, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main(rows: int = 5_000) -> None:
    table = call("table", orders_of(rows), None, None, None, None)
    header = table[0]
    monetary = [[row[header.index("monetary")]] for row in table[1:]]
    m_scores = [[row[header.index("m_score")]] for row in table[1:]]
    values = np.array([v for (v,) in monetary])

    scores = call("score", monetary, monetary)
    column = best(lambda: call("score", monetary, monetary))
    sample = monetary[:200]
    per_cell = best(lambda: [call("score", [v], monetary) for v in sample], repeats=1) / len(sample)

    def numpy_scores():
        cuts = np.quantile(values, np.arange(1, 5) / 5)
        return 1 + np.searchsorted(cuts, values, side="left")

    reference = best(numpy_scores)
    print(f"RFM.SCORE over {len(monetary):,} rows, xlwings {xlwings.__version__} call path:")
    print(f"  one call, spilling:     {column * 1000:8.1f} ms")
    print(
        f"  one call per cell:      {per_cell * 1000:8.2f} ms a cell -> "
        f"{per_cell * len(monetary):.1f} s filled down ({per_cell * len(monetary) / column:.0f}x)"
    )
    print(f"  NumPy quantile+search:  {reference * 1000:8.3f} ms (the rule alone, no Excel path)")
    same = scores == m_scores and [s for (s,) in scores] == numpy_scores().tolist()
    print(f"  scores equal RFM.TABLE's m_score and NumPy's: {same}")
    if not same:
        raise SystemExit("RFM.SCORE disagrees with RFM.TABLE")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
