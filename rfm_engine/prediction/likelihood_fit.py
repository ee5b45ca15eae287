"""Maximise a log-likelihood over positive parameters: BFGS in log-parameters with the
analytic gradient (bounded L-BFGS-B as a fallback); report what happened as data
(:class:`FitDiagnostics`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import optimize

#: Log-parameters are kept within ±LOG_BOUND (about 1e-11 to 7e10).
LOG_BOUND = 25.0
EXTREME = 1e5


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
    #: Parameters beyond 1e5 or below 1e-5: the data barely identify them.
    extreme_parameters: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "log_likelihood": self.log_likelihood,
            "customers": self.customers,
            "converged": self.converged,
            "iterations": self.iterations,
            "evaluations": self.evaluations,
            "gradient_norm": self.gradient_norm,
            "message": self.message,
            "extreme_parameters": list(self.extreme_parameters),
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
    (largest mean gradient above 1e-6), L-BFGS-B with the log-parameters bounded to ±25 from
    where it stopped (a parameter the data push to infinity then ends at the bound).
    """
    scale = max(customers, 1)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        value, gradient = negative_ll(log_params)
        if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
            return 1e300, np.zeros_like(log_params)
        return value / scale, gradient / scale

    def value_only(log_params: np.ndarray) -> float:
        return objective(log_params)[0]

    with np.errstate(all="ignore"):
        best = optimize.minimize(
            objective, start, jac=True, method="BFGS", options={"gtol": 1e-10, "maxiter": 1000}
        )
        evaluations, iterations = best.nfev, best.nit
        if np.max(np.abs(objective(best.x)[1])) > 1e-6:
            # A ridge or a parameter running off to infinity: bounded quasi-Newton from there.
            bounded = optimize.minimize(
                objective,
                np.clip(best.x, -LOG_BOUND, LOG_BOUND),
                jac=True,
                method="L-BFGS-B",
                bounds=[(-LOG_BOUND, LOG_BOUND)] * len(start),
                options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 2000},
            )
            evaluations += bounded.nfev
            iterations += bounded.nit
            if bounded.fun <= best.fun:
                best = bounded
    gradient = objective(best.x)[1]
    extreme = tuple(n for n, v in zip(names, best.x, strict=True) if abs(v) >= np.log(EXTREME))
    # At a bound the gradient need not vanish; judge convergence on the free parameters.
    free = np.abs(best.x) < LOG_BOUND - 1e-6
    gradient_norm = float(np.max(np.abs(gradient[free]), initial=0.0))
    converged = bool(np.isfinite(best.fun) and best.fun < 1e299 and gradient_norm < 1e-4)
    diagnostics = FitDiagnostics(
        log_likelihood=-float(best.fun) * scale,
        customers=customers,
        converged=converged,
        iterations=int(iterations),
        evaluations=int(evaluations),
        gradient_norm=gradient_norm,
        message=str(best.message),
        extreme_parameters=extreme,
    )
    return np.exp(best.x), diagnostics
