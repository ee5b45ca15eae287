"""The holdout check (the CLI's validate option): fit on the earlier part of the history,
predict the later part, and compare with what the customers actually bought."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ConfigError, DataError
from .summary_data import DAYS_PER_WEEK, purchase_days, summary_from_purchases

#: Calibration repeat purchases shown one by one; more are grouped as "7+".
_FREQUENCY_GROUPS = 7


@dataclass(frozen=True)
class HoldoutCheck:
    """Customers first seen by ``calibration_end``; predicted vs actual purchase days in
    (calibration_end, holdout_end], in total, per customer and by calibration repeat purchases
    (``by_frequency``: the classic figure of the BG/NBD paper)."""

    calibration_end: dt.date
    holdout_end: dt.date
    holdout_days: int
    customers: int
    predicted_total: float
    actual_total: int
    mean_absolute_error: float
    by_frequency: pd.DataFrame = field(repr=False)
    params: dict[str, float] = field(default_factory=dict)

    @property
    def relative_error(self) -> float:
        """(predicted − actual) / actual over all customers."""
        return (self.predicted_total - self.actual_total) / max(self.actual_total, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "calibration_end": self.calibration_end.isoformat(),
            "holdout_end": self.holdout_end.isoformat(),
            "holdout_days": self.holdout_days,
            "customers": self.customers,
            "predicted_total": self.predicted_total,
            "actual_total": self.actual_total,
            "relative_error": self.relative_error,
            "mean_absolute_error": self.mean_absolute_error,
            "params": self.params,
            "by_frequency": self.by_frequency.to_dict(orient="records"),
        }


def holdout_check(
    purchases: pd.DataFrame, *, as_of: dt.date, holdout_days: int | None = None
) -> HoldoutCheck:
    """Split the history at ``as_of − holdout_days`` (default: half of the history)."""
    from . import bgnbd

    first = purchases["date"].min().date()
    span = (as_of - first).days
    if holdout_days is None:
        holdout_days = span // 2
    if not 1 <= holdout_days < span:
        raise ConfigError(
            f"the holdout period must be between 1 and {span - 1} days (the history covers "
            f"{span} days from {first} to {as_of})",
            option="prediction.holdout_days",
            value=holdout_days,
        )
    cutoff = as_of - dt.timedelta(days=holdout_days)
    day = purchases["date"].to_numpy(dtype="datetime64[D]")
    early = day <= np.datetime64(cutoff, "D")
    calibration = summary_from_purchases(purchases[early], as_of=cutoff)
    repeat = int((calibration["frequency"] > 0).sum())
    if repeat < 10:
        raise DataError(
            f"only {repeat} customers bought on two days or more before {cutoff}: too few for "
            "a holdout check; a shorter holdout period leaves more history to fit on",
            option="prediction.holdout_days",
        )
    fit = bgnbd.fit_bgnbd(
        calibration["frequency"].to_numpy(),
        calibration["recency"].to_numpy(),
        calibration["T"].to_numpy(),
    )
    predicted = bgnbd.expected_purchases(
        fit.params,
        holdout_days / DAYS_PER_WEEK,
        calibration["frequency"].to_numpy(dtype="float64"),
        calibration["recency"].to_numpy(),
        calibration["T"].to_numpy(),
    )
    later = purchase_days(purchases[~early])
    actual = later["customer_id"].value_counts().reindex(calibration.index, fill_value=0).to_numpy()
    groups = np.minimum(calibration["frequency"].to_numpy(), _FREQUENCY_GROUPS)
    frame = pd.DataFrame({"group": groups, "predicted": predicted, "actual": actual})
    table = frame.groupby("group").agg(
        customers=("actual", "size"),
        predicted_mean=("predicted", "mean"),
        actual_mean=("actual", "mean"),
    )
    labels = [str(g) if g < _FREQUENCY_GROUPS else f"{g}+" for g in table.index]
    table.insert(0, "calibration_repeat_purchases", labels)
    return HoldoutCheck(
        calibration_end=cutoff,
        holdout_end=as_of,
        holdout_days=holdout_days,
        customers=len(calibration),
        predicted_total=float(predicted.sum()),
        actual_total=int(actual.sum()),
        mean_absolute_error=float(np.mean(np.abs(predicted - actual))),
        by_frequency=table.reset_index(drop=True),
        params=fit.params.to_dict(),
    )
