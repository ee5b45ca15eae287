"""RFM.NOTES and the line below RFM.TABLE / RFM.SUMMARY, called as Excel calls them, on
inputs that make the engine guess (ties on a small sample, cells such as NA, blank customers
keyed by e-mail, amounts with a decimal comma) and on clean input (no warning, no line)."""

from __future__ import annotations

from excel_addin import classic_addin
from excel_addin.notes_table import COLUMNS, evidence_text, safe_row

D = 45292.0  # 2024-01-01 as Excel's serial number
HEADER = ["Customer", "Order date", "Amount"]
# The hand-computed example of test_excel_table.py: a (days 0, 10), b (5), c (10, 0, 5);
# three customers cannot fill five scores, so each axis has unused scores:
#   recency 1, 6, 1 -> scores 5, 1, 5 (1, 0, 0, 0, 2 customers per score: 2, 3, 4 unused)
#   frequency 2, 1, 3 -> 3, 1, 5 (2 and 4 unused); monetary 15, 20, 120 -> 1, 3, 5 (2, 4)
TIES = [
    HEADER,
    ["a", D, 10.0],
    ["a", D + 10, 5.0],
    ["b", D + 5, 20.0],
    ["c", D + 10, 30.0],
    ["c", D, 40.0],
    ["c", D + 5, 50.0],
]
SEE = "see =RFM.NOTES() with the same arguments"


def clean_orders():
    """Five customers with 1 to 5 orders, distinct last dates and totals: every score used."""
    rows = [HEADER]
    for i in range(1, 6):
        rows += [[f"c{i}", D + 10 * i + k, float(10 * i + k)] for k in range(i)]
    return rows


def by_code(notes):
    assert notes[0] == list(COLUMNS)
    out: dict[str, list[dict]] = {}
    for row in notes[1:]:
        out.setdefault(row[0], []).append(dict(zip(COLUMNS, row, strict=True)))
    return out


def test_ties_on_a_small_sample_are_listed_per_axis_with_their_evidence(excel):
    notes = by_code(excel("notes", TIES))
    assert list(notes) == ["quantile_ties"]
    ties = notes["quantile_ties"]
    assert [t["evidence"] for t in ties] == [
        "axis=recency; unused_scores=2, 3, 4; customers_per_score=1, 0, 0, 0, 2; distinct_values=2",
        "axis=frequency; unused_scores=2, 4; customers_per_score=1, 0, 1, 0, 1; distinct_values=3",
        "axis=monetary; unused_scores=2, 4; customers_per_score=1, 0, 1, 0, 1; distinct_values=3",
    ]
    assert ties[0]["details"].startswith("Recency (R): many customers share the same values")
    assert all(
        t["meaning"].startswith("ties in a metric leave quantile scores unused") for t in ties
    )
    assert all(t["argument"].startswith("bins") for t in ties)


def test_the_table_and_summary_say_how_many_warnings_below_them(excel, split_footer):
    table, footer = split_footer(excel("table", TIES))
    assert len(table) == 4 and footer == f"3 warnings: {SEE}"
    summary, footer = split_footer(excel("summary", TIES))
    assert len(summary) == 12 and footer == f"3 warnings: {SEE}"
    # The argument the notes name: with two scores per axis (cut points 1 day, 2 orders, 20)
    # three customers use every score, so there is no warning and no line.
    fewer = excel("table", TIES, None, [[2.0]], [["cn8"]])  # classic is written for 5 scores
    assert split_footer(fewer) == (fewer, None) and len(fewer) == 4
    assert [r[4:7] for r in fewer[1:]] == [[2, 1, 1], [1, 1, 1], [2, 2, 2]]


