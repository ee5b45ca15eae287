"""Honest limits of a prediction, as data: engine warnings (:class:`~rfm_engine.notes.RfmWarning`,
stage ``prediction``) with a code, a sentence, the evidence and the option that changes it, so
every face can show them (and a test can assert on them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..notes import WARNINGS, RfmWarning

#: Repeat buyers below which the model is not fitted at all (too few to estimate 4 parameters).
MIN_REPEAT_BUYERS_TO_FIT = 10

WARNINGS.update(
    {
        "model_not_fitted": "too few repeat buyers to fit the purchase model; no predictions",
        "few_repeat_buyers": "fewer repeat buyers than recommended; predictions are rough",
        "history_shorter_than_horizon": "a prediction horizon is longer than the history",
        "one_time_buyers_spend_from_prior": "one-time buyers' spend is the population mean",
        "one_time_buyers_always_active": "BG/NBD never counts one-time buyers as lost",
        "spend_depends_on_frequency": "spend and frequency correlate; Gamma-Gamma assumes not",
        "spend_model_unusable": "Gamma-Gamma q <= 1: mean spend infinite",
        "extreme_parameters": "a fitted parameter went to an extreme; the data barely identify it",
        "fit_not_converged": "the optimiser stopped away from a maximum",
        "dropout_near_zero": "the model sees almost no one leave; P(alive) is near 1 for all",
    }
)


def prediction_warning(
    code: str, message: str, evidence: Mapping[str, Any] | None = None, option: str | None = None
) -> RfmWarning:
    """An :class:`RfmWarning` of the prediction stage."""
    return RfmWarning(
        code=code, message=message, option=option, evidence=evidence or {}, stage="prediction"
    )


def data_warnings(
    *,
    customers: int,
    repeat_buyers: int,
    history_days: int,
    horizons_days: tuple[int, ...],
    min_repeat_buyers: int,
) -> list[RfmWarning]:
    """Warnings that follow from the amount of data alone, before any fit."""
    found: list[RfmWarning] = []
    if repeat_buyers < MIN_REPEAT_BUYERS_TO_FIT:
        found.append(
            prediction_warning(
                "model_not_fitted",
                f"only {repeat_buyers} of {customers} customers bought on more than one day: "
                "too few to fit the purchase model; no predictions, next order dates from each "
                "customer's own gaps",
                {"repeat_buyers": repeat_buyers, "needed": MIN_REPEAT_BUYERS_TO_FIT},
            )
        )
    elif repeat_buyers < min_repeat_buyers:
        found.append(
            prediction_warning(
                "few_repeat_buyers",
                f"only {repeat_buyers} repeat buyers (fewer than {min_repeat_buyers}): the "
                "fitted parameters and every prediction are uncertain; treat them as rough",
                {"repeat_buyers": repeat_buyers, "recommended": min_repeat_buyers},
                option="prediction.min_repeat_buyers",
            )
        )
    short = [h for h in horizons_days if h > history_days]
    if short:
        found.append(
            prediction_warning(
                "history_shorter_than_horizon",
                f"the purchase history covers {history_days} days, less than the horizon of "
                f"{', '.join(str(h) for h in short)} days: predictions that far ahead "
                "extrapolate beyond anything observed",
                {"history_days": history_days, "horizons_days": short},
                option="prediction.horizons_days",
            )
        )
    one_time = customers - repeat_buyers
    if one_time and repeat_buyers >= MIN_REPEAT_BUYERS_TO_FIT:
        found.append(
            prediction_warning(
                "one_time_buyers_spend_from_prior",
                f"{one_time} customers bought on one day only: their expected spend per order "
                "is the population average of the spend model, not their own",
                {"one_time_buyers": one_time},
            )
        )
        found.append(
            prediction_warning(
                "one_time_buyers_always_active",
                f"the {one_time} one-time buyers get a probability of still being active of 1: "
                "the BG/NBD model lets customers drop out only after a repeat purchase, so it "
                "never counts them as likely lost; their low expected purchases show how little "
                "they are expected to buy",
                {"one_time_buyers": one_time},
            )
        )
    return found


def spend_correlation_warning(correlation: float) -> RfmWarning | None:
    """The spend model assumes spend per order does not depend on how often one buys."""
    if abs(correlation) <= 0.3:
        return None
    return prediction_warning(
        "spend_depends_on_frequency",
        f"spend per order and number of repeat purchases are correlated (r = {correlation:.2f}); "
        "the spend model assumes they are independent, so expected revenue may be biased",
        {"correlation": round(float(correlation), 4)},
    )
