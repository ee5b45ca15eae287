"""Customer lists (one row per customer with totals) scored like transactions.

Fixtures and the hand computation: ``tests/fixtures/customer_lists/README.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import (
    ColumnError,
    ColumnMap,
    ConfigError,
    DataError,
    MetricsConfig,
    Period,
    RfmConfig,
    analyze,
    check_data,
    compare_periods,
    load_scheme,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "customer_lists"
AS_OF = dt.date(2024, 3, 31)
#: customer → recency, frequency, monetary, R, F, M, segment (README.md of the fixtures).
EXPECTED = {
    "ann": (1, 7, 1050.0, 5, 5, 5, "champions"),
    "bob": (76, 1, 20.0, 2, 1, 1, "about_to_sleep"),
    "cy": (30, 3, 300.0, 3, 3, 3, "potential_loyalist"),
    "dan": (81, 2, 450.0, 1, 2, 4, "at_risk"),
    "eve": (6, 4, 160.0, 4, 4, 2, "potential_loyalist"),
}
CUTS = {
    "recency": (5, 20.4, 48.4, 77),
    "frequency": (1.8, 2.6, 3.4, 4.6),
    "monetary": (132, 244, 360, 570),
}
COMPARED = [
    "recency_days",
    "frequency",
    "monetary",
    "r_score",
    "f_score",
    "m_score",
    "segment",
]
EMAILS = {name: f"{name}@example.com" for name in EXPECTED}
CARDS = {"ann": "000101", "bob": "000102", "cy": "000103", "dan": "000104", "eve": "000105"}
COMPANIES = {
    "ann": "安安贸易",
    "bob": "博博商行",
    "cy": "赛赛科技",
    "dan": "丹丹食品",
    "eve": "伊伊服饰",
}


def observed(result, ids: dict[str, str]) -> dict[str, tuple]:
    table = result.customers.set_index("customer_id")
    return {
        name: (*table.loc[key, COMPARED[:3]].tolist(), *table.loc[key, COMPARED[3:]].tolist())
        for name, key in ids.items()
    }


def expected_rows() -> dict[str, tuple]:
    return {k: (r, f, m, rs, fs, ms, seg) for k, (r, f, m, rs, fs, ms, seg) in EXPECTED.items()}


@pytest.mark.parametrize(
    "name", ["woocommerce_customers_browser.csv", "woocommerce_customers_emailed.csv"]
)
def test_woocommerce_customer_reports_give_the_hand_computed_scores(name: str) -> None:
    result = analyze(FIXTURES / name)
    assert result.as_of == AS_OF
    assert len(result.customers) == 5  # Fay never bought
    assert observed(result, EMAILS) == expected_rows()
    for axis, cuts in CUTS.items():
        assert tuple(result.cut_points[axis].cut_points) == pytest.approx(cuts)
    columns = result.config.columns
    assert (columns.kind, columns.customer, columns.last_purchase) == (
        "customers",
        "Email",
        "Last Active",
    )
    assert (columns.order_count, columns.total_spent) == ("Orders", "Total Spend")
    assert result.cleaning.rows_dropped("never_bought") == 1
    assert result.customers.set_index("customer_id").loc["ann@example.com", "Name"] == "Ann Lee"
    (kind,) = [w for w in result.warnings if w.code == "customer_list"]
    assert kind.option == "columns.kind"
    assert kind.evidence == {"key_column": "Email", "count_column": "Orders", "rows": 6}
    (activity,) = [w for w in result.warnings if w.code == "last_activity_as_purchase"]
    assert (activity.option, activity.evidence) == (
        "columns.last_purchase",
        {"column": "Last Active"},
    )


def test_orders_seven_is_frequency_seven_never_one() -> None:
    for name in ("woocommerce_customers_browser.csv", "woocommerce_customers_emailed.csv"):
        table = analyze(FIXTURES / name).customers.set_index("customer_id")
        assert table.loc["ann@example.com", "frequency"] == 7
        assert table.loc["ann@example.com", "orders"] == 7


def test_the_list_path_and_the_transactions_path_agree() -> None:
    from_orders = analyze(FIXTURES / "orders.csv")
    from_list = analyze(FIXTURES / "woocommerce_customers_browser.csv")
    assert observed(from_orders, EMAILS) == expected_rows()
    columns = ["customer_id", *COMPARED, "rfm_code", "rfm_score", "segment_name"]
    pd.testing.assert_frame_equal(from_list.customers[columns], from_orders.customers[columns])
    pd.testing.assert_frame_equal(from_list.summary, from_orders.summary)
    assert from_list.as_of == from_orders.as_of
    assert {a: c.cut_points for a, c in from_list.cut_points.items()} == {
        a: c.cut_points for a, c in from_orders.cut_points.items()
    }


def test_chinese_membership_export_drops_blank_rows_with_examples() -> None:
    result = analyze(FIXTURES / "membership_gbk.csv", RfmConfig(lang="zh_CN"))
    assert observed(result, CARDS) == expected_rows()
    columns = result.config.columns
    assert (columns.customer, columns.last_purchase, columns.order_count) == (
        "会员卡号",
        "最近消费时间",
        "消费次数",
    )
    assert columns.total_spent == "累计消费金额"
    assert "手机号" in columns.contacts and "会员姓名" in columns.contacts
    steps = {s.key: s for s in result.cleaning.steps}
    assert {k: s.rows for k, s in steps.items()} == {
        "blank_customer": 1,
        "bad_count": 1,
        "never_bought": 1,
        "bad_last_purchase": 1,
        "bad_total": 1,
    }
    assert steps["blank_customer"].examples["会员姓名"].tolist() == ["无卡"]
    assert steps["bad_last_purchase"].examples["会员卡号"].tolist() == ["000108"]
    assert steps["bad_count"].examples["会员卡号"].tolist() == ["000109"]
    assert steps["bad_total"].examples["会员卡号"].tolist() == ["000110"]
    assert steps["never_bought"].examples["会员卡号"].tolist() == ["000106"]
    frame = result.cleaning.to_frame()
    not_applicable = frame[frame["key"] == "not_applicable"]
    assert not_applicable["rule"].tolist() == [7, 6, 5]
    assert not_applicable["rows"].tolist() == [0, 0, 0]
    assert not_applicable["description"].str.startswith("not applicable (").all()
    assert "(cancelled): a customer list has no order statuses" in not_applicable.iloc[1, 2]
    assert frame.iloc[-1].tolist()[1:4] == ["customer_rows_used", "customer rows used", 5]
    champions = load_scheme("classic").segment("champions").name("zh_CN")
    assert result.customers.set_index("customer_id").loc["000101", "segment_name"] == champions


def test_crm_sales_orders_map_by_header_names_and_voided_orders_do_not_count() -> None:
    result = analyze(FIXTURES / "crm_sales_orders.csv")
    columns = result.config.columns
    assert columns.kind == "transactions"
    assert (columns.customer, columns.amount, columns.date, columns.order, columns.status) == (
        "客户名称",
        "订单金额",
        "下单日期",
        "销售订单编号",
        "生命状态",
    )
    assert result.cleaning.rows_dropped("cancelled") == 2
    assert observed(result, COMPANIES) == expected_rows()


def test_days_since_column_needs_the_day_it_was_counted_to(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "member id,days since last order,total orders,total spent\n"
        "m1,1,7,1050\nm2,76,1,20\nm3,30,3,300\nm4,81,2,450\nm5,6,4,160\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        analyze(path)
    assert (caught.value.code, caught.value.option) == ("needs_as_of", "period.as_of")
    result = analyze(path, RfmConfig(period=Period(as_of=AS_OF)))
    ids = {name: f"m{i}" for i, name in enumerate(EXPECTED, 1)}
    assert observed(result, ids) == expected_rows()
    assert result.config.columns.days_since == "days since last order"
    assert result.customers.set_index("customer_id").loc["m2", "last_purchase"] == pd.Timestamp(
        "2024-01-15"
    )


def test_shopify_customers_export_alone_names_the_orders_export() -> None:
    with pytest.raises(ColumnError) as caught:
        analyze(FIXTURES / "shopify_customers_export.csv")
    error = caught.value
    assert error.code == "no_last_purchase"
    assert error.option == "columns.last_purchase"
    assert "Shopify customers export" in str(error)
    assert "orders_export.csv" in str(error)
    assert "\n" not in str(error)


def test_a_list_with_the_orders_gives_contacts_from_the_list() -> None:
    result = analyze(
        [FIXTURES / "shopify_orders_export.csv", FIXTURES / "shopify_customers_export.csv"]
    )
    table = result.customers.set_index("customer_id")
    assert table.index.tolist() == ["ann@example.com", "bob@example.com"]
    # R/F/M from the orders (the list says Ann has 2 orders for 150.00, the same here)
    assert table.loc["ann@example.com", ["frequency", "monetary"]].tolist() == [2, 150.0]
    assert table.loc["bob@example.com", "recency_days"] == 49
    assert table.loc["ann@example.com", "First Name"] == "Ann"
    assert table.loc["bob@example.com", "Phone"] == "555-0102"
    assert {"First Name", "Last Name", "Email", "Phone"} <= set(result.contacts)
    (note,) = [w for w in result.warnings if w.code == "contacts_from_list"]
    assert note.evidence["key_column"] == "Email"
    assert note.evidence["matched"] == 2


def test_data_check_of_a_list_with_the_orders_checks_the_orders() -> None:
    check = check_data(
        [FIXTURES / "shopify_orders_export.csv", FIXTURES / "shopify_customers_export.csv"]
    )
    assert check.ok and check.table_kind == "transactions"
    assert [Path(s.path).name for s in check.sources] == ["shopify_orders_export.csv"]
    assert (check.customers, check.orders) == (2, 3)
    (note,) = [w for w in check.warnings if w.code == "contacts_from_list"]
    assert note.message.startswith("shopify_customers_export.csv: a customer list")


def test_kind_can_be_forced_and_a_repeating_key_keeps_transactions(tmp_path: Path) -> None:
    as_list = analyze(FIXTURES / "woocommerce_customers_browser.csv")
    forced = RfmConfig(columns=ColumnMap(kind="transactions", customer="Email", date="Last Active"))
    forced = dataclasses.replace(
        forced, columns=dataclasses.replace(forced.columns, amount="Total Spend")
    )
    as_rows = analyze(FIXTURES / "woocommerce_customers_browser.csv", forced)
    assert as_list.customers["frequency"].max() == 7
    assert set(as_rows.customers["frequency"]) == {1}  # what the user asked for
    assert not [w for w in as_rows.warnings if w.code == "customer_list"]

    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount,orders\nc1,2024-01-01,10,1\nc1,2024-01-05,20,2\nc2,2024-01-03,5,1\n",
        encoding="utf-8",
    )
    result = analyze(path)
    assert result.config.columns.kind == "transactions"
    assert result.customers.set_index("customer_id").loc["c1", "frequency"] == 2
    (warning,) = [w for w in result.warnings if w.code == "count_column_ignored"]
    assert warning.evidence["repeated_rows"] == 1
    assert warning.option == "columns.kind"


def test_a_forced_list_with_a_repeated_customer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "email,last order date,orders,total spent\n"
        "a@x.com,2024-01-01,2,10\nb@x.com,2024-01-02,1,5\na@x.com,2024-01-03,3,30\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        analyze(path, RfmConfig(columns=ColumnMap(kind="customers")))
    assert caught.value.code == "repeated_customer"
    assert caught.value.rows == (1, 3)  # data rows, the header not counted
    assert "row 1" in str(caught.value)


def test_options_a_list_cannot_honour_are_refused() -> None:
    path = FIXTURES / "woocommerce_customers_emailed.csv"
    with pytest.raises(ConfigError) as caught:
        analyze(path, RfmConfig(period=Period(start=dt.date(2024, 1, 1))))
    assert caught.value.option == "period.start"
    with pytest.raises(ConfigError) as caught:
        analyze(path, RfmConfig(metrics=MetricsConfig(frequency="days")))
    assert caught.value.option == "metrics.frequency"
    with pytest.raises(ConfigError) as caught:
        compare_periods(path)
    assert caught.value.code == "list_has_no_history"


def test_predictions_refuse_a_customer_list() -> None:
    pytest.importorskip("scipy")
    from rfm_engine.prediction.pipeline import analyze_with_predictions

    listed = pd.read_csv(FIXTURES / "woocommerce_customers_browser.csv", dtype=str)
    # Headers a transactions mapping could also take: the list must still not be predicted from.
    listed = listed.rename(columns={"Email": "Customer ID", "Last Active": "Date"})
    with pytest.raises(ConfigError) as caught:
        analyze_with_predictions(listed)
    assert (caught.value.code, caught.value.option) == ("list_has_no_history", "columns.kind")
    assert "predict from the orders export" in str(caught.value)


def test_an_earlier_as_of_drops_customers_active_after_it() -> None:
    result = analyze(
        FIXTURES / "woocommerce_customers_emailed.csv",
        RfmConfig(period=Period(as_of=dt.date(2024, 3, 20))),
    )
    # Ann (03-30) and Eve (03-25) bought after the analysis date: their totals include it.
    assert result.cleaning.rows_dropped("after_as_of") == 2
    assert sorted(result.customers["customer_id"]) == [
        "bob@example.com",
        "cy@example.com",
        "dan@example.com",
    ]


def test_mean_monetary_divides_the_total_by_the_orders() -> None:
    result = analyze(
        FIXTURES / "woocommerce_customers_browser.csv",
        RfmConfig(metrics=MetricsConfig(monetary="mean")),
    )
    table = result.customers.set_index("customer_id")
    assert table.loc["ann@example.com", "monetary"] == 150.0
    assert table.loc["dan@example.com", "monetary"] == 225.0


def test_data_check_says_it_is_a_customer_list() -> None:
    check = check_data(FIXTURES / "membership_gbk.csv")
    assert check.ok
    assert check.table_kind == "customers"
    assert (check.customers, check.orders, check.total_amount) == (5, 17, 1980.0)
    assert (check.first_date, check.last_date) == (dt.date(2024, 1, 10), dt.date(2024, 3, 30))
    summary = dict(check.to_frame().itertuples(index=False))
    assert summary["table"].startswith("customer list")
    assert summary["column order_count"] == "消费次数 (header)"
    assert check.unparseable[["row", "column"]].values.tolist() == [
        [9, "消费次数"],
        [8, "最近消费时间"],
        [10, "累计消费金额"],
    ]
    # One member in ten has no card number: that member's purchases count for nobody.
    assert [w.code for w in check.warnings] == ["customer_list", "many_blank_customers"]
    orders = check_data(FIXTURES / "orders.csv")
    assert orders.table_kind == "transactions"
    assert dict(orders.to_frame().itertuples(index=False))["table"].startswith("transactions")


def test_the_list_config_round_trips_through_json() -> None:
    result = analyze(FIXTURES / "woocommerce_customers_browser.csv")
    again = RfmConfig.from_json(result.config.to_json())
    assert again == result.config
    assert analyze(FIXTURES / "woocommerce_customers_browser.csv", again).customers.equals(
        result.customers
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_transactions_summarised_into_a_list_give_the_same_result(
    seed: int, tmp_path: Path
) -> None:
    """Any transactions, summarised per customer with pandas (last date, distinct orders, sum),
    score the same as a list as they do as transactions, with either recency source."""
    rng = np.random.default_rng(seed)
    n = 400
    orders = pd.DataFrame(
        {
            "customer_id": [f"c{i:03d}" for i in rng.integers(0, 60, n)],
            "order_id": [f"o{i}" for i in rng.integers(0, 250, n)],
            "order_date": pd.Timestamp("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
            "amount": rng.integers(1, 50_000, n) / 100,
        }
    )
    # An order id belongs to one customer and one day, as in a real export.
    first = orders.groupby("order_id")[["customer_id", "order_date"]].transform("first")
    orders[["customer_id", "order_date"]] = first
    orders.to_csv(tmp_path / "orders.csv", index=False)
    as_of = dt.date(2024, 1, 15)
    by_customer = orders.groupby("customer_id").agg(
        last=("order_date", "max"), orders=("order_id", "nunique"), spent=("amount", "sum")
    )
    listed = pd.DataFrame(
        {
            "Customer ID": by_customer.index,
            "Last Order Date": by_customer["last"].dt.strftime("%Y-%m-%d"),
            "Days since last order": (pd.Timestamp(as_of) - by_customer["last"]).dt.days,
            "Total Orders": by_customer["orders"],
            "Total Spent": by_customer["spent"].round(2),
        }
    )
    listed.to_csv(tmp_path / "list.csv", index=False)
    config = RfmConfig(period=Period(as_of=as_of), metrics=MetricsConfig(monetary="mean"))
    from_orders = analyze(tmp_path / "orders.csv", config).customers
    columns = ["customer_id", *COMPARED, "rfm_code", "rfm_score"]
    from_list = analyze(tmp_path / "list.csv", config).customers
    pd.testing.assert_frame_equal(from_list[columns], from_orders[columns], check_exact=False)
    days = dataclasses.replace(
        config, columns=ColumnMap(kind="customers", days_since="Days since last order")
    )
    from_days = analyze(tmp_path / "list.csv", days).customers
    pd.testing.assert_frame_equal(from_days[columns], from_orders[columns], check_exact=False)


def test_a_customer_list_in_a_database_is_scored_as_a_list(tmp_path: Path) -> None:
    pytest.importorskip("ibis")
    import sqlite3

    from rfm_engine import DatabaseSource

    frame = pd.read_csv(FIXTURES / "woocommerce_customers_emailed.csv", dtype=str)
    with sqlite3.connect(tmp_path / "shop.db") as con:
        frame.to_sql("customers", con, index=False)
    result = analyze(DatabaseSource(f"sqlite:///{tmp_path / 'shop.db'}", table="customers"))
    assert result.config.columns.kind == "customers"
    assert observed(result, EMAILS) == expected_rows()
