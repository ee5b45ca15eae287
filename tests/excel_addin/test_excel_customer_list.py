"""RFM.TABLE and RFM.SUMMARY on a customer-list range (one row per customer with totals),
called as Excel calls them; the numbers are those of ``tests/fixtures/customer_lists``."""

from __future__ import annotations

import datetime as dt

EPOCH = dt.date(1899, 12, 30)


def serial(day: dt.date) -> float:
    return float((day - EPOCH).days)


HEADER = ["Name", "Last Active", "Email", "Orders", "Total Spend"]
LIST = [
    ["Ann Lee", dt.date(2024, 3, 30), "ann@example.com", 7, 1050],
    ["Bob Ray", dt.date(2024, 1, 15), "bob@example.com", 1, 20],
    ["Cy Dee", dt.date(2024, 3, 1), "cy@example.com", 3, 300],
    ["Dan Ito", dt.date(2024, 1, 10), "dan@example.com", 2, 450],
    ["Eve Noor", dt.date(2024, 3, 25), "eve@example.com", 4, 160],
    ["Fay Lin", dt.date(2024, 2, 2), "fay@example.com", 0, 0],
]
#: customer, recency, frequency, monetary, R, F, M, segment (worked in the fixtures' README)
EXPECTED = [
    ["ann@example.com", 1, 7, 1050.0, 5, 5, 5, "Champions"],
    ["bob@example.com", 76, 1, 20.0, 2, 1, 1, "About To Sleep"],
    ["cy@example.com", 30, 3, 300.0, 3, 3, 3, "Potential Loyalist"],
    ["dan@example.com", 81, 2, 450.0, 1, 2, 4, "At Risk"],
    ["eve@example.com", 6, 4, 160.0, 4, 4, 2, "Potential Loyalist"],
]


def cells(rows):
    """As Excel sends a range: dates as serial numbers, numbers as floats."""
    return [HEADER] + [[n, serial(d), e, float(o), float(t)] for n, d, e, o, t in rows]


def test_rfm_table_accepts_a_customer_list_range(excel, split_footer):
    result, footer = split_footer(excel("table", cells(LIST)))
    # Fay Lin never bought: her row is left out, and the line below says so.
    assert footer == "1 of 6 rows left out: see =RFM.NOTES() with the same arguments"
    header = result[0]
    picked = [
        header.index(c)
        for c in (
            "customer_id",
            "recency_days",
            "frequency",
            "monetary",
            "r_score",
            "f_score",
            "m_score",
            "segment_name",
        )
    ]
    assert [[row[i] for i in picked] for row in result[1:]] == EXPECTED
    # Orders = 7 is frequency 7, never 1
    assert result[1][header.index("frequency")] == 7


def test_rfm_summary_of_a_customer_list_counts_its_orders(excel):
    summary = excel("summary", cells(LIST))
    header = summary[0]
    rows = {r[header.index("segment")]: r for r in summary[1:]}
    assert rows["potential_loyalist"][header.index("customers")] == 2
    assert rows["potential_loyalist"][header.index("orders")] == 7  # Cy 3 + Eve 4
    assert rows["champions"][header.index("revenue")] == 1050


def test_a_customer_list_without_a_last_purchase_date_is_one_error_cell(excel):
    rows = [["Email", "Total Orders", "Total Spent"], ["a@x.com", 2.0, 10.0], ["b@x.com", 1.0, 5.0]]
    result = excel("table", rows)
    assert len(result) == 1 and len(result[0]) == 1
    assert result[0][0].startswith("#RFM! orders: a customer list without a last-purchase date")
