"""The HTML report: self-contained, the key figures, actions, charts and tables of a result."""

from __future__ import annotations

import re

import pytest

from resources import sample_orders_path
from rfm_engine import OutputFileError, RfmConfig, analyze
from rfm_engine.outputs import result_charts, warning_text, write_html_report


@pytest.fixture(scope="module")
def result_zh():
    return analyze([sample_orders_path()], RfmConfig(lang="zh_CN"))


def test_self_contained_and_in_the_results_language(tmp_path, result_zh):
    path = write_html_report(result_zh, tmp_path / "r.html", currency="CNY", sources=["s.csv"])
    html = path.read_text(encoding="utf-8")
    # nothing to fetch: no script, no link, no external image or font
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert re.findall(r"https?://[^\"' ]+", html) == ["http://www.w3.org/2000/svg"] * html.count(
        "<svg"
    )
    assert html.count("<svg") == 7  # treemap, 2 bar charts, R×F, 3 distributions
    assert "客户分群报告" in html and "立即行动" in html and "分档阈值" in html
    assert "购买频次（F）</td><td>分位数</td>" in html  # the cut points table
    assert "<td>金额为零或负数（退货、取消、赠品）</td><td class=n>216</td>" in html  # cleaning
    for action in result_zh.summary["action"]:
        assert action in html
    ov = result_charts.overview(result_zh)
    assert f"{ov.customers:,}" in html
    assert "¥" + f"{ov.revenue / 10000:.3g}万" in html
    assert "e+0" not in html


def test_warnings_are_shown(tmp_path, result_zh):
    assert any(w.code == "quantile_ties" for w in result_zh.warnings)
    html = write_html_report(result_zh, tmp_path / "r.html").read_text(encoding="utf-8")
    for warning in result_zh.warnings:
        assert warning_text(warning, "zh_CN") in html
    # in the report's language, from the warning's evidence
    assert "购买频次（F）：许多客户的值相同，分位数阈值使 5 档中的分值 2, 3 无人使用" in html
    assert "固定阈值 2, 3, 4, 5 可用上 5 个分值。" in html


def test_warning_text_words_the_evidence(result_zh):
    tie = next(w for w in result_zh.warnings if w.code == "quantile_ties")
    assert warning_text(tie, "en") == (
        "Frequency (F): many customers share the same values, so quantile cut points leave "
        "scores 2, 3 of 5 unused (16 distinct values). Fixed thresholds 2, 3, 4, 5 would use "
        "5 scores."
    )
    assert tie.evidence["distinct_values"] == 16


def test_refuses_an_input_file(tmp_path, result_zh):
    source = tmp_path / "orders.html"
    source.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputFileError):
        write_html_report(result_zh, source, inputs=[source])
    assert source.read_text(encoding="utf-8") == "mine"


def test_every_cleaning_rule_has_words_in_each_language():
    from rfm_engine.cleaning.report import RULES
    from rfm_engine.outputs.report_labels import LABELS

    for key, (_rule, description) in RULES.items():
        assert LABELS[f"rule_{key}"][0] == description
        assert all(LABELS[f"rule_{key}"])
