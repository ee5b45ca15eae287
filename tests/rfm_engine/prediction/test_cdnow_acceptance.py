"""Acceptance: the published maximum-likelihood values on the CDNOW sample.

BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426 (Fader, Hardie & Lee 2005, time in weeks);
Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie 2013).
The literature counts every row as a purchase (8 rows of $0.00 and 21 repeated rows included),
so the run keeps non-positive amounts and repeated rows; ``as_of`` is the last calibration day.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from rfm_engine import CleaningRules, ColumnMap, Period, RfmConfig
from rfm_engine.prediction import analyze_with_predictions

CALIBRATION_END = dt.date(1997, 9, 30)  # end of the 39-week calibration period

LITERATURE = RfmConfig(
    columns=ColumnMap(customer="customer", date="date", amount="amount"),
    period=Period(as_of=CALIBRATION_END),
    cleaning=CleaningRules(returns="keep", drop_duplicates=False),
)


@pytest.fixture(scope="module")
def cdnow_run(cdnow_orders: pd.DataFrame):
    return analyze_with_predictions(cdnow_orders, LITERATURE)


def test_bgnbd_parameters_match_the_published_values(cdnow_run):
    _, prediction = cdnow_run
    got = prediction.bgnbd.params.to_dict()
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert got[name] == pytest.approx(value, rel=0.01), name
    # The paper's maximised log-likelihood, -9582.4.
    assert prediction.bgnbd.diagnostics.log_likelihood == pytest.approx(-9582.4, abs=0.1)
    assert prediction.bgnbd.diagnostics.converged


def test_gamma_gamma_parameters_match_the_published_values(cdnow_run):
    _, prediction = cdnow_run
    assert prediction.gamma_gamma.diagnostics.customers == 946
    got = prediction.gamma_gamma.params.to_dict()
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert got[name] == pytest.approx(value, rel=0.01), name


def test_summary_matches_the_published_customer_table(cdnow_run, published_summary):
    _, prediction = cdnow_run
    ours = prediction.summary.reindex(published_summary.index)
    assert len(prediction.summary) == len(published_summary) == 2357
    assert (ours["frequency"].to_numpy() == published_summary["x"].to_numpy()).all()
    # The published table rounds weeks and dollars to 2 decimals.
    np.testing.assert_allclose(ours["recency"], published_summary["t_x"], atol=0.005 + 1e-9)
    np.testing.assert_allclose(ours["T"], published_summary["T"], atol=0.005 + 1e-9)
    repeat = published_summary["x"] > 0
    np.testing.assert_allclose(
        ours["monetary_value"][repeat], published_summary["zbar"][repeat], atol=0.005 + 1e-9
    )


def test_the_day_after_as_the_end_moves_a_by_about_three_percent(cdnow_orders):
    import dataclasses

    config = dataclasses.replace(LITERATURE, period=Period(as_of=CALIBRATION_END))
    later = dataclasses.replace(
        config, period=Period(as_of=CALIBRATION_END + pd.Timedelta(days=1).to_pytimedelta())
    )
    _, on_the_day = analyze_with_predictions(cdnow_orders, config)
    _, day_after = analyze_with_predictions(cdnow_orders, later)
    shift = day_after.bgnbd.params.a / on_the_day.bgnbd.params.a - 1
    assert 0.01 < abs(shift) < 0.05
    assert day_after.as_of.isoformat() == "1997-10-01"


def test_segments_add_up_to_the_customers(cdnow_run):
    result, prediction = cdnow_run
    segments = prediction.segments
    assert segments["customers"].sum() == len(result.customers) == 2357
    assert segments["likely_lost"].sum() == int(prediction.customers["likely_lost"].sum())
    for h in (90, 365):
        column = f"expected_revenue_{h}d"
        assert segments[column].sum() == pytest.approx(prediction.customers[column].sum())
    # Each customer's own segment, summed by hand.
    merged = prediction.customers.merge(result.customers[["customer_id", "segment"]])
    by_hand = merged.groupby("segment")["expected_purchases_90d"].sum()
    np.testing.assert_allclose(
        segments.set_index("segment")["expected_purchases_90d"].reindex(by_hand.index), by_hand
    )
