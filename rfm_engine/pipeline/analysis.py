"""One call from a file or table to scored, segmented customers: :func:`analyze`.

The stages in order: read (:mod:`rfm_engine.io`), find the columns (:mod:`rfm_engine.mapping`),
clean (:mod:`rfm_engine.cleaning`), total per customer (:mod:`rfm_engine.aggregate`: in memory,
or out of core in DuckDB for large files), then metrics, scores and segments
(:mod:`rfm_engine.model`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..aggregate import (
    CustomerTotals,
    choose_engine,
    totals_from_customer_list,
    totals_in_database,
    totals_in_memory,
    totals_out_of_core,
)
from ..aggregate.out_of_core import CHUNK_ROWS
from ..cleaning import CleanedTable, CleaningReport, clean, clean_customer_list, clean_in_database
from ..errors import DataError, InputFileError
from ..io import INTERNAL_COLUMNS, DatabaseSource, encoding_notes, read_sources
from ..io.database import connect, open_table, release, sample_rows
from ..mapping import choose_mapping, detect_table_kind, resolve_columns
from ..model import STEPS, RfmResult, score_customers
from ..options import RfmConfig
from .list_and_orders import add_list_contacts, split_sources

Progress = Callable[[int, int], None]
Source = str | Path | Sequence[str | Path] | pd.DataFrame | DatabaseSource


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
        named as in an export. A table may be transactions or a customer list (one row per
        customer with totals; see :mod:`rfm_engine.mapping.table_kind`). Paths of an orders
        export together with customer lists give R/F/M from the orders and contacts from the
        lists (:mod:`.list_and_orders`).
    config
        Every option; columns left ``None`` are found from the headers.
    progress
        Called as ``progress(done, total)`` after each step.

    Returns
    -------
    RfmResult
        With ``config.columns`` resolved to the columns actually used.
    """
    config.segments.resolved_scheme().require_bins(config.scoring.bins)
    if isinstance(source, DatabaseSource):
        return analyze_database(source, config, progress=progress)
    if not isinstance(source, pd.DataFrame):
        paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
        return _with_notes(_analyze_files(paths, config, progress), paths, config)
    report = progress or (lambda done, total: None)
    report(1, STEPS)
    totals, config = totals_of_table(source, config, _source_name(source))
    report(2, STEPS)
    report(3, STEPS)
    return score_customers(totals, config, progress=report)


def _with_notes(result: RfmResult, paths: list[Path], config: RfmConfig) -> RfmResult:
    """``result`` with the reading's own warnings first (an encoding only guessed)."""
    notes = encoding_notes(paths, config.reading)
    return dataclasses.replace(result, warnings=(*notes, *result.warnings)) if notes else result


def _analyze_files(paths: list[Path], config: RfmConfig, progress: Progress | None) -> RfmResult:
    engine = choose_engine(paths, config)
    if engine in ("duckdb", "arrow"):
        return analyze_out_of_core(paths, config, progress=progress, arrow=engine == "arrow")
    source: list[Path] = paths
    lists = None
    try:
        raw = load_table(paths, config)
    except InputFileError as refusal:
        if refusal.code != "different_layouts":
            raise
        # A customer list given with the orders: contacts from the list, R/F/M from orders.
        source, lists = split_sources(paths, config, refusal)
        raw = load_table(source, config)
    report = progress or (lambda done, total: None)
    report(1, STEPS)
    totals, config = totals_of_table(raw, config, _source_name(source))
    if lists is not None:
        totals = add_list_contacts(totals, lists)
    report(2, STEPS)
    report(3, STEPS)
    return score_customers(totals, config, progress=report)


def totals_of_table(
    raw: pd.DataFrame, config: RfmConfig, source_name: str = ""
) -> tuple[CustomerTotals, RfmConfig]:
    """Map, clean and total one raw table (transactions or a customer list, see
    :func:`~rfm_engine.mapping.choose_mapping`); the config comes back with the columns used."""
    headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    choice = choose_mapping(raw, headers, config.columns, source=source_name)
    columns = choice.columns
    config = dataclasses.replace(config, columns=columns)
    rules, period, dayfirst = config.cleaning, config.period, config.reading.dayfirst
    days = config.metrics.frequency == "days"
    if columns.kind == "customers":
        listed = clean_customer_list(raw, columns, rules=rules, period=period, dayfirst=dayfirst)
        listed = dataclasses.replace(listed, warnings=(*choice.warnings, *listed.warnings))
        if listed.customers.empty:
            raise no_purchases_error(source_name, listed.report)
        return totals_from_customer_list(listed, columns, distinct_days=days), config
    cleaned = clean(
        raw,
        columns,
        rules=rules,
        period=period,
        dayfirst=dayfirst,
        decimal=config.reading.decimal,
    )
    cleaned = dataclasses.replace(cleaned, warnings=(*choice.warnings, *cleaned.warnings))
    if cleaned.purchases.empty:
        raise no_purchases_error(source_name, cleaned.report)
    return totals_in_memory(cleaned, columns, distinct_days=days), config


