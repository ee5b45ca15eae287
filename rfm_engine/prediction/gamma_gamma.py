"""The Gamma-Gamma model of spend per order (Fader & Hardie, "The Gamma-Gamma Model of
Monetary Value", 2013), fitted by maximum likelihood on the repeat buyers.

A customer's purchase amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the
mean spend of customer with ``x`` repeat purchases averaging ``m`` has a known density. One-time
buyers have no repeat spend: their expected spend is the population mean p·γ/(q−1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from .likelihood_fit import FitDiagnostics, fit_log_parameters


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    gamma: float

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "q": self.q, "gamma": self.gamma}

    @property
    def mean_spend(self) -> float:
        """The population mean spend per order (infinite when q <= 1)."""
        return self.p * self.gamma / (self.q - 1) if self.q > 1 else float("inf")


@dataclass(frozen=True)
class GammaGammaFit:
    params: GammaGammaParams
    diagnostics: FitDiagnostics


def log_likelihood(params: GammaGammaParams, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Each repeat buyer's log-density of the mean spend ``m`` over ``x`` purchases."""
    p, q, g = params.p, params.q, params.gamma
    x = np.asarray(x, dtype="float64")
    m = np.asarray(m, dtype="float64")
    px = p * x
    return (
        special.gammaln(px + q)
        - special.gammaln(px)
        - special.gammaln(q)
        + q * np.log(g)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(g + m * x)
    )


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray) -> GammaGammaFit:
    """Fit on repeat buyers only (``x`` >= 1, ``m`` > 0)."""
    x = np.asarray(x, dtype="float64")
    m = np.asarray(m, dtype="float64")

    log_mx = np.log(m) + np.log(x)
    log_m = np.log(m)
    spent = m * x

    def negative_ll(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        p, q, g = np.exp(log_params)
        px = p * x
        log_total = np.log(g + spent)
        values = (
            special.gammaln(px + q)
            - special.gammaln(px)
            - special.gammaln(q)
            + q * np.log(g)
            + (px - 1) * log_m
            + px * np.log(x)
            - (px + q) * log_total
        )
        psi_all = special.digamma(px + q)
        d_p = x * (psi_all - special.digamma(px) + log_mx - log_total)
        d_q = psi_all - special.digamma(q) + np.log(g) - log_total
        d_g = q / g - (px + q) / (g + spent)
        gradient = np.array([d_p.sum(), d_q.sum(), d_g.sum()]) * np.array([p, q, g])
        return -float(values.sum()), -gradient

    start = np.log([1.0, 2.0, max(float(np.mean(m)), 1e-6)])
    values, diagnostics = fit_log_parameters(
        negative_ll, start, names=("p", "q", "gamma"), customers=len(x)
    )
    return GammaGammaFit(GammaGammaParams(*map(float, values)), diagnostics)


def expected_spend(params: GammaGammaParams, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """E[spend per order | x, m] = (γ + x·m)·p / (p·x + q − 1); for x = 0 the population mean."""
    x = np.asarray(x, dtype="float64")
    m = np.where(x > 0, np.nan_to_num(np.asarray(m, dtype="float64")), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (params.gamma + x * m) * params.p / (params.p * x + params.q - 1)
