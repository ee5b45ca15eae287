"""A customer list's own totals behind the CustomerTotals seam, on every engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import ColumnMap, ReadOptions, RfmConfig, analyze
from rfm_engine.aggregate import totals_from_customer_list
from rfm_engine.cleaning import clean_customer_list

FIXTURES = Path(__file__).parents[2] / "fixtures" / "customer_lists"
COLUMNS = ColumnMap(
    kind="customers",
    customer="id",
    last_purchase="last",
    order_count="orders",
    total_spent="spent",
    contacts=("name",),
)


def test_totals_in_id_order_with_first_day_the_last_day() -> None:
    raw = pd.DataFrame(
        {
            "id": ["b2", "a1", "c3"],
            "last": ["2024-02-01", "2024-01-01", "2024-03-01"],
            "orders": ["3", "1", "2"],
            "spent": ["30.5", "10", "0"],
            "name": ["Bo", "Al", "Cy"],
        }
    )
    listed = clean_customer_list(raw, COLUMNS)
    totals = totals_from_customer_list(listed, COLUMNS)
    assert totals.customers.tolist() == ["a1", "b2"]  # c3 spent 0: rule 4
    assert totals.orders.tolist() == [1, 3]
    assert totals.revenue.tolist() == [10.0, 30.5]
    days = [np.datetime64("2024-01-01", "D"), np.datetime64("2024-02-01", "D")]
    assert totals.last_day.tolist() == [int(d.astype("int64")) for d in days]
    assert totals.first_day.tolist() == totals.last_day.tolist()
    assert totals.default_as_of() == dt.date(2024, 2, 2)
    assert totals.contacts["name"].tolist() == ["Al", "Bo"]
    assert totals.cleaning.rows_dropped("non_positive_total") == 1


def test_the_out_of_core_engine_leaves_a_list_to_memory() -> None:
    pytest.importorskip("duckdb")
    path = FIXTURES / "woocommerce_customers_emailed.csv"
    memory = analyze(path, RfmConfig(reading=ReadOptions(engine="memory")))
    duckdb = analyze(path, RfmConfig(reading=ReadOptions(engine="duckdb")))
    pd.testing.assert_frame_equal(duckdb.customers, memory.customers)
    assert duckdb.customers["frequency"].max() == 7
