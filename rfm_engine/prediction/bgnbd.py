"""The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005), fitted by maximum likelihood.

Per customer: ``x`` repeat purchases (purchase days after the first), ``t_x`` time from the first
to the last purchase and ``T`` time from the first purchase to the end of the observation, in
weeks. While active a customer buys at rate λ ~ Gamma(r, α); after each purchase they drop out
with probability p ~ Beta(a, b).

scipy is imported here, and this module is imported only by functions that fit or predict, so
``import rfm_engine`` stays free of scipy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from .likelihood_fit import FitDiagnostics, fit_log_parameters


@dataclass(frozen=True)
class BgNbdParams:
    r: float
    alpha: float
    a: float
    b: float

    def to_dict(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}


@dataclass(frozen=True)
class BgNbdFit:
    params: BgNbdParams
    diagnostics: FitDiagnostics


def log_likelihood(
    params: BgNbdParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray
) -> np.ndarray:
    """Each customer's log-likelihood (equation 6 of Fader, Hardie & Lee 2005, in logs)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(x, dtype="float64")
    common = (
        special.gammaln(r + x)
        - special.gammaln(r)
        + r * np.log(alpha)
        + special.betaln(a, b + x)
        - special.betaln(a, b)
    )
    still = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    # B(a+1, b+x-1) / B(a, b+x) = a / (b+x-1): the customer dropped out after the last purchase.
    dropped = np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x)
    return common + np.where(repeat, np.logaddexp(still, dropped), still)


def log_likelihood_gradient(
    params: BgNbdParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each customer's log-likelihood and its derivatives by (r, α, a, b), shape (4, n)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(x, dtype="float64")
    repeat = x > 0
    still = -(r + x) * np.log(alpha + T)
    dropped = np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x)
    mix = np.where(repeat, np.logaddexp(still, dropped), still)
    w = np.where(repeat, np.exp(dropped - mix), 0.0)  # share of the "dropped out" term
    values = (
        special.gammaln(r + x)
        - special.gammaln(r)
        + r * np.log(alpha)
        + special.betaln(a, b + x)
        - special.betaln(a, b)
        + mix
    )
    psi = special.digamma
    d_r = psi(r + x) - psi(r) + np.log(alpha) - (1 - w) * np.log(alpha + T)
    d_r = d_r - w * np.log(alpha + t_x)
    d_alpha = r / alpha - (r + x) * ((1 - w) / (alpha + T) + w / (alpha + t_x))
    d_a = psi(a + b) - psi(a + b + x) + w / a
    d_b = psi(b + x) - psi(a + b + x) - psi(b) + psi(a + b)
    d_b = d_b - w / np.where(repeat, b + x - 1, 1.0)
    return values, np.vstack([d_r, d_alpha, d_a, d_b])


