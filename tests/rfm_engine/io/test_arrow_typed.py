"""Typed fast paths checked in Arrow: where they fire they give exactly what the text parsers
give, and where any value would be read differently they do not fire."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from rfm_engine import ColumnMap, RfmConfig, analyze  # noqa: E402
from rfm_engine.aggregate.totals import money_units  # noqa: E402
from rfm_engine.io.arrow_typed import digit_id_codes, iso_days, plain_amounts  # noqa: E402
from rfm_engine.io.parsing import (  # noqa: E402
    factorize_text,
    parse_amounts,
    parse_dates,
    text_id_codes,
)


def arrow_series(values: list) -> pd.Series:
    """Text as the Arrow CSV reader leaves it: large strings, blanks missing."""
    return pa.chunked_array([pa.array(values, pa.large_string())]).to_pandas()


def text_series(values: list) -> pd.Series:
    """The same cells as Python objects: the text parsers' path."""
    return pd.Series(values, dtype=object)


def ids_per_row(values: pd.Series, **kw) -> list:
    codes, labels = text_id_codes(values, **kw)
    return [labels[c] if c >= 0 else None for c in codes]


def days(values: pd.Series) -> list[str]:
    return [str(d) for d in parse_dates(values, dayfirst=False).to_numpy()]  # NaT as text


def test_arrow_series_is_arrow_backed() -> None:
    assert getattr(arrow_series(["1"]).dtype, "storage", None) == "pyarrow"
    assert digit_id_codes(text_series(["1", "2"])) is None  # objects never take the path


@pytest.mark.parametrize(
    "cells",
    [
        ["17850", "12", None, "17850", "0", "-3"],
        ["100001", "100002", "100001"],
        ["9223372036854775807", "1", "5"],  # sparse: sorted, not counted
        ["-9223372036854775808", "10", "-10", "9", "-9", "100"],
        ["7"],
    ],
)
def test_digit_ids_fire_and_match_text(cells: list) -> None:
    fast = arrow_series(cells)
    assert digit_id_codes(fast) is not None
    assert ids_per_row(fast) == ids_per_row(text_series(cells))
    codes, labels = digit_id_codes(fast)
    assert [labels[c] if c >= 0 else None for c in codes] == cells
    # Distinctness only (order ids): equal cells equal codes, blank -1.
    only = text_id_codes(fast, labels=False)[0]
    assert (np.asarray(only) < 0).tolist() == [c is None for c in cells]
    assert len(set(only[np.asarray(only) >= 0])) == len({c for c in cells if c is not None})


@pytest.mark.parametrize(
    "odd",
    [
        "007",  # leading zeros are part of the id
        "+5",
        "-0",
        "-007",
        "00",
        " 12",
        "12 ",
        "12.0",
        "1e3",
        "NA",  # a missing marker
        "99999999999999999999",  # beyond 64 bits
        "١٢",  # Arabic-Indic digits
        "１２",  # full-width digits
        '="12"',  # spreadsheet armour
        "",
    ],
)
def test_digit_ids_do_not_fire_on_other_text(odd: str) -> None:
    cells = ["12", "13", odd, "12"]
    fast = arrow_series(cells)
    assert digit_id_codes(fast) is None
    assert ids_per_row(fast) == ids_per_row(text_series(cells))


@pytest.mark.parametrize(
    "cells",
    [
        ["2023-05-01", "2023-05-02", None],
        ["2023-05-01 13:45", "2023-05-01 23:59"],
        ["2023-05-01T13:45:07", "2011-12-09 12:50:00"],
        ["2023-05-01 13:45:07.250", "2023-05-01 00:00:00.000000001"],
        ["1950-03-04 10:00:00", "1969-12-31 23:59:59"],  # before 1970: floored to the day
        ["2150-01-01", "1800-06-30 12:00"],  # outside the plausible range, still read
        ["2023-05-01T13"],
    ],
)
def test_iso_dates_fire_and_match_text(cells: list) -> None:
    fast = arrow_series(cells)
    assert iso_days(fast) is not None
    assert days(fast) == days(text_series(cells))


