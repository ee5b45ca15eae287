"""A real shop export (UCI Online Retail, ../shared/datasets; skipped when absent): the
prediction covers exactly the customers of the RFM reference, and the model's near-zero dropout
is said out loud."""

from __future__ import annotations

import pandas as pd
import pytest

from rfm_engine import ColumnMap, RfmConfig
from rfm_engine.prediction import analyze_with_predictions


@pytest.fixture(scope="module")
def online_retail(shared_datasets):
    folder = shared_datasets / "online_retail"
    if not (folder / "online_retail.csv").is_file():
        pytest.skip("online_retail is not in ../shared/datasets")
    config = RfmConfig(columns=ColumnMap(order="InvoiceNo"))
    result, prediction = analyze_with_predictions(folder / "online_retail.csv", config)
    reference = pd.read_csv(folder / "reference_default.csv", dtype={"customer_id": str})
    return result, prediction, reference


def test_the_same_customers_as_the_reference(online_retail):
    _, prediction, reference = online_retail
    assert sorted(prediction.customers["customer_id"]) == sorted(reference["customer_id"])
    assert len(prediction.customers) == 4338
    # Repeat purchase days never exceed repeat orders (several orders on a day are one).
    orders = reference.set_index("customer_id")["frequency"]
    days = prediction.summary["frequency"] + 1
    assert (days <= orders.reindex(days.index)).all()


def test_near_zero_dropout_is_warned(online_retail):
    _, prediction, _ = online_retail
    bg = prediction.bgnbd.params
    warning = next(w for w in prediction.warnings if w.code == "dropout_near_zero")
    assert warning.evidence["mean_dropout"] == pytest.approx(bg.a / (bg.a + bg.b), abs=1e-6)
    assert warning.evidence["likely_lost"] == int(prediction.customers["likely_lost"].sum())
    assert warning.stage == "prediction"
