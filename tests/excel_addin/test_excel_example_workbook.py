"""The example workbooks (xlwings Lite: RFM.TABLE …; classic add-in: RFM_TABLE …): up to date
with their script, formulas in place over the Excel Table Orders, RFM.TABLE on the Orders sheet
equal to the engine reading the same sheet, and the stored results equal to what the functions
return, so the workbook reads the same without the functions (LibreOffice shows them)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rfm_engine import ReadOptions, RfmConfig, analyze

REPO = Path(__file__).resolve().parents[2]
WORKBOOK = REPO / "excel_addin" / "example" / "rfm_example.xlsx"
CLASSIC = REPO / "excel_addin" / "example" / "rfm_example_classic.xlsx"
STORED = "'Stored results'!"
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


@pytest.mark.parametrize(("flavour", "committed"), [("lite", WORKBOOK), ("classic", CLASSIC)])
def test_the_committed_workbook_is_what_the_script_makes(tmp_path, flavour, committed):
    pytest.importorskip("xlsxwriter")
    made = load_script().make_workbook(tmp_path / "example.xlsx", flavour=flavour)
    assert contents(made) == contents(committed)
    assert committed.stat().st_size < 300_000


def fallback(formula: str) -> tuple[str, str]:
    """``=IFERROR(<call>,'Stored results'!<range>)`` as (call, range)."""
    match = re.fullmatch(
        r"=IFERROR\((.+),'Stored results'!(\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?)\)", formula
    )
    assert match, formula
    return match.group(1), match.group(2)


@pytest.mark.parametrize(("path", "prefix"), [(WORKBOOK, "RFM."), (CLASSIC, "RFM_")])
def test_formulas_are_in_place(path, prefix):
    book = openpyxl.load_workbook(path)
    orders = book["Orders"]
    assert orders.tables["Orders"].ref == f"A1:G{orders.max_row}"  # Orders[#All]
    calls = {
        "Customers": f"{prefix}TABLE(Orders[#All])",
        "Segments": f"{prefix}SUMMARY(Orders[#All])",
        "Notes": f"{prefix}NOTES(Orders[#All])",
        "Rules": f'{prefix}SEGMENTS("classic","en")',
    }
    for sheet, call in calls.items():
        assert fallback(formula_text(book[sheet]["A3"]))[0] == call
        status = formula_text(book[sheet]["A2"])
        assert status.startswith(f"=IF(ISERROR({prefix}VERSION()),")
    examples = book["Examples"]
    for row in example_rows(examples):
        shown = examples.cell(row, 2).value
        assert shown.startswith(f"={prefix}")
        assert "=" + fallback(formula_text(examples.cell(row, 3)))[0] == shown
    assert 500 <= orders.max_row - 1 <= 700


def example_rows(sheet) -> list[int]:
    """The rows of the Examples sheet that hold an example (not a spilled result below one)."""
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value]
    assert len(rows) == 7
    return rows


def stored_block(book, formula: str) -> list[list[object]]:
    """The values of the stored range a formula falls back to."""
    ref = fallback(formula)[1].replace("$", "")
    rows = book["Stored results"][ref]
    rows = rows if isinstance(rows[0], tuple) else (rows,)
    return [[c.value for c in row] for row in rows]


def spilled(sheet, top_left: str, height: int, width: int) -> list[list[object]]:
    first = sheet[top_left]
    return [
        [sheet.cell(first.row + r, first.column + c).value for c in range(width)]
        for r in range(height)
    ]


def approx(rows):
    """Rows with every float compared to 15 significant digits (as stored in the file)."""
    return [[pytest.approx(v, rel=1e-14) if isinstance(v, float) else v for v in r] for r in rows]


def as_cells(rows):
    """Function results as openpyxl reads them back: dates as datetimes, empty as None."""
    out = []
    for row in rows:
        out.append(
            [
                None
                if v == ""
                else dt.datetime.combine(v, dt.time())
                if isinstance(v, dt.date) and not isinstance(v, dt.datetime)
                else v
                for v in row
            ]
        )
    return out


def test_stored_results_are_what_the_functions_return(excel):
    book = openpyxl.load_workbook(WORKBOOK)
    values = openpyxl.load_workbook(WORKBOOK, data_only=True)
    orders = [list(r) for r in book["Orders"].iter_rows(values_only=True)]
    expected = {
        "Customers": excel("table", orders),
        "Segments": excel("summary", orders),
        "Notes": excel("notes", orders),
        "Rules": excel("segments", [["classic"]], [["en"]]),
    }
    for sheet, result in expected.items():
        if sheet == "Customers":  # last_purchase: dates come back as serial numbers
            result = [result[0]] + [
                [*r[:-1], EPOCH + dt.timedelta(days=r[-1]) if isinstance(r[-1], float) else r[-1]]
                for r in result[1:]
            ]
        stored = stored_block(book, formula_text(book[sheet]["A3"]))
        assert stored == approx(as_cells(result)), sheet
        assert spilled(values[sheet], "A3", len(stored), len(stored[0])) == stored, sheet
    examples = book["Examples"]
    monetary = [[row[3]] for row in expected["Customers"][1:] if row[3] != ""]
    results = {
        examples.cell(row, 2).value: stored_block(book, formula_text(examples.cell(row, 3)))
        for row in example_rows(examples)
    }
    assert results["=RFM.VERSION()"] == excel("version")
    assert results["=RFM.RECENCY(DATE(2025,1,15),DATE(2025,3,1))"] == [[45]]
    assert results["=RFM.SEGMENT(5,5,5)"] == excel("segment", [[5.0]], [[5.0]], [[5.0]])
    assert results['=RFM.SEGMENT(3,1,3,"classic","zh_CN")'] == excel(
        "segment", [[3.0]], [[1.0]], [[3.0]], [["classic"]], [["zh_CN"]]
    )
    assert results["=RFM.SCORE(500,Customers!D4:D5000)"] == excel("score", [[500.0]], monetary)
    assert results["=RFM.THRESHOLDS(Customers!D4:D5000)"] == approx(excel("thresholds", monetary))


def test_libreoffice_shows_numbers_not_name_errors(tmp_path):
    """Headless LibreOffice, which knows no RFM function, shows the stored results (run where
    LibreOffice and poppler's pdftotext are installed; docs/screenshots has the picture)."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if not (soffice and pdftotext):
        pytest.skip("needs LibreOffice (soffice) and pdftotext")
    shutil.copy(WORKBOOK, tmp_path / "example.xlsx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "example.xlsx"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        check=True,
    )
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "example.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "#NAME?" not in text and "Err:" not in text
    assert "Stored results: the RFM functions are not loaded" in text
    assert re.search(r"champions\s+Champions\s+\d+\s+\d+\.\d%", text)


def excel_values(sheet) -> list[list[object]]:
    """The sheet's values as Excel passes a range: dates as serial numbers."""
    out = []
    for row in sheet.iter_rows(values_only=True):
        out.append(
            [(v - EPOCH).total_seconds() / 86400 if isinstance(v, dt.datetime) else v for v in row]
        )
    return out


def test_rfm_table_on_the_orders_sheet_equals_the_engine_reading_the_file(excel, split_footer):
    book = openpyxl.load_workbook(WORKBOOK)
    result, footer = split_footer(excel("table", excel_values(book["Orders"])))
    # Ties on frequency (most customers bought once); an unreadable date, returns and
    # cancelled orders left out.
    assert footer == "1 warning, 36 of 601 rows left out: see =RFM.NOTES() with the same arguments"
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
            for cell in re.findall(
                r"<c [^>]*>\s*<f [^>]*>IFERROR\(RFM\.", package.read(name).decode()
            )
        ]
    assert len(cells) >= 10
    assert all('cm="1"' in cell and 't="array"' in cell for cell in cells)
