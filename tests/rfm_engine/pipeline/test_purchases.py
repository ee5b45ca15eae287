"""One customer's purchases: the rows the totals were made from."""

from __future__ import annotations

import pandas as pd
import pytest

from resources import sample_orders_path
from rfm_engine import ColumnMap, RfmConfig, analyze
from rfm_engine.pipeline import customer_purchases


def test_purchases_add_up_to_the_customers_totals():
    result = analyze([sample_orders_path()], RfmConfig())
    c = result.customers.sort_values("orders")
    for _, row in pd.concat([c.head(2), c.tail(3)]).iterrows():
        bought = customer_purchases([sample_orders_path()], result.config, row.customer_id)
        assert list(bought.columns) == ["date", "order", "amount", "file", "row"]
        assert bought["order"].nunique() == row.orders
        assert bought["amount"].sum() == pytest.approx(row.revenue)
        assert bought["date"].max() == row.last_purchase.date()
        assert bought["date"].is_monotonic_increasing
        assert set(bought["file"]) == {"sample_orders.csv"}


def test_purchases_match_the_online_retail_reference(shared_datasets):
    folder = shared_datasets / "online_retail"
    config = RfmConfig(
        columns=ColumnMap(
            customer="CustomerID",
            date="InvoiceDate",
            order="InvoiceNo",
            quantity="Quantity",
            price="UnitPrice",
        )
    )
    result = analyze([folder / "online_retail.csv"], config)
    reference = pd.read_csv(folder / "reference_default.csv", dtype={"customer_id": str})
    customer = reference.sort_values("frequency").iloc[-1]  # the most orders
    bought = customer_purchases([folder / "online_retail.csv"], result.config, customer.customer_id)
    assert bought["order"].nunique() == customer.frequency
    assert bought["amount"].sum() == pytest.approx(customer.monetary, abs=0.01)
    last = pd.Timestamp(result.as_of) - pd.Timedelta(days=int(customer.recency_days))
    assert bought["date"].max() == last.date()


def test_a_customer_list_has_no_purchases_to_show():
    from pathlib import Path

    from rfm_engine import DataError

    path = Path(__file__).parents[2] / "fixtures" / "customer_lists" / "membership_gbk.csv"
    result = analyze(path, RfmConfig())
    assert result.config.columns.kind == "customers"
    with pytest.raises(DataError) as caught:
        customer_purchases(path, result.config, result.customers["customer_id"].iloc[0])
    assert caught.value.code == "list_has_no_history"
