"""Maximise a log-likelihood over positive parameters: Nelder-Mead in log-parameters, then a
quasi-Newton polish; report what happened as data (:class:`FitDiagnostics`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import optimize


@dataclass(frozen=True)
class FitDiagnostics:
    """``log_likelihood`` is the total at the optimum; ``gradient_norm`` the largest absolute
    derivative of the mean log-likelihood in log-parameters there (near 0 at a maximum)."""

    log_likelihood: float
    customers: int
    converged: bool
    iterations: int
    evaluations: int
    gradient_norm: float
    message: str

    def to_dict(self) -> dict[str, object]:
        return {
            "log_likelihood": self.log_likelihood,
            "customers": self.customers,
            "converged": self.converged,
            "iterations": self.iterations,
            "evaluations": self.evaluations,
            "gradient_norm": self.gradient_norm,
            "message": self.message,
        }


def fit_log_parameters(
    negative_ll: Callable[[np.ndarray], float],
    start: np.ndarray,
    *,
    names: tuple[str, ...],
    customers: int,
) -> tuple[np.ndarray, FitDiagnostics]:
    """The positive parameters maximising the likelihood, and the diagnostics."""
    scale = max(customers, 1)

    def objective(log_params: np.ndarray) -> float:
        value = negative_ll(log_params) / scale
        return value if np.isfinite(value) else 1e300

    with np.errstate(all="ignore"):
        coarse = optimize.minimize(
            objective,
            start,
            method="Nelder-Mead",
            options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 4000 * len(names)},
        )
        fine = optimize.minimize(
            objective, coarse.x, method="BFGS", options={"gtol": 1e-9, "maxiter": 500}
        )
    best = fine if fine.fun <= coarse.fun else coarse
    gradient = optimize.approx_fprime(best.x, objective, 1e-7)
    gradient_norm = float(np.max(np.abs(gradient)))
    converged = bool(np.isfinite(best.fun) and best.fun < 1e299 and gradient_norm < 1e-4)
    diagnostics = FitDiagnostics(
        log_likelihood=-float(best.fun) * scale,
        customers=customers,
        converged=converged,
        iterations=int(coarse.nit) + int(fine.nit),
        evaluations=int(coarse.nfev) + int(fine.nfev),
        gradient_norm=gradient_norm,
        message=str(best.message),
    )
    return np.exp(best.x), diagnostics
