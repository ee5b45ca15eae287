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
    rows = [_row(scheme, seg, lang) for seg in scheme.segments]
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


def _row(scheme: SegmentScheme, seg: Segment, lang: str) -> dict[str, str]:
    row = {"key": seg.key, "segment": seg.name(lang), "R": "", "F": "", "M": "", "days": ""}
    row.update(scheme.rules.rule_cells(seg))
    row["action"] = seg.action(lang)
    return row
