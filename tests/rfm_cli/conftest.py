"""Fixtures of the command-line tests (in-process ``main([...])`` runs and real processes,
see ``cli_process.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """In-process runs print English unless a test asks for another language (the default
    would follow the machine's locale)."""
    monkeypatch.setenv("RFM_LANG", "en")


@pytest.fixture
def shop_orders(tmp_path: Path) -> Path:
    """Four customers with known metrics (as_of 2024-03-02 by default)."""
    path = tmp_path / "orders.csv"
    path.write_text(
        "order,customer,date,amount,email\n"
        "1,00123,2024-01-01,10.50,a@x.example\n"
        "2,00123,2024-02-01,20.00,a@x.example\n"
        "3,B7,2024-01-15,5.00,b@x.example\n"
        "4,C9,2024-02-20,7.00,c@x.example\n"
        "5,D1,2024-03-01,100.00,d@x.example\n"
        "6,D1,2024-02-11,50.00,d@x.example\n",
        encoding="utf-8",
    )
    return path
