"""A segment scheme as a table for a sheet: one row per rule, then ``other``.

Columns: ``key``, ``segment`` (name in the chosen language), ``R``, ``F``, ``M``, ``days`` and
``action``. Score schemes fill R/F/M with inclusive ranges (``3-5``; ``any`` when an axis is
free), the high/low scheme with ``high``/``low``, the recency scheme fills ``days``.
"""

from __future__ import annotations

import pandas as pd

from rfm_engine import SegmentScheme
from rfm_engine.options import Segment

COLUMNS = ("key", "segment", "R", "F", "M", "days", "action")


def scheme_rules(scheme: SegmentScheme, lang: str = "en") -> pd.DataFrame:
    """The rules of ``scheme`` in order (first match wins), ``other`` last."""
    rows = [_row(scheme.kind, seg, lang) for seg in scheme.segments]
    rows.append(
        {
            "key": scheme.other.key,
            "segment": scheme.other.name(lang),
            "R": "",
            "F": "",
            "M": "",
            "days": "",
            "action": scheme.other.action(lang),
        }
    )
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))


def _row(kind: str, seg: Segment, lang: str) -> dict[str, str]:
    row = {"key": seg.key, "segment": seg.name(lang), "R": "", "F": "", "M": "", "days": ""}
    if kind == "score_ranges":
        for axis in ("r", "f", "m"):
            rng = getattr(seg, axis)
            row[axis.upper()] = "any" if rng is None else f"{rng[0]}-{rng[1]}"
    elif kind == "high_low" and seg.pattern:
        for axis, digit in zip("RFM", seg.pattern, strict=True):
            row[axis] = "high" if digit == "1" else "low"
    elif seg.days is not None:
        lo, hi = seg.days
        row["days"] = f"{lo}+" if hi is None else f"{lo}-{hi}"
    row["action"] = seg.action(lang)
    return row
