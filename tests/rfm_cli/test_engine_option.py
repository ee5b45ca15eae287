"""`rfm analyze --engine`: the out-of-core engine writes the same customers table."""

from __future__ import annotations

import pandas as pd
import pytest

from rfm_cli.main import main

pytest.importorskip("duckdb")

ORDERS = (
    "order,customer,date,amount\n"
    "1,00123,2024-01-01,10.50\n"
    "2,00123,2024-02-01,20.00\n"
    "3,B7,2024-01-15,5.00\n"
    "3,B7,2024-01-15,5.00\n"
    "4,C1,2024-01-20,-7.00\n"
)


def test_duckdb_engine_gives_the_memory_engines_files(tmp_path, capsys) -> None:
    source = tmp_path / "orders.csv"
    source.write_text(ORDERS, encoding="utf-8")
    tables = {}
    for engine in ("memory", "duckdb"):
        out = tmp_path / engine
        assert main(["analyze", str(source), "--out", str(out), "--engine", engine]) == 0
        tables[engine] = pd.read_csv(out / "customers.csv", dtype=str)
        config = (out / "config.json").read_text(encoding="utf-8")
        assert f'"engine": "{engine}"' in config
    capsys.readouterr()
    pd.testing.assert_frame_equal(tables["memory"], tables["duckdb"])
    assert list(tables["duckdb"]["customer_id"]) == ["00123", "B7"]
    assert list(tables["duckdb"]["frequency"]) == ["2", "1"]


def test_verbose_says_which_engine_ran(tmp_path, capsys) -> None:
    source = tmp_path / "orders.csv"
    source.write_text(ORDERS, encoding="utf-8")
    for engine, said in (("memory", "in memory"), ("duckdb", "DuckDB, reading the files itself")):
        out = tmp_path / engine
        assert main(["analyze", str(source), "--out", str(out), "--engine", engine, "-v"]) == 0
        assert f"engine: {said}" in capsys.readouterr().err