def customer_totals(source: Source, config: RfmConfig = RfmConfig()) -> CustomerTotals:
    """Read, map, clean and total in memory: the per-customer totals :func:`analyze` scores
    (its ``columns`` are the columns used, its ``warnings`` those of mapping and cleaning)."""
    raw = source if isinstance(source, pd.DataFrame) else load_table(source, config)
    return totals_of_table(raw, config, _source_name(source))[0]


def analyze_out_of_core(
    paths: list[Path],
    config: RfmConfig = RfmConfig(),
    *,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
    work_dir: str | Path | None = None,
    arrow: bool = False,
) -> RfmResult:
    """:func:`analyze` with the per-customer totals computed out of core, in DuckDB (with
    ``arrow``, in DuckDB over the files as Arrow reads them into memory).

    Files the out-of-core backend leaves to memory (workbooks, space-aligned text, order totals
    on line items) are analysed in memory; see
    :func:`~rfm_engine.aggregate.totals_out_of_core`.
    """
    totals = totals_out_of_core(
        paths, config, progress=progress, chunk_rows=chunk_rows, work_dir=work_dir, arrow=arrow
    )
    if totals is None:
        in_memory = dataclasses.replace(config.reading, engine="memory")
        return analyze(paths, dataclasses.replace(config, reading=in_memory), progress=progress)
    _require_purchases(totals, _source_name(paths))
    (progress or (lambda done, total: None))(3, STEPS)
    return score_customers(
        totals, dataclasses.replace(config, columns=totals.columns), progress=progress
    )


def analyze_database(
    source: DatabaseSource, config: RfmConfig = RfmConfig(), *, progress: Progress | None = None
) -> RfmResult:
    """:func:`analyze` for a table or query in a database: the rules and the per-customer
    totals run as queries there; one row per customer comes back for scoring."""
    report = progress or (lambda done, total: None)
    con = connect(source)
    try:
        totals, config = _database_totals(con, source, config, report)
    finally:
        release(con)
    report(3, STEPS)
    return score_customers(totals, config, progress=report)


def _database_totals(
    con: object, source: DatabaseSource, config: RfmConfig, report: Progress
) -> tuple[CustomerTotals, RfmConfig]:
    table = open_table(con, source)
    cleaned, config = clean_database_table(table, source, config, report)
    if cleaned is None:  # a customer list is one row per customer: read whole, scored as a list
        return totals_of_table(table.to_pandas(), config, source.name)
    days = config.metrics.frequency == "days"
    return totals_in_database(cleaned, config.columns, distinct_days=days), config


def clean_database_table(
    table: Any, source: DatabaseSource, config: RfmConfig, report: Progress
) -> tuple[CleanedTable | None, RfmConfig]:
    """The rules applied in the database to ``table`` (an ibis table of ``source``), with the
    configuration its columns resolve to; ``None`` for a customer list (one row per customer,
    not orders)."""
    headers = [str(c) for c in table.columns]
    sample = sample_rows(table)
    if detect_table_kind(sample, headers, config.columns)[0] == "customers":
        return None, config
    columns = resolve_columns(headers, config.columns, source=source.name, sample=sample)
    config = dataclasses.replace(config, columns=columns)
    report(1, STEPS)
    cleaned = clean_in_database(
        table,
        columns,
        rules=config.cleaning,
        period=config.period,
        dayfirst=config.reading.dayfirst,
        source_name=source.name,
    )
    report(2, STEPS)
    if cleaned.report.rows_used == 0:
        raise no_purchases_error(source.name, cleaned.report)
    return cleaned, config


def _require_purchases(totals: CustomerTotals, source_name: str) -> None:
    if totals.cleaning.rows_used == 0:
        raise no_purchases_error(source_name, totals.cleaning)


def no_purchases_error(source_name: str, report: CleaningReport) -> DataError:
    steps = ", ".join(f"{s.description}: {s.rows}" for s in report.steps)
    return DataError(
        f"{source_name or 'input'}: no purchases left after cleaning "
        f"({report.rows_read} rows read; {steps or 'nothing dropped'})",
        code="no_purchases",
    )


def _source_name(source: Source | list) -> str:
    if isinstance(source, pd.DataFrame):
        return ""
    if isinstance(source, DatabaseSource):
        return source.name
    if isinstance(source, (str, Path)):
        return str(source)
    names = [str(p) for p in source]
    return names[0] if len(names) == 1 else f"{names[0]} (+{len(names) - 1} more)"
