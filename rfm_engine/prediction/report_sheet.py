"""The Predictions sheet of the report workbook: the overview numbers, the warnings, the
per-segment table, the holdout check, the fitted parameters and the per-customer predictions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from ..outputs.exports import text_cell
from ..outputs.report_workbook import put_frame
from .result import PredictionResult, revenue_column

_MONEY = "#,##0.00"


def prediction_sheet_writer(prediction: PredictionResult) -> Callable[[Any], None]:
    """For :func:`rfm_engine.outputs.write_report`'s ``extra_sheets``: adds the sheet."""
    return lambda book: prediction_sheet(book, prediction)


def prediction_sheet(book: Any, prediction: PredictionResult) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("Predictions")
    totals = prediction.totals()
    first = prediction.options.horizons_days[0]
    head: list[tuple[str, Any]] = [
        ("Predictions", f"as of {prediction.as_of.isoformat()}"),
        (f"Expected revenue next {first} days", totals[revenue_column(first)]),
        ("Customers likely lost", totals["likely_lost"]),
        ("Customers", totals["customers"]),
    ]
    head += [
        (f"Expected revenue next {h} days", totals[revenue_column(h)])
        for h in prediction.options.horizons_days[1:]
    ]
    for i, (label, value) in enumerate(head, start=1):
        text_cell(sheet.cell(i, 1), label).font = Font(bold=True)
        cell = text_cell(sheet.cell(i, 2), value)
        if isinstance(value, float):
            cell.number_format = _MONEY
    sheet["A1"].font = Font(bold=True, size=14)
    row = len(head) + 2
    for warning in prediction.warnings:
        text_cell(sheet.cell(row, 1), "Warning").font = Font(bold=True, color="B00020")
        text_cell(sheet.cell(row, 2), warning.message)
        row += 1
    row += 1
    if prediction.segments is not None:
        row = _titled(sheet, row, "Per segment", prediction.segments) + 2
    if prediction.validation is not None:
        check = prediction.validation
        title = (
            f"Holdout check: fitted to {check.calibration_end}, next {check.holdout_days} days: "
            f"purchases predicted {check.predicted_total:,.1f}, actual {check.actual_total:,}"
        )
        row = _titled(sheet, row, title, check.by_frequency) + 2
    params = pd.DataFrame(_parameters(prediction), columns=["parameter", "value"])
    row = _titled(sheet, row, "Model parameters (time in weeks)", params) + 2
    _titled(sheet, row, "Per customer", prediction.customers)
    sheet.column_dimensions["A"].width = 34
    for letter in "BCDEFGHIJK":
        sheet.column_dimensions[letter].width = 18


def _titled(sheet: Any, row: int, title: str, frame: pd.DataFrame) -> int:
    from openpyxl.styles import Font

    text_cell(sheet.cell(row, 1), title).font = Font(bold=True)
    return put_frame(sheet, frame, row=row + 1)


def _parameters(prediction: PredictionResult) -> list[tuple[str, Any]]:
    data = prediction.to_dict()
    rows: list[tuple[str, Any]] = []
    for model in ("bgnbd", "gamma_gamma"):
        if data[model] is None:
            rows.append((model, "not fitted"))
            continue
        rows += [(f"{model}.{k}", v) for k, v in data[model]["params"].items()]
        rows += [(f"{model}.{k}", v) for k, v in data[model]["diagnostics"].items()]
    return rows
