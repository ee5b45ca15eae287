"""Every aggregation backend returns the same CustomerTotals for the same cleaned rows, and the
model turns totals into a result without knowing which backend made them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import ColumnMap, RfmConfig, analyze
from rfm_engine.aggregate import CustomerTotals, totals_in_memory, totals_out_of_core
from rfm_engine.cleaning import clean
from rfm_engine.io import read_sources
from rfm_engine.mapping import resolve_columns
from rfm_engine.model import score_customers

pytest.importorskip("duckdb")

ORDERS = (
    "customer,date,amount,order,email\n"
    "b,2024-01-05,10,o1,b@x.example\n"
    "a,2024-01-02,5,o2,\n"
    "a,2024-01-02,5,o2,a@x.example\n"
    "b,2024-02-01,-3,o3,\n"
    "c,2024-02-03,7,,c@x.example\n"
    "c,2024-02-04,8,,\n"
    "a,2024-01-09,20,o4,a2@x.example\n"
)


def _in_memory(path: Path, config: RfmConfig) -> CustomerTotals:
    raw = read_sources([path], config.reading)
    headers = [c for c in raw.columns if not c.startswith("_")]
    columns = resolve_columns(headers, config.columns, source=str(path))
    cleaned = clean(raw, columns, rules=config.cleaning, period=config.period)
    return totals_in_memory(cleaned, columns, distinct_days=True)


@pytest.mark.parametrize("returns", ["drop", "net"])
def test_memory_and_out_of_core_totals_are_identical(tmp_path: Path, returns: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    config = RfmConfig(
        columns=ColumnMap(contacts=("email",)),
        cleaning=dataclasses.replace(RfmConfig().cleaning, returns=returns),
        metrics=dataclasses.replace(RfmConfig().metrics, frequency="days"),
    )
    memory = _in_memory(path, config)
    duck = totals_out_of_core([path], config, chunk_rows=3, work_dir=tmp_path)
    assert duck is not None
    assert list(memory.customers) == list(duck.customers) == ["a", "b", "c"]
    for field in ("first_day", "last_day", "orders", "days"):
        assert np.array_equal(getattr(memory, field), getattr(duck, field)), field
    assert np.array_equal(memory.revenue, duck.revenue)
    assert list(memory.orders) == [2, 1, 2]  # o2 once, o4; o1; two rows without an order id
    assert list(memory.revenue) == ([30, 10, 15] if returns == "drop" else [30, 7, 15])
    assert memory.contacts["email"].tolist() == duck.contacts["email"].tolist()
    assert memory.contacts["email"].tolist() == ["a2@x.example", "b@x.example", "c@x.example"]
    assert memory.default_as_of() == duck.default_as_of() == pd.Timestamp("2024-02-05").date()


def test_the_model_takes_any_totals(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    totals = _in_memory(path, RfmConfig())
    result = score_customers(totals, dataclasses.replace(RfmConfig(), columns=totals.columns))
    expected = analyze(path).customers_table()
    pd.testing.assert_frame_equal(result.customers_table(), expected)


def test_customers_sorted_as_text_by_arrow_as_by_numpy() -> None:
    """Many text ids (Arrow sorts them) come out in NumPy's code point order: accents, CJK,
    emoji beyond the BMP, case, digits and prefixes."""
    from rfm_engine.aggregate.in_memory import _text_order

    rng = np.random.default_rng(3)
    pool = ["a", "B", "b", "ab", "a b", "é", "e", "张三", "张", "😀", "~", "0", "10", "9", "Z"]
    labels = np.array(
        list(dict.fromkeys("".join(rng.choice(pool, 3)) + str(i % 50) for i in range(3000))),
        dtype=object,
    )
    assert len(labels) > 1000
    order = _text_order(labels)
    assert labels[order].tolist() == labels[np.argsort(labels.astype(str), kind="stable")].tolist()
