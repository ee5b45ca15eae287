"""Expected purchases stay finite and right for customers with hundreds of purchase days, where
the closed form of the paper overflows: checked against the integral it comes from."""

from __future__ import annotations

import numpy as np
import pytest

from rfm_engine.prediction import bgnbd

X = np.array([0, 1, 10, 100, 500, 2000.0])
T_X = np.array([0, 50, 90, 99, 99.9, 100])
T = np.full(6, 100.0)


@pytest.mark.parametrize(
    "point", [(0.243, 4.414, 0.793, 2.426), (0.1, 0.92, 64.2, 174.2), (2.0, 30.0, 1.5, 3.0)]
)
@pytest.mark.parametrize("weeks", [1.0, 52.0, 500.0])
def test_expected_purchases_match_the_integral_for_every_frequency(point, weeks):
    params = bgnbd.BgNbdParams(*point)
    got = bgnbd.expected_purchases(params, weeks, X, T_X, T)
    integral = bgnbd._if_alive_by_integration(params, weeks, X, T) * bgnbd.probability_alive(
        params, X, T_X, T
    )
    assert np.isfinite(got).all()
    np.testing.assert_allclose(got, integral, rtol=1e-7)
    # More purchase days at the same recency: more expected purchases.
    assert (np.diff(got[1:]) > 0).all()
