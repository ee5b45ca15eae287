"""Fit both models on the per-customer summary and turn them into per-customer and per-segment
predictions, with the warnings that belong to them."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..notes import RfmWarning
from . import bgnbd, gamma_gamma
from .limits import (
    MIN_REPEAT_BUYERS_TO_FIT,
    data_warnings,
    prediction_warning,
    spend_correlation_warning,
)
from .options import DAYS_PER_MONTH, PredictionOptions
from .result import PredictionResult, prediction_columns, purchases_column, revenue_column
from .summary_data import DAYS_PER_WEEK


def forecast(
    summary: pd.DataFrame,
    *,
    as_of: dt.date,
    options: PredictionOptions = PredictionOptions(),
    segments: pd.Series | None = None,
    history_days: int | None = None,
) -> PredictionResult:
    """Predictions from a :func:`~rfm_engine.prediction.summary_data.summary_from_purchases`
    table. ``segments`` (segment key per customer id) adds the per-segment table;
    ``history_days`` (first purchase of anyone to as_of) defaults to the longest ``T``."""
    x = summary["frequency"].to_numpy(dtype="float64")
    t_x = summary["recency"].to_numpy(dtype="float64")
    T = summary["T"].to_numpy(dtype="float64")
    m = summary["monetary_value"].to_numpy(dtype="float64")
    repeat = x > 0
    if history_days is None:
        history_days = round(float(T.max(initial=0.0)) * DAYS_PER_WEEK)
    warnings = data_warnings(
        customers=len(x),
        repeat_buyers=int(repeat.sum()),
        history_days=history_days,
        horizons_days=options.horizons_days,
        min_repeat_buyers=options.min_repeat_buyers,
    )
    n = len(x)
    table: dict[str, object] = {"customer_id": summary.index.to_numpy(dtype=object)}
    bg_fit = gg_fit = None
    nan = np.full(n, np.nan)
    p_alive = nan
    purchases = {h: nan for h in options.horizons_days}
    spend = nan
    weeks_to_next = nan
    if repeat.sum() >= MIN_REPEAT_BUYERS_TO_FIT:
        bg_fit = bgnbd.fit_bgnbd(x, t_x, T)
        params = bg_fit.params
        warnings += _convergence_warning("bgnbd", bg_fit.diagnostics)
        p_alive = bgnbd.probability_alive(params, x, t_x, T)
        warnings += _dropout_warning(params, p_alive, options.lost_below)
        purchases = {
            h: bgnbd.expected_purchases(params, h / DAYS_PER_WEEK, x, t_x, T)
            for h in options.horizons_days
        }
        weeks_to_next = bgnbd.expected_weeks_to_next(params, x, T)
        gg_fit = gamma_gamma.fit_gamma_gamma(x[repeat], m[repeat])
        warnings += _convergence_warning("gamma_gamma", gg_fit.diagnostics)
        if gg_fit.params.q <= 1:
            warnings.append(
                prediction_warning(
                    "spend_model_unusable",
                    f"the spend model's q = {gg_fit.params.q:.3g} is not above 1, so mean "
                    "spend is infinite: expected spend and revenue are left empty",
                    {"q": gg_fit.params.q},
                )
            )
        else:
            spend = gamma_gamma.expected_spend(gg_fit.params, x, m)
        if repeat.sum() > 2 and np.ptp(x[repeat]) > 0 and np.ptp(m[repeat]) > 0:
            correlation = float(np.corrcoef(x[repeat], m[repeat])[0, 1])
            found = spend_correlation_warning(correlation)
            warnings += [found] if found else []

    table["p_alive"] = p_alive
    table["likely_lost"] = np.nan_to_num(p_alive, nan=0.0) < options.lost_below
    table["likely_lost"] &= ~np.isnan(p_alive)
    for h in options.horizons_days:
        table[purchases_column(h)] = purchases[h]
    table["expected_spend"] = spend
    for h in options.horizons_days:
        table[revenue_column(h)] = _discounted_revenue(
            bg_fit, spend, h, options.monthly_discount, x, t_x, T, purchases[h]
        )
    dates, basis = _next_order(as_of, x, t_x, T, weeks_to_next)
    table["next_order_date"] = dates
    table["next_order_basis"] = basis
    customers = pd.DataFrame(table)[["customer_id", *prediction_columns(options)]]
    per_segment = None if segments is None else segment_forecast(customers, segments, options)
    return PredictionResult(
        customers=customers,
        segments=per_segment,
        summary=summary,
        bgnbd=bg_fit,
        gamma_gamma=gg_fit,
        options=options,
        as_of=as_of,
        warnings=tuple(warnings),
    )


def segment_forecast(
    customers: pd.DataFrame, segments: pd.Series, options: PredictionOptions
) -> pd.DataFrame:
    """Per segment: customers, mean P(alive), customers likely lost (count and share), and the
    expected purchases and revenue per horizon (sums), in the order segments first appear in
    ``segments``' categories or values."""
    keys = segments.reindex(customers["customer_id"].to_numpy()).to_numpy()
    frame = customers.assign(segment=keys)
    grouped = frame.groupby("segment", sort=False)
    out = pd.DataFrame(
        {
            "customers": grouped.size(),
            "mean_p_alive": grouped["p_alive"].mean(),
            "likely_lost": grouped["likely_lost"].sum().astype("int64"),
        }
    )
    out["likely_lost_share"] = out["likely_lost"] / out["customers"]
    for h in options.horizons_days:
        for column in (purchases_column(h), revenue_column(h)):
            out[column] = grouped[column].sum(min_count=1)
    order = list(dict.fromkeys(segments.to_numpy()))
    return out.reindex([k for k in order if k in out.index]).rename_axis("segment").reset_index()


