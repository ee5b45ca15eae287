"""Segment schemes: rule tables shipped as data (``scheme_data/*.json``), loaded and checked.

A scheme has a kind (:mod:`~rfm_engine.options.scheme_kinds`: score ranges, high/low against a
reference, recency days) that checks its rules, assigns customers and reports its coverage.
Customers no rule matches get the scheme's ``other`` segment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import SchemeError
from .scheme_check import SchemeCheck, coverage
from .scheme_kinds import KINDS, SchemeKind, kind_of, score_cell_table
from .segment_rules import Segment, rule_matches
from .settings_files import SettingsFileProblem, read_settings_json

__all__ = [
    "BUILTIN_SCHEMES",
    "KINDS",
    "LANGS",
    "SchemeCheck",
    "Segment",
    "SegmentScheme",
    "check_scheme",
    "load_scheme",
    "rule_matches",
]

LANGS = ("en", "zh_CN", "zh_TW")
BUILTIN_SCHEMES = ("classic", "seed5", "cn8", "activity")
_DEFAULT_OTHER = {
    "key": "other",
    "names": {"en": "Other", "zh_CN": "其他", "zh_TW": "其他"},
    "actions": {
        "en": "Review individually; no rule of this scheme fits them.",
        "zh_CN": "逐个查看：本方案没有规则适用于这些客户。",
        "zh_TW": "逐一查看：本方案沒有規則適用於這些客戶。",
    },
}


@dataclass(frozen=True)
class SegmentScheme:
    """A rule table. Built-ins come from :func:`load_scheme`; custom ones from JSON."""

    key: str
    kind: str
    segments: tuple[Segment, ...]
    names: dict[str, str] = field(default_factory=dict)
    bins: int | None = None
    other: Segment = field(default_factory=lambda: _segment_from_dict(_DEFAULT_OTHER, "other"))

    def __post_init__(self) -> None:
        rules = kind_of(self.kind, self.key)
        if not self.segments:
            raise SchemeError(f"scheme {self.key!r} has no segments", scheme=self.key)
        keys = [s.key for s in self.segments] + [self.other.key]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise SchemeError(
                f"scheme {self.key!r}: segment key {dupes[0]!r} is used twice", scheme=self.key
            )
        for seg in self.segments:
            rules.check_rule(self.key, seg, self.bins)

    @property
    def rules(self) -> SchemeKind:
        """How this scheme's kind of rule table works (see :mod:`.scheme_kinds`)."""
        return KINDS[self.kind]

    # ---- display ----------------------------------------------------------------------------
    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.key

    @property
    def all_segments(self) -> tuple[Segment, ...]:
        """The rules in order, then ``other``."""
        return (*self.segments, self.other)

    def segment(self, key: str) -> Segment:
        for seg in self.all_segments:
            if seg.key == key:
                return seg
        raise SchemeError(f"scheme {self.key!r} has no segment {key!r}", scheme=self.key)

    def require_bins(self, bins: int) -> None:
        """Schemes written for a fixed number of score bins refuse other bin counts."""
        if self.bins is not None and bins != self.bins:
            raise SchemeError(
                f"the {self.key!r} segment scheme is written for {self.bins}-point scores; "
                f"with {bins} bins choose another scheme (e.g. cn8 or activity)",
                scheme=self.key,
            )

    # ---- checking ---------------------------------------------------------------------------
    def score_cell_table(self, bins: int) -> list[int]:
        """For ``score_ranges``: index of the first matching rule per (R, F, M) cell, or -1.

        Cell (r, f, m) (1-based) sits at ``(r-1)*bins*bins + (f-1)*bins + (m-1)``.
        """
        return score_cell_table(self.segments, bins)

    def check(self, bins: int | None = None) -> SchemeCheck:
        """Report uncovered cells, overlapping rules and rules that never match, for
        ``bins``-point scores (default: the scheme's, or 5)."""
        cells, hits, winners = self.rules.coverage_cells(self.segments, bins or self.bins or 5)
        return coverage(self.segments, cells, hits, winners)

    # ---- JSON -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "kind": self.kind}
        if self.names:
            data["names"] = dict(self.names)
        if self.bins is not None:
            data["bins"] = self.bins
        data["segments"] = [s.to_dict() for s in self.segments]
        data["other"] = self.other.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> SegmentScheme:
        if not isinstance(data, dict):
            raise SchemeError("a segment scheme must be a JSON object")
        key = str(data.get("key") or "custom")
        unknown = sorted(
            set(data) - {"key", "kind", "names", "bins", "segments", "other", "description"}
        )
        if unknown:
            raise SchemeError(f"scheme {key!r}: unknown field {unknown[0]!r}", scheme=key)
        segments = data.get("segments")
        if not isinstance(segments, list):
            raise SchemeError(f"scheme {key!r}: 'segments' must be a list", scheme=key)
        bins = data.get("bins")
        if bins is not None and (not isinstance(bins, int) or not 2 <= bins <= 9):
            raise SchemeError(f"scheme {key!r}: bins must be 2-9, not {bins!r}", scheme=key)
        other = data.get("other") or _DEFAULT_OTHER
        return cls(
            key=key,
            kind=str(data.get("kind", "score_ranges")),
            names=_text_map(data.get("names") or {}, key, "names"),
            bins=bins,
            segments=tuple(_segment_from_dict(s, key) for s in segments),
            other=_segment_from_dict(other, key),
        )


