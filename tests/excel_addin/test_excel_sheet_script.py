"""The xlwings Lite script "analyse_this_sheet", run through xlwings' script call path on a
workbook as xlwings Lite sends it, and the sheets it lays out."""

from __future__ import annotations

import asyncio
import copy

import pytest
import xlwings as xw
from xlwings.server import custom_scripts_call, custom_scripts_meta

from excel_addin import sheet_script
from excel_addin.sheet_report import sheet_report

ORDERS = [
    ["Customer", "Order date", "Amount"],
    ["a", 45292.0, 10.0],
    ["a", 45302.0, 5.0],
    ["b", 45297.0, 20.0],
    ["c", 45302.0, 30.0],
    ["c", 45292.0, 40.0],
    ["c", 45297.0, 50.0],
]


def sheet(name, values):
    return {
        "name": name,
        "values": values,
        "pictures": [],
        "shapes": [],
        "charts": [],
        "tables": [],
        "notes": [],
        "pivot_tables": [],
    }


def run_script(sheets, active=0):
    """Run the script on a workbook payload; the actions it sends back to Excel."""
    payload = {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": "orders.xlsx", "active_sheet_index": active, "selection": "A1"},
        "names": [],
        "sheets": copy.deepcopy(sheets),
    }
    book = xw.Book(json=payload)
    call = custom_scripts_call(
        sheet_script, "analyse_this_sheet", typehint_to_value={xw.Book: book}
    )
    asyncio.run(call)
    return book.json()["actions"]


def by_func(actions, func):
    return [a for a in actions if a["func"] == func]


def test_the_script_is_registered():
    assert [s["function_name"] for s in custom_scripts_meta(sheet_script)] == ["analyse_this_sheet"]


def test_writes_customers_and_segments_as_tables_with_a_chart(excel, split_footer, capsys):
    actions = run_script([sheet("Orders", ORDERS)])
    added = [a["args"][1] for a in by_func(actions, "addSheet")]
    assert added == ["Customers", "Segments", "RFM Notes"]
    customers, segments, notes = (a["values"] for a in by_func(actions, "setValues"))
    # The Customers sheet holds what RFM.TABLE gives for the same range (dates as dates).
    table, _ = split_footer(excel("table", ORDERS, date_format="yyyy-mm-dd"))
    assert [row[:-1] for row in customers] == [row[:-1] for row in table]
    assert [row[0] for row in customers[1:]] == ["a", "b", "c"]
    assert [row[9] for row in customers[1:]] == ["New Customers", "Lost", "Champions"]
    assert segments[0][:3] == ["segment_name", "customers", "customer_share"]
    assert sum(row[1] for row in segments[1:]) == 3
    tables = by_func(actions, "addTable")
    assert [(t["args"][0], t["args"][3]) for t in tables] == [
        ("$A$1:$K$4", "RfmCustomers"),
        (f"$A$1:$K${len(segments)}", "RfmSegments"),
        ("$A$1:$E$4", "RfmNotes"),
    ]
    # The RFM Notes sheet holds what RFM.NOTES gives: three customers leave scores unused on
    # each axis.
    assert notes == excel("notes", ORDERS)
    assert [row[0] for row in notes] == ["code", *["quantile_ties"] * 3]
    formats = {
        (a["sheet_position"], a["start_column"]): a["args"][0]
        for a in by_func(actions, "setNumberFormat")
    }
    assert formats[(1, 3)] == "#,##0.00"  # Customers: monetary
    assert formats[(2, 2)] == "0.0%"  # Segments: customer_share
    (chart,) = by_func(actions, "addChart")
    assert chart["args"][1:4] == ["BarClustered", "Segments", f"$A$1:$B${len(segments)}"]
    log = capsys.readouterr().out
    assert "3 customers from 6 of 6 order rows, in 11 segments (as of 2024-01-12" in log
    assert "Rows left out" not in log
    # The engine's warnings reach the log, one line each.
    assert "RFM note: recency: ties leave scores 2, 3, 4 of 5 unused" in log


def test_running_again_replaces_the_result_sheets():
    first = [sheet("Orders", ORDERS), sheet("Customers", [["old"]]), sheet("Segments", [["old"]])]
    first.append(sheet("RFM Notes", [["old"]]))
    actions = run_script(first)
    changes = [a["func"] for a in actions if a["func"] in ("sheetDelete", "addSheet")]
    assert changes == ["sheetDelete", "addSheet"] * 3


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([["x", "y", "z", "w"], [1.0, 2.0, 3.0, 4.0]], "cannot tell which column"),
        ([["Customer", "Order date", "Amount"]], "no orders below it"),
    ],
)
def test_bad_data_gives_one_message_box_and_writes_nothing(values, message):
    actions = run_script([sheet("Orders", values)])
    (alert,) = actions
    assert alert["func"] == "alert" and message in alert["args"][0]
    assert alert["args"][1] == "RFM" and not alert["args"][0].startswith("#RFM!")


@pytest.mark.parametrize("result_sheet", ["Customers", "Segments", "RFM Notes"])
def test_a_result_sheet_is_not_analysed(result_sheet):
    actions = run_script([sheet("Orders", ORDERS), sheet(result_sheet, [["x"]])], active=1)
    assert [a["func"] for a in actions] == ["alert"]
    assert "sheet with your orders" in actions[0]["args"][0]


def test_rows_left_out_are_named_in_the_log(capsys):
    orders = [*ORDERS, ["d", 45300.0, -5.0], ["", 45300.0, 7.0]]
    run_script([sheet("Orders", orders)])
    log = capsys.readouterr().out
    assert "from 6 of 8 order rows" in log
    assert "Rows left out: blank customer id: 1; amount zero or negative" in log
    notes = sheet_report(orders).notes_sheet.rows
    assert [(r[0], r[2]) for r in notes if r[0] == "rows_left_out"] == [
        ("rows_left_out", "1 of 8 rows: blank customer id"),
        ("rows_left_out", "1 of 8 rows: amount zero or negative (returns, cancellations, free)"),
    ]


def test_sheet_report_formats_follow_the_columns():
    report = sheet_report(ORDERS)
    header = report.customers.rows[0]
    assert {header[i]: f for i, f in report.customers.formats.items()} == {
        "monetary": "#,##0.00",
        "last_purchase": "yyyy-mm-dd",
    }
    assert report.result.as_of.isoformat() == "2024-01-12"
