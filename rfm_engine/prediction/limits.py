"""Honest limits of a prediction, as data: each warning has a code, a sentence, the evidence
and the option that changes it, so every face can show it (and a test can assert on it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Repeat buyers below which the model is not fitted at all (too few to estimate 4 parameters).
MIN_REPEAT_BUYERS_TO_FIT = 10


@dataclass(frozen=True)
class PredictionWarning:
    """A limit of the numbers: ``code`` is stable, ``message`` is one English line."""

    code: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    option: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "evidence": self.evidence,
            "option": self.option,
        }


def data_warnings(
    *,
    customers: int,
    repeat_buyers: int,
    history_days: int,
    horizons_days: tuple[int, ...],
    min_repeat_buyers: int,
) -> list[PredictionWarning]:
    """Warnings that follow from the amount of data alone, before any fit."""
    found: list[PredictionWarning] = []
    if repeat_buyers < MIN_REPEAT_BUYERS_TO_FIT:
        found.append(
            PredictionWarning(
                "model_not_fitted",
                f"only {repeat_buyers} of {customers} customers bought on more than one day: "
                "too few to fit the purchase model; no predictions, next order dates from each "
                "customer's own gaps",
                {"repeat_buyers": repeat_buyers, "needed": MIN_REPEAT_BUYERS_TO_FIT},
            )
        )
    elif repeat_buyers < min_repeat_buyers:
        found.append(
            PredictionWarning(
                "few_repeat_buyers",
                f"only {repeat_buyers} repeat buyers (fewer than {min_repeat_buyers}): the "
                "fitted parameters and every prediction are uncertain; treat them as rough",
                {"repeat_buyers": repeat_buyers, "recommended": min_repeat_buyers},
                option="min_repeat_buyers",
            )
        )
    short = [h for h in horizons_days if h > history_days]
    if short:
        found.append(
            PredictionWarning(
                "history_shorter_than_horizon",
                f"the purchase history covers {history_days} days, less than the horizon of "
                f"{', '.join(str(h) for h in short)} days: predictions that far ahead "
                "extrapolate beyond anything observed",
                {"history_days": history_days, "horizons_days": short},
                option="horizons_days",
            )
        )
    one_time = customers - repeat_buyers
    if one_time and repeat_buyers >= MIN_REPEAT_BUYERS_TO_FIT:
        found.append(
            PredictionWarning(
                "one_time_buyers_spend_from_prior",
                f"{one_time} customers bought on one day only: their expected spend per order "
                "is the population average of the spend model, not their own",
                {"one_time_buyers": one_time},
            )
        )
        found.append(
            PredictionWarning(
                "one_time_buyers_always_active",
                f"the {one_time} one-time buyers get a probability of still being active of 1: "
                "the BG/NBD model lets customers drop out only after a repeat purchase, so it "
                "never counts them as likely lost; their low expected purchases show how little "
                "they are expected to buy",
                {"one_time_buyers": one_time},
            )
        )
    return found


def spend_correlation_warning(correlation: float) -> PredictionWarning | None:
    """The spend model assumes spend per order does not depend on how often one buys."""
    if abs(correlation) <= 0.3:
        return None
    return PredictionWarning(
        "spend_depends_on_frequency",
        f"spend per order and number of repeat purchases are correlated (r = {correlation:.2f}); "
        "the spend model assumes they are independent, so expected revenue may be biased",
        {"correlation": round(float(correlation), 4)},
    )
