"""Value parsing: ids as text, dates in every documented shape, amounts in every notation."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from rfm_engine import DataError
from rfm_engine.io.parsing import parse_amounts, parse_dates, strip_armour, to_text_ids


def test_armour_is_stripped() -> None:
    raw = pd.Series(['="21407300627014900"', "'9980311896380", "\t3623001234567890", " 00123 "])
    assert list(strip_armour(raw)) == [
        "21407300627014900",
        "9980311896380",
        "3623001234567890",
        "00123",
    ]


def test_ids_stay_text() -> None:
    got = to_text_ids(pd.Series(["00123", "21407300627014900 ", None, "7"], dtype=object))
    assert got.iloc[[0, 1, 3]].tolist() == ["00123", "21407300627014900", "7"]
    assert pd.isna(got.iloc[2])
    floats = to_text_ids(pd.Series([12346.0, np.nan, 17850.0]))
    assert floats.iloc[[0, 2]].tolist() == ["12346", "17850"] and pd.isna(floats.iloc[1])


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2017-05-30", "2017-05-30"),
        ("2017-05-30T23:18:00+08:00", "2017-05-30"),
        ("2017/5/30 23:18", "2017-05-30"),
        ("2017年5月30日", "2017-05-30"),
        ("2017年5月30日 23时18分", "2017-05-30"),
        ("20170530", "2017-05-30"),
        ("42885", "2017-05-30"),
        ("42885.97", "2017-05-30"),
        ("2026-04-05 21:06:21 +0400", "2026-04-05"),
        ("30 May 2017", "2017-05-30"),
        ("２０１７/５/３０", "2017-05-30"),
    ],
)
def test_unambiguous_dates(text: str, day: str) -> None:
    assert parse_dates(pd.Series([text])).iloc[0] == pd.Timestamp(day)


def test_excel_serials_and_datetimes_as_values() -> None:
    values = pd.Series([42885.5, dt.datetime(2017, 5, 30, 23, 18)], dtype=object)
    assert list(parse_dates(values)) == [pd.Timestamp("2017-05-30")] * 2


def test_day_first_detected_from_the_data() -> None:
    got = parse_dates(pd.Series(["30/05/2017", "03/04/2017"]))
    assert list(got) == [pd.Timestamp("2017-05-30"), pd.Timestamp("2017-04-03")]


def test_month_first_detected_from_the_data() -> None:
    got = parse_dates(pd.Series(["05/30/2017", "03/04/2017"]))
    assert list(got) == [pd.Timestamp("2017-05-30"), pd.Timestamp("2017-03-04")]


def test_ambiguous_dates_are_refused_not_guessed() -> None:
    with pytest.raises(DataError, match="day-first or month-first") as caught:
        parse_dates(pd.Series(["03/04/2017", "05/06/2017"]), column="Date")
    assert caught.value.column == "Date"
    assert list(parse_dates(pd.Series(["03/04/2017"]), dayfirst=True)) == [
        pd.Timestamp("2017-04-03")
    ]


def test_mixed_orders_are_refused() -> None:
    with pytest.raises(DataError, match="mix"):
        parse_dates(pd.Series(["30/05/2017", "05/30/2017"]))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("¥58.51", 58.51),
        ("￥58.51", 58.51),
        ("$1,234.50", 1234.5),
        ("€ 1.234,50", 1234.5),
        ("£12", 12.0),
        ("HK$88.00", 88.0),
        ("RMB 1,000", 1000.0),
        ("123.45元", 123.45),
        ("12,50", 12.5),
        ("(12.50)", -12.5),
        ("12.50-", -12.5),
        ("-$5.00", -5.0),
        ("１２３．５０", 123.5),
        ("1 234,56", 1234.56),
        ('="58.51"', 58.51),
        ("abc", np.nan),
        ("", np.nan),
    ],
)
def test_amounts(text: str, value: float) -> None:
    got = parse_amounts(pd.Series([text], dtype=object)).iloc[0]
    if np.isnan(value):
        assert np.isnan(got)
    else:
        assert got == pytest.approx(value)


def test_blanks_are_pythons() -> None:
    """The blanks Arrow's check looks for are exactly those Python strips."""
    from rfm_engine.io.parsing import BLANKS

    assert set(BLANKS) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


TRICKY_IDS = [
    "a", "ab", "a b", "=x", "'x", " x", "x ", "\u3000x", "x\u3000", "x\n", "\nx", "x\u00a0",
    "x\x1f", "x=", "x'", "张三", "张 三", "=", "'", " ", "", "a\nb", "\u200bx", "x\u200b",
    '="123"', "12.0", "00123",
]  # fmt: skip


@pytest.mark.parametrize("value", TRICKY_IDS)
def test_plain_check_in_arrow_agrees_with_python(value: str) -> None:
    """Arrow's RE2 check (fast path) and Python's regular expression give the same answer,
    so ids come out the same either way."""
    from rfm_engine.io.parsing import _PLAIN, _all_plain

    text = pd.Series(["x1", value], dtype="string")
    assert _all_plain(text) == bool(text.str.fullmatch(_PLAIN).all())


def test_text_ids_fast_path_matches_the_general_one() -> None:
    """Plain text ids (fast path: no per-value Python) and the same ids beside one that needs
    stripping (general path) give each row the same id; blanks are missing either way."""

    def ids(series: pd.Series) -> list:
        return [None if pd.isna(v) else v for v in series.astype(object)]

    values = pd.Series(["b@x.example", "a@x.example", None, "b@x.example", "c"] * 3, dtype=object)
    plain = to_text_ids(values)
    general = to_text_ids(pd.concat([values, pd.Series([" c ", ""])], ignore_index=True))
    assert ids(plain)[:5] == ["b@x.example", "a@x.example", None, "b@x.example", "c"]
    assert ids(general) == [*ids(plain), "c", None]
