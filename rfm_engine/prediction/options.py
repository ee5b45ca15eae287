"""The options of one prediction run (a frozen dataclass, like :class:`rfm_engine.RfmConfig`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError

#: Days in a month when discounting monthly (an average calendar month).
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class PredictionOptions:
    """How far ahead to predict and what to call a likely lost customer.

    Parameters
    ----------
    horizons_days
        Expected purchases and revenue are given for each horizon, in days after the analysis
        date (default 90 and 365).
    monthly_discount
        Discount rate per month for expected revenue (0.01 = 1 % a month; default 0: none).
    lost_below
        A customer whose probability of still being active is below this counts as likely lost.
    min_repeat_buyers
        With fewer customers who bought on two days or more, the fit is flagged as unreliable.
    """

    horizons_days: tuple[int, ...] = (90, 365)
    monthly_discount: float = 0.0
    lost_below: float = 0.5
    min_repeat_buyers: int = 300

    def __post_init__(self) -> None:
        horizons = tuple(self.horizons_days)
        object.__setattr__(self, "horizons_days", horizons)
        if not horizons or any(
            not isinstance(h, int) or isinstance(h, bool) or h < 1 for h in horizons
        ):
            raise ConfigError(
                "prediction horizons must be whole numbers of days, 1 or more",
                option="prediction.horizons_days",
                value=horizons,
            )
        if len(set(horizons)) != len(horizons):
            raise ConfigError(
                "prediction horizons must differ",
                option="prediction.horizons_days",
                value=horizons,
            )
        if not 0 <= self.monthly_discount < 1:
            raise ConfigError(
                "the monthly discount rate must be between 0 and 1 (e.g. 0.01 for 1 % a month)",
                option="prediction.monthly_discount",
                value=self.monthly_discount,
            )
        if not 0 < self.lost_below < 1:
            raise ConfigError(
                "lost_below must be a probability between 0 and 1",
                option="prediction.lost_below",
                value=self.lost_below,
            )
        if self.min_repeat_buyers < 0:
            raise ConfigError(
                "min_repeat_buyers must be 0 or more",
                option="prediction.min_repeat_buyers",
                value=self.min_repeat_buyers,
            )

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["horizons_days"] = list(self.horizons_days)
        return data
