"""The example workbook: up to date with its script, formulas in place, and RFM.TABLE on its
Orders sheet equals the engine reading the same sheet."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rfm_engine import ReadOptions, RfmConfig, analyze

REPO = Path(__file__).resolve().parents[2]
WORKBOOK = REPO / "excel_addin" / "example" / "rfm_example.xlsx"
EPOCH = dt.datetime(1899, 12, 30)


def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_example_workbook", REPO / "scripts" / "make_example_workbook.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def formula_text(cell) -> str:
    value = cell.value
    return getattr(value, "text", value)


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's cell values, formulas as their text."""
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [tuple(formula_text(c) for c in row) for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_the_committed_workbook_is_what_the_script_makes(tmp_path):
    pytest.importorskip("xlsxwriter")
    made = load_script().make_workbook(tmp_path / "example.xlsx")
    assert contents(made) == contents(WORKBOOK)
    assert WORKBOOK.stat().st_size < 300_000


def test_formulas_are_in_place():
    book = openpyxl.load_workbook(WORKBOOK)
    orders = book["Orders"]
    last = f"G{orders.max_row}"
    assert formula_text(book["Customers"]["A3"]) == f"=RFM.TABLE(Orders!A1:{last})"
    assert formula_text(book["Segments"]["A3"]) == f"=RFM.SUMMARY(Orders!A1:{last})"
    assert formula_text(book["Rules"]["A3"]) == '=RFM.SEGMENTS("classic","en")'
    examples = book["Examples"]
    for row in range(2, examples.max_row + 1):
        assert formula_text(examples.cell(row, 3)) == examples.cell(row, 2).value
    assert 500 <= orders.max_row - 1 <= 700


def excel_values(sheet) -> list[list[object]]:
    """The sheet's values as Excel passes a range: dates as serial numbers."""
    out = []
    for row in sheet.iter_rows(values_only=True):
        out.append(
            [(v - EPOCH).total_seconds() / 86400 if isinstance(v, dt.datetime) else v for v in row]
        )
    return out


def test_rfm_table_on_the_orders_sheet_equals_the_engine_reading_the_file(excel):
    book = openpyxl.load_workbook(WORKBOOK)
    result = excel("table", excel_values(book["Orders"]))
    assert result[0][0] == "customer_id", result[0][0]
    engine = analyze(WORKBOOK, RfmConfig(reading=ReadOptions(sheet="Orders"))).customers
    assert len(result) - 1 == len(engine) > 50
    assert [r[0] for r in result[1:]] == engine["customer_id"].tolist()
    compared = result[0][1:10]
    assert compared[0] == "recency_days" and compared[-1] == "segment_name"
    assert [r[1:10] for r in result[1:]] == engine[compared].values.tolist()


def test_formulas_are_stored_as_spilling_dynamic_arrays():
    """Excel 365 spills a formula only when the file marks it as a dynamic array (cell metadata
    XLDAPR); a plain formula would open as =@RFM.TABLE(…) and show one cell."""
    with zipfile.ZipFile(WORKBOOK) as package:
        assert "XLDAPR" in package.read("xl/metadata.xml").decode()
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
        cells = [
            cell
            for name in sheets
            for cell in re.findall(r"<c [^>]*>\s*<f [^>]*>RFM\.", package.read(name).decode())
        ]
    assert len(cells) >= 10
    assert all('cm="1"' in cell and 't="array"' in cell for cell in cells)
