"""Every call the desktop app makes into the engine, in one place.

The app uses the engine's public API only. Exports and the period comparison are the
engine's own (``rfm_engine.outputs.mailing_files``, ``report_workbook``, ``comparison``), so the app
writes exactly the files the command line writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from rfm_engine import (
    BUILTIN_SCHEMES,
    AxisScoring,
    ColumnMap,
    ConfigError,
    MetricsConfig,
    Period,
    ReadOptions,
    RfmConfig,
    RfmError,
    RfmResult,
    ScoringConfig,
    SegmentConfig,
    SegmentScheme,
    analyze,
    load_scheme,
    load_table,
    outputs,
)
from rfm_engine.history import (
    Workspace,
    changes,
    compute_history,
    is_workspace,
    size_tables,
    store_history,
)
from rfm_engine.io import INTERNAL_COLUMNS, ROW_COLUMN, read_table
from rfm_engine.mapping import guess_columns, resolve_columns
from rfm_engine.model import METRIC_OF_AXIS, score_values
from rfm_engine.pipeline import GONE, NEW_SINCE, compare_periods

Progress = Callable[[int, int], None]
#: The engine's export formats the app offers (its registry: rfm_engine.outputs.formats).
EXPORT_FORMATS = ("csv", "xlsx", "mailchimp", "report")
SUFFIX = {key: outputs.export_format(key).suffix for key in EXPORT_FORMATS}
#: The encodings the import wizard offers ("" = detect), by the engine's codec names.
ENCODINGS = (
    "",
    "utf-8-sig",
    "gb18030",
    "big5",
    "utf-16",
    "cp1252",
    "shift_jis",
    "euc_kr",
    "cp1251",
)

__all__ = [
    "BUILTIN_SCHEMES",
    "ENCODINGS",
    "EXPORT_FORMATS",
    "GONE",
    "INTERNAL_COLUMNS",
    "METRIC_OF_AXIS",
    "NEW_SINCE",
    "ROW_COLUMN",
    "SUFFIX",
    "AxisScoring",
    "ColumnMap",
    "ConfigError",
    "MetricsConfig",
    "Period",
    "RfmConfig",
    "RfmError",
    "RfmResult",
    "ScoringConfig",
    "SegmentConfig",
    "SegmentScheme",
    "add_to_workspace",
    "analyze",
    "analyze_workspace",
    "axis_counts",
    "compare_with_earlier",
    "export_formats",
    "export_segments",
    "guess_columns",
    "is_workspace_input",
    "last_changes",
    "load_scheme",
    "read_raw",
    "read_raw_info",
    "resolve_columns",
    "sample_values",
    "sheet_names",
    "source_headers",
    "trend_tables",
    "workspace_or_paths",
]


def read_raw(paths: Sequence[Path], reading: ReadOptions) -> pd.DataFrame:
    """The raw table of the files (as the analysis will read them)."""
    return load_table([Path(p) for p in paths], RfmConfig(reading=reading))


def read_raw_info(paths: Sequence[Path], reading: ReadOptions):
    """The raw table of the files and how each was read (``rfm_engine.io.SourceInfo``: the
    encoding, what decided it and how sure that is, the delimiter, the sheet)."""
    return read_table([Path(p) for p in paths], reading)


def sample_values(raw: pd.DataFrame, column: str, n: int = 3, rows: int = 5000) -> list[str]:
    """The first ``n`` distinct non-blank values of ``column`` (of its first ``rows`` rows), as
    text: the user's data, shown as it is."""
    values = raw[column].head(rows).dropna().astype(str).str.strip()
    return list(dict.fromkeys(v for v in values if v))[:n]


def source_headers(raw: pd.DataFrame) -> list[str]:
    return [str(c) for c in raw.columns if c not in INTERNAL_COLUMNS]


def sheet_names(path: Path) -> list[str]:
    """Sheet names of a workbook; empty for text files."""
    if path.suffix.lower() not in {".xlsx", ".xlsm", ".xls"}:
        return []
    try:
        return [str(s) for s in pd.ExcelFile(path, engine="calamine").sheet_names]
    except Exception as exc:
        raise RfmError(f"{path}: cannot list its sheets ({exc})") from None


def axis_counts(values: np.ndarray, axis: str, breaks: Sequence[float] | None, bins: int):
    """Customers per score (1..bins) for one axis: quantile cuts when ``breaks`` is None."""
    spec = AxisScoring() if breaks is None else AxisScoring("fixed", tuple(breaks))
    _, cuts = score_values(np.asarray(values), axis, spec, bins)
    return cuts


