"""Shares and money come back as formatted numbers where Excel can show them."""

from __future__ import annotations

import datetime as dt

EPOCH = dt.date(1899, 12, 30)
ROWS = [
    ["Customer", "Order date", "Amount"],
    ["a", 45292.0, 1234.5],
    ["b", 45297.0, 20.0],
    ["c", 45302.0, 30.0],
]


def fmt(value, number_format):
    return {"type": "FormattedNumber", "basicValue": value, "numberFormat": number_format}


def test_summary_shares_and_money_are_formatted(excel, split_footer):
    result, _ = split_footer(excel("summary", ROWS, formats=True))
    header = result[0]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in result[1:]}
    total = sum(row["customers"] for row in rows.values())
    assert total == 3
    filled = [row for row in rows.values() if row["customers"]]
    for row in filled:
        assert row["customer_share"] == fmt(row["customers"] / 3, "0.0%")
        assert row["revenue"]["numberFormat"] == "#,##0.00"
        assert row["revenue_share"]["numberFormat"] == "0.0%"
        assert row["avg_order_value"]["numberFormat"] == "#,##0.00"
    assert sum(row["revenue"]["basicValue"] for row in filled) == 1284.5
    # Empty segments keep empty averages (no formatted empty cells).
    empty = next(row for row in rows.values() if not row["customers"])
    assert empty["mean_monetary"] == ""


def test_table_monetary_is_money_and_scores_stay_plain(excel):
    result = excel("table", ROWS, formats=True)
    header = result[0]
    a = dict(zip(header, result[1], strict=True))
    assert a["monetary"] == fmt(1234.5, "#,##0.00")
    assert a["m_score"] == 5 and a["recency_days"] == 11


def test_older_excel_gets_plain_numbers(excel):
    """Custom-functions runtime 1.3 cannot show formatted numbers (nor dates as dates)."""
    old = excel("summary", ROWS, runtime="1.3", formats=True)
    assert not any(isinstance(v, dict) for row in old for v in row)
    assert old == excel("summary", ROWS)
