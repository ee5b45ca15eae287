"""From the same inputs as :func:`rfm_engine.analyze` to segments plus predictions.

The models need each customer's purchase days, which :class:`~rfm_engine.RfmResult` does not
keep; so the file is read once, its columns resolved and cleaned here with the engine's own
functions, and the raw table then handed to :func:`~rfm_engine.analyze` (which re-cleans it:
the same rules, so the same customers). Always in memory (no out-of-core path).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..cleaning import clean
from ..errors import ConfigError
from ..io import INTERNAL_COLUMNS
from ..mapping import detect_table_kind, resolve_columns
from ..model import RfmResult, default_as_of
from ..options import RfmConfig
from ..pipeline import analyze, load_table
from ..pipeline.analysis import no_purchases_error
from .options import PredictionOptions
from .result import PredictionResult
from .summary_data import summary_from_purchases

Source = str | Path | Sequence[str | Path] | pd.DataFrame


def cleaned_purchases(source: Source, config: RfmConfig = RfmConfig()):
    """(raw table, config with resolved columns, cleaned purchases, as_of)."""
    if config.reading.engine == "duckdb":
        raise ConfigError(
            "predictions need every purchase day in memory; the out-of-core engine (duckdb) "
            "cannot give them",
            option="reading.engine",
            value="duckdb",
        )
    raw = load_table(source, config)
    name = _source_name(source)
    headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    if detect_table_kind(raw, headers, config.columns)[0] == "customers":
        raise ConfigError(
            f"{name or 'input'}: a customer list holds totals, not the purchase days the "
            "prediction models need; predict from the orders export",
            option="columns.kind",
            value="customers",
            code="list_has_no_history",
        )
    columns = resolve_columns(headers, config.columns, source=name, sample=raw.head(500))
    config = dataclasses.replace(config, columns=columns)
    cleaned = clean(
        raw, columns, rules=config.cleaning, period=config.period, dayfirst=config.reading.dayfirst
    )
    if cleaned.purchases.empty:
        raise no_purchases_error(name, cleaned.report)
    as_of = config.period.as_of or default_as_of(cleaned.purchases)
    return raw, config, cleaned.purchases, as_of


def analyze_with_predictions(
    source: Source,
    config: RfmConfig = RfmConfig(),
    options: PredictionOptions = PredictionOptions(),
    *,
    validate: bool = False,
    holdout_days: int | None = None,
) -> tuple[RfmResult, PredictionResult]:
    """The RFM analysis and, for the same customers, the purchase-model predictions with the
    per-segment table (and, with ``validate``, the holdout check)."""
    from .forecast import forecast
    from .holdout import holdout_check

    raw, config, purchases, as_of = cleaned_purchases(source, config)
    result = analyze(raw, config)
    summary = summary_from_purchases(purchases, as_of=as_of)
    segments = pd.Series(
        result.customers["segment"].to_numpy(),
        index=result.customers["customer_id"].astype(str).to_numpy(),
    )
    history = (as_of - purchases["date"].min().date()).days
    prediction = forecast(
        summary, as_of=as_of, options=options, segments=segments, history_days=history
    )
    if validate:
        check = holdout_check(purchases, as_of=as_of, holdout_days=holdout_days)
        prediction = dataclasses.replace(prediction, validation=check)
    return result, prediction


def _source_name(source: Source) -> str:
    if isinstance(source, pd.DataFrame):
        return ""
    if isinstance(source, (str, Path)):
        return str(source)
    names = [str(p) for p in source]
    return names[0] if len(names) == 1 else f"{names[0]} (+{len(names) - 1} more)"
