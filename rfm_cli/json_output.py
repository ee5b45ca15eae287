"""``--json``: one JSON object on stdout per run, the same envelope for every command.

Documented in ``docs/cli-json.md``; ``docs/cli-json.schema.json`` is its JSON Schema (a test
validates every command's output against it). Fields are added, never renamed or removed,
without a new ``schema_version``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from typing import Any, TextIO

from rfm_engine import CleaningReport, RfmError, RfmResult, __version__

from .console import Console

SCHEMA_VERSION = 1


def envelope(
    command: str, console: Console, *, exit_code: int, error: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The object printed for one run: what every command has, then the command's fields."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "rfm_version": __version__,
        "command": command,
        "ok": exit_code == 0,
        "exit_code": exit_code,
        "error": error,
        "warnings": [w.to_dict() for w in console.warnings],
        "written": list(console.written),
    }
    for key, value in console.fields.items():
        data.setdefault(key, value)
    return data


def error_object(line: str, exc: BaseException | None, exit_code: int) -> dict[str, Any]:
    """``error``: the line printed on stderr, and the engine's reason code and setting."""
    return {
        "message": line.removeprefix("error: "),
        "code": getattr(exc, "code", None) if isinstance(exc, RfmError) else _kind(exc),
        "option": exc.option if isinstance(exc, RfmError) else None,
        "exit_code": exit_code,
    }


def _kind(exc: BaseException | None) -> str:
    if exc is None:
        return "problems"
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, PermissionError):
        return "permission_denied"
    if isinstance(exc, OSError):
        return "os_error"
    return "internal"


def dump(data: dict[str, Any], stream: TextIO | None = None) -> None:
    """Write ``data`` as one line of JSON: UTF-8 text where the stream can carry it, ASCII
    escapes (still the same JSON) where it cannot (a cp1252 console)."""
    stream = stream or sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    ascii_only = encoding not in ("utf8", "utf8sig", "utf16", "utf32")
    stream.write(json.dumps(plain(data), ensure_ascii=ascii_only, allow_nan=False) + "\n")


def plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, numpy numbers as Python ones, NaN as null."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def result_fields(result: RfmResult, *, source: str) -> dict[str, Any]:
    """An analysis as JSON fields: dates, rows, segments, cut points, cleaning, settings."""
    summary = result.summary
    segments = [
        {
            "segment": rec.segment,
            "name": rec.segment_name,
            "customers": rec.customers,
            "customer_share": rec.customer_share,
            "revenue": rec.revenue,
            "revenue_share": rec.revenue_share,
            "mean_recency": rec.mean_recency,
            "mean_frequency": rec.mean_frequency,
            "mean_monetary": rec.mean_monetary,
            "action": rec.action or None,
        }
        for rec in summary.itertuples(index=False)
    ]
    return {
        "source": source,
        "as_of": result.as_of,
        "first_purchase": result.first_purchase,
        "last_purchase": result.last_purchase,
        "rows": {"read": result.cleaning.rows_read, "used": result.cleaning.rows_used},
        "customers": result.customer_count,
        "revenue": float(summary["revenue"].sum()),
        "segments": segments,
        "cut_points": {
            axis: {
                "method": cut.method,
                "bins": cut.bins,
                "cut_points": list(cut.cut_points),
                "customers_per_score": list(cut.counts),
                "unused_scores": list(cut.unused_scores),
            }
            for axis, cut in result.cut_points.items()
        },
        "cleaning": cleaning_steps(result.cleaning),
        "settings": result.config.to_dict(),
    }


def cleaning_steps(report: CleaningReport) -> list[dict[str, Any]]:
    return [
        {"rule": s.rule, "key": s.key, "description": s.description, "rows": s.rows}
        for s in report.steps
    ]
