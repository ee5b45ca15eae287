"""Properties: the customers depend on the purchases, not on how the file holds them.

Shuffling rows, repeating every row, splitting into several files, re-encoding (UTF-8 BOM,
UTF-16, GBK), CSV vs XLSX, and the memory vs out-of-core engine all give identical per-customer
totals (last purchase day, orders, revenue: everything the customers table is scored from), on
generated exports of more than 500 rows with line items, order totals (filled on one row of the
order, or repeated on every row), blank order ids and tied values. One test at the end checks
the whole customers table of :func:`analyze` under a shuffle.

Each example draws a few numbers and builds its export with NumPy (cheap), and checks every
property against one baseline, each with its own message; the ``ci`` profile (environment
variable ``CI`` set, as ``.ci/run`` does) runs 200 examples, so each property sees 200 exports.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rfm_engine import RfmConfig, analyze
from rfm_engine.pipeline import analyze_out_of_core, customer_totals

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev",
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = "ci" if os.environ.get("CI") else "dev"
try:
    import duckdb  # noqa: F401

    HAS_DUCKDB = True
except ImportError:  # the out-of-core engine is optional
    HAS_DUCKDB = False
HEADER = ["order_id", "customer", "date", "amount", "sku"]


def build_export(seed: int, rows: int, customers: int, totals: str, blank_share: float):
    """An export of ``rows`` line-item rows: ``totals`` is ``"items"`` (amount per line),
    ``"first"`` (the order total on its first row only) or ``"every"`` (on every row)."""
    rng = np.random.default_rng(seed)
    names = np.array([f"客户{i}" if i % 3 == 0 else f"c{i:03d}" for i in range(customers)])
    days = pd.date_range("2024-01-01", periods=40, freq="D").strftime("%Y-%m-%d").to_numpy()
    records = []
    order = 0
    while len(records) < rows:
        order += 1
        blank = rng.random() < blank_share
        lines = 1 if blank else int(rng.integers(1, 5))
        customer = names[rng.integers(customers)]
        day = days[rng.integers(len(days))]  # 40 days: many ties in recency
        cents = rng.integers(1, 80, size=lines) * 25  # quarters: sums exact in any order
        total = f"{cents.sum() / 100:.2f}"
        for line in range(lines):
            if totals == "items":
                amount = f"{cents[line] / 100:.2f}"
            elif totals == "first":
                amount = total if line == 0 else ""
            else:
                amount = total
            records.append(
                ["" if blank else f"#{order}", customer, day, amount, f"sku{order}-{line}"]
            )
    return pd.DataFrame(records[: max(rows, 501)], columns=HEADER)


exports = st.builds(
    build_export,
    seed=st.integers(0, 2**32 - 1),
    rows=st.integers(501, 650),
    customers=st.integers(3, 150),
    totals=st.sampled_from(["items", "first", "every"]),
    blank_share=st.sampled_from([0.0, 0.1, 0.3]),
)


def write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8") -> Path:
    frame.to_csv(path, index=False, encoding=encoding)
    return path


def write_xlsx(frame: pd.DataFrame, path: Path) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("orders")
    sheet.append(HEADER)
    for order_id, customer, day, amount, sku in frame.itertuples(index=False):
        # As Excel holds them: dates and amounts as values, blank cells empty.
        sheet.append(
            [
                order_id or None,
                customer,
                pd.Timestamp(day).to_pydatetime(),
                float(amount) if amount else None,
                sku,
            ]
        )
    book.save(path)
    return path


def per_customer(totals) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "customer_id": np.asarray(totals.customers, dtype=object).astype(str),
            "last_day": np.asarray(totals.last_day),
            "orders": np.asarray(totals.orders),
            "revenue": np.asarray(totals.revenue),
        }
    )
    return table.sort_values("customer_id").reset_index(drop=True)


def totals_of(source) -> pd.DataFrame:
    return per_customer(customer_totals(source, RfmConfig()))


def same(got: pd.DataFrame, base: pd.DataFrame, what: str) -> None:
    try:
        pd.testing.assert_frame_equal(got, base)
    except AssertionError as exc:
        raise AssertionError(f"{what} changed the customers: {exc}") from None


@pytest.fixture
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("prop")


@settings(settings.get_profile(PROFILE))
@given(
    frame=exports,
    seed=st.integers(0, 2**32 - 1),
    parts=st.integers(2, 4),
    encoding=st.sampled_from(["utf-8-sig", "utf-16", "gbk"]),
    chunk=st.integers(100, 400),
)
def test_how_the_file_holds_the_rows_never_changes_the_customers(
    folder: Path, frame, seed, parts, encoding, chunk
) -> None:
    path = write_csv(frame, folder / "base.csv")
    base = totals_of(path)
    shuffled = frame.sample(frac=1, random_state=seed)
    same(totals_of(write_csv(shuffled, folder / "shuffled.csv")), base, "shuffling rows")
    twice = pd.concat([frame, frame], ignore_index=True)
    same(totals_of(write_csv(twice, folder / "twice.csv")), base, "repeating every row")
    bounds = np.linspace(0, len(frame), parts + 1).astype(int)
    files = [
        write_csv(frame.iloc[a:b], folder / f"part{i}.csv")
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]
    same(totals_of(files), base, f"splitting into {parts} files")
    encoded = write_csv(frame, folder / "encoded.csv", encoding)
    same(totals_of(encoded), base, f"re-encoding as {encoding}")
    same(totals_of(write_xlsx(frame, folder / "book.xlsx")), base, "a workbook instead of CSV")
    if HAS_DUCKDB:
        result = analyze_out_of_core([path], RfmConfig(), chunk_rows=chunk)
        got = result.customers_table()
        as_of = np.datetime64(result.as_of, "D").astype("int64")
        got = pd.DataFrame(
            {
                "customer_id": got["customer_id"].astype(str),
                "last_day": (as_of - got["recency_days"]).astype(base["last_day"].dtype),
                "orders": got["frequency"].astype(base["orders"].dtype),
                "revenue": got["monetary"],
            }
        ).sort_values("customer_id")
        expected = base
        same(got.reset_index(drop=True), expected, f"the out-of-core engine ({chunk}-row chunks)")


def test_the_whole_customers_table_ignores_row_order(tmp_path: Path) -> None:
    frame = build_export(seed=7, rows=600, customers=40, totals="first", blank_share=0.1)
    tables = []
    for name, rows in (("a", frame), ("b", frame.sample(frac=1, random_state=3))):
        result = analyze(write_csv(rows, tmp_path / f"{name}.csv"), RfmConfig())
        assert result.config.columns.amount_is_order_total
        table = result.customers_table()
        table["customer_id"] = table["customer_id"].astype(str)
        tables.append(table.sort_values("customer_id").reset_index(drop=True))
    pd.testing.assert_frame_equal(tables[0], tables[1], check_categorical=False)
