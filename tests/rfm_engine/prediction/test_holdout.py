"""The holdout check on the CDNOW sample: calibrate on the first 39 weeks, predict the next 39,
compared with lifetimes fitted on the same calibration data and with the purchase days counted
from the file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import CleaningRules, ColumnMap, Period, RfmConfig
from rfm_engine.prediction import analyze_with_predictions, summary_from_purchases

lifetimes = pytest.importorskip("lifetimes")

CALIBRATION_END = dt.date(1997, 9, 30)
SAMPLE_END = dt.date(1998, 6, 30)


def test_holdout_matches_lifetimes_and_the_counted_purchases(cdnow_orders):
    config = RfmConfig(
        columns=ColumnMap(customer="customer", date="date", amount="amount"),
        period=Period(as_of=SAMPLE_END),
        cleaning=CleaningRules(returns="keep", drop_duplicates=False),
    )
    _, prediction = analyze_with_predictions(cdnow_orders, config, validate=True, holdout_days=273)
    check = prediction.validation
    assert check.calibration_end == CALIBRATION_END
    assert check.customers == 2357

    later = cdnow_orders[cdnow_orders["date"] > str(CALIBRATION_END)]
    assert check.actual_total == len(later[["customer", "date"]].drop_duplicates())

    purchases = pd.DataFrame(
        {
            "customer_id": cdnow_orders["customer"],
            "date": pd.to_datetime(cdnow_orders["date"]),
            "amount": 1.0,
        }
    )
    early = purchases[purchases["date"] <= pd.Timestamp(CALIBRATION_END)]
    summary = summary_from_purchases(early, as_of=CALIBRATION_END)
    bgf = lifetimes.BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    expected = bgf.conditional_expected_number_of_purchases_up_to_time(
        39, summary["frequency"], summary["recency"], summary["T"]
    )
    assert check.predicted_total == pytest.approx(expected.sum(), rel=1e-4)
    assert check.by_frequency["customers"].sum() == 2357
    assert list(check.by_frequency["calibration_repeat_purchases"])[-1] == "7+"
    assert check.relative_error == pytest.approx(
        (check.predicted_total - check.actual_total) / check.actual_total
    )
