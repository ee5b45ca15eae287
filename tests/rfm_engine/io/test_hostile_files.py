"""Broken and hostile inputs end in a clear RfmError (one line naming the file), never a
traceback or a hang. The corpus is generated here, not committed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rfm_engine import InputFileError, RfmConfig, RfmError, analyze
from rfm_engine.io import workbook_guards
from rfm_engine.io.reading import MAX_CELL_CHARS, read_table

GOOD_CSV = "customer,date,amount\nA,2024-01-02,5\nB,2024-01-03,6\n"

_LOL = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _good_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["customer", "date", "amount"], ["A", "2024-01-02", 5], ["B", "2024-01-03", 6]]:
        ws.append(row)
    wb.save(path)
    return path


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))
    return dst


def _expect_error(path: Path, match: str) -> RfmError:
    with pytest.raises(RfmError, match=match) as caught:
        analyze(path, RfmConfig())
    message = str(caught.value)
    assert "\n" not in message and str(path.name) in message
    return caught.value


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("empty.csv", b"", "is empty"),
        ("header.csv", b"customer,date,amount\n", "has no data rows"),
        ("ragged.csv", b"customer,date,amount\nA,2024-01-02,5\nB,2024-01-03,6,7,8\n", "do not fit"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary"),
    ],
)
def test_small_broken_files(tmp_path: Path, name: str, content: bytes, match: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _expect_error(path, match)


def test_truncated_workbook(tmp_path: Path) -> None:
    whole = _good_xlsx(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    _expect_error(path, "damaged or truncated|cannot be read as an Excel workbook")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    _expect_error(path, "not an Excel workbook")


def test_binary_workbook_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsb"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.bin", b"\x00" * 10)
    _expect_error(path, "save it as .xlsx")


def test_wrong_extensions_still_read(tmp_path: Path) -> None:
    csv_as_xlsx = tmp_path / "orders.xlsx"
    csv_as_xlsx.write_text(GOOD_CSV)
    xlsx_as_csv = tmp_path / "orders.csv"
    xlsx_as_csv.write_bytes(_good_xlsx(tmp_path / "real.xlsx").read_bytes())
    for path in (csv_as_xlsx, xlsx_as_csv):
        result = analyze(path, RfmConfig())
        assert sorted(result.customers["customer_id"]) == ["A", "B"]
        assert result.customers["monetary"].sum() == 11


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = _rewrite(
        _good_xlsx(tmp_path / "good.xlsx"),
        tmp_path / "bomb.xlsx",
        lambda name, data: data + b" " * (60 * 1024**2) if name.endswith("sheet1.xml") else data,
    )
    assert bomb.stat().st_size < 1024**2
    _expect_error(bomb, "zip bomb")


def test_total_unpacked_size_is_bounded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(workbook_guards, "MAX_UNPACKED_BYTES", 1000)
    _expect_error(_good_xlsx(tmp_path / "big.xlsx"), "over the .* limit")


def test_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        if not name.endswith("sheet1.xml"):
            return data
        return _LOL + data.replace(b"<t>A</t>", b"<t>&lol9;</t>").replace(
            b"<v>A</v>", b"<v>&lol9;</v>"
        )

    _expect_error(_rewrite(_good_xlsx(tmp_path / "g.xlsx"), tmp_path / "lol.xlsx", change), "DTD")


def test_calamine_itself_does_not_expand_entities(tmp_path: Path, monkeypatch) -> None:
    """Even past our DTD check, the reader refuses the entity instead of expanding it."""
    monkeypatch.setattr(workbook_guards, "_DTD_MARKERS", ())

    def change(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            return _LOL + data.replace(b"<t>A</t>", b"<t>&lol9;</t>")
        return data

    path = _rewrite(_good_xlsx(tmp_path / "g.xlsx"), tmp_path / "lol.xlsx", change)
    with pytest.raises(InputFileError, match="cannot be read as an Excel workbook"):
        read_table([path])


def test_openpyxl_runs_with_defusedxml() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_million_character_cell(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("customer,date,amount\nA,2024-01-02,5\nB," + "x" * 1_000_000 + ",6\n")
    error = _expect_error(path, "row 2, column 'date' holds a 1,000,000-character cell")
    assert isinstance(error, InputFileError)
    assert MAX_CELL_CHARS < 1_000_000


def test_mixed_encodings(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    head = "customer,date,amount\n" + "".join(f"c{i},2024-01-02,5\n" for i in range(30000))
    tail = "买家,2024-01-03,6\n".encode("gbk")
    path.write_bytes(head.encode("utf-8") + tail)
    _expect_error(path, "not valid utf-8.*mixed encodings")


def test_folder_and_missing_file(tmp_path: Path) -> None:
    _expect_error(tmp_path, "is a folder")
    _expect_error(tmp_path / "nope.csv", "no such file")


def test_million_character_cell_in_a_workbook(tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            return data.replace(b"<t>B</t>", b"<t>" + b"y" * 1_000_000 + b"</t>")
        return data

    path = _rewrite(_good_xlsx(tmp_path / "g.xlsx"), tmp_path / "huge.xlsx", change)
    _expect_error(path, "row 2, column 'customer' holds a 1,000,000-character cell")


@pytest.mark.parametrize("reader", ["pandas", "arrow"])
def test_huge_cell_across_read_chunks(tmp_path: Path, monkeypatch, reader: str) -> None:
    from rfm_engine.io import text_reading

    # pandas' reader: the longest line is found in chunks; Arrow's: the longest cell.
    monkeypatch.setattr(text_reading, "_CHUNK", 4096)
    if reader == "pandas":
        monkeypatch.setattr(text_reading, "arrow_available", lambda: False)
    path = tmp_path / "huge.csv"
    path.write_text("customer,date,amount\n" + "A,2024-01-02,5\n" * 500 + "x" * 200_000 + ",a,1\n")
    _expect_error(path, "row 501, column 'customer' holds a 200,000-character cell")


def test_huge_cell_inside_the_sniffed_sample(tmp_path: Path) -> None:
    path = tmp_path / "huge_first.csv"
    path.write_text("customer,date,amount\n" + "x" * 150_000 + ",2024-01-02,5\nB,2024-01-03,6\n")
    _expect_error(path, "row 1, column 'customer' holds a 150,000-character cell")


def test_absurdly_wide_file(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    header = ",".join(f"c{i}" for i in range(200_000))
    path.write_text(header + "\n" + ",".join("1" for _ in range(200_000)) + "\n")
    _expect_error(path, "over 1,000 columns")


def test_absurdly_wide_workbook(tmp_path: Path, monkeypatch) -> None:
    from rfm_engine.io import reading

    monkeypatch.setattr(reading, "MAX_COLUMNS", 2)
    _expect_error(_good_xlsx(tmp_path / "wide.xlsx"), "has 3 columns \\(limit 2\\)")


@pytest.mark.parametrize(
    "far",
    [
        b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>',
        b'<row><c s="0" r="XFD1048576" t="n"><v>1</v></c></row>',  # r not first, row unnumbered
        b'<row r="3"><c r="XFD3" t="n"><v>1</v></c></row><row r="999999"><c r="A999999"/></row>',
    ],
)
def test_sparse_cell_bomb_is_refused(tmp_path: Path, far: bytes) -> None:
    """One far cell would make the reader allocate a rectangle of billions of cells and abort."""

    def change(name: str, data: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            data = re.sub(rb"<dimension [^>]*/>", b"", data)
            return data.replace(b"</sheetData>", far + b"</sheetData>")
        return data

    path = _rewrite(_good_xlsx(tmp_path / "g.xlsx"), tmp_path / "sparse.xlsx", change)
    _expect_error(path, "columns, over the 50,000,000-cell limit")


def test_sheet_extent_reads_rows_and_wide_columns(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    wb = openpyxl.Workbook()
    wb.active["C7"] = 1
    wb.active["AB3"] = 2
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert workbook_guards.sheet_extent(archive, info) == (7, 28)
