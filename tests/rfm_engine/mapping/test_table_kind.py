"""Transactions or a customer list: the decision, its evidence, and the columns of each kind."""

from __future__ import annotations

import pandas as pd
import pytest

from rfm_engine import ColumnError, ColumnMap, ConfigError, RfmConfig
from rfm_engine.mapping import choose_mapping, detect_table_kind, guess_columns


def frame(header: str, *rows: str) -> pd.DataFrame:
    names = header.split(",")
    return pd.DataFrame([r.split(",") for r in rows], columns=names, dtype=object)


LIST = frame(
    "Customer ID,Last Order Date,Total Orders,Total Spent,Email",
    "1,2024-01-02,3,30,a@x.com",
    "2,2024-01-05,1,12,b@x.com",
)


def test_a_count_column_and_a_key_that_never_repeats_make_a_list() -> None:
    kind, warnings = detect_table_kind(LIST, list(LIST.columns), ColumnMap())
    assert kind == "customers"
    (warning,) = warnings
    assert (warning.code, warning.stage, warning.option) == (
        "customer_list",
        "mapping",
        "columns.kind",
    )
    assert warning.evidence == {
        "key_column": "Customer ID",
        "count_column": "Total Orders",
        "rows": 2,
    }
    choice = choose_mapping(LIST, list(LIST.columns), ColumnMap())
    columns = choice.columns
    assert (columns.kind, columns.customer, columns.last_purchase) == (
        "customers",
        "Customer ID",
        "Last Order Date",
    )
    assert (columns.order_count, columns.total_spent, columns.contacts) == (
        "Total Orders",
        "Total Spent",
        ("Email",),
    )
    assert choice.origins["order_count"] == "header"
    assert choice.warnings == warnings


def test_without_a_count_column_a_table_is_transactions_silently() -> None:
    table = frame("customer,date,amount", "a,2024-01-01,5", "b,2024-01-02,6")
    assert detect_table_kind(table, list(table.columns), ColumnMap()) == ("transactions", ())
    choice = choose_mapping(table, list(table.columns), ColumnMap())
    assert choice.columns.kind == "transactions"
    assert choice.columns.roles == {
        "customer": "customer",
        "date": "date",
        "amount": "amount",
    }


def test_the_key_of_a_list_is_the_first_id_like_column_that_never_repeats() -> None:
    table = frame(
        "Name,Username,Last Active,Email,Orders,Total Spend",
        "Ann,,2024-01-01,ann@x.com,2,20",
        "Bob,,2024-01-02,bob@x.com,1,10",
        "Ann,ann2,2024-01-03,ann2@x.com,1,5",
    )
    columns = choose_mapping(table, list(table.columns), ColumnMap()).columns
    assert columns.customer == "Email"  # "Name" repeats; Email is checked before Username
    assert columns.contacts == ("Name", "Email")


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            "会员编号,最后下单时间,购买次数,消费总额,手机",
            ("会员编号", "最后下单时间", "购买次数", "消费总额"),
        ),
        (
            "客户id,最近消费日期,订单数,累计消费,姓名",
            ("客户id", "最近消费日期", "订单数", "累计消费"),
        ),
        (
            "member,last purchase date,visits,lifetime value",
            ("member", "last purchase date", "visits", "lifetime value"),
        ),
    ],
)
def test_list_header_names_in_english_and_chinese(header: str, roles: tuple[str, ...]) -> None:
    width = len(header.split(","))
    rows = [",".join(r.split(",")[:width]) for r in ("m1,2024-01-01,2,10,x", "m2,2024-01-02,1,5,y")]
    table = frame(header, *rows)
    columns = choose_mapping(table, list(table.columns), ColumnMap()).columns
    assert columns.kind == "customers"
    assert (
        columns.customer,
        columns.last_purchase,
        columns.order_count,
        columns.total_spent,
    ) == roles


def test_named_list_roles_make_a_list_without_detection() -> None:
    table = frame("who,seen,n,spent", "a,2024-01-01,2,10", "a,2024-01-02,1,5")
    config = ColumnMap(customer="who", last_purchase="seen", order_count="n", total_spent="spent")
    assert detect_table_kind(table, list(table.columns), config) == ("customers", ())
    columns = choose_mapping(table, list(table.columns), config).columns
    assert columns.roles == {
        "customer": "who",
        "last_purchase": "seen",
        "order_count": "n",
        "total_spent": "spent",
    }


def test_a_list_without_a_count_or_a_total_names_what_is_missing() -> None:
    table = frame("Customer ID,Last Order Date,Orders,Email", "1,2024-01-02,3,a@x.com")
    with pytest.raises(ColumnError) as caught:
        choose_mapping(table, list(table.columns), ColumnMap())
    assert caught.value.missing_columns == ("total_spent",)
    assert caught.value.option == "columns.total_spent"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            # Zoho CRM sales orders
            "Sales Order Owner,SO Number,Subject,Account Name,Contact Name,Status,Grand Total,"
            "Created Time",
            {
                "customer": "Contact Name",
                "date": "Created Time",
                "amount": "Grand Total",
                "order": "SO Number",
                "status": "Status",
            },
        ),
        (
            "Sales Order Owner,SO Number,Account Name,Grand Total,Created Time",
            {
                "customer": "Account Name",
                "date": "Created Time",
                "amount": "Grand Total",
                "order": "SO Number",
            },
        ),
        (
            # a Chinese CRM (销售订单): 价税合计 is the amount with tax
            "销售订单编号,客户名称,价税合计,下单日期,订单状态",
            {
                "customer": "客户名称",
                "date": "下单日期",
                "amount": "价税合计",
                "order": "销售订单编号",
                "status": "订单状态",
            },
        ),
    ],
)
def test_crm_sales_order_headers(header: str, expected: dict[str, str]) -> None:
    assert guess_columns(header.split(",")).roles == expected


def test_column_kind_is_an_option_that_round_trips() -> None:
    config = RfmConfig(columns=ColumnMap(kind="customers", days_since="Recency"))
    assert RfmConfig.from_json(config.to_json()) == config
    assert config.to_dict()["columns"]["kind"] == "customers"
    with pytest.raises(ConfigError) as caught:
        ColumnMap(kind="orders")
    assert caught.value.option == "columns.kind"
    with pytest.raises(ConfigError) as caught:
        ColumnMap(last_purchase="Last Order Date", days_since="Recency")
    assert caught.value.option == "columns.days_since"
