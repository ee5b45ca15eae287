"""What a prediction run returns: the numbers together with the fitted models, the options and
the warnings (no scipy here, so faces can import the type cheaply)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..notes import RfmWarning
from .options import PredictionOptions

if TYPE_CHECKING:
    from .bgnbd import BgNbdFit
    from .gamma_gamma import GammaGammaFit
    from .holdout import HoldoutCheck

#: Time unit of the model parameters (r and α depend on it).
TIME_UNIT = "weeks"


def purchases_column(horizon: int) -> str:
    return f"expected_purchases_{horizon}d"


def revenue_column(horizon: int) -> str:
    return f"expected_revenue_{horizon}d"


def prediction_columns(options: PredictionOptions) -> tuple[str, ...]:
    """Per-customer prediction columns, in order (after ``customer_id``)."""
    return (
        "p_alive",
        "likely_lost",
        *(purchases_column(h) for h in options.horizons_days),
        "expected_spend",
        *(revenue_column(h) for h in options.horizons_days),
        "next_order_date",
        "next_order_basis",
    )


@dataclass(frozen=True)
class PredictionResult:
    """Per customer (``customers``: ``customer_id`` then :func:`prediction_columns`), per
    segment (``segments``, when segments were given), the fits (``None`` when not fitted), the
    model inputs (``summary``), the options and analysis date used, and the warnings."""

    customers: pd.DataFrame = field(repr=False)
    segments: pd.DataFrame | None = field(repr=False)
    summary: pd.DataFrame = field(repr=False)
    bgnbd: BgNbdFit | None
    gamma_gamma: GammaGammaFit | None
    options: PredictionOptions
    as_of: dt.date
    warnings: tuple[RfmWarning, ...] = ()
    validation: HoldoutCheck | None = None

    def totals(self) -> dict[str, float | int | None]:
        """The overview numbers: expected revenue per horizon and customers likely lost."""
        out: dict[str, float | int | None] = {
            "customers": len(self.customers),
            "likely_lost": int(self.customers["likely_lost"].sum()),
        }
        for h in self.options.horizons_days:
            for column in (purchases_column(h), revenue_column(h)):
                values = self.customers[column]
                out[column] = None if values.isna().all() else float(values.sum())
        return out

    def to_dict(self) -> dict[str, Any]:
        """Parameters, fit diagnostics, totals, warnings and settings, ready for JSON."""
        data: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "time_unit": TIME_UNIT,
            "options": self.options.to_dict(),
            "bgnbd": None,
            "gamma_gamma": None,
        }
        if self.bgnbd is not None:
            data["bgnbd"] = {
                "params": self.bgnbd.params.to_dict(),
                "diagnostics": self.bgnbd.diagnostics.to_dict(),
            }
        if self.gamma_gamma is not None:
            data["gamma_gamma"] = {
                "params": self.gamma_gamma.params.to_dict(),
                "diagnostics": self.gamma_gamma.diagnostics.to_dict(),
            }
        data["totals"] = self.totals()
        data["warnings"] = [w.to_dict() for w in self.warnings]
        if self.validation is not None:
            data["validation"] = self.validation.to_dict()
        return _finite(data)


def _finite(value: Any) -> Any:
    """JSON has no NaN or infinity: those become null."""
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