@pytest.mark.parametrize(
    "odd",
    [
        "01/05/2023",  # day-first or month-first: decided by the text parser
        "05/30/2023",
        "2023-5-1",
        "2023/05/01",
        "20230501",
        "2023年5月1日",
        "2023-05-01Z",
        "2023-05-01T10:00:00+02:00",
        " 2023-05-01",
        "2023-05-01 ",
        "2023-02-30",  # no such day
        "2023-05-01 24:00:00",
        "0001-01-01",  # a placeholder beyond nanoseconds: clamped by the text path
        "9999-12-31",
        "NA",
        "-",
        "30 May 2023",
        "45000",  # an Excel serial number
    ],
)
def test_iso_dates_do_not_fire_on_other_text(odd: str) -> None:
    cells = ["2023-05-01 10:00:00", odd, "2023-05-03 11:00:00"]
    fast = arrow_series(cells)
    assert iso_days(fast) is None
    assert days(fast) == days(text_series(cells))


def amounts(values: pd.Series) -> list[str]:
    return [repr(float(v)) for v in parse_amounts(values).to_numpy()]  # exact, NaN as text


@pytest.mark.parametrize(
    "cells",
    [
        ["12.50", "-3", "0.5", None, "100", "19.83"],
        ["1e3", ".5", "5.", "+5", "-0.25"],
        ["0.1", "0.2", "0.30000000000000004", "123456789.123456"],
    ],
)
def test_plain_amounts_fire_and_match_text(cells: list) -> None:
    fast = arrow_series(cells)
    assert plain_amounts(fast) is not None
    got = [repr(float(v)) for v in plain_amounts(fast)]
    assert got == amounts(text_series(cells))


@pytest.mark.parametrize(
    "odd",
    [
        "1,234.50",  # thousands separator
        "12,5",  # decimal comma
        "1.234",  # a thousand or one and a bit: the column decides, with a warning
        "0.125",
        "$12",
        "¥12",
        "12 EUR",
        " 12",
        "12 ",
        "(12.50)",  # accounting negative
        "12-",
        "１２",
        "NA",
        "nan",
        "inf",
        "1e400",
        '="12"',
    ],
)
def test_plain_amounts_do_not_fire_on_other_text(odd: str) -> None:
    cells = ["12.50", odd, "3"]
    fast = arrow_series(cells)
    assert plain_amounts(fast) is None
    assert amounts(fast) == amounts(text_series(cells))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.sampled_from([0, 1, 2, 4, 6]).flatmap(
                lambda places: st.decimals(-(10**12), 10**12, places=places).map(str)
            ),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_amounts_match_the_text_parser_to_the_millionth(cells: list) -> None:
    fast = arrow_series(cells)
    assert amounts(fast) == amounts(text_series(cells))
    numbers = plain_amounts(fast)
    if numbers is not None:
        slow = parse_amounts(text_series(cells)).to_numpy()
        assert np.array_equal(money_units(numbers), money_units(slow), equal_nan=True)


_DIGITS = st.one_of(
    st.integers(-(10**6), 10**12).map(str),
    st.sampled_from(["0", "00", "007", "+1", " 5", "5 ", "NA", "1.0", "", "0x1"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), _DIGITS), min_size=1, max_size=40))
def test_ids_match_the_text_parser(cells: list) -> None:
    fast = arrow_series(cells)
    assert ids_per_row(fast) == ids_per_row(text_series(cells))
    coded = factorize_text(fast)
    assert ids_per_row(fast, factorized=coded) == ids_per_row(text_series(cells))


