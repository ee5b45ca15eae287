"""One call from a file or table to scored, segmented customers: :func:`analyze`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from ..cleaning.rules import CleaningReport, clean
from ..errors import DataError
from ..io.reading import INTERNAL_COLUMNS, read_sources
from ..mapping.columns import resolve_columns
from ..model.metrics import compute_metrics, default_as_of
from ..model.result import RfmResult
from ..model.scoring import score_table
from ..model.segmentation import assign_segments
from ..model.summary import segment_summary
from ..options.config import RfmConfig
from ..options.schemes import SegmentScheme, load_scheme

Progress = Callable[[int, int], None]
Source = str | Path | Sequence[str | Path] | pd.DataFrame
_STEPS = 5


def resolve_scheme(config: RfmConfig) -> SegmentScheme:
    scheme = config.segments.scheme
    return scheme if isinstance(scheme, SegmentScheme) else load_scheme(scheme)


def load_table(source: Source, config: RfmConfig = RfmConfig()) -> pd.DataFrame:
    """The raw table of a file, several files, or a DataFrame given as is."""
    if isinstance(source, pd.DataFrame):
        return source
    paths = [source] if isinstance(source, (str, Path)) else list(source)
    return read_sources([Path(p) for p in paths], config.reading)


def analyze(
    source: Source, config: RfmConfig = RfmConfig(), *, progress: Progress | None = None
) -> RfmResult:
    """Read, clean, measure, score and segment.

    Parameters
    ----------
    source
        A file path, several paths of the same layout, or a raw DataFrame whose columns are
        named as in an export.
    config
        Every option; columns left ``None`` are found from the headers.
    progress
        Called as ``progress(done, total)`` after each step.

    Returns
    -------
    RfmResult
        With ``config.columns`` resolved to the columns actually used.
    """
    report = progress or (lambda done, total: None)
    scheme = resolve_scheme(config)
    scheme.require_bins(config.scoring.bins)
    if not isinstance(source, pd.DataFrame):
        from ..aggregate.out_of_core import analyze_out_of_core, choose_engine

        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        if choose_engine(paths, config) == "duckdb":
            return analyze_out_of_core(paths, config, progress=progress)
    raw = load_table(source, config)
    report(1, _STEPS)
    headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    source_name = _source_name(source)
    columns = resolve_columns(headers, config.columns, source=source_name, sample=raw.head(500))
    config = dataclasses.replace(config, columns=columns)
    cleaned = clean(
        raw, columns, rules=config.cleaning, period=config.period, dayfirst=config.reading.dayfirst
    )
    report(2, _STEPS)
    if cleaned.purchases.empty:
        raise no_purchases_error(source_name, cleaned.report)
    as_of = config.period.as_of or default_as_of(cleaned.purchases)
    customers = compute_metrics(
        cleaned.purchases,
        as_of=as_of,
        config=config.metrics,
        returns=cleaned.returns,
        contacts=cleaned.contacts,
    )
    report(3, _STEPS)
    return score_and_segment(
        customers,
        config=config,
        scheme=scheme,
        cleaning=cleaned.report,
        as_of=as_of,
        contacts=cleaned.contacts,
        first_purchase=cleaned.purchases["date"].min().date(),
        last_purchase=cleaned.purchases["date"].max().date(),
        progress=report,
    )


def no_purchases_error(source_name: str, report: CleaningReport) -> DataError:
    steps = ", ".join(f"{s.description}: {s.rows}" for s in report.steps)
    return DataError(
        f"{source_name or 'input'}: no purchases left after cleaning "
        f"({report.rows_read} rows read; {steps or 'nothing dropped'})"
    )


def score_and_segment(
    customers: pd.DataFrame,
    *,
    config: RfmConfig,
    scheme: SegmentScheme,
    cleaning: CleaningReport,
    as_of: dt.date,
    contacts: tuple[str, ...],
    first_purchase: dt.date,
    last_purchase: dt.date,
    progress: Progress,
) -> RfmResult:
    """Scores, segments and the summary of a metrics table: the steps after the per-customer
    aggregation, shared by the in-memory and the out-of-core paths."""
    scores, cuts = score_table(customers, config.scoring)
    customers = pd.concat([customers, scores], axis=1)
    assignment = assign_segments(
        customers, scheme, bins=config.scoring.bins, options=config.segments
    )
    customers["segment"] = assignment.keys
    customers["segment_name"] = customers["segment"].map(
        {s.key: s.name(config.lang) for s in scheme.all_segments}
    )
    progress(4, _STEPS)
    summary = segment_summary(customers, scheme, lang=config.lang)
    progress(5, _STEPS)
    return RfmResult(
        customers=customers,
        summary=summary,
        cut_points=cuts,
        cleaning=cleaning,
        as_of=as_of,
        config=config,
        scheme=scheme,
        contacts=contacts,
        segment_references=assignment.references,
        first_purchase=first_purchase,
        last_purchase=last_purchase,
    )


def _source_name(source: Source) -> str:
    if isinstance(source, pd.DataFrame):
        return ""
    if isinstance(source, (str, Path)):
        return str(source)
    names = [str(p) for p in source]
    return names[0] if len(names) == 1 else f"{names[0]} (+{len(names) - 1} more)"
