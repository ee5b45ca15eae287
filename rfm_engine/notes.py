"""Warnings as data: every uncertain choice the engine makes, and every limit of a result,
is returned (never only logged) so that each face can show it.

A :class:`RfmWarning` names its reason with a stable ``code`` (listed in :data:`WARNINGS`),
says what was chosen in one English line, carries the ``evidence`` (column, counts, example
rows) and names the ``option`` that changes the choice, as a path into
:class:`~rfm_engine.RfmConfig` (faces word it as a flag, a control or an argument).

Stages add their warnings to what they return (``CleanedData.warnings``,
``CustomerTotals.warnings``); :class:`~rfm_engine.RfmResult` and
:class:`~rfm_engine.DataCheck` carry them all, in stage order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Warning codes and what each means. A stage that adds a code lists it here.
WARNINGS: dict[str, str] = {}


@dataclass(frozen=True)
class RfmWarning:
    """One uncertain choice, or one limit of a result."""

    code: str
    message: str
    option: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict, compare=False)
    #: The stage that made the choice: reading, mapping, cleaning, model, prediction, history.
    stage: str = ""

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: code, stage, message, option and the evidence."""
        return {
            "code": self.code,
            "stage": self.stage,
            "message": self.message,
            "option": self.option,
            "evidence": {k: _plain(v) for k, v in self.evidence.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)
