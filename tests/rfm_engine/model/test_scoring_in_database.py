"""Cut points and scores computed in the database equal the in-memory ones exactly: NumPy's
type-7 interpolation rebuilt from row numbers (checked against ``np.quantile`` on random and
tied columns), and R, F, M scores as expressions on DuckDB and SQLite tables of shared datasets
and the sample."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import DatabaseSource, RfmConfig, ScoringConfig, analyze
from rfm_engine.aggregate import per_customer_table
from rfm_engine.cleaning import clean_in_database
from rfm_engine.io.database import connect, open_table, release
from rfm_engine.mapping import resolve_columns
from rfm_engine.model.in_database import (
    cut_points_in_database,
    interpolate,
    monetary_of_units,
    score_expressions,
    type7_positions,
)
from rfm_engine.options import AxisScoring
from rfm_engine.options.config import SegmentConfig

pytest.importorskip("ibis")
REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "resources" / "sample" / "sample_orders.csv"


@pytest.mark.parametrize("seed", range(40))
def test_type7_from_positions_is_numpys_quantile(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    bins = int(rng.integers(2, 10))
    if seed % 3 == 0:
        values = rng.integers(1, 6, n).astype(np.float64)  # heavy ties
    else:
        values = monetary_of_units(rng.integers(1, 10**9, n))
    ordered = np.sort(values)
    expected = np.quantile(values, np.arange(1, bins) / bins)
    got = [interpolate(ordered[lo], ordered[hi], g) for lo, hi, g in type7_positions(n, bins)]
    assert [float(e) for e in expected] == got


def _in_database(source: DatabaseSource, config: RfmConfig, as_of):
    con = connect(source)
    try:
        table = open_table(con, source)
        columns = resolve_columns([str(c) for c in table.columns], config.columns, sample=None)
        cleaned = clean_in_database(table, columns, rules=config.cleaning, period=config.period)
        days = config.metrics.frequency == "days"
        per_customer = per_customer_table(cleaned, columns, distinct_days=days)
        cuts = cut_points_in_database(per_customer, config, as_of)
        scored = score_expressions(per_customer, config, as_of, cuts)
        frame = scored.select("_rfm_customer", "r_score", "f_score", "m_score").to_pandas()
    finally:
        release(con)
    return cuts, frame.rename(columns={"_rfm_customer": "customer_id"})


CONFIGS = {
    "quintiles": RfmConfig(),
    "four_bins_days": RfmConfig(
        scoring=ScoringConfig(bins=4),
        segments=SegmentConfig(scheme="activity"),
        metrics=RfmConfig().metrics.__class__(frequency="days"),
    ),
    "fixed": RfmConfig(
        scoring=ScoringConfig(
            recency=AxisScoring("fixed", (30, 60, 90, 120)),
            frequency=AxisScoring("fixed", (2, 3, 5, 8)),
            monetary=AxisScoring("fixed", (100, 250, 500, 1000)),
        )
    ),
}


def _check(expected, cuts, frame) -> None:
    for axis, cut in expected.cut_points.items():
        if cut.method == "quantile":
            assert cuts[axis] == cut.cut_points, axis
    want = expected.customers[["customer_id", "r_score", "f_score", "m_score"]]
    got = frame.set_index("customer_id").loc[want["customer_id"]].reset_index()
    for column in ("r_score", "f_score", "m_score"):
        assert got[column].astype(int).tolist() == want[column].astype(int).tolist(), column


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_sample_scores_in_sqlite(tmp_path: Path, name: str) -> None:
    config = CONFIGS[name]
    expected = analyze(SAMPLE, config)
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False).replace("", None)
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as con:
        frame.to_sql("orders", con, index=False)
    source = DatabaseSource(f"sqlite:///{path}", table="orders")
    config = RfmConfig(
        columns=expected.config.columns,
        scoring=config.scoring,
        metrics=config.metrics,
        segments=config.segments,
    )
    _check(expected, *_in_database(source, config, expected.as_of))


@pytest.mark.parametrize(
    "path",
    ["online_retail/online_retail.csv", "shopify_enavant/orders_export_1.csv"],
)
def test_shared_datasets_scores_in_duckdb(tmp_path: Path, shared_datasets: Path, path: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    csv = shared_datasets / path
    expected = analyze(csv)
    db = tmp_path / "shop.duckdb"
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False).replace("", None)
    with duckdb.connect(str(db)) as con:  # every cell text, as the export has it
        con.register("frame", frame)
        con.execute("CREATE TABLE orders AS SELECT * FROM frame")
    source = DatabaseSource(f"duckdb:///{db}", table="orders")
    config = RfmConfig(columns=expected.config.columns)
    _check(expected, *_in_database(source, config, expected.as_of))
