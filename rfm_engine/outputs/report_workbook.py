"""The report workbook (openpyxl): summary with native charts, customers as a filterable table,
the R×F grid as a colour-scaled table, cut points and settings, and the cleaning report.

Written with openpyxl only (no formulas), so it opens in Excel and LibreOffice without a repair
prompt; text cells stay text. Written atomically and never over an input file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..atomic import check_target, write_atomic
from ..model.grid import rf_grid, rf_grid_pivot
from ..model.result import CUSTOMER_COLUMNS, RfmResult
from .exports import text_cell
from .table_headers import check_header_lang, header, localized, sheet_name, word

_PERCENT = "0.0%"
_MONEY = "#,##0.00"
_FORMATS = {
    "customer_share": _PERCENT,
    "revenue_share": _PERCENT,
    "revenue": _MONEY,
    "monetary": _MONEY,
    "mean_monetary": _MONEY,
    "avg_order_value": _MONEY,
    "mean_recency": "0",  # whole days
    "mean_frequency": "0.00",
}


def put_frame(
    sheet: Any,
    frame: pd.DataFrame,
    *,
    row: int = 1,
    col: int = 1,
    lang: str = "en",
    headers: Sequence[str] | None = None,
) -> int:
    """Write a header row (``headers``, else the column keys worded in ``lang``) and the rows
    of ``frame`` from (row, col); return the last row. Number formats follow the column keys."""
    from openpyxl.styles import Font

    if headers is None:
        headers = [header(str(name), lang) for name in frame.columns]
    for j, name in enumerate(headers):
        text_cell(sheet.cell(row, col + j), str(name)).font = Font(bold=True)
    for i, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        for j, value in enumerate(values):
            cell = text_cell(sheet.cell(row + i, col + j), value)
            fmt = _FORMATS.get(str(frame.columns[j]))
            if fmt:
                cell.number_format = fmt
    return row + len(frame)


def _widths(
    sheet: Any, frame: pd.DataFrame, col: int = 1, limit: int = 40, lang: str = "en"
) -> None:
    from openpyxl.utils import get_column_letter

    for j, name in enumerate(frame.columns):
        values = frame.iloc[:200, j]
        if pd.api.types.is_numeric_dtype(values):
            values = values.map(lambda v: f"{v:,.2f}" if isinstance(v, float) else str(v))
        sample = [header(str(name), lang), *(str(v) for v in values)]
        width = min(limit, max(len(s) + sum(ord(c) > 0x2E80 for c in s) for s in sample) + 2)
        sheet.column_dimensions[get_column_letter(col + j)].width = width


def _summary_sheet(book: Any, result: RfmResult, source: str, words: str) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    sheet = book.active
    sheet.title = sheet_name("summary", words)
    lang = result.config.lang
    head = [
        (word("report_head", words), source),
        (word("as_of", words), result.as_of.isoformat()),
        (word("scheme", words), result.scheme.name(lang)),
        (word("customers", words), int(result.summary["customers"].sum())),
    ]
    for i, (label, value) in enumerate(head, start=1):
        text_cell(sheet.cell(i, 1), label).font = Font(bold=True)
        text_cell(sheet.cell(i, 2), value)
    sheet["A1"].font = Font(bold=True, size=14)
    table = result.summary.drop(columns=["segment", "action"])
    top = len(head) + 2
    last = put_frame(sheet, table, row=top, lang=words)
    _widths(sheet, table, limit=16, lang=words)
    sheet.column_dimensions["A"].width = 22
    names = Reference(sheet, min_col=1, min_row=top + 1, max_row=last)
    anchor_row = last + 3
    second = _column_at(sheet, 17.5)
    for n, (column, title) in enumerate(
        (
            ("customers", word("customers_per_segment", words)),
            ("revenue", word("revenue_per_segment", words)),
        )
    ):
        idx = list(table.columns).index(column) + 1
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.legend = None
        chart.height, chart.width = 10, 16.5
        chart.add_data(
            Reference(sheet, min_col=idx, min_row=top, max_row=last), titles_from_data=True
        )
        chart.set_categories(names)
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.x_axis.scaling.orientation = "maxMin"  # first segment on top
        chart.y_axis.number_format = "#,##0"
        sheet.add_chart(chart, f"{'A' if n == 0 else second}{anchor_row}")
    actions = result.summary[["segment_name", "action"]]
    text_cell(sheet.cell(anchor_row + 22, 1), word("what_to_do", words)).font = Font(bold=True)
    put_frame(sheet, actions, row=anchor_row + 23, lang=words)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _column_at(sheet: Any, cm: float) -> str:
    """The letter of the first column starting at least ``cm`` from the left edge."""
    from openpyxl.utils import get_column_letter

    left, col = 0.0, 1
    while left < cm:
        width = sheet.column_dimensions[get_column_letter(col)].width or 8.43
        left += width * 0.2
        col += 1
    return get_column_letter(col)


def _customers_sheet(book: Any, result: RfmResult, words: str) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    sheet = book.create_sheet(sheet_name("customers", words))
    actions = {s.key: s.action(result.config.lang) for s in result.scheme.all_segments}
    frame = result.customers[[*CUSTOMER_COLUMNS, *result.contacts]].copy()
    frame.insert(len(CUSTOMER_COLUMNS), "action", frame["segment"].map(actions))
    headers = _unique_headers(localized(frame.head(0), words, keep=result.contacts).columns)
    last = put_frame(sheet, frame, headers=headers)
    _widths(sheet, frame.set_axis(headers, axis=1))
    sheet.freeze_panes = "B2"
    ref = f"A1:{get_column_letter(len(frame.columns))}{max(last, 2)}"
    table = Table(displayName="Customers", ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)


def _unique_headers(columns: Iterable[Any]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in columns:
        text, n = str(name).strip() or "column", 2
        candidate = text
        while candidate.lower() in seen:
            candidate, n = f"{text}_{n}", n + 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def _grid_sheet(book: Any, result: RfmResult, words: str) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(sheet_name("rf_grid", words))
    grid = rf_grid(result.customers, bins=result.config.scoring.bins)
    row = 1
    for value in ("customers", "mean_monetary"):
        matrix = rf_grid_pivot(grid, value)
        text_cell(sheet.cell(row, 1), word(f"grid_{value}", words))
        sheet.cell(row, 1).font = Font(bold=True)
        frame = matrix.reset_index()
        frame.columns = ["R \\ F", *(f"F={c}" for c in matrix.columns)]
        last = put_frame(sheet, frame, row=row + 1)
        for r in range(row + 2, last + 1):
            for c in range(2, len(frame.columns) + 1):
                sheet.cell(r, c).number_format = "0" if value == "customers" else _MONEY
        cells = f"B{row + 2}:{get_column_letter(len(frame.columns))}{last}"
        sheet.conditional_formatting.add(
            cells,
            ColorScaleRule(
                start_type="min", start_color="F8F3E6", end_type="max", end_color="2E7D32"
            ),
        )
        row = last + 3
    sheet.column_dimensions["A"].width = 12
    for c in range(2, result.config.scoring.bins + 2):
        sheet.column_dimensions[get_column_letter(c)].width = 12


def _settings_sheet(book: Any, result: RfmResult, words: str) -> None:
    sheet = book.create_sheet(sheet_name("settings", words))
    cuts = localized(result.cut_points_table(), words)
    last = put_frame(sheet, cuts)  # already worded
    flat = _flatten(result.config.to_dict())
    refs = result.segment_references or {}
    flat += [(word("segment_reference", words, name=k), v) for k, v in refs.items()]
    settings = pd.DataFrame(flat, columns=["setting", "value"])
    put_frame(sheet, settings, row=last + 3, lang=words)
    _widths(sheet, cuts)


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out += _flatten(value, f"{name}.")
        elif isinstance(value, list):
            out.append((name, json.dumps(value, ensure_ascii=False)))
        else:
            out.append((name, "" if value is None else value))
    return out


def write_report(
    result: RfmResult,
    path: str | Path,
    *,
    source: str = "",
    inputs: Iterable[str | Path] = (),
    extra_sheets: Sequence[Callable[[Any], None]] = (),
    header_lang: str = "en",
) -> Path:
    """Write the report workbook for ``result`` to ``path`` (``.xlsx``); each of
    ``extra_sheets`` is then called with the openpyxl workbook to add its sheet (e.g. the
    Predictions sheet of :func:`rfm_engine.prediction.prediction_sheet_writer`).
    ``header_lang`` words the sheet names, headers and titles (segment names and actions follow
    the result's language)."""
    from openpyxl import Workbook

    path = Path(path)
    words = check_header_lang(header_lang)
    check_target(path, inputs=tuple(Path(p) for p in inputs))

    def write(tmp: Path) -> None:
        book = Workbook()
        _summary_sheet(book, result, source, words)
        _customers_sheet(book, result, words)
        _grid_sheet(book, result, words)
        _settings_sheet(book, result, words)
        cleaning = localized(result.cleaning.to_frame(), words)
        sheet = book.create_sheet(sheet_name("cleaning", words))
        put_frame(sheet, cleaning)
        _widths(sheet, cleaning, limit=80)
        for add_sheet in extra_sheets:
            add_sheet(book)
        book.save(tmp)

    write_atomic(path, write)
    return path
