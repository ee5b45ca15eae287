"""The data check: counts per cleaning rule, unparseable rows, range, totals, mapping shown."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import ReadOptions, RfmConfig, analyze, check_data

ORDERS = """订单编号,客户ID,下单日期,实付金额,订单状态
1,c1,2024/3/1 10:00,¥10.00,交易成功
1,c1,2024/3/1 10:00,¥10.00,交易成功
2,c1,2024/3/5 11:00,"¥1,200.50",交易成功
3,,2024/3/6 09:00,¥5.00,交易成功
4,c2,not a date,¥7.00,交易成功
5,c2,2024/3/7 08:00,free,交易成功
6,c2,2024/3/8 08:00,¥0.00,交易成功
7,c3,2024/3/9 08:00,¥30.00,交易关闭
8,c3,2024/3/2 08:00,¥3.00,交易成功
"""


def test_counts_examples_range_and_totals(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8-sig")
    check = check_data(path)
    assert check.ok
    assert (check.sources[0].encoding_label, check.sources[0].delimiter) == ("UTF-8", ",")
    assert check.rows_read == 9
    report = check.cleaning
    assert [(s.key, s.rows) for s in report.steps] == [
        ("duplicates", 1),
        ("blank_customer", 1),
        ("bad_date", 1),
        ("bad_amount", 1),
        ("non_positive", 1),
        ("cancelled", 1),
    ]
    assert check.unparseable.to_dict("records") == [
        {
            "source": "orders.csv",
            "row": 5,
            "column": "下单日期",
            "value": "not a date",
            "rule": "date missing or unreadable",
        },
        {
            "source": "orders.csv",
            "row": 6,
            "column": "实付金额",
            "value": "free",
            "rule": "amount missing or unreadable",
        },
    ]
    assert (check.rows_used, check.customers, check.orders) == (3, 2, 3)
    assert check.total_amount == pytest.approx(1213.5)
    assert (check.first_date, check.last_date) == (dt.date(2024, 3, 1), dt.date(2024, 3, 5))
    assert check.columns.date == "下单日期" and check.origins["date"] == "header"
    assert check.date_order is None
    table = dict(zip(check.to_frame()["item"], check.to_frame()["value"], strict=True))
    assert table["column customer"] == "客户ID (header)"
    assert table["customers"] == 2


def test_ambiguous_dates_are_a_problem_to_show_and_an_option_fixes_it(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,03/04/2024,5\nb,05/06/2024,6\n")
    check = check_data(path)
    assert not check.ok
    assert check.date_order == "ambiguous"
    assert "day-first or month-first" in str(check.problems[0])
    assert check.columns.customer == "customer"  # the mapping is still shown
    config = RfmConfig(reading=ReadOptions(dayfirst=True))
    fixed = check_data(path, config)
    assert fixed.ok and fixed.date_order == "day-first"
    assert fixed.first_date == dt.date(2024, 4, 3)


def test_a_saved_mapping_is_reused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("字段1,字段2,字段3\nx1,2024/1/2,¥12\nx2,2024/1/3,¥8\nx1,2024/1/4,¥3\n")
    first = analyze(path)
    saved = tmp_path / "config.json"
    first.config.save(saved)
    config = RfmConfig.load(saved)
    assert config.columns == first.config.columns
    check = check_data(path, config)
    assert set(check.origins.values()) == {"given"}
    again = analyze(path, config)
    assert again.customers.equals(first.customers)


def test_taobao_dataset_check(shared_datasets: Path) -> None:
    path = shared_datasets / "taobao_toy_shop_2017" / "orders_gbk.csv"
    check = check_data(path)
    assert check.ok
    assert check.sources[0].encoding_label == "GB18030 (GBK)"
    assert check.preset == "淘宝/天猫 订单报表"
    assert check.rows_read == 3989
    assert check.customers == 3410
    assert check.last_date == dt.date(2017, 5, 31)


def test_config_round_trip_keeps_reading_options() -> None:
    config = RfmConfig(reading=ReadOptions(encoding="gb18030", delimiter=";", header_row=2))
    again = RfmConfig.from_json(config.to_json())
    assert dataclasses.asdict(again.reading) == dataclasses.asdict(config.reading)


def test_check_of_a_table_in_memory() -> None:
    raw = pd.DataFrame(
        {
            "会员": ["a", "a", "b"],
            "日期": ["2024年1月2日", "2024年1月9日", "20240105"],
            "金额": ["¥1,000.00", "(5.00)", "HK$20"],
        }
    )
    check = check_data(raw)
    assert check.sources == () and check.ok
    assert (check.rows_used, check.customers, check.total_amount) == (2, 2, 1020.0)
    assert check.cleaning.rows_dropped("non_positive") == 1
    assert (check.first_date, check.last_date) == (dt.date(2024, 1, 2), dt.date(2024, 1, 5))
