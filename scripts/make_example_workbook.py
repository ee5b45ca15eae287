"""Make the example workbooks: excel_addin/example/rfm_example.xlsx (xlwings Lite: ``RFM.TABLE``)
and rfm_example_classic.xlsx (the classic Windows add-in: ``RFM_TABLE``).

Sample orders (all orders of the first customers of the built-in sample, about 600 rows) as an
Excel Table named ``Orders``, with the RFM functions in place over ``Orders[#All]`` (so new
rows are included): ``RFM.TABLE`` and ``RFM.SUMMARY`` as spilling (dynamic array) formulas, the
segment rules, the warnings and rows left out (``RFM.NOTES``), and single-value examples.

Stored results, so the workbook reads well where the functions are not loaded: every result
(computed by the engine, as the functions compute it) is stored on the sheet "Stored results",
and each formula falls back to it, ``=IFERROR(RFM.TABLE(Orders[#All]),'Stored results'!…)``.
Results stored only in the formula cells would not do: LibreOffice recalculates every array
formula on load (``#NAME?`` for a function it does not know), and Excel recalculates a file
written by another program. A line above each table says whether it shows live or stored
results, so stored numbers never pass for live ones.

Written with XlsxWriter, which stores dynamic array formulas the way Excel 365 does (openpyxl
would write legacy formulas that Excel shows as ``=@RFM.TABLE(…)``, one cell only). The files
are reproducible: same input, same bytes.

Run: python scripts/make_example_workbook.py [--rows N] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from excel_addin import cells, notes_table
from excel_addin.number_formats import COLUMN_FORMATS
from excel_addin.scheme_table import scheme_rules
from excel_addin.sheet_report import sheet_report
from resources import sample_orders_path
from rfm_engine import __version__, load_scheme
from rfm_engine.model import assign_segments, quantile_cut_points, quantile_scores

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "excel_addin" / "example"
FIXED_TIME = dt.datetime(2026, 1, 1)
#: Workbook file and function-name prefix for each way of loading the functions.
FLAVOURS = {"lite": ("rfm_example.xlsx", "RFM."), "classic": ("rfm_example_classic.xlsx", "RFM_")}
ORDERS = "Orders[#All]"
TOP = 2  # spilled tables start in row 3 (0-based 2), below a note and the live/stored line
STORED = "Stored results"
STORED_TOP = 2  # first row (0-based) of the stored blocks, below a note
CUSTOMERS_MONETARY = "Customers!D4:D5000"
CUSTOMERS_RECENCY = "Customers!B4:B5000"


def start_here(prefix: str) -> list[str]:
    loading = (
        [
            "  xlwings Lite: open the xlwings Lite add-in; put the two lines of",
            "    excel_addin/lite/requirements.txt into requirements.txt and",
            "    excel_addin/lite/main.py into main.py, then press Ctrl+Alt+F9 to recalculate.",
        ]
        if prefix == "RFM."
        else [
            "  Classic xlwings add-in (Windows): save as .xlsm, set UDF Modules to",
            "    excel_addin.classic_addin and click Import Functions; see excel_addin/README.md.",
        ]
    )
    f = prefix
    return [
        "RFM Segments: Excel functions",
        "",
        "The sheets Customers, Segments, Notes, Rules and Examples hold RFM formulas over the",
        f"Excel Table Orders (=…({ORDERS}): rows added to the table are included). The results",
        "stored with them were computed from these orders; they update once the functions are",
        "loaded:",
        *loading,
        "",
        "Functions",
        f"  ={f}TABLE(orders, [as_of], [bins], [scheme], [lang])   one row per customer",
        f"  ={f}SUMMARY(orders, [as_of], [bins], [scheme], [lang]) one row per segment",
        f"  ={f}NOTES(orders, [as_of], [bins], [scheme], [lang])   warnings, rows left out",
        f"  ={f}SCORE(value, values, [bins], [lower_is_better])    score of a value or a column",
        f"  ={f}THRESHOLDS(values, [bins])                         the cut points",
        f"  ={f}SEGMENT(r, f, m, [scheme], [lang])                 segment name for three scores",
        f"  ={f}RECENCY(last_date, [as_of])                        days since the last purchase",
        f"  ={f}SEGMENTS([scheme], [lang])                         the scheme's rules and actions",
        f"  ={f}VERSION()                                          the engine version",
        "",
        "Schemes: classic, seed5, cn8, activity. Languages: en, zh_CN, zh_TW.",
        "A problem shows as text starting with #RFM! that says what is wrong.",
        f"A line below the {f}TABLE and {f}SUMMARY tables counts the warnings (guesses that",
        "can change the numbers, such as ties that leave scores unused) and the rows left out;",
        f"{f}NOTES lists them with their evidence and the argument that changes each.",
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


def typed_rows(header: list[str], rows: list[list[str]]) -> list[list[Any]]:
    """The orders as Excel holds them: dates as date-times, amounts as numbers, empty cells
    as empty (``None``), not as empty text."""
    date_col, amount_col = header.index("order_date"), header.index("amount")
    out = []
    for row in rows:
        typed: list[Any] = [None if v == "" else v for v in row]
        with contextlib.suppress(ValueError):  # the sample's one unreadable date stays text
            typed[date_col] = dt.datetime.fromisoformat(row[date_col])
        typed[amount_col] = float(row[amount_col])
        out.append(typed)
    return out


class Book:
    """An XlsxWriter workbook with the formats used, writing formulas with stored results."""

    def __init__(self, path: Path, prefix: str):
        self.prefix = prefix
        self.stored: list[tuple[list[list[Any]], dict[int, str] | None]] = []
        self.book = xlsxwriter.Workbook(str(path))
        self.book.set_properties({"title": "RFM Segments example", "created": FIXED_TIME})
        # No full calculation on load (XlsxWriter asks for one by default): the stored results
        # stay on screen where the functions are not loaded; calculation stays automatic.
        self.book.calc_on_load = False
        add = self.book.add_format
        self.bold, self.italic, self.plain = add({"bold": True}), add({"italic": True}), add({})
        self.when = add({"num_format": "yyyy-mm-dd hh:mm"})
        self.formats = {f: add({"num_format": f}) for f in {*COLUMN_FORMATS.values(), "yyyy-mm-dd"}}

    def value(self, sheet, row: int, col: int, value: Any, number_format: str | None = None):
        fmt = self.formats.get(number_format) if number_format else None
        if isinstance(value, dt.datetime):
            sheet.write_datetime(row, col, value, fmt or self.when)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, value, fmt or self.formats["yyyy-mm-dd"])
        elif value is None or value == "":
            # With a format, so that it replaces the 0 XlsxWriter puts under an array formula.
            sheet.write_blank(row, col, None, fmt or self.plain)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, fmt)
        else:
            sheet.write_number(row, col, value, fmt)

    def block(self, sheet, row, col, rows: list[list[Any]], formats=None, under=False) -> None:
        """Values from (row, col) on; ``formats`` by column, not on the first row of a table;
        ``under`` a formula: all but the first cell (which holds the formula)."""
        formats = formats or {}
        table = len(rows) > 1
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if under and r == c == 0:
                    continue
                number_format = None if table and r == 0 else formats.get(c)
                self.value(sheet, row + r, col + c, value, number_format)

    def spill(self, sheet, row: int, col: int, formula: str, rows: list[list[Any]], formats=None):
        """``formula`` (without ``=``) as a dynamic array at (row, col), falling back to its
        results stored on the "Stored results" sheet; the results are also stored in the
        spilled cells, as Excel does."""
        stored = self.store(rows, formats)
        last_row, last_col = row + len(rows) - 1, col + len(rows[0]) - 1
        sheet.write_dynamic_array_formula(
            row, col, last_row, last_col, f"=IFERROR({formula},{stored})", None, rows[0][0]
        )
        self.block(sheet, row, col, rows, formats, under=True)

    def store(self, rows: list[list[Any]], formats=None) -> str:
        """Keep ``rows`` for the "Stored results" sheet, right of those kept before; their range
        there (the sheet is written last, by :meth:`close`, so it is the last tab)."""
        col = sum(len(r[0]) + 1 for r, _ in self.stored)
        self.stored.append((rows, formats))
        first = xl_rowcol_to_cell(STORED_TOP, col, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(STORED_TOP + len(rows) - 1, col + len(rows[0]) - 1, True, True)
        return f"'{STORED}'!{first}:{last}"

    def close(self) -> None:
        sheet = self.book.add_worksheet(STORED)
        note = "The results of the formulas of the other sheets, computed when this file was made:"
        sheet.write_string(0, 0, note + " they show these where the RFM functions are not loaded.")
        sheet.set_column(0, sum(len(r[0]) + 1 for r, _ in self.stored), 13)
        col = 0
        for rows, formats in self.stored:
            self.block(sheet, STORED_TOP, col, rows, formats)
            col += len(rows[0]) + 1
        self.book.close()


def column_formats(header: list[str], **extra: str) -> dict[int, str]:
    wanted = {**COLUMN_FORMATS, **extra}
    return {i: wanted[c] for i, c in enumerate(header) if c in wanted}


def write_orders(book: Book, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.book.add_worksheet("Orders")
    money = book.formats["#,##0.00"]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            book.value(sheet, r, c, value, "#,##0.00" if header[c] == "amount" else None)
    columns = [{"header": h, **({"format": money} if h == "amount" else {})} for h in header]
    sheet.add_table(
        0, 0, len(rows), len(header) - 1, {"name": "Orders", "columns": columns, "style": None}
    )
    sheet.set_column(0, len(header) - 1, 16)
    sheet.freeze_panes(1, 0)


def status_line(prefix: str) -> tuple[str, str]:
    """A formula saying whether the functions are loaded, and what it shows where they are not."""
    stored = "Stored results: the RFM functions are not loaded, so these do not follow changes "
    stored += "to Orders (see the sheet Start here)"
    live = "Live results: they follow changes to Orders"
    return f'=IF(ISERROR({prefix}VERSION()),"{stored}","{live}")', stored


def write_spill_sheet(
    book: Book, name: str, note: str, formula: str, rows, formats, widths=((0, 11, 15),)
) -> None:
    sheet = book.book.add_worksheet(name)
    sheet.write_string(0, 0, note, book.italic)
    status, shown = status_line(book.prefix)
    sheet.write_formula(1, 0, status, book.italic, shown)
    book.spill(sheet, TOP, 0, formula, rows, formats)
    for first, last, width in widths:
        sheet.set_column(first, last, width)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # printed (and converted to PDF) one page wide


def examples(prefix: str, customers: pd.DataFrame) -> list[tuple[str, str, list[list[Any]]]]:
    """(what, formula, results) of the single-value examples, results as the engine gives."""
    f = prefix
    monetary = customers["monetary"].to_numpy(dtype="float64")
    recency = customers["recency_days"].to_numpy(dtype="float64")
    cuts_m, cuts_r = quantile_cut_points(monetary, 5), quantile_cut_points(recency, 5)
    classic = load_scheme("classic")

    def segment_name(r: int, f_: int, m: int, lang: str) -> str:
        table = pd.DataFrame({"r_score": [r], "f_score": [f_], "m_score": [m]})
        key = assign_segments(table, classic, bins=5).keys[0]
        return classic.segment(key).name(lang)

    return [
        ("Engine version", f"{f}VERSION()", [[__version__]]),
        (
            "Days from 2025-01-15 to 2025-03-01",
            f"{f}RECENCY(DATE(2025,1,15),DATE(2025,3,1))",
            [[(dt.date(2025, 3, 1) - dt.date(2025, 1, 15)).days]],
        ),
        ("Segment of scores 5 5 5", f"{f}SEGMENT(5,5,5)", [[segment_name(5, 5, 5, "en")]]),
        (
            "Segment of 3 1 3, in Chinese",
            f'{f}SEGMENT(3,1,3,"classic","zh_CN")',
            [[segment_name(3, 1, 3, "zh_CN")]],
        ),
        (
            "M score of 500 among the customers",
            f"{f}SCORE(500,{CUSTOMERS_MONETARY})",
            [[int(quantile_scores(np.array([500.0]), cuts_m, "monetary", 5)[0])]],
        ),
        (
            "R score of 30 days (fewer is better)",
            f"{f}SCORE(30,{CUSTOMERS_RECENCY},5,TRUE)",
            [[int(quantile_scores(np.array([30.0]), cuts_r, "recency", 5)[0])]],
        ),
        (
            "Monetary cut points (spills down)",
            f"{f}THRESHOLDS({CUSTOMERS_MONETARY})",
            [[float(c)] for c in cuts_m],
        ),
    ]


def write_examples(book: Book, rows) -> None:
    sheet = book.book.add_worksheet("Examples")
    sheet.write_row(0, 0, ["What", "Formula", "Result"], book.bold)
    for r, (what, formula, results) in enumerate(rows, start=1):
        sheet.write_string(r, 0, what)
        sheet.write_string(r, 1, "=" + formula)
        book.spill(sheet, r, 2, formula, results)
    sheet.set_column(0, 1, 42)
    sheet.set_column(2, 2, 24)


def make_workbook(out: Path | None = None, rows: int = 600, flavour: str = "lite") -> Path:
    name, prefix = FLAVOURS[flavour]
    out = out or OUT_DIR / name
    header, body = sample_rows(rows)
    orders = typed_rows(header, body)
    report = sheet_report([header, *orders])
    result = report.result
    # As RFM.TABLE and RFM.SUMMARY return them: the line about warnings and rows left out below.
    customers = notes_table.with_footer(report.customers.rows, result, "en", True)
    summary = result.summary
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Book(out, prefix)
    start = book.book.add_worksheet("Start here")
    for r, line in enumerate(start_here(prefix)):
        start.write_string(r, 0, line, book.bold if r == 0 else None)
    start.set_column(0, 0, 100)
    write_orders(book, header, orders)
    write_spill_sheet(
        book,
        "Customers",
        f"One row per customer: ={prefix}TABLE",
        f"{prefix}TABLE({ORDERS})",
        customers,
        column_formats(customers[0], last_purchase="yyyy-mm-dd"),
    )
    write_spill_sheet(
        book,
        "Segments",
        f"One row per segment: ={prefix}SUMMARY",
        f"{prefix}SUMMARY({ORDERS})",
        notes_table.with_footer(cells.table_cells(summary), result, "en", True),
        column_formats(list(summary.columns)),
    )
    write_spill_sheet(
        book,
        "Notes",
        f"Warnings about these numbers and rows left out, with their evidence: ={prefix}NOTES",
        f"{prefix}NOTES({ORDERS})",
        notes_table.note_rows(result, "en"),
        {},
        widths=((0, 0, 16), (1, 2, 50), (3, 3, 60), (4, 4, 50)),
    )
    write_spill_sheet(
        book,
        "Rules",
        f"Segment rules: ={prefix}SEGMENTS",
        f'{prefix}SEGMENTS("classic","en")',
        cells.table_cells(scheme_rules(load_scheme("classic"), "en")),
        {},
    )
    write_examples(book, examples(prefix, result.customers))
    book.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=600, help="about this many order rows")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help=f"default: {OUT_DIR}")
    args = parser.parse_args()
    for flavour, (name, _) in FLAVOURS.items():
        path = make_workbook(args.out_dir / name, args.rows, flavour)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
