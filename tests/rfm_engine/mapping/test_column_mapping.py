"""Auto-mapping by header names (English/Chinese, stray spaces, BOMs) and by content."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import ColumnError, ColumnMap, RfmConfig, analyze
from rfm_engine.mapping.columns import choose_columns


@pytest.mark.parametrize(
    ("headers", "customer", "date", "amount", "order"),
    [
        (
            ["\ufeff买家会员名 ", "订单创建时间", " 订单付款时间 ", "实付金额"],
            "\ufeff买家会员名 ",
            " 订单付款时间 ",
            "实付金额",
            None,
        ),
        (["客户ID", "日期", "金额", "订单号"], "客户ID", "日期", "金额", "订单号"),
        (["客户", "下单日期", "金额（元）"], "客户", "下单日期", "金额（元）", None),
        (["会员", "交易时间", "消费金额"], "会员", "交易时间", "消费金额", None),
        (
            ["Customer ID", "Order Date", "Revenue", "Order Number"],
            "Customer ID",
            "Order Date",
            "Revenue",
            "Order Number",
        ),
    ],
)
def test_header_names(headers, customer, date, amount, order) -> None:
    choice = choose_columns(headers, ColumnMap())
    got = choice.columns
    assert (got.customer, got.date, got.amount, got.order) == (customer, date, amount, order)
    assert choice.origins["date"] == "header"


def test_quantity_times_unit_price() -> None:
    got = choose_columns(
        ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"], ColumnMap()
    ).columns
    assert (got.amount, got.quantity, got.price) == (None, "Quantity", "UnitPrice")


def test_content_sniffing_for_a_headerless_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text(
        "A01,shop,2024-01-02,12.50\nA02,shop,2024-01-05,7.00\nA01,shop,2024-01-09,1.25\n"
    )
    result = analyze(path, RfmConfig())
    cols = result.config.columns
    assert (cols.customer, cols.date, cols.amount) == ("column 1", "column 3", "column 4")
    got = result.customers.set_index("customer_id")
    assert got.loc["A01", "frequency"] == 2 and got.loc["A01", "monetary"] == 13.75
    assert got.loc["A02", "recency_days"] == 5


def test_content_sniffing_with_unhelpful_headers() -> None:
    sample = pd.DataFrame(
        {
            "字段1": ["x1", "x2", "x1"],
            "字段2": ["2024/1/2", "2024/1/3", "2024/1/4"],
            "字段3": ["¥12", "¥8", "¥3"],
        }
    )
    choice = choose_columns(list(sample.columns), ColumnMap(), sample=sample)
    assert (choice.columns.customer, choice.columns.date, choice.columns.amount) == (
        "字段1",
        "字段2",
        "字段3",
    )
    assert set(choice.origins.values()) == {"content"}


def test_missing_roles_are_named() -> None:
    with pytest.raises(ColumnError, match="date") as caught:
        choose_columns(["customer", "amount", "note"], ColumnMap())
    assert caught.value.missing_columns == ("date",)
    assert "note" in caught.value.available_columns
