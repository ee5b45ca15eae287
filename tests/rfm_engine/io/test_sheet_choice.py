"""Choosing a sheet: a name wins over a number that looks the same ("2019"); numbers count
from 1 as people count sheets; an API integer is a 0-based index."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rfm_engine import InputFileError, ReadOptions
from rfm_engine.io import read_table


def _book(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "2018"
    for name, customer in (("2018", "a"), ("2019", "b")):
        sheet = book[name] if name in book.sheetnames else book.create_sheet(name)
        sheet.append(["customer", "date", "amount"])
        sheet.append([customer, "2024-01-02", 5])
    book.save(path)
    return path


def test_a_sheet_named_like_a_number_is_read_by_its_name(tmp_path: Path) -> None:
    path = _book(tmp_path / "years.xlsx")
    frame, (info,) = read_table([path], ReadOptions(sheet="2019"))
    assert info.sheet == "2019" and list(frame["customer"]) == ["b"]


def test_numbers_count_from_one_and_integers_from_zero(tmp_path: Path) -> None:
    path = _book(tmp_path / "years.xlsx")
    assert read_table([path], ReadOptions(sheet="1"))[1][0].sheet == "2018"
    assert read_table([path], ReadOptions(sheet="2"))[1][0].sheet == "2019"
    assert read_table([path], ReadOptions(sheet=1))[1][0].sheet == "2019"
    with pytest.raises(InputFileError, match="no sheet number 3"):
        read_table([path], ReadOptions(sheet="3"))