def _discounted_revenue(fit, spend, horizon, rate, x, t_x, T, undiscounted_purchases):
    """spend × Σ_k (E[X(t_k)] − E[X(t_{k−1})]) / (1+rate)^(t_k / month), t_k the ends of
    whole months up to the horizon (the last step ends at the horizon)."""
    if fit is None:
        return np.full(len(x), np.nan)
    if rate == 0:
        return spend * undiscounted_purchases
    ends = np.arange(1, int(np.ceil(horizon / DAYS_PER_MONTH)) + 1) * DAYS_PER_MONTH
    ends = np.minimum(ends, horizon)
    total = np.zeros(len(x))
    before = np.zeros(len(x))
    for end in ends:
        now = bgnbd.expected_purchases(fit.params, end / DAYS_PER_WEEK, x, t_x, T)
        total += (now - before) / (1 + rate) ** (end / DAYS_PER_MONTH)
        before = now
    return spend * total


def _next_order(as_of, x, t_x, T, weeks_to_next):
    """The model's expected date where it has a finite answer; else the last purchase plus the
    customer's own mean gap between purchase days (may lie before as_of: overdue); else none."""
    end = np.datetime64(as_of, "D")
    model = np.isfinite(weeks_to_next)
    own = ~model & (x > 0)
    days = np.full(len(x), np.nan)
    days[model] = weeks_to_next[model] * DAYS_PER_WEEK
    with np.errstate(divide="ignore", invalid="ignore"):
        gap_days = np.where(x > 0, t_x / x * DAYS_PER_WEEK, np.nan)
    since_last = (T - t_x) * DAYS_PER_WEEK
    days[own] = gap_days[own] - since_last[own]
    known = ~np.isnan(days)
    offsets = np.zeros(len(x), dtype="int64")
    offsets[known] = np.round(days[known]).astype("int64")
    dates = pd.Series(end + offsets.astype("timedelta64[D]")).astype("datetime64[ns]")
    dates[~known] = pd.NaT
    basis = np.where(model, "model", np.where(own, "own_gaps", ""))
    return dates.to_numpy(), basis


def _dropout_warning(params, p_alive: np.ndarray, lost_below: float) -> list[RfmWarning]:
    """When the fit sees (almost) nobody leave, P(alive) cannot tell who is fading."""
    dropout = params.a / (params.a + params.b)
    if dropout >= 0.01:
        return []
    lost = int((p_alive < lost_below).sum())
    return [
        prediction_warning(
            "dropout_near_zero",
            f"the fitted chance of leaving after a purchase is {dropout:.2%}: the model sees "
            f"almost no one leave, so P(alive) is near 1 and only {lost} customers count as "
            "likely lost; low expected purchases, not P(alive), show who is fading",
            {"mean_dropout": round(float(dropout), 6), "likely_lost": lost},
        )
    ]


def _convergence_warning(model: str, diagnostics) -> list[RfmWarning]:
    found = []
    if diagnostics.extreme_parameters:
        names = ", ".join(diagnostics.extreme_parameters)
        found.append(
            prediction_warning(
                "extreme_parameters",
                f"the {model} fit drove {names} to an extreme value: the data barely tell it "
                "apart from a simpler model (e.g. no customer seems to drop out, or all drop "
                "out alike); the predictions follow that limit and deserve caution",
                {"model": model, "parameters": list(diagnostics.extreme_parameters)},
            )
        )
    if diagnostics.converged:
        return found
    return [
        *found,
        prediction_warning(
            "fit_not_converged",
            f"the {model} fit did not reach a clear maximum (largest gradient "
            f"{diagnostics.gradient_norm:.2g}): its numbers may be off",
            {"model": model, "gradient_norm": diagnostics.gradient_norm},
        ),
    ]
