"""Recency, frequency and monetary on tiny hand-made purchase tables."""

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import ColumnMap, MetricsConfig, Period, RfmConfig, analyze

COLS = ColumnMap(customer="cust", date="day", amount="amt", order="order")


def run(rows, columns=COLS, **options):
    frame = pd.DataFrame(rows, columns=["cust", "day", "amt", "order"])
    result = analyze(frame, RfmConfig(columns=columns, **options))
    return result, result.customers.set_index("customer_id")


def test_recency_seed_example_and_explicit_as_of():
    result, c = run(
        [["a", "2023-10-15", "10", "1"], ["b", "2023-11-01", "5", "2"]],
        period=Period(as_of=dt.date(2023, 11, 1)),
    )
    assert result.as_of == dt.date(2023, 11, 1)
    assert c.loc["a", "recency_days"] == 17
    assert c.loc["b", "recency_days"] == 0  # a purchase on as_of gives 0


def test_default_as_of_is_the_day_after_the_latest_purchase():
    result, c = run([["a", "2024-03-01 23:59", "10", "1"], ["b", "2024-02-20 08:00", "5", "2"]])
    assert result.as_of == dt.date(2024, 3, 2)
    assert c.loc["a", "recency_days"] == 1
    assert c.loc["b", "recency_days"] == 11


def test_only_the_calendar_day_counts():
    _, c = run(
        [
            ["a", "2024-03-01 00:01", "1", "1"],
            ["a", "2024-03-01 23:59", "1", "2"],
            ["b", "2024-03-02 00:00", "1", "3"],
        ]
    )
    # as_of = 03-03: both of a's purchases count as the day 03-01.
    assert c.loc["a", "recency_days"] == 2
    assert c.loc["b", "recency_days"] == 1


ROWS = [
    ["a", "2024-01-01", "10", "o1"],
    ["a", "2024-01-01", "15", "o1"],  # second line of the same order
    ["a", "2024-01-01", "20", "o2"],  # another order on the same day
    ["a", "2024-01-05", "5", "o3"],
    ["b", "2024-01-03", "7.5", "o4"],
]


def test_frequency_counts_distinct_orders_and_monetary_sums():
    _, c = run(ROWS)
    assert c.loc["a", "frequency"] == 3
    assert c.loc["a", "monetary"] == pytest.approx(50)
    assert c.loc["b", "frequency"] == 1


def test_without_an_order_column_each_row_is_an_order():
    frame = pd.DataFrame(ROWS, columns=["cust", "day", "amt", "order"]).drop(columns="order")
    result = analyze(frame, RfmConfig(columns=ColumnMap(customer="cust", date="day", amount="amt")))
    assert result.config.columns.order is None
    assert result.customers.set_index("customer_id").loc["a", "frequency"] == 4


def test_frequency_by_days():
    _, c = run(ROWS, metrics=MetricsConfig(frequency="days"))
    assert c.loc["a", "frequency"] == 2


def test_monetary_mean_per_order():
    _, c = run(ROWS, metrics=MetricsConfig(monetary="mean"))
    assert c.loc["a", "monetary"] == pytest.approx(50 / 3)
    assert c.loc["b", "monetary"] == pytest.approx(7.5)


def test_ids_stay_text():
    frame = pd.DataFrame(
        {"cust": ["00123", "123"], "day": ["2024-01-01", "2024-01-02"], "amt": ["1", "2"]}
    )
    result = analyze(frame, RfmConfig(columns=ColumnMap(customer="cust", date="day", amount="amt")))
    assert sorted(result.customers["customer_id"]) == ["00123", "123"]


def test_amount_from_quantity_times_price():
    frame = pd.DataFrame(
        {
            "cust": ["a", "a"],
            "day": ["2024-01-01", "2024-01-02"],
            "qty": ["3", "2"],
            "unit": ["2.5", "1.25"],
        }
    )
    result = analyze(
        frame,
        RfmConfig(columns=ColumnMap(customer="cust", date="day", quantity="qty", price="unit")),
    )
    assert result.customers.loc[0, "monetary"] == pytest.approx(10.0)


def test_spreadsheet_cells_numbers_and_blanks_as_ids():
    # XLSX readers give object columns: numbers as floats, blank cells as NaN/None.
    frame = pd.DataFrame(
        {
            "cust": pd.Series([12346.0, float("nan"), "A-1", None, 7], dtype=object),
            "day": ["2024-01-01"] * 5,
            "amt": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    result = analyze(frame, RfmConfig(columns=ColumnMap(customer="cust", date="day", amount="amt")))
    assert sorted(result.customers["customer_id"]) == ["12346", "7", "A-1"]
    assert result.cleaning.rows_dropped("blank_customer") == 2


def test_an_order_id_shared_by_two_customers_counts_for_each():
    rows = [
        ["a", "2024-01-01", "1", "o1"],
        ["b", "2024-01-01", "1", "o1"],
        ["b", "2024-01-02", "1", "o1"],
        ["a", "2024-01-03", "1", "o2"],
        ["b", "2024-01-03", "1", ""],
    ]
    _, c = run(rows)
    assert c.loc["a", "frequency"] == 2
    assert c.loc["b", "frequency"] == 2  # o1 once, plus a row without an order id