def _text_map(value: Any, scheme: str, what: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise SchemeError(f"scheme {scheme!r}: {what} must map languages to text", scheme=scheme)
    return dict(value)


def _int_pair(value: Any, scheme: str, where: str, open_end: bool = False) -> tuple | None:
    if value is None:
        return None
    ok = isinstance(value, (list, tuple)) and len(value) == 2
    ok = ok and isinstance(value[0], int) and not isinstance(value[0], bool)
    ok = ok and (isinstance(value[1], int) or (open_end and value[1] is None))
    if not ok:
        raise SchemeError(
            f"scheme {scheme!r}: {where} must be two whole numbers [low, high], not {value!r}",
            scheme=scheme,
        )
    return (value[0], value[1])


def _segment_from_dict(data: Any, scheme: str) -> Segment:
    if not isinstance(data, dict) or not data.get("key"):
        raise SchemeError(f"scheme {scheme!r}: every segment needs a 'key'", scheme=scheme)
    key = str(data["key"])
    unknown = sorted(set(data) - {"key", "names", "actions", "r", "f", "m", "pattern", "days"})
    if unknown:
        raise SchemeError(
            f"scheme {scheme!r}, segment {key!r}: unknown field {unknown[0]!r}", scheme=scheme
        )
    names = _text_map(data.get("names") or {"en": key}, scheme, f"segment {key!r} names")
    return Segment(
        key=key,
        names=names,
        actions=_text_map(data.get("actions") or {}, scheme, f"segment {key!r} actions"),
        r=_int_pair(data.get("r"), scheme, f"segment {key!r} r"),
        f=_int_pair(data.get("f"), scheme, f"segment {key!r} f"),
        m=_int_pair(data.get("m"), scheme, f"segment {key!r} m"),
        pattern=None if data.get("pattern") is None else str(data["pattern"]),
        days=_int_pair(data.get("days"), scheme, f"segment {key!r} days", open_end=True),
    )


def load_scheme(name_or_path: str | Path) -> SegmentScheme:
    """A built-in scheme by name (``classic``, ``seed5``, ``cn8``, ``activity``) or a JSON file."""
    text_name = str(name_or_path)
    if text_name in BUILTIN_SCHEMES:
        raw = resources.files("rfm_engine.options").joinpath("scheme_data", f"{text_name}.json")
        return SegmentScheme.from_dict(json.loads(raw.read_text(encoding="utf-8")))
    path = Path(name_or_path)
    if path.suffix.lower() != ".json" and not path.exists():
        raise SchemeError(
            f"unknown segment scheme {text_name!r}: use one of {', '.join(BUILTIN_SCHEMES)} "
            "or a .json file",
            scheme=text_name,
        )
    try:
        data = read_settings_json(path)
    except OSError as exc:
        raise SchemeError(
            f"cannot read scheme file {path}: {exc.strerror}", scheme=text_name
        ) from None
    except SettingsFileProblem as exc:
        raise SchemeError(f"scheme file {path} {exc}", scheme=text_name) from None
    try:
        return SegmentScheme.from_dict(data)
    except SchemeError as exc:
        raise SchemeError(f"{path}: {exc}", scheme=text_name) from None


def check_scheme(
    name_or_path: str | Path, *, bins: int | None = None
) -> tuple[SegmentScheme, SchemeCheck]:
    """Load a scheme (ranges and fields are checked, errors raise) and report its coverage.

    Returns the scheme and a :class:`SchemeCheck` of uncovered cells, overlapping rules (the
    first wins) and rules that never match, for ``bins``-point scores (default: the scheme's, or
    5).
    """
    scheme = load_scheme(name_or_path)
    if bins is not None:
        scheme.require_bins(bins)
    return scheme, scheme.check(bins)
