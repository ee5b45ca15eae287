"""Every call the desktop app makes into the engine, in one place.

The app uses the engine's public API only. Where a feature the app shows is not (yet) in the
engine — XLSX, Mailchimp and report-workbook exports, a period comparison — the minimal version
built from the public API lives here, so switching to the engine's own function later is a
change in this module alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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
)
from rfm_engine.columns import guess_columns, resolve_columns
from rfm_engine.exports import excel_safe, write_csv
from rfm_engine.reading import INTERNAL_COLUMNS, ROW_COLUMN
from rfm_engine.scoring import METRIC_OF_AXIS, score_values

Progress = Callable[[int, int], None]
EXPORT_FORMATS = ("csv", "xlsx", "mailchimp", "report")
ENCODINGS = ("", "utf-8-sig", "gb18030", "big5", "utf-16", "cp1252")

__all__ = [
    "BUILTIN_SCHEMES",
    "ENCODINGS",
    "EXPORT_FORMATS",
    "METRIC_OF_AXIS",
    "ROW_COLUMN",
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
    "analyze",
    "axis_counts",
    "export_segments",
    "guess_columns",
    "load_scheme",
    "load_scheme_of",
    "migration_matrix",
    "read_raw",
    "resolve_columns",
    "sheet_names",
    "source_headers",
]


def read_raw(paths: Sequence[Path], reading: ReadOptions) -> pd.DataFrame:
    """The raw table of the files (as the analysis will read them)."""
    return load_table([Path(p) for p in paths], RfmConfig(reading=reading))


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


def load_scheme_of(config: RfmConfig) -> SegmentScheme:
    """The scheme a configuration names (or holds)."""
    scheme = config.segments.scheme
    return scheme if isinstance(scheme, SegmentScheme) else load_scheme(scheme)


# ---- exports ------------------------------------------------------------------------------
def export_segments(
    result: RfmResult, path: Path, fmt: str, segments: Sequence[str] | None = None
) -> Path:
    """Write the customers of ``segments`` (all when None) in one of :data:`EXPORT_FORMATS`."""
    table = result.customers_table()
    if segments:
        table = table[table["segment"].isin(list(segments))]
    path = Path(path)
    if fmt == "csv":
        return write_csv(table, path)
    if fmt == "mailchimp":
        return write_csv(_mailchimp(table, result.contacts), path)
    if fmt == "xlsx":
        return _write_xlsx(path, {"customers": table})
    if fmt == "report":
        sheets = {
            "segments": result.summary,
            "customers": table,
            "cut_points": result.cut_points_table(),
            "cleaning": result.cleaning.to_frame(),
            "settings": pd.DataFrame({"config": [result.config.to_json()]}),
        }
        return _write_xlsx(path, sheets)
    raise RfmError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")


def _mailchimp(table: pd.DataFrame, contacts: Sequence[str]) -> pd.DataFrame:
    """Mailchimp audience import: Email Address first, names, then the segment as a tag."""
    email = next((c for c in contacts if "mail" in c.lower() or "邮箱" in c or "郵箱" in c), None)
    if email is None:
        raise RfmError(
            "a Mailchimp list needs an email column; map one as a contact column in the import "
            "wizard (the file has contacts: " + (", ".join(contacts) or "none") + ")"
        )
    out = pd.DataFrame({"Email Address": table[email]})
    for label, words in (("First Name", ("first",)), ("Last Name", ("last",))):
        column = next((c for c in contacts if any(w in c.lower() for w in words)), None)
        if column:
            out[label] = table[column]
    out["Tags"] = table["segment"]
    return out[out["Email Address"].notna()]


def _write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    from rfm_engine.atomic import write_atomic

    def writer(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as book:
            for name, frame in sheets.items():
                excel_safe(frame).to_excel(book, sheet_name=name, index=False)

    write_atomic(path, writer)
    return path


# ---- period comparison --------------------------------------------------------------------
def earlier_config(config: RfmConfig, as_of: dt.date, days: int) -> RfmConfig:
    """The same settings with the analysis date ``days`` earlier (purchases after it dropped)."""
    period = dataclasses.replace(config.period, as_of=as_of - dt.timedelta(days=days))
    return dataclasses.replace(config, period=period)


def migration_matrix(before: RfmResult, after: RfmResult) -> pd.DataFrame:
    """Customers per (segment before, segment after); new customers come from ``(new)``."""
    old = before.customers.set_index("customer_id")["segment"]
    new = after.customers.set_index("customer_id")["segment"]
    joined = pd.DataFrame({"after": new}).join(old.rename("before"), how="left")
    joined["before"] = joined["before"].fillna("(new)")
    keys = [s.key for s in after.scheme.all_segments]
    matrix = pd.crosstab(joined["before"], joined["after"])
    return matrix.reindex(index=[*keys, "(new)"], columns=keys, fill_value=0)
