"""Writing result tables so they are safe to open in Excel.

A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR would become a formula in
Excel; such cells get a leading apostrophe in CSV (shown as text). Files are written atomically.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .atomic import atomic_open
from .errors import InputFileError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula_text(value: object) -> object:
    """``'`` + value for text that Excel would read as a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns cannot become formulas (numbers are left as numbers)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out[column] = series.astype(object).map(neutralize_formula_text)
    return out


def write_csv(frame: pd.DataFrame, path: str | Path, *, encoding: str = "utf-8-sig") -> Path:
    """Excel-safe CSV (UTF-8 with BOM by default so Excel shows Chinese), written atomically."""
    path = Path(path)
    safe = excel_safe(frame)
    try:
        with atomic_open(path, "w", encoding=encoding, newline="", errors="strict") as fh:
            safe.to_csv(fh, index=False, lineterminator="\r\n")
    except UnicodeEncodeError as exc:
        raise InputFileError(
            f"{path}: {exc.object[exc.start : exc.end]!r} cannot be written in {encoding}; "
            "use UTF-8",
            path=str(path),
        ) from None
    return path
