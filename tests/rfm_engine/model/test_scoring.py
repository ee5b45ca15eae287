"""Scores follow the definitions to the letter: hand-computed quantile and fixed cases."""

import numpy as np
import pytest

from rfm_engine.model.scoring import quantile_cut_points, score_values
from rfm_engine.options.config import AxisScoring

Q = AxisScoring()


def scores(values, axis="frequency", bins=5, spec=Q):
    got, cuts = score_values(np.array(values, dtype=float), axis, spec, bins)
    return got.tolist(), cuts


def test_heavy_ties_leave_scores_unused_and_report_them():
    # Sorted [1,1,1,1,2,3]: Q(.2)=1, Q(.4)=1, Q(.6)=1, Q(.8)=2 (linear, position 5p).
    got, cuts = scores([1, 2, 1, 3, 1, 1])
    assert cuts.cut_points == (1.0, 1.0, 1.0, 2.0)
    # b(1) = 1 + #{c < 1} = 1; b(2) = 1 + 3 = 4; b(3) = 1 + 4 = 5
    assert got == [1, 4, 1, 5, 1, 1]
    assert cuts.counts == (4, 0, 0, 1, 1)
    assert cuts.unused_scores == (2, 3)


def test_value_equal_to_a_cut_point_goes_to_the_lower_bin():
    got, cuts = scores([10, 20, 30, 40, 50], bins=2)
    assert cuts.cut_points == (30.0,)
    assert got == [1, 1, 1, 2, 2]


def test_recency_equal_to_a_cut_point_gets_the_better_score():
    got, _ = scores([10, 20, 30, 40, 50], axis="recency", bins=2)
    # R = n + 1 - b(days): b(30) = 1 -> R = 2 (better); b(40) = 2 -> R = 1.
    assert got == [2, 2, 2, 1, 1]


def test_one_customer():
    assert scores([7])[0] == [1]
    assert scores([7], axis="recency")[0] == [5]


def test_fewer_customers_than_bins():
    got, cuts = scores([1, 2, 3])
    # positions 2p: 0.4, 0.8, 1.2, 1.6 -> 1.4, 1.8, 2.2, 2.6
    assert cuts.cut_points == pytest.approx((1.4, 1.8, 2.2, 2.6))
    assert got == [1, 3, 5]


def test_all_values_equal():
    assert scores([5, 5, 5])[0] == [1, 1, 1]
    assert scores([5, 5, 5], axis="recency")[0] == [5, 5, 5]


def test_row_order_never_matters():
    rng = np.random.default_rng(3)
    values = rng.integers(1, 6, size=200).astype(float)
    base = dict(zip(range(200), scores(values)[0], strict=True))
    order = rng.permutation(200)
    shuffled = scores(values[order])[0]
    assert [base[i] for i in order] == shuffled


def test_quantiles_match_numpy_linear_and_r_type_7():
    values = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0])
    # R: quantile(x, c(.25,.5,.75), type = 7) -> 1.75 3.5 5.25
    assert quantile_cut_points(values, 4).tolist() == [1.75, 3.5, 5.25]


def test_fixed_monetary_thresholds_from_the_seed_example():
    spec = AxisScoring("fixed", (100, 250, 500, 1000))
    got, cuts = scores([1000, 999.99, 500, 499.99, 250, 100, 99.99, 5000], "monetary", spec=spec)
    assert got == [5, 4, 4, 3, 3, 2, 1, 5]
    assert cuts.cut_points == (100.0, 250.0, 500.0, 1000.0)


def test_fixed_recency_day_limits_from_the_seed_example():
    spec = AxisScoring("fixed", (30, 60, 90, 120))
    got, _ = scores([0, 30, 31, 60, 61, 90, 120, 121, 400], "recency", spec=spec)
    assert got == [5, 5, 4, 4, 3, 3, 2, 1, 1]


def test_fixed_frequency_lower_bounds_with_three_bins():
    spec = AxisScoring("fixed", (2, 5))
    got, _ = scores([1, 2, 4, 5, 9], "frequency", bins=3, spec=spec)
    assert got == [1, 2, 2, 3, 3]
