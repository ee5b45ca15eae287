"""Heavy ties: quantile scores go unused, the result says so and suggests fixed thresholds that
use every score the data allows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import AxisScoring, analyze
from rfm_engine.model import suggest_breaks

TAOBAO = Path("../shared/datasets/taobao_toy_shop_2017/orders_utf8.csv")


def _orders(frequencies: list[int]) -> pd.DataFrame:
    rows = []
    for i, f in enumerate(frequencies):
        for k in range(f):
            rows.append(
                {
                    "customer": f"c{i:03d}",
                    "date": f"2024-01-{1 + (i + k) % 28:02d}",
                    "amount": 10 + i,
                }
            )
    return pd.DataFrame(rows)


def test_suggested_lower_bounds_balance_the_scores() -> None:
    values = np.array([1] * 80 + [2] * 10 + [3] * 5 + [4] * 3 + [9] * 2)
    assert suggest_breaks(values, "frequency", 5) == (2.0, 3.0, 4.0, 9.0)
    assert suggest_breaks(values, "frequency", 6) == (2.0, 3.0, 4.0, 9.0, 10.0)
    # more distinct values than scores: each threshold nearest k/bins of the customers below
    many = np.arange(1, 101)
    assert suggest_breaks(many, "monetary", 4) == (26.0, 51.0, 76.0)
    # recency: day limits, the lowest days get the best score
    assert suggest_breaks(np.array([5, 5, 5, 40, 90]), "recency", 5) == (3.0, 4.0, 5.0, 40.0)


def test_ties_warn_and_the_suggestion_uses_every_score_allowed() -> None:
    frequencies = [1] * 80 + [2] * 12 + [3] * 5 + [6] * 3
    result = analyze(_orders(frequencies))
    warnings = [w for w in result.warnings if w.code == "quantile_ties"]
    assert [w.evidence["axis"] for w in warnings] == ["frequency"]
    (warning,) = warnings
    assert warning.option == "scoring.frequency"
    assert warning.evidence["unused_scores"] == result.cut_points["frequency"].unused_scores
    breaks = warning.evidence["suggested_breaks"]
    assert breaks == (2.0, 3.0, 6.0, 7.0)
    fixed = dataclasses.replace(result.config.scoring, frequency=AxisScoring("fixed", breaks))
    again = analyze(_orders(frequencies), dataclasses.replace(result.config, scoring=fixed))
    assert sorted(again.customers["f_score"].unique()) == [1, 2, 3, 4]  # 4 distinct values
    assert not [w for w in again.warnings if w.evidence.get("axis") == "frequency"]


def test_no_ties_no_warning() -> None:
    result = analyze(_orders(list(range(1, 11)) * 3))
    assert not [w for w in result.warnings if w.code == "quantile_ties"]


@pytest.mark.skipif(not TAOBAO.exists(), reason="shared datasets absent")
def test_taobao_export_warns_on_frequency_and_the_fix_uses_every_score() -> None:
    result = analyze(TAOBAO)
    (warning,) = [w for w in result.warnings if w.evidence.get("axis") == "frequency"]
    assert result.cut_points["frequency"].unused_scores == warning.evidence["unused_scores"]
    breaks = warning.evidence["suggested_breaks"]
    fixed = dataclasses.replace(result.config.scoring, frequency=AxisScoring("fixed", breaks))
    again = analyze(TAOBAO, dataclasses.replace(result.config, scoring=fixed))
    distinct = result.customers["frequency"].nunique()
    assert again.customers["f_score"].nunique() == min(5, distinct)
    assert again.cut_points["frequency"].unused_scores == ()
