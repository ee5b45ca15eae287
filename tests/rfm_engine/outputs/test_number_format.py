"""Numbers as people read them: separators, k/M and 万/亿, currency, round ticks."""

from __future__ import annotations

import pytest

from rfm_engine.outputs import number_format as nf


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (3822520.39, "en", "3.82M"),
        (3822520.39, "zh_CN", "382万"),
        (3822520.39, "zh_TW", "382萬"),
        (123456789, "zh_CN", "1.23亿"),
        (1098975, "en", "1.1M"),
        (12345, "en", "12.3k"),
        (999, "en", "999"),
        (24.9123, "en", "24.9"),
        (0, "en", "0"),
        (-45800, "en", "-45.8k"),
    ],
)
def test_compact(value, lang, text):
    assert nf.compact(value, lang) == text


def test_money_and_grouping():
    assert nf.money(3822520.39, "GBP") == "£3,822,520"
    assert nf.money(3822520.39, "CNY", "zh_CN", short=True) == "¥382万"
    assert nf.money(55.4747, "USD") == "$55.47"
    assert nf.money(-12.5, "") == "-12.50"
    assert nf.grouped(1234567.8) == "1,234,568"
    assert nf.percent(0.2942) == "29.4%"


def test_nice_ticks_are_round_and_cover_the_range():
    assert nf.nice_ticks(0, 638, 3) == [0, 250, 500, 750]
    assert nf.nice_ticks(0, 638, 4) == [0, 200, 400, 600, 800]
    assert nf.nice_ticks(0, 2197950, 5) == [0, 500000, 1000000, 1500000, 2000000, 2500000]
    assert nf.nice_ticks(0, 1.0, 4) == [0, 0.25, 0.5, 0.75, 1.0]
    assert nf.log_ticks(3, 900) == [5, 10, 20, 50, 100, 200, 500]
    assert nf.log_ticks(0.5, 50000) == [1, 10, 100, 1000, 10000]


def test_tick_labels_never_repeat():
    ticks = [1.0, 1.25, 1.5, 1.75, 2.0]
    labels = nf.tick_labels(ticks, lambda v, d: nf.compact(v, digits=d))
    assert labels == ["1", "1.25", "1.5", "1.75", "2"]
    assert len(set(labels)) == len(labels)


def test_guess_currency_says_why():
    assert nf.guess_currency(["实付金额(元)"]) == ("CNY", "column '实付金额(元)'")
    assert nf.guess_currency(["买家实际支付金额", None])[0] == "CNY"
    assert nf.guess_currency(["Total (GBP)"])[0] == "GBP"
    code, reason = nf.guess_currency(["UnitPrice", "Quantity"])
    assert code == "" and "no currency" in reason
