"""Honest limits as data: too few repeat buyers, a history shorter than the horizon, one-time
buyers' spend from the prior; next order dates from a customer's own gaps without a model."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from rfm_engine import ColumnMap, ConfigError, RfmConfig
from rfm_engine.prediction import PredictionOptions, analyze_with_predictions

COLUMNS = RfmConfig(columns=ColumnMap(customer="customer", date="date", amount="amount"))


def _orders(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", "date", "amount"]).astype({"amount": str})


def _codes(prediction) -> set[str]:
    return {w.code for w in prediction.warnings}


def test_without_enough_repeat_buyers_no_model_and_dates_from_own_gaps():
    orders = _orders(
        [
            ("A", "2024-01-01", 10),
            ("A", "2024-01-11", 10),
            ("A", "2024-01-21", 10),
            ("B", "2024-01-05", 20),
            ("C", "2024-01-02", 5),
            ("C", "2024-01-16", 5),
        ]
    )
    _, prediction = analyze_with_predictions(orders, COLUMNS)
    assert "model_not_fitted" in _codes(prediction)
    assert prediction.bgnbd is None and prediction.gamma_gamma is None
    table = prediction.customers.set_index("customer_id")
    assert table["p_alive"].isna().all()
    assert table["expected_revenue_90d"].isna().all()
    assert not table["likely_lost"].any()
    # A: every 10 days, last on the 21st -> 31st. C: one gap of 14 days -> 30th (overdue
    # against as_of 2024-01-22 is fine: it says when the order was due). B: no gaps.
    assert table.loc["A", "next_order_date"] == pd.Timestamp("2024-01-31")
    assert table.loc["C", "next_order_date"] == pd.Timestamp("2024-01-30")
    assert pd.isna(table.loc["B", "next_order_date"])
    assert list(table["next_order_basis"]) == ["own_gaps", "", "own_gaps"]
    assert prediction.totals()["expected_revenue_90d"] is None
    json.dumps(prediction.to_dict())  # no NaN reaches JSON


def _repeat_buyers(n: int, days: int = 400) -> pd.DataFrame:
    """n customers with 2-4 purchases spread over ``days`` days, plus 2n one-time buyers."""
    rng = np.random.default_rng(7)
    start = dt.date(2023, 1, 1)
    rows = []
    for i in range(n):
        for d in sorted(rng.choice(days, size=2 + i % 3, replace=False)):
            rows.append((f"R{i}", str(start + dt.timedelta(days=int(d))), 10 + i % 7))
    for i in range(2 * n):
        rows.append((f"O{i}", str(start + dt.timedelta(days=int(rng.integers(days)))), 15))
    return _orders(rows)


def test_few_repeat_buyers_and_short_history_are_warned():
    _, prediction = analyze_with_predictions(_repeat_buyers(40, days=200), COLUMNS)
    codes = _codes(prediction)
    assert {"few_repeat_buyers", "history_shorter_than_horizon"} <= codes
    few = next(w for w in prediction.warnings if w.code == "few_repeat_buyers")
    assert few.evidence == {"repeat_buyers": 40, "recommended": 300}
    assert few.option == "prediction.min_repeat_buyers"
    assert few.stage == "prediction"
    short = next(w for w in prediction.warnings if w.code == "history_shorter_than_horizon")
    assert short.evidence["horizons_days"] == [365]
    assert prediction.bgnbd is not None
    assert prediction.customers["p_alive"].between(0, 1).all()


def test_one_time_buyers_spend_from_the_prior_is_warned_with_the_count():
    _, prediction = analyze_with_predictions(_repeat_buyers(40), COLUMNS)
    warning = next(w for w in prediction.warnings if w.code == "one_time_buyers_spend_from_prior")
    assert warning.evidence == {"one_time_buyers": 80}
    once = prediction.summary["frequency"].to_numpy() == 0
    spend = prediction.customers["expected_spend"].to_numpy()
    gg = prediction.gamma_gamma.params
    np.testing.assert_allclose(spend[once], gg.p * gg.gamma / (gg.q - 1))
    assert "history_shorter_than_horizon" not in _codes(prediction)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("horizons_days", ()),
        ("horizons_days", (0,)),
        ("horizons_days", (90, 90)),
        ("monthly_discount", 1.5),
        ("lost_below", 0),
    ],
)
def test_bad_options_are_config_errors(field, value):
    with pytest.raises(ConfigError) as info:
        PredictionOptions(**{field: value})
    assert info.value.option == f"prediction.{field}"


def test_importing_the_engine_and_the_prediction_package_does_not_import_scipy():
    code = "import sys, rfm_engine, rfm_engine.prediction; print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_spend_that_grows_with_frequency_is_warned_with_the_correlation():
    from rfm_engine.prediction.forecast import forecast

    rng = np.random.default_rng(5)
    n = 400
    x = rng.integers(1, 10, n)
    summary = pd.DataFrame(
        {
            "frequency": np.r_[x, np.zeros(n, dtype=int)],
            "recency": np.r_[rng.uniform(5, 50, n), np.zeros(n)],
            "T": np.r_[np.full(n, 52.0), np.full(n, 52.0)],
            "monetary_value": np.r_[10.0 * x * rng.uniform(0.9, 1.1, n), np.full(n, np.nan)],
        },
        index=pd.Index([f"c{i}" for i in range(2 * n)], name="customer_id"),
    )
    result = forecast(summary, as_of=dt.date(2024, 1, 1))
    warning = next(w for w in result.warnings if w.code == "spend_depends_on_frequency")
    expected = np.corrcoef(x, summary["monetary_value"][:n])[0, 1]
    assert warning.evidence["correlation"] == pytest.approx(expected, abs=1e-4)
    assert expected > 0.9