_STAMPS = st.datetimes(min_value=dt.datetime(1700, 1, 1), max_value=dt.datetime(2250, 12, 31))
_FORMATS = ["%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.tuples(_STAMPS, st.sampled_from(_FORMATS)).map(lambda t: t[0].strftime(t[1])),
            st.sampled_from(["NA", "2023-13-01", "2023-02-29", "2024-02-29 10:00"]),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_dates_match_the_text_parser(cells: list) -> None:
    assert days(arrow_series(cells)) == days(text_series(cells))


def test_analysis_identical_through_either_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole analysis over Arrow-backed text (fast paths) and over Python objects."""
    import rfm_engine.cleaning.column_prep as column_prep
    import rfm_engine.io.parsing as parsing

    fired: list[str] = []

    def spy(name, function):
        def wrapped(*args, **kwargs):
            out = function(*args, **kwargs)
            if out is not None:
                fired.append(name)
            return out

        return wrapped

    monkeypatch.setattr(column_prep, "iso_days", spy("dates", column_prep.iso_days))
    monkeypatch.setattr(parsing, "digit_id_codes", spy("ids", parsing.digit_id_codes))
    rng = np.random.default_rng(5)
    n = 3000
    cells = {
        "order": [str(100000 + i // 3) for i in range(n)],
        "customer": [str(rng.integers(1, 400)) for _ in range(n)],
        "date": [f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}:00" for i in range(n)],
        "amount": [f"{rng.integers(-50, 5000) / 100:.2f}" for _ in range(n)],
        "sku": [f"S{rng.integers(1, 30)}" for _ in range(n)],
    }
    frame = pd.DataFrame(cells)
    frame = pd.concat([frame, frame.iloc[::97]], ignore_index=True)  # repeated rows: rule 1
    frame = frame.astype(object)
    frame.loc[5, "customer"] = None
    config = RfmConfig(
        columns=ColumnMap(customer="customer", date="date", amount="amount", order="order")
    )
    arrow = pd.DataFrame({name: arrow_series(frame[name].tolist()) for name in frame})
    fast = analyze(arrow, config)
    assert {"dates", "ids"} <= set(fired)  # the fast paths ran
    fired.clear()
    slow = analyze(frame, config)
    assert not fired
    pd.testing.assert_frame_equal(fast.customers, slow.customers)
    assert fast.cleaning.rows_used == slow.cleaning.rows_used
    assert [s.rows for s in fast.cleaning.steps] == [s.rows for s in slow.cleaning.steps]


@pytest.mark.parametrize(
    "odd",
    [["1.234", "12.5"], ["1.234", "12,5"], ["NA", "n/a"], ["$5", "¥7"], ["1,234.50", "7"]],
)
def test_warnings_identical_through_either_path(odd: list) -> None:
    """Where an amount or date needs the text parser, both paths warn alike."""
    n = 60
    frame = pd.DataFrame(
        {
            "order": [str(1000 + i) for i in range(n)],
            "customer": [f"c{i % 9}" for i in range(n)],
            "date": ["2023-05-01 10:00:00"] * (n - 1) + ["NA"],
            "amount": [f"{i}.50" for i in range(n - 2)] + odd,
        },
        dtype=object,
    )
    config = RfmConfig(
        columns=ColumnMap(customer="customer", date="date", amount="amount", order="order")
    )
    arrow = pd.DataFrame({name: arrow_series(frame[name].tolist()) for name in frame})
    fast, slow = analyze(arrow, config), analyze(frame, config)
    pd.testing.assert_frame_equal(fast.customers, slow.customers)
    assert [(w.code, w.message) for w in fast.warnings] == [
        (w.code, w.message) for w in slow.warnings
    ]
    assert [s.rows for s in fast.cleaning.steps] == [s.rows for s in slow.cleaning.steps]


def test_markers_counted_by_arrow_as_by_python() -> None:
    """Distinct values' lengths counted in Arrow (from 1,000 values) find the same markers."""
    from rfm_engine.io.parsing import marker_uniques

    odd = ["NA", " n/a ", "#N/A", "null", "ＮＡ", "na\u3000", "-", "--", "(blank)", "nan"]
    odd += ["not available", "NAN NAN NAN NAN", "x" * 12, "é" * 13, "🙂" * 12, ""]
    values = [f"customer{i}@example.com" for i in range(1200)] + odd
    big = marker_uniques(pd.Series(values, dtype=object))
    small = pd.concat(  # under 1,000 values: counted by Python
        [marker_uniques(pd.Series(values[i : i + 500], dtype=object)) for i in range(0, 1216, 500)]
    )
    assert big.tolist() == small.tolist()
    assert big.iloc[-len(odd) :].any()


@pytest.mark.parametrize(
    "odd",
    [[], ["12", " 12"], ['="12"', "12"], ["NA", "n/a"], ["C536379", "c536379"]],
)
def test_order_codes_from_arrow_uniques_match_the_text_path(odd: list) -> None:
    """Order ids coded from distinct values left in Arrow (no labels wanted) tell apart the
    same rows as the text path: armour and blanks around ids merge, markers are blank."""
    cells = [f"A{i % 700}" for i in range(3000)] + odd + [None]
    fast, _ = text_id_codes(
        arrow_series(cells),
        labels=False,
        factorized=factorize_text(arrow_series(cells), objects=False),
    )
    slow, _ = text_id_codes(text_series(cells), labels=False)

    def partition(codes):  # each row's first row with the same code
        first: dict[int, int] = {}
        return [None if c < 0 else first.setdefault(c, i) for i, c in enumerate(codes)]

    assert partition(fast) == partition(slow)
