"""RFM.PREDICT and RFM.PREDICT_INFO called as Excel calls them: the CDNOW sample (from the
installed lifetimes package; skipped without it) against the published parameters and the
engine, and the warnings shown below the table."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import ColumnMap, Period, RfmConfig
from rfm_engine.prediction import PredictionOptions, analyze_with_predictions

EPOCH = dt.date(1899, 12, 30)


@pytest.fixture(scope="module")
def cdnow_rows():
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or spec.origin is None:
        pytest.skip("the lifetimes package (with its CDNOW sample) is not installed")
    raw = pd.read_csv(
        Path(spec.origin).parent / "datasets" / "CDNOW_sample.txt",
        sep=r"\s+",
        header=None,
        dtype={1: str, 2: str},
    )
    days = pd.to_datetime(raw[2], format="%Y%m%d").dt.date
    rows = [
        [c, float((d - EPOCH).days), float(a)] for c, d, a in zip(raw[1], days, raw[4], strict=True)
    ]
    return [["Customer", "Date", "Amount"], *rows]


def test_predict_info_gives_the_published_parameters(excel, cdnow_rows):
    info = excel("predict_info", cdnow_rows, [[serial(dt.date(1997, 9, 30))]])
    values = dict((row[0], row[1]) for row in info[1:] if row[0] != "warning")
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert values[f"bgnbd.{name}"] == pytest.approx(value, rel=0.01)
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert values[f"gamma_gamma.{name}"] == pytest.approx(value, rel=0.01)
    assert values["time_unit"] == "weeks"
    assert any(row[0] == "warning" for row in info)


def test_predict_spills_the_engine_numbers_then_the_warnings(excel, cdnow_rows):
    table = excel("predict", cdnow_rows, None, [[30]], [[0.01]])
    header = table[0]
    assert header[:4] == ["customer_id", "segment_name", "p_alive", "likely_lost"]
    assert "expected_revenue_30d" in header
    blank = table.index([""] * len(header))  # Excel gets empty cells as ""
    body = pd.DataFrame(table[1:blank], columns=header)
    warnings = [row[-1] for row in table[blank + 1 :]]  # in the last column, reading on
    assert warnings and all(w.startswith("warning: ") for w in warnings)

    frame = pd.DataFrame(
        {
            "customer": [r[0] for r in cdnow_rows[1:]],
            "date": [EPOCH + dt.timedelta(days=int(r[1])) for r in cdnow_rows[1:]],
            "amount": [r[2] for r in cdnow_rows[1:]],
        }
    ).astype({"date": str, "amount": str})
    config = RfmConfig(
        columns=ColumnMap(customer="customer", date="date", amount="amount"), period=Period()
    )
    options = PredictionOptions(horizons_days=(30,), monthly_discount=0.01)
    _, engine = analyze_with_predictions(frame, config, options)
    expected = engine.customers.set_index("customer_id")
    got = body.set_index("customer_id").reindex(expected.index)
    for column in ("p_alive", "expected_purchases_30d", "expected_revenue_30d"):
        pd.testing.assert_series_equal(
            got[column].astype(float), expected[column], check_names=False, rtol=1e-12
        )


def test_too_little_data_is_said_below_the_table(excel):
    # a: 2024-01-01 and 2024-01-11 -> next order expected 2024-01-21 from its own 10-day gap.
    rows = [["Customer", "Date", "Amount"], ["a", 45292.0, 10.0], ["a", 45302.0, 5.0]]
    table = excel("predict", rows)
    row = dict(zip(table[0], table[1], strict=True))
    assert row["customer_id"] == "a" and row["p_alive"] == ""
    assert row["next_order_date"] == serial(dt.date(2024, 1, 21))
    assert row["next_order_basis"] == "own_gaps"
    assert table[2] == [""] * len(table[0])
    lines = [r[-1] for r in table[3:]]
    assert all(r[:-1] == [""] * (len(r) - 1) for r in table[3:])
    # The analysis' warnings first (one customer: every axis has ties), then the models'.
    assert [line.split(":")[:2] for line in lines[:3]] == [
        ["warning", f" {axis}"] for axis in ("recency", "frequency", "monetary")
    ]
    assert all("ties leave scores" in line for line in lines[:3])
    assert lines[3].startswith("warning: only 1 of 1 customers bought on more than one day")
    info = excel("predict_info", rows)
    assert [r[1] for r in info if r[0] == "warning"] == [line[len("warning: ") :] for line in lines]


def serial(day: dt.date) -> float:
    return float((day - EPOCH).days)
