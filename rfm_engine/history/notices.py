"""The history's warnings, as the engine's :class:`~rfm_engine.notes.RfmWarning` (stage
``history``): what an import or the snapshots decided that could change the numbers."""

from __future__ import annotations

from typing import Any

from ..errors import REASONS
from ..notes import WARNINGS, RfmWarning

WARNINGS["orders_replaced"] = (
    "an export holds orders already in the workspace with other rows; the export added last "
    "replaces them"
)
WARNINGS["last_period_open"] = (
    "the last period ends after the latest purchase; its recency counts the days to its end"
)
WARNINGS["frozen_ties"] = (
    "frozen cut points had ties; the tied thresholds were set one float step apart"
)

REASONS.update(
    {
        "no_workspace": "the workspace file does not exist",
        "not_a_workspace": "the file is not a workspace database",
        "newer_workspace": "the workspace was made by a newer version",
        "empty_workspace": "the workspace holds no rows yet",
        "workspace_layout": "an export's columns differ from the workspace's",
        "workspace_columns": "a workspace keeps the column mapping it was created with",
    }
)


def history_warning(code: str, message: str, option: str | None = None, **evidence: Any):
    return RfmWarning(code, message, option=option, evidence=evidence, stage="history")


def warning_from_dict(data: dict[str, Any]) -> RfmWarning:
    """The warning of :meth:`RfmWarning.to_dict` (as kept in the workspace)."""
    return RfmWarning(
        data["code"],
        data["message"],
        option=data.get("option"),
        evidence=data.get("evidence") or {},
        stage=data.get("stage", "history"),
    )
