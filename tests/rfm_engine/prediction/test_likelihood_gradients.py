"""The analytic gradients the fits use agree with central differences of the likelihoods."""

from __future__ import annotations

import numpy as np
import pytest

from rfm_engine.prediction import bgnbd, gamma_gamma

RNG = np.random.default_rng(3)
X = RNG.integers(0, 8, 200).astype(float)
T = RNG.uniform(10, 80, 200)
T_X = np.where(X > 0, RNG.uniform(0, 1, 200) * T, 0.0)
M = RNG.gamma(5, 6, 200)


def central_difference(f, at: np.ndarray, step: float = 1e-6) -> np.ndarray:
    out = np.empty(len(at))
    for i in range(len(at)):
        e = np.zeros(len(at))
        e[i] = step * at[i]
        out[i] = (f(at + e) - f(at - e)) / (2 * e[i])
    return out


@pytest.mark.parametrize("point", [(0.24, 4.4, 0.79, 2.4), (1.5, 10.0, 3.0, 0.6)])
def test_bgnbd_gradient(point):
    params = bgnbd.BgNbdParams(*point)
    values, gradient = bgnbd.log_likelihood_gradient(params, X, T_X, T)
    np.testing.assert_allclose(values, bgnbd.log_likelihood(params, X, T_X, T), rtol=1e-12)
    numeric = central_difference(
        lambda p: bgnbd.log_likelihood(bgnbd.BgNbdParams(*p), X, T_X, T).sum(), np.array(point)
    )
    np.testing.assert_allclose(gradient.sum(axis=1), numeric, rtol=1e-5)


def test_gamma_gamma_fit_reaches_a_zero_gradient():
    repeat = X > 0
    fit = gamma_gamma.fit_gamma_gamma(X[repeat], M[repeat])
    point = np.array([fit.params.p, fit.params.q, fit.params.gamma])
    numeric = central_difference(
        lambda p: gamma_gamma.log_likelihood(
            gamma_gamma.GammaGammaParams(*p), X[repeat], M[repeat]
        ).sum(),
        point,
    )
    assert np.max(np.abs(numeric * point)) / repeat.sum() < 1e-5
    assert fit.diagnostics.converged
