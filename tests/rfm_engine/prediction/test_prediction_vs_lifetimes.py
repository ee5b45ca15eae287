"""Our summary, fits and per-customer predictions against lifetimes (an independent
implementation: autograd likelihoods, its own summary code), to 1e-6 relative."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from rfm_engine.prediction import PredictionOptions, summary_from_purchases
from rfm_engine.prediction.forecast import forecast

CALIBRATION_END = dt.date(1997, 9, 30)  # end of the 39-week calibration period

lifetimes = pytest.importorskip("lifetimes")


def _purchases(orders: pd.DataFrame, end: dt.date) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "customer_id": orders["customer"],
            "date": pd.to_datetime(orders["date"]),
            "amount": orders["amount"].astype(float),
        }
    )
    return frame[frame["date"] <= pd.Timestamp(end)]


@pytest.fixture(scope="module")
def calibration(cdnow_orders):
    purchases = _purchases(cdnow_orders, CALIBRATION_END)
    return purchases, summary_from_purchases(purchases, as_of=CALIBRATION_END)


def test_summary_equals_lifetimes_summary(calibration):
    from lifetimes.utils import summary_data_from_transaction_data

    purchases, ours = calibration
    theirs = summary_data_from_transaction_data(
        purchases,
        "customer_id",
        "date",
        monetary_value_col="amount",
        observation_period_end=str(CALIBRATION_END),
        freq="D",
    )
    theirs = theirs.reindex(ours.index)
    assert (ours["frequency"].to_numpy() == theirs["frequency"].to_numpy()).all()
    np.testing.assert_allclose(ours["recency"] * 7, theirs["recency"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(ours["T"] * 7, theirs["T"], rtol=0, atol=1e-9)
    repeat = ours["frequency"] > 0
    np.testing.assert_allclose(
        ours["monetary_value"][repeat], theirs["monetary_value"][repeat], rtol=1e-12
    )


def test_fits_agree_with_lifetimes(calibration):
    _, summary = calibration
    ours = forecast(summary, as_of=CALIBRATION_END)
    bgf = lifetimes.BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    for name, value in ours.bgnbd.params.to_dict().items():
        assert value == pytest.approx(bgf.params_[name], rel=1e-4), name
    repeat = summary[summary["frequency"] > 0]
    ggf = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    theirs = {"p": ggf.params_["p"], "q": ggf.params_["q"], "gamma": ggf.params_["v"]}
    for name, value in ours.gamma_gamma.params.to_dict().items():
        assert value == pytest.approx(theirs[name], rel=1e-4), name


def test_per_customer_predictions_agree_to_1e_6(calibration):
    _, summary = calibration
    options = PredictionOptions(horizons_days=(90, 365))
    ours = forecast(summary, as_of=CALIBRATION_END, options=options).customers
    result = forecast(summary, as_of=CALIBRATION_END, options=options)
    bgf = lifetimes.BetaGeoFitter()
    bgf.params_ = pd.Series(result.bgnbd.params.to_dict())
    ggf = lifetimes.GammaGammaFitter()
    gg = result.gamma_gamma.params
    ggf.params_ = pd.Series({"p": gg.p, "q": gg.q, "v": gg.gamma})
    x, t_x, T = summary["frequency"], summary["recency"], summary["T"]

    alive = bgf.conditional_probability_alive(x, t_x, T)
    np.testing.assert_allclose(ours["p_alive"], alive, rtol=1e-6)
    for days in (90, 365):
        expected = bgf.conditional_expected_number_of_purchases_up_to_time(days / 7, x, t_x, T)
        np.testing.assert_allclose(ours[f"expected_purchases_{days}d"], expected, rtol=1e-6)
    spend = ggf.conditional_expected_average_profit(x, summary["monetary_value"].fillna(0))
    np.testing.assert_allclose(ours["expected_spend"], spend, rtol=1e-6)
    np.testing.assert_allclose(
        ours["expected_revenue_365d"],
        spend * bgf.conditional_expected_number_of_purchases_up_to_time(365 / 7, x, t_x, T),
        rtol=1e-6,
    )
    # One-time buyers: spend from the population prior p·γ/(q−1).
    once = (x == 0).to_numpy()
    np.testing.assert_allclose(ours["expected_spend"][once], gg.p * gg.gamma / (gg.q - 1))


def test_discounted_revenue_sums_discounted_monthly_purchases(calibration):
    _, summary = calibration
    options = PredictionOptions(horizons_days=(90, 365), monthly_discount=0.01)
    result = forecast(summary, as_of=CALIBRATION_END, options=options)
    bgf = lifetimes.BetaGeoFitter()
    bgf.params_ = pd.Series(result.bgnbd.params.to_dict())
    x, t_x, T = summary["frequency"], summary["recency"], summary["T"]
    month = 365.25 / 12
    for horizon in (90, 365):
        total, before, k = 0.0, 0.0, 1
        while (k - 1) * month < horizon:
            end = min(k * month, horizon)
            now = bgf.conditional_expected_number_of_purchases_up_to_time(end / 7, x, t_x, T)
            total = total + (now - before) / 1.01 ** (end / month)
            before, k = now, k + 1
        np.testing.assert_allclose(
            result.customers[f"expected_revenue_{horizon}d"],
            result.customers["expected_spend"].to_numpy() * total,
            rtol=1e-6,
        )
        undiscounted = (
            result.customers["expected_spend"] * result.customers[f"expected_purchases_{horizon}d"]
        )
        assert (result.customers[f"expected_revenue_{horizon}d"] < undiscounted).all()
