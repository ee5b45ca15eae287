"""xlwings Lite script "analyse_this_sheet": the orders on the active sheet, analysed in one click.

Writes three sheets, replacing earlier ones of the same name: **Customers** (one row per
customer, as ``RFM.TABLE``), **Segments** (one row per segment, as ``RFM.SUMMARY``) and **RFM
Notes** (the warnings and rows left out, as ``RFM.NOTES``), each as an Excel Table with number
formats, and a bar chart of customers per segment beside the Segments table, like the report
workbook of ``rfm analyze --report``. Problems with the data
are shown in one message box, never a traceback. Run it from the xlwings Lite task pane (or a
sheet button, see excel_addin/README.md).

No ``from __future__ import annotations`` here: xlwings 0.33 finds the workbook argument by
comparing the annotation itself with ``xw.Book``.
"""

import xlwings as xw

from rfm_engine import RfmError

from .cell_errors import error_text
from .sheet_report import RESULT_SHEETS, SheetTable, sheet_report

TABLE_STYLE = "TableStyleMedium2"
CHART_COLUMN = 13  # column M: right of the Segments table (11 columns) and a gap


@xw.script
def analyse_this_sheet(book: xw.Book):
    """Analyse the orders on the active sheet: writes the sheets Customers, Segments and RFM
    Notes."""
    source = book.sheets.active
    if source.name in RESULT_SHEETS:
        book.app.alert(
            f"Select the sheet with your orders first ({source.name!r} is a result sheet).",
            title="RFM",
        )
        return
    try:
        report = sheet_report(sheet_values(source))
    except (RfmError, ValueError, TypeError) as exc:
        book.app.alert(error_text(exc).removeprefix("#RFM! "), title="RFM")
        return
    write_table(book, report.customers)
    segments = write_table(book, report.segments)
    add_segment_chart(segments, len(report.segments.rows) - 1)
    write_table(book, report.notes_sheet)
    print(report.message)
    for note in report.notes:
        print(note)


def sheet_values(sheet):
    """The values of the sheet's used range (xlwings before 0.37 has no ``used_range`` in
    xlwings Lite: the sheet's own payload, which starts at A1, is the same cells)."""
    try:
        return sheet.used_range.value
    except NotImplementedError:
        return sheet.api["values"]


def write_table(book, table: SheetTable):
    """A fresh sheet ``table.sheet`` holding ``table.rows`` as an Excel Table."""
    if table.sheet in [s.name for s in book.sheets]:
        book.sheets[table.sheet].delete()
    sheet = book.sheets.add(name=table.sheet, after=book.sheets[len(book.sheets) - 1])
    height, width = len(table.rows), len(table.rows[0])
    body = sheet.range((1, 1), (height, width))
    body.value = table.rows
    sheet.tables.add(source=body, name=table.table, table_style_name=TABLE_STYLE, has_headers=True)
    for column, number_format in table.formats.items():
        if height > 1:
            sheet.range((2, column + 1), (height, column + 1)).number_format = number_format
    return sheet


def add_segment_chart(sheet, segments: int) -> None:
    """Customers per segment as a bar chart right of the Segments table.

    Charts need xlwings 0.37 or later; with an older xlwings line in requirements.txt the
    tables are written and the log says how to get the chart.
    """
    try:
        sheet.charts.add(
            left=0,
            top=0,
            width=480,
            height=300,
            chart_type="bar_clustered",
            source=sheet.range((1, 1), (segments + 1, 2)),
            name="RfmCustomersPerSegment",
            anchor=sheet.range((1, CHART_COLUMN)),
        )
    except (NotImplementedError, AttributeError, KeyError) as exc:
        print(f"RFM: no chart ({type(exc).__name__}); charts need xlwings 0.37 or later")
