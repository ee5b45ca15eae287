"""The timed steps of ``benchmarks/run.py``; each runs in a fresh process of its own.

A case prints one JSON line: ``seconds`` of the timed step, ``rows`` and ``customers``. Its peak
memory is the process's peak resident size, which the runner reads from the operating system
when the process ends (so it includes the Python interpreter and the input table, as a user's
process would).
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.synthetic import synthetic_transactions

SYNTHETIC_COLUMNS = dict(customer="customer_id", date="date", amount="amount", order="order_id")


def engine_file(path: str, engine: str = "memory") -> dict:
    """The engine end to end on a file: read, clean, measure, score, segment."""
    from rfm_engine import RfmConfig, analyze
    from rfm_engine.options.config import ReadOptions

    config = RfmConfig(reading=ReadOptions(engine=engine))
    start = time.perf_counter()
    result = analyze(Path(path), config)
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=result.cleaning.rows_read, customers=len(result.customers))


def duckdb_online_retail(path: str) -> dict:
    """DuckDB reading the same CSV and running the equivalent aggregation (rule 1 distinct
    rows, rules 2-4, then recency, distinct invoices and amount per customer)."""
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect()
    table = con.execute(
        f"""
        WITH src AS (SELECT DISTINCT * FROM read_csv('{path}', all_varchar = true)),
        p AS (
            SELECT CustomerID AS c, CAST(InvoiceDate AS TIMESTAMP)::DATE AS d, InvoiceNo AS o,
                   CAST(Quantity AS DOUBLE) * CAST(UnitPrice AS DOUBLE) AS a
            FROM src WHERE CustomerID IS NOT NULL)
        SELECT c AS customer_id, max(d) AS last_day, count(DISTINCT o) AS frequency,
               sum(a) AS monetary
        FROM p WHERE a > 0 GROUP BY c
        """
    ).df()
    table["recency_days"] = (
        table["last_day"].max() + pd.Timedelta(days=1) - table["last_day"]
    ).dt.days
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=None, customers=len(table))


def make_synthetic(rows: int, path: str) -> dict:
    """Generate the synthetic table once (not timed) for the cases that read it."""
    frame = synthetic_transactions(rows, seed=42)
    with open(path, "wb") as fh:
        pickle.dump(frame, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return dict(seconds=0.0, rows=rows, customers=None)


def _load(path: str) -> pd.DataFrame:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def engine_synthetic(path: str) -> dict:
    """The engine on an in-memory table: clean, measure, score, segment."""
    from rfm_engine import RfmConfig, analyze
    from rfm_engine.options.config import ColumnMap

    frame = _load(path)
    config = RfmConfig(columns=ColumnMap(**SYNTHETIC_COLUMNS))
    start = time.perf_counter()
    result = analyze(frame, config)
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=len(frame), customers=len(result.customers))


def pandas_synthetic(path: str) -> dict:
    """A plain pandas groupby: duplicates and non-positive rows dropped, then last date,
    distinct orders and amount per customer (no scores, no segments, no id handling)."""
    frame = _load(path)
    start = time.perf_counter()
    kept = frame.drop_duplicates()
    kept = kept[kept["amount"] > 0]
    table = kept.groupby("customer_id").agg(
        last=("date", "max"), frequency=("order_id", "nunique"), monetary=("amount", "sum")
    )
    as_of = table["last"].max().normalize() + pd.Timedelta(days=1)
    table["recency_days"] = (as_of - table["last"].dt.normalize()).dt.days
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=len(frame), customers=len(table))


def write_big_csv(rows: int, path: str) -> dict:
    from benchmarks.synthetic import write_csv

    start = time.perf_counter()
    write_csv(path, rows)
    return dict(seconds=time.perf_counter() - start, rows=rows, customers=None)


CASES = {
    "engine_file": engine_file,
    "duckdb_online_retail": duckdb_online_retail,
    "make_synthetic": make_synthetic,
    "engine_synthetic": engine_synthetic,
    "pandas_synthetic": pandas_synthetic,
    "write_big_csv": write_big_csv,
}


def main(argv: list[str]) -> None:
    name, *args = argv
    parsed = [int(a) if a.isdigit() else a for a in args]
    result = CASES[name](*parsed)
    print(json.dumps(result))


if __name__ == "__main__":
    np.seterr(all="ignore")
    main(sys.argv[1:])
