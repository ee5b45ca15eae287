"""RFM.TABLE and RFM.SUMMARY called as Excel calls them, checked by hand and against the engine."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import (
    CUSTOMER_COLUMNS,
    ColumnMap,
    Period,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    analyze,
)

EPOCH = dt.date(1899, 12, 30)
HEADER = ["Customer", "Order date", "Amount"]


def serial(day: dt.date) -> float:
    """An Excel serial number, as Excel sends a date cell."""
    return float((day - EPOCH).days)


D1, D6, D11 = dt.date(2024, 1, 1), dt.date(2024, 1, 6), dt.date(2024, 1, 11)
# Worked by hand (as_of = 2024-01-12, the day after the last purchase; bins 5):
#   a: 01-01 10, 01-11 5        -> recency 1, frequency 2, monetary 15
#   b: 01-06 20                 -> recency 6, frequency 1, monetary 20
#   c: 01-11 30, 01-01 40, 01-06 50 -> recency 1, frequency 3, monetary 120
# Cut points (type 7): recency [1, 1, 2, 4], frequency [1.4, 1.8, 2.2, 2.6],
# monetary [17, 19, 40, 80] -> a 5 3 1, b 1 1 3, c 5 5 5.
ORDERS = [("a", D1, 10), ("a", D11, 5), ("b", D6, 20), ("c", D11, 30), ("c", D1, 40), ("c", D6, 50)]
EXPECTED = [
    ["a", 1, 2, 15.0, 5, 3, 1, "531", 9, "New Customers", D11],
    ["b", 6, 1, 20.0, 1, 1, 3, "113", 5, "Lost", D6],
    ["c", 1, 3, 120.0, 5, 5, 5, "555", 15, "Champions", D11],
]
# The export's customer columns (as in customers.csv) without the segment key, then the date.
COLUMNS = [*(c for c in CUSTOMER_COLUMNS if c != "segment"), "last_purchase"]


def excel_rows(orders=ORDERS, header=True):
    rows = [[c, serial(d), float(a)] for c, d, a in orders]
    return [HEADER, *rows] if header else rows


@pytest.fixture
def body(split_footer):
    """The customer rows of an RFM.TABLE result (without the header and the line below)."""
    return lambda result: split_footer(result)[0][1:]


def with_dates(rows):
    """Turn the serial numbers of the last column into dates (for comparing)."""
    return [[*r[:-1], EPOCH + dt.timedelta(days=int(r[-1]))] for r in rows]


def test_table_matches_the_hand_computed_example(excel, split_footer):
    result, footer = split_footer(excel("table", excel_rows()))
    # Three customers cannot fill five scores: ties leave scores unused on each axis.
    assert footer == "3 warnings: see =RFM.NOTES() with the same arguments"
    assert result[0] == COLUMNS
    assert result[0][:4] == ["customer_id", "recency_days", "frequency", "monetary"]
    assert result[0][-2:] == ["segment_name", "last_purchase"]
    assert with_dates(result[1:]) == EXPECTED


def test_headerless_three_columns_and_trailing_empty_rows(excel, body):
    rows = [*excel_rows(header=False), [None, None, None], ["", "", ""], [0.0, 0.0, 0.0]]
    assert with_dates(body(excel("table", rows))) == EXPECTED


def test_a_range_wider_than_the_data(excel, body):
    """A1:E5000 over data in A:C: empty columns and rows are ignored, with or without header."""
    wide = [[*row, None, ""] for row in excel_rows()] + [[None] * 5] * 3
    assert with_dates(body(excel("table", wide))) == EXPECTED
    assert with_dates(body(excel("table", wide[1:]))) == EXPECTED
    # A column without a header next to the data is kept and named after its position.
    notes = [[*row, "note"] for row in excel_rows()]
    notes[0][-1] = None
    assert with_dates(body(excel("table", notes))) == EXPECTED


def test_date_cells_as_datetimes_text_or_serials_give_the_same_table(excel):
    as_datetimes = [HEADER] + [
        [c, dt.datetime.combine(d, dt.time(15, 30)), a] for c, d, a in ORDERS
    ]
    as_text = [HEADER] + [[c, d.isoformat(), str(a)] for c, d, a in ORDERS]
    expected = excel("table", excel_rows())
    assert excel("table", as_datetimes) == expected
    assert excel("table", as_text) == expected


def test_omitted_optional_arguments_arrive_in_every_shape(excel):
    expected = excel("table", excel_rows())
    assert excel("table", excel_rows(), None, None, None, None) == expected
    assert excel("table", excel_rows(), [[""]], [[""]], [[""]], [[""]]) == expected
    assert excel("table", excel_rows(), [[0.0]], [[0.0]], [[0.0]], [[0.0]]) == expected


def test_dates_come_back_as_dates(excel):
    result = excel("table", excel_rows(), date_format="yyyy-mm-dd", formats=True)
    last = result[1][-1]
    assert last == {
        "type": "FormattedNumber",
        "basicValue": serial(D11),
        "numberFormat": "yyyy-mm-dd",
    }
    # Older Excel (custom functions runtime < 1.4) gets the serial number.
    assert excel("table", excel_rows(), runtime="1.3", formats=True)[1][-1] == serial(D11)


def test_options_reach_the_engine(excel, split_footer):
    as_of = dt.date(2024, 2, 1)
    rows, footer = split_footer(
        excel("table", excel_rows(), [[serial(as_of)]], [[3.0]], [["cn8"]], [["zh_CN"]])
    )
    assert footer == "1 条提示：请用相同参数的 =RFM.NOTES() 查看"  # in the language asked for
    config = RfmConfig(
        columns=ColumnMap(*HEADER),
        period=Period(as_of=as_of),
        scoring=ScoringConfig(bins=3),
        segments=SegmentConfig(scheme="cn8"),
        lang="zh_CN",
    )
    engine = analyze(pd.DataFrame(excel_rows()[1:], columns=HEADER), config).customers
    assert [r[1] for r in rows[1:]] == engine["recency_days"].tolist() == [21, 26, 21]
    assert [r[4:7] for r in rows[1:]] == engine[["r_score", "f_score", "m_score"]].values.tolist()
    assert [r[9] for r in rows[1:]] == engine["segment_name"].tolist()
    assert all(name.endswith("客户") for name in engine["segment_name"])


def test_header_row_is_mapped_like_an_import(excel, body):
    rows = [["订单编号", "买家会员名", "订单付款时间", "买家实际支付金额"]] + [
        [f"O{i}", c, serial(d), a] for i, (c, d, a) in enumerate(ORDERS)
    ]
    assert with_dates(body(excel("table", rows))) == EXPECTED


def test_summary_matches_the_engine(excel, split_footer):
    result, footer = split_footer(excel("summary", excel_rows()))
    assert footer == "3 warnings: see =RFM.NOTES() with the same arguments"
    frame = pd.DataFrame(excel_rows()[1:], columns=HEADER)
    engine = analyze(frame, RfmConfig(columns=ColumnMap(*HEADER))).summary
    assert result[0] == list(engine.columns)
    by_key = {row[0]: row for row in result[1:]}
    assert [row[0] for row in result[1:]] == engine["segment"].tolist()
    assert by_key["champions"][2:6] == [1, pytest.approx(1 / 3), 3, 120.0]
    assert by_key["lost"][2:6] == [1, pytest.approx(1 / 3), 1, 20.0]
    # Segments nobody is in show empty averages, not #NUM! errors.
    assert by_key["loyal"][2] == 0 and by_key["loyal"][10] == ""


class JsNull:
    """Stands in for Pyodide's ``pyodide.ffi.JsNull`` (an empty cell in xlwings Lite)."""


def test_rich_values_error_cells_and_js_null_are_read_as_xlwings_would(excel, body):
    rows = excel_rows()
    rows[1][1] = {"type": "FormattedNumber", "basicValue": rows[1][1], "numberFormat": "m/d/yyyy"}
    rows += [
        [{"type": "Error", "errorType": "NotAvailable", "basicValue": "#N/A"}, serial(D1), 99.0],
        [-2146826246, serial(D1), 99.0],  # #N/A as the classic add-in's COM passes it
        [JsNull(), JsNull(), JsNull()],
    ]
    assert with_dates(body(excel("table", rows))) == EXPECTED
    as_of = {"type": "FormattedNumber", "basicValue": serial(dt.date(2024, 1, 12))}
    assert excel("recency", [[rows[2][1]]], [[as_of]]) == [[1]]
