"""A confirmed mapping is remembered for files with the same headers and reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from rfm_engine import ColumnMap, ConfigError, RfmConfig, analyze
from rfm_engine.mapping.memory import header_signature, recall_mapping, remember_mapping


def test_signature_ignores_order_case_spaces_and_bom() -> None:
    assert header_signature(["\ufeffKunde ", "Datum", "Betrag"]) == header_signature(
        ["betrag", "kunde", "DATUM"]
    )
    assert header_signature(["a", "b"]) != header_signature(["a", "c"])


def test_remembered_mapping_is_reused_for_next_month(tmp_path: Path) -> None:
    store = tmp_path / "mappings.json"
    jan, feb = tmp_path / "jan.csv", tmp_path / "feb.csv"
    jan.write_text("Kunde,Datum,Betrag,Notiz\nA,2024-01-02,5,x\nB,2024-01-03,6,y\n")
    feb.write_text("Kunde ,Datum,Betrag,Notiz\nA,2024-02-02,7,x\nC,2024-02-03,8,z\n")
    assert recall_mapping(store, ["Kunde", "Datum", "Betrag", "Notiz"]) is None
    confirmed = ColumnMap(customer="Kunde", date="Datum", amount="Betrag")
    remember_mapping(store, ["Kunde", "Datum", "Betrag", "Notiz"], confirmed)
    recalled = recall_mapping(store, ["Kunde ", "Datum", "Betrag", "Notiz"])
    assert recalled == confirmed
    result = analyze(feb, RfmConfig(columns=recalled))
    assert dict(
        zip(result.customers["customer_id"], result.customers["monetary"], strict=True)
    ) == {
        "A": 7.0,
        "C": 8.0,
    }


def test_a_damaged_store_is_a_clear_error(tmp_path: Path) -> None:
    store = tmp_path / "mappings.json"
    store.write_text("{not json")
    with pytest.raises(ConfigError, match="cannot read saved mappings"):
        recall_mapping(store, ["a"])
