"""A table scored in its own database (:func:`rfm_engine.score_in_database`) writes there the
customers table the in-memory engine gives (metrics, scores, segments, names), and brings back
the same summary and cut points: SQLite and DuckDB files, and a PostgreSQL server the test
session starts."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import (
    CUSTOMER_COLUMNS,
    ConfigError,
    DatabaseSource,
    OutputFileError,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    analyze,
    score_in_database,
)
from rfm_engine.options import AxisScoring

pytest.importorskip("ibis")
REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "resources" / "sample" / "sample_orders.csv"

CONFIGS = {
    "classic": RfmConfig(),
    "cn8_median_days": RfmConfig(
        segments=SegmentConfig(scheme="cn8", reference="median"),
        metrics=RfmConfig().metrics.__class__(frequency="days"),
    ),
    "activity_fixed_weights": RfmConfig(
        scoring=ScoringConfig(
            bins=4,
            recency=AxisScoring("fixed", (30, 90, 180)),
            weights=(0.5, 0.25, 0.25),
        ),
        segments=SegmentConfig(scheme="activity"),
    ),
}


def _text_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)


def _sqlite(tmp_path: Path, frame: pd.DataFrame) -> DatabaseSource:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as con:
        frame.to_sql("orders", con, index=False)
    return DatabaseSource(f"sqlite:///{path}", table="orders")


def _duckdb(tmp_path: Path, frame: pd.DataFrame) -> DatabaseSource:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "shop.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE orders AS SELECT * FROM frame")
    return DatabaseSource(f"duckdb:///{path}", table="orders")


def _written(source: DatabaseSource, name: str) -> pd.DataFrame:
    """The table as the database holds it (read with the database's own client)."""
    path = source.url.split(":///", 1)[1]
    if source.url.startswith("sqlite"):
        with sqlite3.connect(path) as con:
            return pd.read_sql(f"SELECT * FROM {name}", con)
    import duckdb

    with duckdb.connect(path, read_only=True) as con:
        return con.execute(f"SELECT * FROM {name}").df()


def _same(expected, scores, table: pd.DataFrame) -> None:
    assert list(table.columns) == [*CUSTOMER_COLUMNS, *expected.contacts]
    assert scores.customer_count == len(expected.customers) == len(table)
    want = expected.customers_table().set_index("customer_id")
    got = table.set_index(table["customer_id"].astype(str)).loc[want.index]
    for column in ("recency_days", "frequency", "r_score", "f_score", "m_score"):
        assert got[column].astype(int).tolist() == want[column].astype(int).tolist(), column
    assert got["monetary"].astype(float).tolist() == want["monetary"].astype(float).tolist()
    for column in ("rfm_code", "segment", "segment_name"):
        assert got[column].astype(str).tolist() == want[column].astype(str).tolist(), column
    if pd.api.types.is_integer_dtype(want["rfm_score"]):
        assert got["rfm_score"].astype(int).tolist() == want["rfm_score"].tolist()
    else:
        np.testing.assert_allclose(got["rfm_score"].astype(float), want["rfm_score"], rtol=1e-12)
    for axis, cut in expected.cut_points.items():
        assert scores.cut_points[axis] == cut, axis
    summary, theirs = expected.summary, scores.summary
    assert list(theirs.columns) == list(summary.columns)
    for column in ("segment", "segment_name", "customers", "orders", "action"):
        assert theirs[column].tolist() == summary[column].tolist(), column
    for column in ("revenue", "customer_share", "revenue_share", "mean_recency", "mean_frequency"):
        np.testing.assert_allclose(theirs[column], summary[column], rtol=1e-9, err_msg=column)
    np.testing.assert_allclose(theirs["mean_monetary"], summary["mean_monetary"], rtol=1e-9)
    assert scores.as_of == expected.as_of
    assert (scores.first_purchase, scores.last_purchase) == (
        expected.first_purchase,
        expected.last_purchase,
    )
    assert {w.code for w in scores.warnings} == {w.code for w in expected.warnings}


@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("backend", ["sqlite", "duckdb"])
def test_sample_scored_in_the_database(tmp_path: Path, backend: str, name: str) -> None:
    config = CONFIGS[name]
    expected = analyze(SAMPLE, config)
    source = (_sqlite if backend == "sqlite" else _duckdb)(tmp_path, _text_frame(SAMPLE))
    config = RfmConfig(
        columns=expected.config.columns,
        scoring=config.scoring,
        metrics=config.metrics,
        segments=config.segments,
    )
    scores = score_in_database(source, "rfm_customers", config)
    assert scores.table == "rfm_customers" and scores.engine == "database"
    _same(expected, scores, _written(source, "rfm_customers"))
    # Again: the table is replaced, not appended to; the input is untouched.
    again = score_in_database(source, "rfm_customers", config)
    assert len(_written(source, "rfm_customers")) == again.customer_count
    assert len(_written(source, "orders")) == expected.cleaning.rows_read


def test_online_retail_scored_in_duckdb(tmp_path: Path, shared_datasets: Path) -> None:
    csv = shared_datasets / "online_retail" / "online_retail.csv"
    expected = analyze(csv)
    source = _duckdb(tmp_path, _text_frame(csv))
    scores = score_in_database(source, "rfm", RfmConfig(columns=expected.config.columns))
    _same(expected, scores, _written(source, "rfm"))


def test_scored_in_postgresql(postgres_url: str) -> None:
    psycopg = pytest.importorskip("psycopg")
    expected = analyze(SAMPLE)
    conninfo = postgres_url.replace("postgresql://postgres@", "postgresql://postgres:{pw}@")
    conninfo = conninfo.format(pw=os.environ["RFM_DB_PASSWORD"])
    frame = _text_frame(SAMPLE)
    with psycopg.connect(conninfo, autocommit=True) as con:
        columns = ", ".join(f'"{c}" text' for c in frame.columns)
        con.execute("DROP TABLE IF EXISTS sample_orders")
        con.execute(f"CREATE TABLE sample_orders ({columns})")
        with con.cursor().copy(f"COPY sample_orders ({', '.join(frame.columns)}) FROM STDIN") as c:
            for row in frame.itertuples(index=False):
                c.write_row(row)
    source = DatabaseSource(postgres_url, table="sample_orders")
    scores = score_in_database(source, "rfm_scored", RfmConfig(columns=expected.config.columns))
    with psycopg.connect(conninfo) as con:
        cursor = con.execute("SELECT * FROM rfm_scored")
        names = [d.name for d in cursor.description]
        table = pd.DataFrame(cursor.fetchall(), columns=names)
    _same(expected, scores, table)


def test_what_the_database_cannot_score_exactly_is_refused(tmp_path: Path) -> None:
    source = _sqlite(tmp_path, _text_frame(SAMPLE))
    columns = analyze(SAMPLE).config.columns
    mean = RfmConfig(columns=columns, metrics=RfmConfig().metrics.__class__(monetary="mean"))
    with pytest.raises(ConfigError) as caught:
        score_in_database(source, "rfm", mean)
    assert caught.value.option == "metrics.monetary"
    values = RfmConfig(columns=columns, segments=SegmentConfig(scheme="cn8", basis="values"))
    with pytest.raises(ConfigError) as caught:
        score_in_database(source, "rfm", values)
    assert caught.value.option == "segments.basis"
    with pytest.raises(OutputFileError):
        score_in_database(source, "orders", RfmConfig(columns=columns))  # the input itself
