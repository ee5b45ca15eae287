"""The report workbook's history section: segment sizes and revenue at every period end with
line charts, and the flows of the last period (who came from where)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from ..outputs.report_workbook import put_frame
from ..pipeline import NEW_SINCE
from .movement import flows, sizes
from .snapshots import History

_NEW_NAMES = {"en": "New customers", "zh_CN": "新客户", "zh_TW": "新客戶"}


def trends_sheets(history: History) -> Callable[[Any], None]:
    """For ``extra_sheets`` of :func:`rfm_engine.outputs.write_report`: a "Trends" sheet."""

    def add(book: Any) -> None:
        _trends(book, history)

    return add


def size_tables(history: History) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Customers and revenue per segment (columns, display names) at each period end (rows)."""
    lang = history.config.lang
    scheme = history.results[-1].scheme
    keys = [s.key for s in scheme.all_segments]
    names = [scheme.segment(k).name(lang) for k in keys]
    table = sizes(history)

    def wide(value: str) -> pd.DataFrame:
        out = table.pivot(index="period_end", columns="segment", values=value)
        out = out.reindex(columns=keys, fill_value=0).fillna(0)
        out.columns = names
        return out.rename_axis("period end").reset_index()

    return wide("customers"), wide("revenue")


def _trends(book: Any, history: History) -> None:
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font

    sheet = book.create_sheet("Trends")
    lang = history.config.lang
    cuts = f"frozen from {history.frozen_from}" if history.frozen_from else "per period"
    sheet.cell(1, 1, f"Segments at each {history.period} end (cut points {cuts})").font = Font(
        bold=True, size=14
    )
    for n, warning in enumerate(history.warnings):
        sheet.cell(2, 1 + 6 * n, f"Note: {warning}").font = Font(italic=True)
    customers, revenue = size_tables(history)
    customers["period end"] = customers["period end"].astype(str)
    revenue["period end"] = revenue["period end"].astype(str)
    sheet.cell(3, 1, "Customers").font = Font(bold=True)
    last = put_frame(sheet, customers, row=4)
    top_revenue = last + 3
    sheet.cell(top_revenue - 1, 1, "Revenue").font = Font(bold=True)
    last_revenue = put_frame(sheet, revenue, row=top_revenue)
    for row in sheet.iter_rows(min_row=top_revenue + 1, max_row=last_revenue, min_col=2):
        for cell in row:
            cell.number_format = "#,##0"
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    width = len(customers.columns)
    sheet.column_dimensions["A"].width = 20
    for j in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(j)].width = 13
    for header_row in (4, top_revenue):
        for cell in sheet[header_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for title, first, end, anchor in (
        ("Customers per segment", 4, last, 1),
        ("Revenue per segment", top_revenue, last_revenue, 2),
    ):
        chart = LineChart()
        chart.title = title
        chart.height, chart.width = 9, 18
        chart.add_data(
            Reference(sheet, min_col=2, max_col=width, min_row=first, max_row=end),
            titles_from_data=True,
        )
        chart.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=end))
        chart.y_axis.number_format = "#,##0"
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        column = "A" if anchor == 1 else "L"
        sheet.add_chart(chart, f"{column}{last_revenue + 3}")
    moved = flows(history)
    if moved.empty:
        return
    latest = moved[moved["period_to"] == history.ends[-1]]
    scheme = history.results[-1].scheme

    def name(key: str) -> str:
        return (
            _NEW_NAMES.get(lang, _NEW_NAMES["en"])
            if key == NEW_SINCE
            else (scheme.segment(key).name(lang))
        )

    table = pd.DataFrame(
        {
            "from": latest["segment_from"].map(name),
            "to": latest["segment_to"].map(name),
            "customers": latest["customers"],
        }
    )
    start = last_revenue + 23
    sheet.cell(start, 1, f"From {history.ends[-2]} to {history.ends[-1]}").font = Font(bold=True)
    put_frame(sheet, table, row=start + 1)
