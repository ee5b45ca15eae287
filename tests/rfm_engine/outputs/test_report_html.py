"""The HTML report: self-contained, the key figures, actions, charts and tables of a result."""

from __future__ import annotations

import re

import pytest

from resources import sample_orders_path
from rfm_engine import OutputFileError, RfmConfig, analyze
from rfm_engine.outputs import result_charts, write_html_report


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
        assert warning.message in html


def test_refuses_an_input_file(tmp_path, result_zh):
    source = tmp_path / "orders.html"
    source.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputFileError):
        write_html_report(result_zh, source, inputs=[source])
    assert source.read_text(encoding="utf-8") == "mine"
