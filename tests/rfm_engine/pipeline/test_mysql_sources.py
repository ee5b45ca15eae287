"""Orders in MySQL (a MariaDB server the tests start, tests/mysql_server.py) give exactly the
in-memory engine's customers: the sample, every cleaning rule, and text that MySQL compares
case- and accent-blind by default (``Anna``/``anna``, ``Café``/``Cafe``, trailing spaces).
The shared datasets: test_backends_on_shared_datasets.py.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from test_database_sources import CONFIGS, ORDERS, SAMPLE, assert_same

from rfm_engine import ColumnMap, DatabaseSource, InputFileError, analyze

pytest.importorskip("ibis")


def _load(url: str, name: str, frame: pd.DataFrame, types: dict[str, str] | None = None) -> None:
    import MySQLdb
    from mysql_server import DATABASE, PASSWORD, USER

    host, port = url.split("@", 1)[1].split("/", 1)[0].split(":")
    con = MySQLdb.connect(
        host=host, port=int(port), user=USER, password=PASSWORD, database=DATABASE
    )
    try:
        cur = con.cursor()
        columns = ", ".join(f"`{c}` {(types or {}).get(c, 'text')}" for c in frame.columns)
        cur.execute(f"DROP TABLE IF EXISTS `{name}`")
        # The server's default collation, as a shop's table has it (case- and accent-blind).
        cur.execute(f"CREATE TABLE `{name}` ({columns}) DEFAULT CHARSET=utf8mb4")
        marks = ", ".join(["%s"] * frame.shape[1])
        rows = [
            tuple(None if pd.isna(v) else v for v in row)
            for row in frame.astype(object).itertuples(index=False, name=None)
        ]
        cur.executemany(f"INSERT INTO `{name}` VALUES ({marks})", rows)
        con.commit()
    finally:
        con.close()


def _text_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)


def test_sample_and_every_rule(mysql_url: str, tmp_path: Path) -> None:
    _load(mysql_url, "sample", _text_frame(SAMPLE), {"amount": "decimal(12,2)"})
    assert_same(analyze(SAMPLE), analyze(DatabaseSource(mysql_url, table="sample")))
    csv = tmp_path / "orders.csv"
    csv.write_text(ORDERS, encoding="utf-8")
    _load(mysql_url, "rules", _text_frame(csv))
    for name in ("default", "net_returns_days", "period"):
        config = dataclasses.replace(
            CONFIGS[name], columns=ColumnMap(contacts=("email",), status="status")
        )
        assert_same(analyze(csv, config), analyze(DatabaseSource(mysql_url, table="rules"), config))


CASES = (
    "order,customer,date,amount,note\n"
    "1,Anna,2024-01-02,10,x\n"
    "2,anna,2024-01-03,20,x\n"
    "3,ANNA,2024-01-04,5,x\n"
    "4,b,2024-01-04,7,Ä\n"  # not a duplicate of the next row
    "4,b,2024-01-04,7,ä\n"
    "5,Café,2024-01-05,1,\n"
    "6,Cafe,2024-01-06,2,\n"
    "7,x,2024-01-07,3,y\n"
    "7 ,x,2024-01-07,3,y \n"  # the same order (ids trimmed), not a duplicate row
)


def test_text_compared_as_written_not_by_mysql_collation(mysql_url: str, tmp_path: Path) -> None:
    csv = tmp_path / "cases.csv"
    csv.write_text(CASES, encoding="utf-8")
    _load(mysql_url, "cases", _text_frame(csv))
    expected = analyze(csv)
    assert sorted(expected.customers_table()["customer_id"]) == [
        "ANNA",
        "Anna",
        "Cafe",
        "Café",
        "anna",
        "b",
        "x",
    ]
    assert_same(expected, analyze(DatabaseSource(mysql_url, table="cases")))
    query = DatabaseSource(mysql_url, query="SELECT * FROM cases WHERE amount <> '1'")
    got = analyze(query).customers_table()
    assert "Café" not in set(got["customer_id"]) and "Cafe" in set(got["customer_id"])


def test_password_from_the_environment_never_shown(mysql_url: str, monkeypatch) -> None:
    monkeypatch.setenv("RFM_DB_PASSWORD", "wrong-Secret")
    with pytest.raises(InputFileError) as info:
        analyze(DatabaseSource(mysql_url, table="sample"))
    assert "wrong-Secret" not in str(info.value) and "cannot connect" in str(info.value)