# ---- exports ------------------------------------------------------------------------------
def export_formats(result: RfmResult) -> list[str]:
    """The formats of :data:`EXPORT_FORMATS` this result's data supports (Mailchimp needs an
    e-mail column among the contacts)."""
    roles = outputs.contact_roles(result.contacts)
    supported = {f.key for f in outputs.available_formats(roles)}
    return [key for key in EXPORT_FORMATS if key in supported]


def export_segments(
    result: RfmResult,
    path: Path,
    fmt: str,
    segments: Sequence[str] | None = None,
    inputs: Sequence[Path] = (),
    lang: str = "en",
) -> list[Path]:
    """Write the customers of ``segments`` (all when None) in one of :data:`EXPORT_FORMATS`,
    through the engine's exporters (the same files ``rfm export`` and ``--report`` write),
    headers and sheet names in the app's language ``lang``; the paths written, the main file
    first."""
    if fmt not in EXPORT_FORMATS:
        raise RfmError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    return outputs.export_segments(result, path, fmt, segments, inputs=inputs, header_lang=lang)


# ---- period comparison --------------------------------------------------------------------
def compare_with_earlier(
    paths: Sequence[Path], result: RfmResult, days: int, progress: Progress | None = None
) -> pd.DataFrame:
    """The migration matrix between ``days`` before ``result.as_of`` and ``result.as_of``:
    rows are segments then (and ``NEW_SINCE``), columns segments now."""
    comparison = compare_periods(
        workspace_or_paths(paths),
        result.config,
        as_of_now=result.as_of,
        days=days,
        progress=progress,
    )
    return comparison.matrix


# ---- workspaces and history ---------------------------------------------------------------
def is_workspace_input(paths: Sequence[Path]) -> bool:
    """True when ``paths`` is one workspace file (opened like a project, not through the
    import wizard)."""
    return len(paths) == 1 and Path(paths[0]).exists() and is_workspace(paths[0])


def analyze_workspace(
    path: Path, config: RfmConfig | None, lang: str, progress: Progress | None = None
):
    """The analysis of a workspace (its own settings when ``config`` is None) and its history
    at every month end, which is stored in the workspace: ``(result, history)``."""
    with Workspace(path) as workspace:
        table = workspace.table()
        config = dataclasses.replace(config or workspace.config, lang=lang)
        result = analyze(table, config)
        history = compute_history(table, result.config, progress=progress)
        store_history(workspace, history)
    return result, history


def workspace_or_paths(paths: Sequence[Path]):
    """What the engine reads for ``paths``: a workspace's rows, or the files."""
    if is_workspace_input(paths):
        with Workspace(paths[0]) as workspace:
            return workspace.table()
    return list(paths)


def trend_tables(history) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Customers and revenue per segment name (columns) at each period end (rows)."""
    return size_tables(history)


def last_changes(history) -> tuple[int, int]:
    """Customers who changed segment in the last period, and new customers in it."""
    moved = changes(history)
    new = int((moved["segment_before"] == NEW_SINCE).sum())
    return len(moved) - new, new


def add_to_workspace(shop: Path, paths: Sequence[Path], config: RfmConfig | None = None):
    """Add exports to a workspace (created with ``config`` when new); the import records."""
    with Workspace(shop, create=True) as workspace:
        return workspace.add(list(paths), config if workspace.config is None else None)


def compare_full(
    paths: Sequence[Path], result: RfmResult, days: int, progress: Progress | None = None
):
    """The whole comparison (matrix and customers then and now) of ``days`` before
    ``result.as_of`` and ``result.as_of``."""
    from rfm_engine.pipeline import compare_periods

    return compare_periods(
        workspace_or_paths(paths),
        result.config,
        as_of_now=result.as_of,
        days=days,
        progress=progress,
    )


def customer_purchases(paths: Sequence[Path], config: RfmConfig, customer_id) -> pd.DataFrame:
    """One customer's purchases as cleaning kept them (the files, or the workspace, read
    again)."""
    from rfm_engine.pipeline import customer_purchases as purchases

    return purchases(workspace_or_paths(paths), config, customer_id)


def write_table(
    table: pd.DataFrame,
    path: Path,
    inputs: Sequence[Path] = (),
    *,
    lang: str = "en",
    contacts: Sequence[str] = (),
) -> Path:
    """Write ``table`` as CSV (UTF-8 with BOM) or XLSX by the suffix; Excel-safe, atomic;
    headers and sheet name in ``lang`` (the source ``contacts`` columns keep theirs)."""
    from rfm_engine.outputs import localized, sheet_name, write_csv, write_xlsx

    path = Path(path)
    table = localized(table, lang, keep=contacts)
    if path.suffix.lower() == ".xlsx":
        write_xlsx({sheet_name("customers", lang): table}, path, inputs=tuple(inputs))
    else:
        write_csv(table, path, inputs=tuple(inputs))
    return path
