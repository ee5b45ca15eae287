"""Readers: encodings, delimiters, title rows, aligned text, workbooks, several files."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from rfm_engine import ReadOptions, analyze
from rfm_engine.errors import InputFileError
from rfm_engine.io.encodings import detect_encoding
from rfm_engine.io.reading import ROW_COLUMN, SOURCE_COLUMN, read_table
from rfm_engine.io.table_shape import WHITESPACE, find_header_row, sniff_delimiter

ZH_HANS = (
    "买家会员名,订单付款时间,买家实际支付金额\n"
    "张三,2017/5/30 23:18,58.51\n李四,2017/5/31 9:02,12.00\n"
)
ZH_HANT = (
    "買家會員名,訂單付款時間,實付金額\n張三,2017/5/30 23:18,58.51\n李四,2017/5/31 9:02,12.00\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "detected"),
    [
        (ZH_HANS, "gbk", "gb18030"),
        (ZH_HANS, "gb18030", "gb18030"),
        (ZH_HANT, "big5", "big5"),
        (ZH_HANS, "utf-8", "utf-8-sig"),
        (ZH_HANS, "utf-8-sig", "utf-8-sig"),
        ("Kunde,Datum,Betrag\nRené,2024-01-02,€5\n", "cp1252", "cp1252"),
    ],
)
def test_encodings_are_detected_and_read(
    tmp_path: Path, text: str, encoding: str, detected: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode(encoding))
    frame, (info,) = read_table([path])
    assert info.encoding == detected
    assert frame.iloc[0, 0] in {"张三", "張三", "René"}
    assert frame.columns[0] in {"买家会员名", "買家會員名", "Kunde"}


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = ZH_HANS.replace(",", "\t")
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    frame, (info,) = read_table([path])
    assert (info.encoding, info.delimiter) == ("utf-16", "\t")
    assert list(frame["买家实际支付金额"]) == ["58.51", "12.00"]


def test_utf16_without_bom_is_detected() -> None:
    assert detect_encoding("a\tb\n1\t2\n".encode("utf-16-le")) == "utf-16-le"


def test_encoding_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(ZH_HANS.encode("gbk"))
    frame, (info,) = read_table([path], ReadOptions(encoding="gbk"))
    assert info.encoding == "gbk"
    assert frame.iloc[1, 0] == "李四"


def test_semicolons_and_title_lines_before_the_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Bestellungen Januar 2024\n\nKunde;Datum;Betrag\n"
        "A01;02.01.2024;1.234,50\nB02;03.01.2024;7,00\n",
        encoding="utf-8",
    )
    frame, (info,) = read_table([path])
    assert info.delimiter == ";"
    assert info.header_row == 2
    assert list(frame.columns[:3]) == ["Kunde", "Datum", "Betrag"]
    assert list(frame["Betrag"]) == ["1.234,50", "7,00"]
    assert list(frame[ROW_COLUMN]) == [1, 2]


def test_space_aligned_text_report(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Sales report 2024\n\n"
        "Customer ID   Date          Amount\n"
        "A001          2024-01-03     12.50\n"
        "B002 Ltd      2024-01-05    100.00\n"
        "C003          2024-02-11      7.25\n",
        encoding="utf-8",
    )
    frame, (info,) = read_table([path])
    assert (info.delimiter, info.header_row) == (WHITESPACE, 2)
    assert list(frame.columns[:3]) == ["Customer ID", "Date", "Amount"]
    assert list(frame["Customer ID"]) == ["A001", "B002 Ltd", "C003"]
    assert list(frame["Amount"]) == ["12.50", "100.00", "7.25"]


def test_space_aligned_text_whose_header_is_spaced_unlike_its_rows(tmp_path: Path) -> None:
    """The layout of a well-known public transaction file (CDNOW): no gap lines up."""
    path = tmp_path / "transactions.txt"
    path.write_text(
        " customer_id  date number_of_cds  dollar_value\n"
        " 00001 19970101  1  11.77\n"
        " 00002 19970112  1  12.00\n"
        " 00002 19970112  5  77.00\n"
        " 00003 19970102  2  20.76\n"
        " 00003 19970330  2  20.76\n",
        encoding="ascii",
    )
    frame, (info,) = read_table([path])
    assert info.delimiter == WHITESPACE
    assert list(frame.columns[:4]) == ["customer_id", "date", "number_of_cds", "dollar_value"]
    assert list(frame["customer_id"]) == ["00001", "00002", "00002", "00003", "00003"]
    result = analyze(path)
    got = result.customers.set_index("customer_id")
    assert got.loc["00002", "monetary"] == 89.0 and got.loc["00003", "frequency"] == 2
    assert got.loc["00001", "recency_days"] == 89  # as_of 1997-03-31


def test_ids_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("customer,order,amount\n00123,21407300627014900,5\n", encoding="utf-8")
    frame, _ = read_table([path])
    assert frame.loc[0, "customer"] == "00123"
    assert frame.loc[0, "order"] == "21407300627014900"


def _workbook(path: Path, rows: list[list], *, title: str | None = None, sheet: str = "订单"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws["A1"] = "this sheet explains the export"
    data = wb.create_sheet(sheet)
    start = 1
    if title:
        data["A1"] = title
        data.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        start = 3
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            data.cell(row=start + i, column=j + 1, value=value)
    wb.save(path)


def test_workbook_sheet_choice_and_merged_title(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    rows = [["客户ID", "日期", "金额"], ["00123", "2024-01-02", 5.5], ["00124", "2024-01-03", 7]]
    _workbook(path, rows, title="2024年1月订单")
    frame, (info,) = read_table([path], ReadOptions(sheet="订单"))
    assert (info.kind, info.sheet, info.header_row) == ("workbook", "订单", 2)
    assert list(frame.columns[:3]) == ["客户ID", "日期", "金额"]
    assert list(frame["客户ID"]) == ["00123", "00124"]
    assert list(frame["金额"]) == [5.5, 7]
    by_number, (info2,) = read_table([path], ReadOptions(sheet=1))
    assert info2.sheet == "订单" and len(by_number) == 2


def test_first_sheet_is_default_and_missing_sheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    _workbook(path, [["customer", "date", "amount"], ["a", "2024-01-02", 1]])
    frame, (info,) = read_table([path])
    assert info.sheet == "订单"  # the first sheet holding a table, not the note before it
    assert list(frame["customer"]) == ["a"]
    with pytest.raises(InputFileError, match="no sheet 'Orders'; it has: 说明, 订单"):
        read_table([path], ReadOptions(sheet="Orders"))


def test_several_files_combined_with_source_per_row(tmp_path: Path) -> None:
    jan, feb = tmp_path / "1月.csv", tmp_path / "2月.csv"
    jan.write_bytes("客户,日期,金额\nA,2024/1/2,5\n".encode("gbk"))
    feb.write_text("客户 ,日期,金额\nB,2024/2/2,6\nC,2024/2/3,7\n", encoding="utf-8-sig")
    frame, infos = read_table([jan, feb])
    assert [i.encoding for i in infos] == ["gb18030", "utf-8-sig"]
    assert list(frame[SOURCE_COLUMN]) == ["1月.csv", "2月.csv", "2月.csv"]
    assert list(frame[ROW_COLUMN]) == [1, 1, 2]
    assert list(frame["客户"]) == ["A", "B", "C"]


def test_files_of_different_layouts_are_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("customer,date,amount\nA,2024-01-02,5\n")
    b.write_text("customer,day,total\nA,2024-01-02,5\n")
    with pytest.raises(InputFileError, match="columns differ"):
        read_table([a, b])


def test_header_row_finder() -> None:
    assert find_header_row([["Report"], [], ["a", "b", "c"], ["1", "2", "3"]]) == 2
    assert find_header_row([["A01", "2024-01-02", "5.00"], ["A02", "2024-01-03", "6"]]) is None
    assert find_header_row([["订单编号", "金额"], ['="123"', "5"]]) == 0
    short_header = [["a", "b", "c", "", ""], ["1", "2", "3", "4", "5"], ["6", "7", "8", "9", "0"]]
    assert find_header_row(short_header) == 0
    assert find_header_row([["订单报表"], ["a", "b", None, None], ["1", "2", "3", "4"]]) == 1


def test_delimiter_sniffer() -> None:
    assert sniff_delimiter(["a\tb\tc", "1\t2,5\t3"]) == "\t"
    assert sniff_delimiter(["a|b", "1|2"]) == "|"
    assert sniff_delimiter(["name  date  amount", "x     1     2"]) == WHITESPACE


def test_openpyxl_fallback_reads_the_same_table(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "orders.xlsx"
    rows = [["客户ID", "日期", "金额"], ["00123", "2024-01-02", 5.5], ["00124", "2024-01-03", 7]]
    _workbook(path, rows, title="2024年1月订单")
    with_calamine, (info,) = read_table([path])
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with_openpyxl, (info2,) = read_table([path])
    assert info == info2 and info.header_row == 2
    assert with_openpyxl["客户ID"].tolist() == with_calamine["客户ID"].tolist()
    assert with_openpyxl["金额"].astype(float).tolist() == [5.5, 7.0]


def test_xlsx_sample_reads_like_openpyxl(shared_datasets: Path) -> None:
    """The 40k-row real workbook: calamine + header detection give the same customers as
    pandas/openpyxl's reading of the same sheet fed to the engine as a table."""
    path = shared_datasets / "online_retail" / "online_retail_sample_40k.xlsx"
    if not path.exists():
        pytest.skip("sample workbook not present")
    ours = analyze(path)
    theirs = analyze(pd.read_excel(path, engine="openpyxl", dtype=object))
    assert ours.config.columns == theirs.config.columns
    assert ours.cleaning.rows_read == 40000
    pd.testing.assert_frame_equal(
        ours.customers[["customer_id", "recency_days", "frequency", "monetary"]],
        theirs.customers[["customer_id", "recency_days", "frequency", "monetary"]],
    )
