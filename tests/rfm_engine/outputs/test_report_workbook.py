"""The report workbook: sheets, native charts, a filterable table, a colour-scaled grid."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from rfm_engine import OutputFileError, Period, RfmConfig, analyze
from rfm_engine.outputs.report_workbook import write_report

AS_OF = RfmConfig(period=Period(as_of=dt.date(2024, 4, 1)), lang="zh_CN")


@pytest.fixture
def report(tmp_path, tricky_orders):
    result = analyze(tricky_orders, AS_OF)
    path = write_report(result, tmp_path / "report.xlsx", source="orders.csv")
    return result, path


def test_sheets_and_summary(report):
    result, path = report
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "Customers", "RxF grid", "Settings", "Cleaning"]
    summary = book["Summary"]
    assert summary["B1"].value == "orders.csv" and summary["B2"].value == "2024-04-01"
    rows = list(summary.iter_rows(min_row=6, values_only=True))
    header = rows[0]
    assert header[:3] == ("segment_name", "customers", "customer_share")
    n = len(result.scheme.all_segments)
    body = {r[0]: r for r in rows[1 : 1 + n]}
    assert body["已流失"][1] == 2  # "+1" and the HYPERLINK customer
    assert body["冠军客户"][1] == 1
    assert sum(r[1] for r in body.values()) == 7
    # "What to do": each segment's action in the result's language, below the charts.
    actions = {r[0]: r[1] for r in rows if r[0] and isinstance(r[1], str) and len(r[1]) > 8}
    assert actions["已流失"] == result.scheme.segment("lost").action("zh_CN")


def test_native_bar_charts_in_the_file(report):
    _, path = report
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        xml = archive.read(charts[0]).decode("utf-8")
        assert "<barChart>" in xml and '<barDir val="bar"' in xml and "Summary" in xml


def test_customers_table_with_filter_and_text_kept(report):
    result, path = report
    book = openpyxl.load_workbook(path)
    sheet = book["Customers"]
    assert list(sheet.tables) == ["Customers"]
    table = sheet.tables["Customers"]
    assert table.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}8"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["customer_id", "recency_days", "frequency"] and "action" in header
    ids = [sheet.cell(r, 1).value for r in range(2, 9)]
    assert sorted(ids) == sorted(result.customers["customer_id"])
    assert '=HYPERLINK("http://x","y")' in ids and "00123" in ids
    for row in book.worksheets:
        for line in row.iter_rows():
            assert all(c.data_type != "f" for c in line)


def test_grid_is_colour_scaled_and_counts_add_up(report):
    result, path = report
    sheet = openpyxl.load_workbook(path)["RxF grid"]
    rules = [r for rng in sheet.conditional_formatting for r in rng.rules]
    assert len(rules) == 2 and all(r.type == "colorScale" for r in rules)
    counts = [[sheet.cell(r, c).value for c in range(2, 7)] for r in range(3, 8)]
    assert sum(map(sum, counts)) == 7
    assert sheet.cell(3, 1).value == 5 and sheet.cell(2, 2).value == "F=1"
    c = result.customers
    assert counts[0][4] == int(((c.r_score == 5) & (c.f_score == 5)).sum())


def test_settings_and_cleaning(report):
    _, path = report
    book = openpyxl.load_workbook(path)
    values = [r for r in book["Settings"].iter_rows(values_only=True)]
    assert values[0][:3] == ("axis", "method", "bins")
    assert ("period.as_of", "2024-04-01") in [r[:2] for r in values]
    cleaning = [r for r in book["Cleaning"].iter_rows(values_only=True)]
    assert cleaning[0][:4] == ("rule", "key", "description", "rows")


def test_refuses_to_overwrite_an_input(tmp_path, tricky_orders):
    source = tmp_path / "orders.xlsx"
    source.write_bytes(b"input")
    result = analyze(tricky_orders, AS_OF)
    with pytest.raises(OutputFileError, match="is an input file"):
        write_report(result, source, inputs=[source])
    assert source.read_bytes() == b"input"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_draws_the_charts(report, tmp_path):
    _, path = report
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    if shutil.which("pdftotext"):
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        # Chart titles are drawn on the first page with the summary.
        assert "Customers per segment" in first and "Revenue per segment" in first
        assert "冠军客户" in first
