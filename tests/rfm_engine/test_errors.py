"""Engine errors carry a reason code and the setting that changes them; their text names no
face's flag, and each face adds its own words (here: the command line's flags)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from rfm_engine import DataError, OutputFileError, Period, RfmConfig, analyze, compare_periods
from rfm_engine.errors import REASONS
from rfm_engine.outputs import write_csv

ENGINE = Path(__file__).resolve().parents[2] / "rfm_engine"


def _orders(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_ambiguous_dates_have_a_code_and_the_option_that_decides(tmp_path: Path) -> None:
    path = _orders(tmp_path, "customer,date,amount\na,03/04/2024,5\nb,05/06/2024,6\n")
    with pytest.raises(DataError) as info:
        analyze(path)
    assert (info.value.code, info.value.option) == ("ambiguous_dates", "reading.dayfirst")
    assert "--" not in str(info.value)


def test_no_purchases_then_is_told_apart_by_code_not_text(tmp_path: Path) -> None:
    path = _orders(tmp_path, "customer,date,amount\na,2024-03-01,5\nb,2024-03-02,6\n")
    with pytest.raises(DataError) as info:
        compare_periods(path, RfmConfig(), as_of_then=dt.date(2024, 1, 1))
    assert info.value.code == "no_purchases_then"
    assert info.value.option == "as_of_then"


def test_nothing_left_is_no_purchases(tmp_path: Path) -> None:
    path = _orders(tmp_path, "customer,date,amount\na,2024-03-01,5\n")
    config = RfmConfig(period=Period(start="2025-01-01"))
    with pytest.raises(DataError) as info:
        analyze(path, config)
    assert info.value.code == "no_purchases"
    assert info.value.code in REASONS


def test_an_output_over_an_input_is_an_output_error(tmp_path: Path) -> None:
    path = _orders(tmp_path, "customer,date,amount\na,2024-03-01,5\n")
    result = analyze(path)
    with pytest.raises(OutputFileError) as info:
        write_csv(result.customers_table(), path, inputs=[path])
    assert info.value.code == "output_is_input"
    assert path.read_text(encoding="utf-8").startswith("customer,date")


def test_engine_messages_name_no_command_line_flag() -> None:
    """String literals in the engine that look like a flag (``--something``) outside
    docstrings and comments: none, so that no face shows another face's controls."""
    found = []
    for path in ENGINE.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if re.search(r"""["'][^"']*\s--[a-z][a-z-]+""", code) or re.search(
                r"""["']--[a-z]""", code
            ):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
