"""No header or cell of a CSV becomes a formula; valid phones and e-mails stay verbatim for
the tools that import them; sheet names follow Excel's rules."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from rfm_engine.outputs import write_csv, write_xlsx
from rfm_engine.outputs.exports import FORMULA_STARTS, neutralize_formula_text, sheet_title

HOSTILE_HEADER = '=HYPERLINK("http://evil.example","click")'


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _live_formulas(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


def test_headers_are_neutralised_like_cells(tmp_path: Path) -> None:
    frame = pd.DataFrame({"customer_id": ["a"], HOSTILE_HEADER: ["@SUM(1)"], "+x": ["-1+1"]})
    rows = _read(write_csv(frame, tmp_path / "out.csv"))
    assert rows[0] == ["customer_id", "'" + HOSTILE_HEADER, "'+x"]
    assert rows[1] == ["a", "'@SUM(1)", "'-1+1"]


def test_repeated_hostile_headers_keep_their_columns(tmp_path: Path) -> None:
    frame = pd.DataFrame([["=1", "=2"]], columns=["=h", "=h"])
    assert _read(write_csv(frame, tmp_path / "out.csv")) == [["'=h", "'=h"], ["'=1", "'=2"]]


@pytest.mark.parametrize(
    "value", ["+8613800000000", "+14155550123", "+vip@example.com", "-news@shop.example.cn"]
)
def test_valid_phones_and_emails_stay_verbatim(value: str) -> None:
    assert neutralize_formula_text(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "+1+1",
        "+1",
        "=1+1@x.com",
        "@SUM(1)",
        "-2",
        "+86 138 0000 0000",
        "+cmd|' /C calc'!A0",
        '=HYPERLINK("mailto:a@b.com")',
        "+a@b.com(1)",
        "\t+8613800000000",
    ],
)
def test_everything_else_that_starts_like_a_formula_is_text(value: str) -> None:
    assert neutralize_formula_text(value) == "'" + value


def test_sheet_names_follow_excels_rules() -> None:
    taken: set[str] = set()
    names = ["Lost\u0007", "History", "   ", "'quoted'", "\U0001f600" * 20, "a" * 40, "a" * 40]
    titles = [sheet_title(n, taken) for n in names]
    assert titles[0] == "Lost"
    assert titles[1].lower() != "history"
    assert titles[2] == "Sheet"
    assert titles[3] == "quoted"
    for title in titles:
        assert len(title.encode("utf-16-le")) // 2 <= 31
        assert title == title.strip() and not title.startswith("'") and not title.endswith("'")
        assert not any(ord(c) < 32 for c in title)
    assert len({t.lower() for t in titles}) == len(titles)


def test_workbook_with_control_characters_opens(tmp_path: Path) -> None:
    sheets = {
        "Bell\u0007": pd.DataFrame({"name\u0007": ["x\u0007y"]}),
        "Bell": pd.DataFrame({"a": [1]}),
        "History": pd.DataFrame({"a": [2]}),
    }
    path = write_xlsx(sheets, tmp_path / "out.xlsx")
    with zipfile.ZipFile(path) as z:
        assert all(b"\x07" not in z.read(n) for n in z.namelist())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Bell", "Bell (2)", "History sheet"]
    assert book["Bell"]["A2"].value == "xy"
