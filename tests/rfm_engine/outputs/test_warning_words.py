"""Warnings in the user's language (:mod:`rfm_engine.outputs.warning_words`): every code the
engine registers has a sentence in 简体中文 and 繁體中文, its evidence is worded beside it, and
a report in Chinese shows no English line for a warning."""

from __future__ import annotations

import html
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import rfm_engine
from rfm_engine import ColumnMap, RfmConfig, analyze
from rfm_engine.notes import RfmWarning
from rfm_engine.outputs import WARNING_SENTENCES, report_page, warning_text

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
REPO = Path(__file__).resolve().parents[3]


def _registered_codes() -> set[str]:
    for info in pkgutil.walk_packages(rfm_engine.__path__, "rfm_engine."):
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional library not installed
            continue
    from rfm_engine.notes import WARNINGS

    return set(WARNINGS)


def test_every_registered_code_has_a_sentence_in_every_language() -> None:
    codes = _registered_codes()
    assert {"quantile_ties", "decimal_separator", "key_fallback"} <= codes
    assert sorted(codes - set(WARNING_SENTENCES)) == []


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_chinese_words_show_no_english_but_the_users_data(lang: str) -> None:
    for code in WARNING_SENTENCES:
        text = warning_text(RfmWarning(code, "english line", evidence={}), lang)
        assert "english" not in text and LATIN_WORD.findall(text) == [], (code, text)
    warning = RfmWarning(
        "decimal_separator",
        "amount: ',' read as the decimal separator",
        evidence={"column": "实付金额", "separator": ",", "comma_examples": ["12,50", "3,75"]},
    )
    lines = warning_text(warning, lang).split("\n")
    assert lines[0] == WARNING_SENTENCES["decimal_separator"][1 if lang == "zh_CN" else 2]
    assert any("实付金额" in line for line in lines) and any("12,50" in line for line in lines)
    assert warning_text(warning, "en") == warning.message


def test_a_chinese_report_words_its_warnings(tmp_path: Path) -> None:
    sample = REPO / "resources" / "sample" / "sample_orders.csv"
    result = analyze(sample, RfmConfig(lang="zh_CN"))
    assert any(w.code == "quantile_ties" for w in result.warnings)
    page, _ = report_page(result)
    for warning in result.warnings:
        assert html.escape(warning.message) not in page
        assert html.escape(warning_text(warning, "zh_CN").split("\n")[0]) in page


def test_a_chinese_report_words_a_messy_exports_warnings(tmp_path: Path) -> None:
    path = tmp_path / "订单.csv"
    rows = ["买家,付款时间,实付金额"] + [
        f'{"NA" if i % 7 == 0 else f"会员{i % 5}"},2024-03-{i % 28 + 1:02d},"{i},50"'
        for i in range(60)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    columns = ColumnMap(customer="买家", date="付款时间", amount="实付金额")
    result = analyze(path, RfmConfig(columns=columns, lang="zh_CN"))
    codes = {w.code for w in result.warnings}
    assert "missing_markers" in codes and len(codes - {"quantile_ties"}) >= 2, codes
    page, _ = report_page(result)
    for warning in result.warnings:
        assert html.escape(warning.message) not in page
        for line in warning_text(warning, "zh_CN").split("\n"):
            assert html.escape(line) in page
