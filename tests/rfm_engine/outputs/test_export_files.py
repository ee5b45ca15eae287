"""Export files: formula-like text stays text in CSV and XLSX; atomic; safe targets."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import os
import zipfile

import openpyxl
import pandas as pd
import pytest

from rfm_engine import OutputFileError, Period, RfmConfig, analyze
from rfm_engine.outputs import exports as exports_module
from rfm_engine.outputs.exports import write_csv, write_xlsx
from rfm_engine.outputs.mailing import mailing_list, select_segments
from rfm_engine.outputs.mailing_files import write_mailing

TRICKY = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tTabbed"]
AS_OF = RfmConfig(period=Period(as_of=dt.date(2024, 4, 1)))
# Imports strip outer white space (ids and contacts), so the tab case reaches the writers only
# directly; the others come through an analysis too.
THROUGH_ANALYSIS = [t for t in TRICKY if not t.startswith("\t")]


def _csv_cells(path, encoding="utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def _xlsx_cells(path):
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_no_formulas(path):
    cells = _xlsx_cells(path)
    assert cells
    assert all(c.data_type != "f" for c in cells)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    return {c.value for c in cells}


def test_writers_keep_every_tricky_text_as_text(tmp_path):
    frame = pd.DataFrame({"name": [*TRICKY, "\rCR", "plain"], "n": [1, 2, 3, 4, 5, 6, 7]})
    write_csv(frame, tmp_path / "t.csv")
    rows = _csv_cells(tmp_path / "t.csv")
    assert [r[0] for r in rows[1:]] == [*("'" + t for t in TRICKY), "'\rCR", "plain"]
    assert [r[1] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "7"]
    write_xlsx({"People": frame}, tmp_path / "t.xlsx")
    values = _assert_no_formulas(tmp_path / "t.xlsx")
    assert set(TRICKY) | {"plain"} <= values
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["People"]
    assert [sheet.cell(r, 1).value for r in range(2, 7)] == TRICKY
    # XML turns a carriage return into a line feed; the cell is still text.
    assert sheet.cell(7, 1).value in ("\rCR", "\nCR") and sheet.cell(7, 1).data_type == "s"
    assert sheet.cell(2, 2).value == 1 and sheet.cell(2, 2).data_type == "n"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "mailchimp", "crm"])
def test_every_export_format_keeps_tricky_names_as_text(tmp_path, tricky_orders, fmt):
    result = analyze(tricky_orders, AS_OF)
    mailing = mailing_list(result.customers, result.scheme, result.contacts)
    target = tmp_path / f"list.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    keys = [s.key for s in result.scheme.all_segments]
    written = write_mailing(
        mailing, target, fmt=fmt, scheme=result.scheme, segments=keys, contacts=result.contacts
    )
    assert written[0] == target
    if fmt == "xlsx":
        values = _assert_no_formulas(target)
        assert set(THROUGH_ANALYSIS) <= values
        return
    seen = set()
    for path in written:
        encoding = "utf-8" if fmt == "mailchimp" and path == target else "utf-8-sig"
        for row in _csv_cells(path, encoding):
            seen.update(row)
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)
    # The tricky ids/names appear (apostrophe-prefixed) in the list or its side files.
    expected = {"'" + t for t in THROUGH_ANALYSIS}
    if fmt == "mailchimp":
        # "+1" has the kept email; "-2" and the HYPERLINK one are in the problem and no-contact
        # files; "@SUM(A1)" has only a phone, so it is in no Mailchimp file.
        expected = {"'+1", "'-2", "'" + TRICKY[0]}
        assert "'@SUM(A1)" not in seen
    assert expected <= seen


def test_xlsx_export_has_one_sheet_per_segment_and_problem_sheets(tmp_path, tricky_orders):
    result = analyze(tricky_orders, AS_OF)
    chosen = select_segments(result.customers, result.scheme, "lost,champions")
    mailing = mailing_list(chosen, result.scheme, result.contacts, lang="zh_TW")
    write_mailing(
        mailing,
        tmp_path / "x.xlsx",
        fmt="xlsx",
        scheme=result.scheme,
        segments=["champions", "lost"],
        contacts=result.contacts,
        lang="zh_TW",
    )
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book.sheetnames == ["冠軍客戶", "已流失", "Email problems", "No contact"]
    lost = [row[0].value for row in book["已流失"].iter_rows(min_row=2)]
    assert sorted(lost) == sorted(["+1", '=HYPERLINK("http://x","y")'])
    champion = [c.value for c in next(book["冠軍客戶"].iter_rows(min_row=2))]
    header = [c.value for c in book["冠軍客戶"][1]]
    assert dict(zip(header, champion, strict=True))["customer_id"] == "00123"  # text, zeros kept
    problems = [[c.value for c in row] for row in book["Email problems"].iter_rows(min_row=2)]
    assert problems == [['=HYPERLINK("http://x","y")', "lost", "one@example.com", "duplicate"]]


def test_missing_values_are_empty_cells(tmp_path):
    frame = pd.DataFrame(
        {
            "text": pd.Series(["a", None], dtype="string"),
            "number": [1.5, float("nan")],
            "when": pd.to_datetime(["2024-01-02", None]),
            "long": ["x" * 40000, "ok\x01"],
        }
    )
    write_xlsx({"S": frame}, tmp_path / "m.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx")["S"]
    assert [c.value for c in sheet[3]] == [None, None, None, "ok"]
    assert sheet["A2"].value == "a" and sheet["B2"].value == 1.5
    assert sheet["C2"].value == dt.datetime(2024, 1, 2)
    assert len(sheet["D2"].value) == 32767


def test_gbk_on_request_and_clear_error_for_text_gbk_cannot_hold(tmp_path):
    frame = pd.DataFrame({"name": ["张三", "李四"]})
    write_csv(frame, tmp_path / "g.csv", encoding="gbk")
    assert (tmp_path / "g.csv").read_bytes().startswith("name\r\n张三".encode("gbk"))
    (tmp_path / "h.csv").write_text("old", encoding="utf-8")
    with pytest.raises(OutputFileError, match="cannot be written in gbk"):
        write_csv(pd.DataFrame({"name": ["ok", "😀"]}), tmp_path / "h.csv", encoding="gbk")
    # The failed write left the old file and no temporary file.
    assert (tmp_path / "h.csv").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "h.csv"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_failing_xlsx_write_leaves_no_file(tmp_path, monkeypatch):
    calls = {"n": 0}
    real = exports_module.text_cell

    def failing(cell, value):
        calls["n"] += 1
        if calls["n"] > 5:
            raise RuntimeError("disk full")
        return real(cell, value)

    monkeypatch.setattr(exports_module, "text_cell", failing)
    frame = pd.DataFrame({"a": range(10), "b": ["x"] * 10})
    with pytest.raises(RuntimeError, match="disk full"):
        write_xlsx({"S": frame}, tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []
    gc.collect()  # openpyxl's abandoned row writer complains when collected


def test_targets_refused_with_a_clear_error(tmp_path):
    frame = pd.DataFrame({"a": [1]})
    source = tmp_path / "orders.csv"
    source.write_text("customer,date,amount\n", encoding="utf-8")
    with pytest.raises(OutputFileError, match="is a folder"):
        write_csv(frame, tmp_path)
    with pytest.raises(OutputFileError, match="is an input file"):
        write_csv(frame, tmp_path / "." / "orders.csv", inputs=[source])
    with pytest.raises(OutputFileError, match="is an input file"):
        write_xlsx({"S": frame}, source, inputs=[str(source)])
    assert source.read_text(encoding="utf-8") == "customer,date,amount\n"
    locked = tmp_path / "locked.csv"
    locked.write_text("keep", encoding="utf-8")
    locked.chmod(0o444)
    with pytest.raises(OutputFileError, match="is read-only"):
        write_csv(frame, locked)
    assert locked.read_text(encoding="utf-8") == "keep"
    shut = tmp_path / "shut"
    shut.mkdir()
    shut.chmod(0o555)
    try:
        with pytest.raises(OutputFileError, match="is not writable"):
            write_csv(frame, shut / "x.csv")
    finally:
        shut.chmod(0o755)
    with pytest.raises(OutputFileError, match="does not exist"):
        write_csv(frame, tmp_path / "nowhere" / "x.csv")


def test_written_files_get_normal_permissions(tmp_path):
    write_csv(pd.DataFrame({"a": [1]}), tmp_path / "p.csv")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "p.csv").stat().st_mode & 0o777 == 0o666 & ~mask


def test_side_files_are_written_only_with_rows_and_stale_ones_go(tmp_path, tricky_orders):
    result = analyze(tricky_orders, AS_OF)
    target = tmp_path / "champions.csv"
    (tmp_path / "champions.email_problems.csv").write_text("stale", encoding="utf-8")
    chosen = select_segments(result.customers, result.scheme, "champions")
    written = write_mailing(
        mailing_list(chosen, result.scheme, result.contacts),
        target,
        fmt="csv",
        scheme=result.scheme,
        segments=["champions"],
        contacts=result.contacts,
    )
    # The one champion has a valid email: no problem rows, no customer without contact.
    assert [p.name for p in written] == ["champions.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["champions.csv"]  # stale one gone
    assert [r[0] for r in _csv_cells(target)[1:]] == ["00123"]
