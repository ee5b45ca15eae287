"""Orders read by Spark in local mode (through ibis's PySpark backend) give exactly the in-memory
engine's customers table, cleaning counts and segments: CSV paths (every cell text, as from a
file), Parquet (typed columns) and a catalog table; the shared datasets are in
test_backends_on_shared_datasets.py.

Spark starts once for the whole test session (several seconds; the ``spark`` fixture of
tests/conftest.py); the tests skip without PySpark or Java (scripts/bootstrap.sh installs both).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from test_database_sources import CONFIGS, ORDERS, SAMPLE, assert_same

from rfm_engine import ColumnMap, DatabaseSource, analyze
from rfm_engine.io.spark import spark_master
from rfm_engine.outputs import write_customers_table

pytest.importorskip("ibis")
pytest.importorskip("pyspark")


def test_master_from_url() -> None:
    assert spark_master("spark://local[2]") == "local[2]"
    assert spark_master("pyspark://") == "local[*]"
    assert spark_master("spark://10.0.0.5:7077") == "spark://10.0.0.5:7077"
    source = DatabaseSource("spark://local[2]", table="orders.parquet")
    assert source.name == "spark://local[2] orders.parquet"


def test_csv_path_every_rule(spark, tmp_path: Path) -> None:
    csv = tmp_path / "orders.csv"
    csv.write_text(ORDERS, encoding="utf-8")
    for name in ("default", "net_returns_days"):
        config = dataclasses.replace(
            CONFIGS[name], columns=ColumnMap(contacts=("email",), status="status")
        )
        got = analyze(DatabaseSource("spark://local[2]", table=str(csv)), config)
        assert_same(analyze(csv, config), got)
        assert got.cleaning.rows_read == 12


def test_ids_trimmed_of_blanks_only(spark, tmp_path: Path) -> None:
    """Trimming ids in Spark keeps letters at their ends (ibis's trim once took v and f too)."""
    csv = tmp_path / "ids.csv"
    csv.write_text(
        "customer,date,amount\nWolff,2024-01-02,5\n  vivf ,2024-01-03,6\nfive,2024-01-04,7\n",
        encoding="utf-8",
    )
    got = analyze(DatabaseSource("spark://local[2]", table=str(csv)))
    assert sorted(got.customers_table()["customer_id"]) == ["Wolff", "five", "vivf"]
    assert_same(analyze(csv), got)


def test_sample_as_parquet_and_catalog_table(spark, tmp_path: Path) -> None:
    expected = analyze(SAMPLE)
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False).replace("", None)
    frame["amount"] = pd.to_numeric(frame["amount"])  # typed, cast in Spark; dates stay text
    parquet = tmp_path / "sample.parquet"
    frame.to_parquet(parquet, index=False)
    assert_same(expected, analyze(DatabaseSource("spark://local[2]", table=str(parquet))))
    spark.read.parquet(str(parquet)).createOrReplaceTempView("sample_orders")
    source = DatabaseSource("pyspark://", table="sample_orders")
    got = analyze(source)
    assert_same(expected, got)
    # --write-table: the customers table lands in Spark's catalog as it was computed
    write_customers_table(got, source, "rfm_customers")
    back = spark.table("rfm_customers").toPandas().sort_values("customer_id")
    table = got.customers_table().sort_values("customer_id")
    assert back["customer_id"].tolist() == table["customer_id"].tolist()
    assert back["monetary"].tolist() == table["monetary"].tolist()
    assert back["segment"].tolist() == table["segment"].tolist()
