"""Make the example workbook: excel_addin/example/rfm_example.xlsx.

Sample orders (all orders of the first customers of the built-in sample, about 600 rows) with
the RFM functions in place: ``=RFM.TABLE(…)`` and ``=RFM.SUMMARY(…)`` as spilling (dynamic
array) formulas, the segment rules, and single-value examples. Excel shows ``#NAME?`` until the
functions are loaded (xlwings Lite: paste excel_addin/lite/main.py; see excel_addin/README.md).

Written with XlsxWriter, which stores dynamic array formulas the way Excel 365 does (openpyxl
would write legacy formulas that Excel shows as ``=@RFM.TABLE(…)``, one cell only). The file is
reproducible: same input, same bytes.

Run: python scripts/make_example_workbook.py [--rows N] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

import xlsxwriter

from resources import sample_orders_path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "excel_addin" / "example" / "rfm_example.xlsx"
FIXED_TIME = dt.datetime(2026, 1, 1)

START_HERE = [
    "RFM Segments: Excel functions",
    "",
    "The sheets Customers, Segments, Rules and Examples hold RFM formulas over the Orders sheet.",
    "They show #NAME? until the functions are loaded:",
    "  xlwings Lite: open the xlwings Lite add-in, paste excel_addin/lite/main.py into main.py and",
    "    excel_addin/lite/requirements.txt into requirements.txt, then press Ctrl+Alt+F9.",
    "  Classic xlwings add-in (Windows): the functions are called RFM_TABLE, RFM_SUMMARY …",
    "    (replace 'RFM.' by 'RFM_' in the formulas); see excel_addin/README.md.",
    "",
    "Functions",
    "  =RFM.TABLE(orders, [as_of], [bins], [scheme], [lang])   one row per customer",
    "  =RFM.SUMMARY(orders, [as_of], [bins], [scheme], [lang]) one row per segment",
    "  =RFM.SCORE(value, values, [bins], [lower_is_better])    a value's quantile score",
    "  =RFM.THRESHOLDS(values, [bins])                         the cut points",
    "  =RFM.SEGMENT(r, f, m, [scheme], [lang])                 segment name for three scores",
    "  =RFM.RECENCY(last_date, [as_of])                        days since the last purchase",
    "  =RFM.SEGMENTS([scheme], [lang])                         the scheme's rules and actions",
    "  =RFM.VERSION()                                          the engine version",
    "",
    "Schemes: classic, seed5, cn8, activity. Languages: en, zh_CN, zh_TW.",
    "A problem shows as text starting with #RFM! that says what is wrong.",
]


def sample_rows(limit: int) -> tuple[list[str], list[list[str]]]:
    """All orders of the first customers (by id) of the sample, about ``limit`` rows."""
    with open(sample_orders_path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    customer = header.index("customer_id")
    by_customer: dict[str, list[list[str]]] = {}
    for row in body:
        by_customer.setdefault(row[customer], []).append(row)
    chosen: list[list[str]] = []
    for key in sorted(k for k in by_customer if k):
        if len(chosen) >= limit:
            break
        chosen.extend(by_customer[key])
    order = {id(r): i for i, r in enumerate(body)}
    return header, sorted(chosen, key=lambda r: order[id(r)])


def write_orders(book, header: list[str], rows: list[list[str]]) -> str:
    sheet = book.add_worksheet("Orders")
    bold = book.add_format({"bold": True})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write_row(0, 0, header, bold)
    date_col, amount_col = header.index("order_date"), header.index("amount")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if c == date_col:
                try:
                    sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), when)
                except ValueError:
                    sheet.write_string(r, c, value)  # the sample's one unreadable date
            elif c == amount_col:
                sheet.write_number(r, c, float(value), money)
            else:
                sheet.write_string(r, c, value)
    sheet.set_column(0, len(header) - 1, 16)
    sheet.freeze_panes(1, 0)
    last = xlsxwriter.utility.xl_rowcol_to_cell(len(rows), len(header) - 1)
    return f"Orders!A1:{last}"


def spill(book, name: str, formula: str, note: str) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_string(0, 0, note, book.add_format({"italic": True}))
    sheet.write_dynamic_array_formula(2, 0, 2, 0, formula)
    sheet.set_column(0, 11, 15)


def write_examples(book) -> None:
    sheet = book.add_worksheet("Examples")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, ["What", "Formula", "Result"], bold)
    examples = [
        ("Engine version", "=RFM.VERSION()"),
        ("Days from 2025-01-15 to 2025-03-01", "=RFM.RECENCY(DATE(2025,1,15),DATE(2025,3,1))"),
        ("Segment of scores 5 5 5", "=RFM.SEGMENT(5,5,5)"),
        ("Segment of 3 1 3, in Chinese", '=RFM.SEGMENT(3,1,3,"classic","zh_CN")'),
        ("M score of 500 among the customers", "=RFM.SCORE(500,Customers!D4:D5000)"),
        ("R score of 30 days (fewer is better)", "=RFM.SCORE(30,Customers!B4:B5000,5,TRUE)"),
        ("Monetary cut points (spills down)", "=RFM.THRESHOLDS(Customers!D4:D5000)"),
    ]
    for r, (what, formula) in enumerate(examples, start=1):
        sheet.write_string(r, 0, what)
        sheet.write_string(r, 1, formula)
        sheet.write_dynamic_array_formula(r, 2, r, 2, formula)
    sheet.set_column(0, 1, 42)
    sheet.set_column(2, 2, 24)


def make_workbook(out: Path = OUT, rows: int = 600) -> Path:
    header, body = sample_rows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out))
    book.set_properties({"title": "RFM Segments example", "created": FIXED_TIME})
    start = book.add_worksheet("Start here")
    for r, line in enumerate(START_HERE):
        start.write_string(r, 0, line, book.add_format({"bold": True}) if r == 0 else None)
    start.set_column(0, 0, 100)
    orders = write_orders(book, header, body)
    spill(book, "Customers", f"=RFM.TABLE({orders})", "One row per customer: =RFM.TABLE")
    spill(book, "Segments", f"=RFM.SUMMARY({orders})", "One row per segment: =RFM.SUMMARY")
    spill(book, "Rules", '=RFM.SEGMENTS("classic","en")', "Segment rules: =RFM.SEGMENTS")
    write_examples(book)
    book.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=600, help="about this many order rows")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    args = parser.parse_args()
    path = make_workbook(args.out, args.rows)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