def test_notes_false_gives_the_table_alone(excel, split_footer):
    full = excel("table", TIES)
    alone = excel("table", TIES, None, None, None, None, [[False]])
    assert alone == split_footer(full)[0]
    assert excel("table", TIES, None, None, None, None, [[True]]) == full
    assert (
        excel("summary", TIES, None, None, None, None, [["no"]])
        == split_footer(excel("summary", TIES))[0]
    )
    bad = excel("table", TIES, None, None, None, None, [["maybe"]])
    assert bad == [["#RFM! notes must be TRUE or FALSE, not 'maybe'"]]


def test_clean_input_has_no_warning_and_no_line(excel, split_footer):
    orders = clean_orders()
    table = excel("table", orders)
    assert split_footer(table) == (table, None)
    assert len(table) == 6 and [r[4:7] for r in table[1:]] == [[i, i, i] for i in range(1, 6)]
    assert split_footer(excel("summary", orders))[1] is None
    assert excel("notes", orders) == [
        list(COLUMNS),
        ["", "no warnings: nothing was guessed and no row was left out", "", "", ""],
    ]


def test_missing_markers_and_the_rows_they_leave_out_name_rows_of_the_range(excel, split_footer):
    rows = [
        *clean_orders(),
        [None, None, None],  # an empty row inside the range (row 17) is still counted
        ["c1", D + 30, "NA"],  # row 18
        ["c2", D + 31, "N/A"],  # row 19
        ["c3", D + 32, -4.0],  # row 20: a return
    ]
    notes = by_code(excel("notes", rows))
    assert list(notes) == ["missing_markers", "rows_left_out"]
    (markers,) = notes["missing_markers"]
    assert markers["evidence"] == "rows=Amount: 2; examples=Amount: NA"
    assert markers["details"] == (
        "cells that mean 'no value' were read as blank: 2 in 'Amount' (e.g. 'NA')"
    )
    unreadable, returns = notes["rows_left_out"]
    assert unreadable["details"] == "2 of 18 rows: amount missing or unreadable"
    assert unreadable["evidence"] == (
        "rule=bad_amount; rule_number=3; rows=2; examples=row 18: Customer=c1, "
        "Order date=45322.0, Amount=NA; row 19: Customer=c2, Order date=45323.0, Amount=N/A"
    )
    assert returns["details"] == (
        "1 of 18 rows: amount zero or negative (returns, cancellations, free)"
    )
    assert "row 20: Customer=c3" in returns["evidence"]
    footer = split_footer(excel("table", rows))[1]
    assert footer == f"1 warning, 3 of 18 rows left out: {SEE}"


def test_blank_customers_keyed_by_email(excel):
    rows = [
        ["Customer", "Email", "Order date", "Amount"],
        ["a", "a@x.com", D, 10.0],
        ["", "a@x.com", D + 5, 20.0],  # linked to a through the e-mail seen beside it
        ["", "z@x.com", D + 7, 30.0],  # a customer of its own, keyed by the e-mail
        ["b", "b@x.com", D + 2, 15.0],
    ]
    (fallback,) = by_code(excel("notes", rows))["key_fallback"]
    assert fallback["details"] == (
        "2 rows have no 'Customer': keyed 1 by 'Email', 1 by a fallback value seen beside a "
        "'Customer' (2 rows by 'Customer')"
    )
    assert fallback["evidence"] == (
        "keyed_by=Customer: 2, Email: 1; linked=1; examples=Email: a@x.com, z@x.com"
    )
    assert fallback["argument"].startswith("orders: pass only the customer, date and amount")
    table = excel("table", rows, None, None, None, None, [[False]])
    assert sorted(r[0] for r in table[1:]) == ["a", "b", "z@x.com"]


