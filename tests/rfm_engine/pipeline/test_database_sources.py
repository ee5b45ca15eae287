"""Orders in a database give exactly the in-memory engine's customers table, cleaning report
and segments: SQLite and DuckDB embedded, PostgreSQL as a real server (tests/postgres_server.py).
Every backend on every shared dataset: test_backends_on_shared_datasets.py.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import (
    CleaningRules,
    ColumnMap,
    ConfigError,
    DatabaseSource,
    DataError,
    InputFileError,
    Period,
    RfmConfig,
    analyze,
)

pytest.importorskip("ibis")

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "resources" / "sample" / "sample_orders.csv"
ORDERS = (
    "order,customer,date,amount,status,email\n"
    "1,a,2024-01-02,10.10,paid,a@x.example\n"
    "1,a,2024-01-02,10.10,paid,a@x.example\n"  # rule 1
    "2,a,2024-02-03,5.05,paid,\n"
    "3,,2024-02-03,9,paid,\n"  # rule 2
    "4,b,not a date,9,paid,b@x.example\n"  # rule 3
    "5,b,2024-01-10,free,paid,\n"  # rule 3
    "6,b,2024-01-11,-4.5,paid,\n"  # rule 4 (a return when netted)
    "7,c,2024-03-01,20,交易关闭,c@x.example\n"  # rule 6
    "8,c,2024-03-02,7.25,paid,c@x.example\n"
    "9,d,2023-12-30,3,paid,\n"
    "10,b,2024-01-12,12.5,paid,b2@x.example\n"
    "11,e,2024-03-05,8,paid,e@x.example\n"
)
CONFIGS = {
    "default": RfmConfig(),
    "net_returns_days": RfmConfig(
        cleaning=CleaningRules(returns="net"),
        metrics=dataclasses.replace(RfmConfig().metrics, frequency="days"),
    ),
    "period": RfmConfig(period=Period(start="2024-01-01", as_of="2024-03-01")),
    "mean_monetary": RfmConfig(metrics=dataclasses.replace(RfmConfig().metrics, monetary="mean")),
}


def _text_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)


def _sqlite(path: Path, frame: pd.DataFrame, table: str = "orders") -> DatabaseSource:
    with sqlite3.connect(path) as con:
        frame.to_sql(table, con, index=False, if_exists="replace")
    return DatabaseSource(f"sqlite:///{path}", table=table)


def assert_same(expected, got) -> None:
    assert got.customers_table().to_csv(index=False) == expected.customers_table().to_csv(
        index=False
    )
    keys = ["rule", "key", "rows"]
    pd.testing.assert_frame_equal(got.cleaning.to_frame()[keys], expected.cleaning.to_frame()[keys])
    pd.testing.assert_frame_equal(got.summary, expected.summary)
    assert got.as_of == expected.as_of


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_sqlite_text_columns_follow_every_rule(tmp_path: Path, name: str) -> None:
    csv = tmp_path / "orders.csv"
    csv.write_text(ORDERS, encoding="utf-8")
    config = dataclasses.replace(
        CONFIGS[name], columns=ColumnMap(contacts=("email",), status="status")
    )
    source = _sqlite(tmp_path / "shop.db", _text_frame(csv))
    expected = analyze(csv, config)
    got = analyze(source, config)
    assert_same(expected, got)
    assert got.cleaning.rows_read == 12


def test_sample_in_sqlite_and_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    expected = analyze(SAMPLE)
    assert_same(expected, analyze(_sqlite(tmp_path / "shop.db", _text_frame(SAMPLE))))
    path = tmp_path / "shop.duckdb"
    with duckdb.connect(str(path)) as con:  # typed columns, as DuckDB reads the CSV
        con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv_auto('{SAMPLE}')")
    assert_same(expected, analyze(DatabaseSource(f"duckdb:///{path}", table="orders")))


def test_a_query_is_a_source_too(tmp_path: Path) -> None:
    source = _sqlite(tmp_path / "shop.db", _text_frame(SAMPLE))
    query = DatabaseSource(source.url, query="SELECT * FROM orders WHERE status = 'completed'")
    frame = _text_frame(SAMPLE)
    expected = analyze(frame[frame["status"] == "completed"].reset_index(drop=True))
    assert analyze(query).customers_table().to_csv() == expected.customers_table().to_csv()


def test_passwords_never_in_urls_or_messages(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(ConfigError) as info:
        DatabaseSource("postgresql://shop:hunter2@db.example/shop", table="orders")
    assert "hunter2" not in str(info.value) and info.value.code == "password_in_url"
    monkeypatch.setenv("RFM_DB_PASSWORD", "s3cret-Value")
    with pytest.raises(InputFileError) as info:
        analyze(DatabaseSource("postgresql://shop@127.0.0.1:1/shop", table="orders"))
    assert "s3cret" not in str(info.value) and "127.0.0.1:1" in str(info.value)
    with pytest.raises(ConfigError, match="name a table or a query"):
        DatabaseSource("sqlite:///x.db")


def _copy_into_postgres(url: str, table: str, frame: pd.DataFrame, types: dict) -> None:
    import psycopg

    conninfo = url.replace("postgresql://postgres@", "postgresql://postgres:{pw}@").format(
        pw=os.environ["RFM_DB_PASSWORD"]
    )
    with psycopg.connect(conninfo, autocommit=True) as con:
        columns = ", ".join(f'"{c}" {types.get(c, "text")}' for c in frame.columns)
        con.execute(f'DROP TABLE IF EXISTS "{table}"')
        con.execute(f'CREATE TABLE "{table}" ({columns})')
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, header=False)
        with con.cursor().copy(f"COPY \"{table}\" FROM STDIN WITH (FORMAT csv, NULL '')") as copy:
            copy.write(buffer.getvalue())


def test_postgres_sample_and_rules(postgres_url: str, tmp_path: Path) -> None:
    _copy_into_postgres(postgres_url, "sample", _text_frame(SAMPLE), {"amount": "numeric"})
    assert_same(analyze(SAMPLE), analyze(DatabaseSource(postgres_url, table="sample")))
    csv = tmp_path / "orders.csv"
    csv.write_text(ORDERS, encoding="utf-8")
    _copy_into_postgres(postgres_url, "rules", _text_frame(csv), {})
    config = dataclasses.replace(
        CONFIGS["net_returns_days"], columns=ColumnMap(contacts=("email",), status="status")
    )
    assert_same(analyze(csv, config), analyze(DatabaseSource(postgres_url, table="rules"), config))


def test_a_rule_switched_off_refuses_its_rows_in_both(tmp_path: Path) -> None:
    csv = tmp_path / "orders.csv"
    csv.write_text(ORDERS, encoding="utf-8")
    source = _sqlite(tmp_path / "shop.db", _text_frame(csv))
    config = RfmConfig(cleaning=CleaningRules(drop_blank_customer=False))
    errors = []
    for where in (csv, source):
        with pytest.raises(DataError) as info:
            analyze(where, config)
        errors.append(info.value)
    assert [e.code for e in errors] == ["rule_off", "rule_off"]
    assert all("blank customer id in column 'customer'" in str(e) for e in errors)
    assert all("1 such rows" in str(e) for e in errors)


WILD = (
    "id,Created (UTC),Amount,Currency,Status,Customer ID,Customer Email,Cancelled at\n"
    "1,2024-04-01 10:00,10.00,usd,Paid,cus_A,a@x.example,\n"
    "2,2024-04-02 10:00,20.00,usd,Paid,,g@x.example,\n"  # a guest: keyed by the email
    "3,2024-04-03 10:00,5.00,usd,Paid,NA,g@x.example,\n"  # NA is no customer
    "4,2024-04-03 11:00,7.00,usd,Paid,cus_B,b@x.example,2024-04-04\n"  # cancelled
    "5,2024-04-04 10:00,9.00,usd,Paid,cus_B,b@x.example,\n"
)


def test_key_fallback_markers_and_cancellations_as_in_memory(tmp_path: Path) -> None:
    csv = tmp_path / "payments.csv"
    csv.write_text(WILD, encoding="utf-8")
    source = _sqlite(tmp_path / "shop.db", _text_frame(csv))
    expected = analyze(csv)
    assert expected.config.columns.customer_fallback == ("Customer Email",)
    assert set(expected.customers["customer_id"]) == {"cus_A", "cus_B", "g@x.example"}
    assert_same(expected, analyze(source))
    assert analyze(source).cleaning.rows_dropped("cancelled_at") == 1


def test_currencies_and_links_the_database_cannot_make_are_refused(tmp_path: Path) -> None:
    mixed = WILD.replace("5,2024-04-04 10:00,9.00,usd", "5,2024-04-04 10:00,9.00,eur")
    csv = tmp_path / "payments.csv"
    csv.write_text(mixed, encoding="utf-8")
    source = _sqlite(tmp_path / "shop.db", _text_frame(csv))
    with pytest.raises(DataError) as info:
        analyze(source)
    assert info.value.code == "mixed_currencies"
    keep = RfmConfig(cleaning=CleaningRules(currency="usd"))
    assert_same(analyze(csv, keep), analyze(source, keep))
    # A guest charge whose email is also a registered customer's: linked in memory only.
    linked = WILD + "6,2024-04-05 10:00,3.00,usd,Paid,,a@x.example,\n"
    csv.write_text(linked, encoding="utf-8")
    source = _sqlite(tmp_path / "linked.db", _text_frame(csv))
    assert analyze(csv).customers.set_index("customer_id").loc["cus_A", "frequency"] == 2
    with pytest.raises(ConfigError) as refused:
        analyze(source)
    assert refused.value.option == "columns.customer"
