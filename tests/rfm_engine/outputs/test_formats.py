"""One registry of export formats: every face lists and checks formats through it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import ConfigError, analyze
from rfm_engine.outputs import (
    FORMATS_BY_KEY,
    LIST_FORMATS,
    available_formats,
    export_format,
    export_segments,
)

ORDERS = pd.DataFrame(
    {
        "customer": ["a", "a", "b", "c"],
        "date": ["2024-01-02", "2024-02-03", "2024-01-05", "2024-02-01"],
        "amount": [10, 20, 5, 7],
        "email": ["a@x.example", "a@x.example", "b@x.example", "not an email"],
    }
)


def test_registry_knows_every_format_and_refuses_others() -> None:
    assert set(LIST_FORMATS) == {"csv", "xlsx", "mailchimp", "crm"}
    assert export_format("report").suffix == ".xlsx" and not export_format("report").segment_list
    with pytest.raises(ConfigError, match="export format must be one of csv, xlsx"):
        export_format("pdf")


def test_available_formats_follow_the_contacts() -> None:
    assert "mailchimp" not in {f.key for f in available_formats({})}
    assert {f.key for f in available_formats({"email": "E-mail"})} == set(FORMATS_BY_KEY)


@pytest.mark.parametrize("fmt", sorted(FORMATS_BY_KEY))
def test_every_format_writes_through_one_call(tmp_path: Path, fmt: str) -> None:
    result = analyze(ORDERS)
    target = tmp_path / f"out{export_format(fmt).suffix}"
    written = export_segments(result, target, fmt)
    assert written[0] == target and target.stat().st_size > 0
    if fmt in ("csv", "crm"):
        table = pd.read_csv(target, dtype=str)
        assert sorted(table["customer_id"]) == ["a", "b", "c"]
    if fmt == "mailchimp":
        table = pd.read_csv(target, dtype=str)
        assert sorted(table["Email Address"]) == ["a@x.example", "b@x.example"]
