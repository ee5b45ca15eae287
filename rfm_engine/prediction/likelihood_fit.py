"""Maximise a log-likelihood over positive parameters: BFGS in log-parameters with the
analytic gradient (Nelder-Mead as a fallback); report what happened as data
(:class:`FitDiagnostics`)."""

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
    negative_ll: Callable[[np.ndarray], tuple[float, np.ndarray]],
    start: np.ndarray,
    *,
    names: tuple[str, ...],
    customers: int,
) -> tuple[np.ndarray, FitDiagnostics]:
    """The positive parameters maximising the likelihood, and the diagnostics.

    ``negative_ll(log_params)`` returns the negative total log-likelihood and its gradient in
    log-parameters. BFGS with that gradient from ``start``; when it stops short of a maximum
    (largest mean gradient above 1e-6), Nelder-Mead from where it stopped, then BFGS again.
    """
    scale = max(customers, 1)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        value, gradient = negative_ll(log_params)
        if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
            return 1e300, np.zeros_like(log_params)
        return value / scale, gradient / scale

    def value_only(log_params: np.ndarray) -> float:
        return objective(log_params)[0]

    evaluations = iterations = 0
    with np.errstate(all="ignore"):
        best = optimize.minimize(
            objective, start, jac=True, method="BFGS", options={"gtol": 1e-10, "maxiter": 1000}
        )
        evaluations, iterations = best.nfev, best.nit
        if np.max(np.abs(objective(best.x)[1])) > 1e-6:
            coarse = optimize.minimize(
                value_only,
                best.x,
                method="Nelder-Mead",
                options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 4000 * len(names)},
            )
            fine = optimize.minimize(
                objective, coarse.x, jac=True, method="BFGS", options={"gtol": 1e-10}
            )
            evaluations += coarse.nfev + fine.nfev
            iterations += coarse.nit + fine.nit
            best = min((best, coarse, fine), key=lambda r: r.fun)
    gradient_norm = float(np.max(np.abs(objective(best.x)[1])))
    converged = bool(np.isfinite(best.fun) and best.fun < 1e299 and gradient_norm < 1e-4)
    diagnostics = FitDiagnostics(
        log_likelihood=-float(best.fun) * scale,
        customers=customers,
        converged=converged,
        iterations=int(iterations),
        evaluations=int(evaluations),
        gradient_norm=gradient_norm,
        message=str(best.message),
    )
    return np.exp(best.x), diagnostics