def fit_bgnbd(
    x: np.ndarray, t_x: np.ndarray, T: np.ndarray, *, weights: np.ndarray | None = None
) -> BgNbdFit:
    """Maximum-likelihood parameters; customers with equal (x, t_x, T) are fitted once with
    a weight, so the cost grows with the distinct histories, not the customers."""
    data, counts = _distinct_rows(np.column_stack([x, t_x, T]), weights)
    xs, txs, Ts = data.T

    def negative_ll(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        values, gradients = log_likelihood_gradient(BgNbdParams(*np.exp(log_params)), xs, txs, Ts)
        return -float(np.dot(counts, values)), -(gradients @ counts) * np.exp(log_params)

    start = np.log([1.0, max(float(np.mean(T)), 1e-3), 1.0, 1.0])
    values, diagnostics = fit_log_parameters(
        negative_ll, start, names=("r", "alpha", "a", "b"), customers=int(counts.sum())
    )
    return BgNbdFit(BgNbdParams(*map(float, values)), diagnostics)


def probability_alive(
    params: BgNbdParams, x: np.ndarray, t_x: np.ndarray, T: np.ndarray
) -> np.ndarray:
    """P(still active | x, t_x, T): 1 for a customer who has not bought again (the model's
    dropout happens only right after a purchase)."""
    return special.expit(-_log_dropout_odds(params, x, t_x, T))


def expected_purchases(
    params: BgNbdParams, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray
) -> np.ndarray:
    """Expected purchases in the next ``t`` weeks (equation 10 of the paper).

    For very frequent buyers (hundreds of purchase days) the closed form overflows (0 × inf).
    There the same value comes from the Pfaff transform of its hypergeometric function,
    2F1(r+x, a−1; a+b+x−1; −t/(α+T)), and where that fails too from the integral it stands
    for (see :func:`_if_alive_by_integration`).
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(x, dtype="float64")
    T = np.asarray(T, dtype="float64")
    with np.errstate(all="ignore"):
        ratio = np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t)))
        hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
        if_alive = (a + b + x - 1) / (a - 1) * (1 - ratio * hyp)
        bad = ~np.isfinite(if_alive) & (t <= alpha + T)
        if bad.any():
            xb = x[bad]
            pfaff = special.hyp2f1(r + xb, a - 1, a + b + xb - 1, -t / (alpha + T[bad]))
            if_alive[bad] = (a + b + xb - 1) / (a - 1) * (1 - pfaff)
    bad = ~np.isfinite(if_alive)
    if bad.any():
        if_alive[bad] = _if_alive_by_integration(params, t, x[bad], T[bad])
    return if_alive * probability_alive(params, x, t_x, T)


def _if_alive_by_integration(
    params: BgNbdParams, t: float, x: np.ndarray, T: np.ndarray
) -> np.ndarray:
    """E[purchases in t | still active] = E[(1/p)(1 − (1 + p·t/(α+T))^−(r+x))] over the
    posterior p ~ Beta(a, b+x) (λ ~ Gamma(r+x, α+T) integrated out), by adaptive quadrature,
    one customer at a time (only for the few the closed forms cannot handle)."""
    from scipy import integrate, stats

    out = np.empty(len(x))
    for i, (xi, Ti) in enumerate(zip(x, T, strict=True)):
        posterior = stats.beta(params.a, params.b + xi)
        scale = t / (params.alpha + Ti)

        def integrand(p: float, posterior=posterior, scale=scale, k=params.r + xi) -> float:
            inner = -np.expm1(-k * np.log1p(p * scale)) / p if p > 0 else k * scale
            return inner * posterior.pdf(p)

        lo, hi = posterior.ppf([1e-12, 1 - 1e-12])
        out[i] = integrate.quad(integrand, lo, hi, points=[posterior.mean()], limit=200)[0]
    return out


def expected_weeks_to_next(params: BgNbdParams, x: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Weeks from the end of observation until one purchase is expected if still active:
    1 / E[λ | history] = (α + T) / (r + x). NaN for one-time buyers (x = 0), whose single
    purchase says nothing about their own pace."""
    x = np.asarray(x, dtype="float64")
    return np.where(x > 0, (params.alpha + np.asarray(T)) / (params.r + x), np.nan)


def _log_dropout_odds(params: BgNbdParams, x, t_x, T) -> np.ndarray:
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(x, dtype="float64")
    repeat = x > 0
    odds = (
        np.log(a)
        - np.log(np.where(repeat, b + x - 1, 1.0))
        + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
    )
    return np.where(repeat, odds, -np.inf)


def _distinct_rows(data: np.ndarray, weights: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``data`` and the summed weight of each (by one lexsort: much
    faster than ``np.unique(axis=0)`` on a million rows)."""
    data = np.asarray(data, dtype="float64")
    w = np.ones(len(data)) if weights is None else np.asarray(weights, dtype="float64")
    if not len(data):
        return data, w
    order = np.lexsort(data.T[::-1])
    ordered = data[order]
    new = np.ones(len(data), dtype=bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    group = np.cumsum(new) - 1
    return ordered[new], np.bincount(group, weights=w[order])
