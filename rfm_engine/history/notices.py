"""Warnings as data: what the history code guessed or decided that could change the numbers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HistoryWarning:
    """``code`` for faces to word, a one-line ``message``, the ``evidence`` (examples) and the
    ``option`` that changes the behaviour (empty when none does)."""

    code: str
    message: str
    evidence: tuple[str, ...] = ()
    option: str = ""

    def line(self) -> str:
        shown = f" (e.g. {', '.join(self.evidence[:3])})" if self.evidence else ""
        hint = f"; {self.option}" if self.option else ""
        return f"{self.message}{shown}{hint}"
