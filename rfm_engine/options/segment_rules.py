"""One rule of a segment scheme: its key, names and action per language, and what it matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Segment:
    """One rule of a scheme, with display names and a recommended action per language."""

    key: str
    names: dict[str, str]
    actions: dict[str, str] = field(default_factory=dict)
    r: tuple[int, int] | None = None
    f: tuple[int, int] | None = None
    m: tuple[int, int] | None = None
    pattern: str | None = None
    days: tuple[int, int | None] | None = None

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.key

    def action(self, lang: str = "en") -> str:
        return self.actions.get(lang) or self.actions.get("en") or ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "names": dict(self.names)}
        if self.actions:
            data["actions"] = dict(self.actions)
        for attr in ("r", "f", "m", "days"):
            value = getattr(self, attr)
            if value is not None:
                data[attr] = list(value)
        if self.pattern is not None:
            data["pattern"] = self.pattern
        return data


def rule_matches(seg: Segment, r: int, f: int, m: int) -> bool:
    """True when score cell (r, f, m) is within every range the rule gives."""
    for rng, value in ((seg.r, r), (seg.f, f), (seg.m, m)):
        if rng is not None and not rng[0] <= value <= rng[1]:
            return False
    return True
