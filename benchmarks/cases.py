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


def engine_orders(path: str, engine: str = "memory") -> dict:
    """The engine end to end on a user-like CSV (``benchmarks/user_files.py``): read, clean,
    measure, score, segment."""
    from benchmarks.user_files import MAPPING
    from rfm_engine import ColumnMap, ReadOptions, RfmConfig, analyze

    config = RfmConfig(columns=ColumnMap(**MAPPING), reading=ReadOptions(engine=engine))
    start = time.perf_counter()
    result = analyze(Path(path), config)
    seconds = time.perf_counter() - start
    return dict(
        seconds=seconds,
        rows=result.cleaning.rows_read,
        customers=len(result.customers),
        engine=result.engine,
    )


#: The same work in SQL: every cell read as text, rule 1 (distinct rows), rule 2 (blank
#: customer), rule 3 (unreadable date or amount), rule 4 (amount <= 0), then per customer the
#: first and last day, distinct orders and the money as whole millionths; recency in Python.
DUCKDB_ORDERS = """
    WITH src AS (SELECT DISTINCT * FROM read_csv('{path}', all_varchar = true, header = true)),
    p AS (
        SELECT trim(email) AS c, try_strptime(order_date, '%Y-%m-%d %H:%M:%S')::DATE AS d,
               order_id AS o, TRY_CAST(amount AS DOUBLE) AS a
        FROM src WHERE email IS NOT NULL AND trim(email) <> '')
    SELECT c AS customer_id, min(d) AS first_day, max(d) AS last_day,
           count(DISTINCT o) AS frequency, sum(round(a * 1e6)::BIGINT) AS monetary
    FROM p WHERE d IS NOT NULL AND a > 0 GROUP BY c
"""


def duckdb_orders(path: str, memory_limit: str = "") -> dict:
    """DuckDB doing the engine's read, cleaning and per-customer aggregation on the same file
    (with ``memory_limit``, e.g. ``1GB``, as out of core: DuckDB spills to disk beyond it)."""
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect()
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    table = con.execute(DUCKDB_ORDERS.format(path=path)).df()
    table["recency_days"] = (
        table["last_day"].max() + pd.Timedelta(days=1) - table["last_day"]
    ).dt.days
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=None, customers=len(table))


def polars_orders(path: str, streaming: str = "") -> dict:
    """Polars doing the same read, cleaning and aggregation (lazy; ``streaming`` = ``1`` runs
    its streaming engine, as out of core)."""
    import polars as pl

    start = time.perf_counter()
    email = pl.col("email").str.strip_chars()
    day = pl.col("order_date").str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S", strict=False)
    amount = pl.col("amount").cast(pl.Float64, strict=False)
    query = (
        pl.scan_csv(path, infer_schema=False)
        .unique()
        .filter(email.is_not_null() & (email != ""))
        .select(email.alias("c"), day.dt.date().alias("d"), pl.col("order_id"), amount.alias("a"))
        .filter(pl.col("d").is_not_null() & (pl.col("a") > 0))
        .group_by("c")
        .agg(
            pl.col("d").min().alias("first_day"),
            pl.col("d").max().alias("last_day"),
            pl.col("order_id").n_unique().alias("frequency"),
            (pl.col("a") * 1e6).round().cast(pl.Int64).sum().alias("monetary"),
        )
    )
    table = query.collect(engine="streaming" if streaming else "auto")
    last = table["last_day"].max()
    table = table.with_columns(recency_days=(pl.lit(last) - pl.col("last_day")).dt.total_days() + 1)
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=None, customers=table.height)


def engine_database(url: str, table: str) -> dict:
    """The engine on orders in a database (``analyze_database``): the rules and the totals run
    there; the password, when one is needed, is in ``RFM_DB_PASSWORD``."""
    from rfm_engine import ColumnMap, DatabaseSource, RfmConfig, analyze

    columns = ColumnMap(
        customer="CustomerID",
        date="InvoiceDate",
        order="InvoiceNo",
        quantity="Quantity",
        price="UnitPrice",
    )
    start = time.perf_counter()
    result = analyze(DatabaseSource(url, table=table), RfmConfig(columns=columns))
    seconds = time.perf_counter() - start
    return dict(seconds=seconds, rows=result.cleaning.rows_read, customers=len(result.customers))


def load_online_retail(path: str, *urls: str) -> dict:
    """Store online_retail as table ``orders`` in each database: every cell text in SQLite,
    typed columns in DuckDB (as it reads the CSV), integer quantity and double price in
    PostgreSQL (the rest text)."""
    import io
    import sqlite3

    import duckdb

    frame = pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)
    for url in urls:
        if url.startswith("sqlite:///"):
            with sqlite3.connect(url.removeprefix("sqlite:///")) as con:
                frame.to_sql("orders", con, index=False)
        elif url.startswith("duckdb:///"):
            with duckdb.connect(url.removeprefix("duckdb:///")) as con:
                con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv_auto('{path}')")
        else:
            import os

            import psycopg

            password = os.environ["RFM_DB_PASSWORD"]
            conninfo = url.replace("postgresql://postgres@", f"postgresql://postgres:{password}@")
            types = {"Quantity": "integer", "UnitPrice": "double precision"}
            with psycopg.connect(conninfo, autocommit=True) as con:
                columns = ", ".join(f'"{c}" {types.get(c, "text")}' for c in frame.columns)
                con.execute(f"CREATE TABLE orders ({columns})")
                buffer = io.StringIO()
                frame.to_csv(buffer, index=False, header=False)
                with con.cursor().copy("COPY orders FROM STDIN WITH (FORMAT csv, NULL '')") as cp:
                    cp.write(buffer.getvalue())
    return dict(seconds=0.0, rows=len(frame), customers=None)


def write_orders(rows: int, path: str) -> dict:
    from benchmarks.user_files import write_orders_csv

    start = time.perf_counter()
    written = write_orders_csv(path, rows)
    return dict(seconds=time.perf_counter() - start, rows=written, customers=None)


CASES = {
    "engine_file": engine_file,
    "duckdb_online_retail": duckdb_online_retail,
    "make_synthetic": make_synthetic,
    "engine_synthetic": engine_synthetic,
    "pandas_synthetic": pandas_synthetic,
    "engine_orders": engine_orders,
    "duckdb_orders": duckdb_orders,
    "polars_orders": polars_orders,
    "engine_database": engine_database,
    "write_orders": write_orders,
    "load_online_retail": load_online_retail,
}


def main(argv: list[str]) -> None:
    name, *args = argv
    parsed = [int(a) if a.isdigit() else a for a in args]
    result = CASES[name](*parsed)
    print(json.dumps(result))


if __name__ == "__main__":
    np.seterr(all="ignore")
    main(sys.argv[1:])