def test_a_decimal_comma_decided_from_the_column(excel):
    rows = [HEADER, ["a", D, "1.234"], ["b", D + 1, "2,50"], ["c", D + 2, "3,75"]]
    (decimal,) = by_code(excel("notes", rows))["decimal_separator"]
    assert decimal["details"] == (
        "column 'Amount' uses a decimal comma (e.g. '2,50'): 1 values such as '1.234' are "
        "read as 1234"
    )
    assert decimal["evidence"].startswith(
        "column=Amount; separator=,; comma_examples='2,50', '3,75'; ambiguous_examples=1.234"
    )
    assert decimal["argument"] == "orders: amounts as number cells rather than text"
    table = excel("table", rows, None, None, None, None, [[False]])
    assert [r[3] for r in table[1:]] == [1234.0, 2.5, 3.75]


def test_notes_follow_the_lang_argument(excel, split_footer):
    notes = excel("notes", TIES, None, None, None, [["zh_TW"]])
    assert notes[0] == list(COLUMNS)  # column names stay as in every language
    assert notes[1][:3] == [
        "quantile_ties",
        "大量相同的數值使部分分數沒有客戶；建議改用固定閾值",
        "最近購買（R）：許多客戶的值相同，分位數閾值使 5 檔中的分值 2, 3, 4 無人使用"
        "（共 2 個不同的值）。",
    ]
    assert notes[1][4].startswith("bins（減少每個維度的分數檔數）")
    rows = [*TIES, ["d", D, "NA"]]
    notes = by_code(excel("notes", rows, None, None, None, [["zh_CN"]]))
    assert list(notes) == ["missing_markers", "quantile_ties", "rows_left_out"]
    assert notes["missing_markers"][0]["meaning"] == "NA、N/A、null 一类的标记单元格按空白处理"
    (left_out,) = notes["rows_left_out"]
    assert [left_out[c] for c in ("details", "evidence", "argument")] == [
        "7 行中的 1 行：金额缺失或无法识别",
        "rule=bad_amount; rule_number=3; rows=1; examples=row 8: Customer=d, "
        "Order date=45292.0, Amount=NA",
        "orders：修正这些行本身（见示例）",
    ]
    assert split_footer(excel("table", TIES, None, None, None, [["zh_TW"]]))[1] == (
        "3 則提示：請用相同參數的 =RFM.NOTES() 查看"
    )


def test_classic_add_in_gives_the_same_notes(excel, split_footer):
    assert excel("RFM_NOTES", TIES, module=classic_addin) == excel("notes", TIES)
    classic = excel("RFM_TABLE", TIES, module=classic_addin)
    assert split_footer(classic)[0] == split_footer(excel("table", TIES))[0]
    assert classic[-1][-1] == "3 warnings: see =RFM_NOTES() with the same arguments"


def test_no_cell_starts_like_a_formula(excel):
    rows = [
        ["=Customer", "Order date", "Amount"],
        ['=HYPERLINK("http://x","y")', D, -5.0],
        ["+1", D + 1, "NA"],
        ["a", D + 2, 3.0],
        ["b", D + 3, 4.0],
    ]
    results = [excel("notes", rows), excel("table", rows), excel("summary", rows)]
    texts = [v for result in results for row in result for v in row if isinstance(v, str)]
    assert any("HYPERLINK" in t for t in texts)  # the dropped row's example is shown …
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]  # … as text
    assert safe_row(["=SUM(A1)", "-3", 4.0, None]) == ["'=SUM(A1)", "'-3", 4.0, None]


def test_predict_shows_the_analysis_warnings_too(excel):
    rows = [*clean_orders()[:2], ["c9", D + 40, "NA"]]
    marked = "cells that mean 'no value' were read as blank: 1 in 'Amount' (e.g. 'NA')"
    table = excel("predict", rows)
    assert f"warning: {marked}" in [r[-1] for r in table]  # below the table, last column
    info = excel("predict_info", rows)
    assert ["warning", marked] in info


def test_evidence_keeps_numbers_whole_and_commas_apart():
    evidence = {"breaks": [2.0, 1234567.5], "examples": {"Amount": "2,50"}, "empty": []}
    assert evidence_text(evidence) == "breaks=2, 1234567.5; examples=Amount: '2,50'"
