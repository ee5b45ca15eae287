"""docs/rules.md stays the description of what the engine does: every cleaning rule, option of
the rules, scheme and warning code the engine knows is named there."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rfm_engine import BUILTIN_SCHEMES, CleaningRules
from rfm_engine.cleaning import RULES
from rfm_engine.notes import WARNINGS
from rfm_engine.options import KINDS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")


def test_every_cleaning_rule_and_its_switch_is_documented() -> None:
    for key, (number, _) in RULES.items():
        assert f"`{key}`" in DOC, f"cleaning rule {key!r}: describe it in docs/rules.md"
        assert f"| {number} |" in DOC, number
    for option in dataclasses.fields(CleaningRules):
        assert f"cleaning.{option.name}" in DOC, option.name


def test_every_scheme_kind_and_warning_is_documented() -> None:
    import rfm_engine.model  # noqa: F401  (registers the model's warning codes)

    for scheme in BUILTIN_SCHEMES:
        assert f"`{scheme}`" in DOC, scheme
    assert len(KINDS) == 3 and "Three kinds exist" in DOC
    for code in WARNINGS:
        assert f"`{code}`" in DOC, f"warning {code!r}: describe it in docs/rules.md"
