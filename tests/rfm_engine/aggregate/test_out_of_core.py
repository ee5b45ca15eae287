"""The out-of-core (DuckDB) path gives the in-memory path's numbers, chunk by chunk.

Every shared CSV dataset is analysed both ways with chunks small enough to split it many times;
the customers tables must be identical. Small hand-made files check rules whose rows meet across
chunk borders (duplicates, returns, period, status, contacts, day-first dates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import CUSTOMER_COLUMNS, RfmConfig, analyze
from rfm_engine.aggregate import choose_engine
from rfm_engine.errors import ConfigError, DataError
from rfm_engine.options.config import CleaningRules, ColumnMap, Period, ReadOptions
from rfm_engine.pipeline import analyze_out_of_core

pytest.importorskip("duckdb")

COMPARED = [*CUSTOMER_COLUMNS, "orders", "revenue", "first_purchase", "last_purchase"]

SHARED = {
    "online_retail": (["online_retail/online_retail.csv"], 50_000),
    "taobao_utf8": (["taobao_toy_shop_2017/orders_utf8.csv"], 500),
    "taobao_gbk": (["taobao_toy_shop_2017/orders_gbk.csv"], 500),
    "mingrisoft_1月": (["mingrisoft_taobao_2018_2019/1月.csv"], 7),
    "rfm_r_sample": (["rfm_r_sample/rfm_data_orders.csv"], 600),
    # Workbooks are read in memory by both paths (they cannot outgrow memory): same result.
    "mingrisoft_workbooks": (
        ["mingrisoft_taobao_2018_2019/2018.xlsx", "mingrisoft_taobao_2018_2019/2019.xlsx"],
        1000,
    ),
}


def both(paths, config=None, chunk_rows=2, arrow=False):
    config = config or RfmConfig()
    memory = analyze(paths, dataclasses.replace(config, reading=ReadOptions(engine="memory")))
    outside = analyze_out_of_core(
        [Path(p) for p in paths], config, chunk_rows=chunk_rows, arrow=arrow
    )
    return memory, outside


def assert_same(memory, outside):
    pd.testing.assert_frame_equal(memory.customers[COMPARED], outside.customers[COMPARED])
    for name in memory.contacts:
        assert list(memory.customers[name].astype(object)) == list(
            outside.customers[name].astype(object)
        )
    counts = ["rule", "key", "rows"]
    pd.testing.assert_frame_equal(
        memory.cleaning.to_frame()[counts], outside.cleaning.to_frame()[counts]
    )
    assert (memory.as_of, memory.first_purchase, memory.last_purchase) == (
        outside.as_of,
        outside.first_purchase,
        outside.last_purchase,
    )
    assert memory.cut_points == outside.cut_points


@pytest.mark.parametrize("arrow", [False, True], ids=["duckdb", "arrow"])
@pytest.mark.parametrize("name", sorted(SHARED))
def test_shared_dataset_same_customers_both_ways(
    shared_datasets: Path, name: str, arrow: bool
) -> None:
    inputs, chunk_rows = SHARED[name]
    paths = [shared_datasets / p for p in inputs]
    memory, outside = both(paths, chunk_rows=chunk_rows, arrow=arrow)
    assert_same(memory, outside)
    examples = [[list(s.examples["_row"]) for s in r.cleaning.steps] for r in (memory, outside)]
    assert examples[0] == examples[1]


@pytest.mark.parametrize("arrow", [False, True], ids=["duckdb", "arrow"])
def test_shared_dataset_with_returns_netted_and_days(shared_datasets: Path, arrow: bool) -> None:
    config = RfmConfig(
        cleaning=CleaningRules(returns="net"),
        metrics=dataclasses.replace(RfmConfig().metrics, frequency="days"),
        period=Period(as_of=dt.date(2011, 12, 1), start=dt.date(2011, 1, 1)),
    )
    memory, outside = both(
        [shared_datasets / "online_retail/online_retail.csv"],
        config,
        chunk_rows=100_000,
        arrow=arrow,
    )
    assert outside.cleaning.returns_netted > 0
    assert_same(memory, outside)


def write(tmp_path: Path, text: str, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicates_across_chunks_dropped_once(tmp_path: Path) -> None:
    # With 2-row chunks the repeated row (lines 1 and 5) sits in different chunks.
    path = write(
        tmp_path,
        "order,customer,date,amount\n"
        "1,A,2024-01-01,10\n"
        "2,B,2024-01-02,5\n"
        "3,A,2024-01-03,7\n"
        "4,B,2024-01-04,1\n"
        "1,A,2024-01-01,10\n",
    )
    memory, outside = both([path])
    assert_same(memory, outside)
    a = outside.customers.set_index("customer_id").loc["A"]
    assert (a["frequency"], a["monetary"], a["recency_days"]) == (2, 17.0, 2)
    assert outside.cleaning.rows_dropped("duplicates") == 1
    dup = next(s for s in outside.cleaning.steps if s.key == "duplicates")
    assert list(dup.examples["_row"]) == [5]


def test_duplicates_kept_when_the_rule_is_off(tmp_path: Path) -> None:
    path = write(
        tmp_path, "customer,date,amount\nA,2024-01-01,10\nB,2024-01-02,5\nA,2024-01-01,10\n"
    )
    config = RfmConfig(cleaning=CleaningRules(drop_duplicates=False))
    memory, outside = both([path], config)
    assert_same(memory, outside)
    a = outside.customers.set_index("customer_id").loc["A"]
    assert (a["frequency"], a["monetary"]) == (2, 20.0)


def test_returns_netted_across_chunks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "customer,date,amount\n"
        "A,2024-01-01,100\n"
        "B,2024-01-05,30\n"
        "A,2024-01-10,-25\n"
        "C,2024-01-11,-5\n"  # a return of a customer who never bought: not a customer
        "A,2024-01-12,0\n",
    )
    memory, outside = both([path], RfmConfig(cleaning=CleaningRules(returns="net")))
    assert_same(memory, outside)
    table = outside.customers.set_index("customer_id")
    assert list(table.index) == ["A", "B"]
    assert table.loc["A", "monetary"] == 75.0 and table.loc["A", "frequency"] == 1
    assert outside.cleaning.returns_netted == 2
    assert outside.cleaning.rows_dropped("non_positive") == 1


def test_period_and_status_across_chunks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "order,customer,date,amount,status\n"
        "1,A,2023-12-31,50,paid\n"
        "2,A,2024-01-02,10,paid\n"
        "3,B,2024-01-03,20,refunded\n"
        "4,B,2024-01-04,40,paid\n"
        "5,A,2024-03-01,99,paid\n",
    )
    config = RfmConfig(
        columns=ColumnMap(status="status"),
        period=Period(as_of=dt.date(2024, 2, 1), start=dt.date(2024, 1, 1)),
    )
    memory, outside = both([path], config)
    assert_same(memory, outside)
    table = outside.customers.set_index("customer_id")
    assert table.loc["A", "recency_days"] == 30 and table.loc["A", "monetary"] == 10.0
    assert table.loc["B", "frequency"] == 1 and table.loc["B", "monetary"] == 40.0
    for key in ("after_as_of", "before_start", "cancelled"):
        assert outside.cleaning.rows_dropped(key) == 1


def test_latest_contact_and_shared_order_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "order,customer,date,amount,email\n"
        "9,A,2024-01-05,1,new@x.example\n"
        "9,A,2024-01-05,2,\n"
        "7,A,2024-01-01,3,old@x.example\n"
        "9,B,2024-01-02,4,b@x.example\n",
    )
    config = RfmConfig(columns=ColumnMap(contacts=("email",)))
    memory, outside = both([path], config)
    assert_same(memory, outside)
    table = outside.customers.set_index("customer_id")
    assert table.loc["A", "email"] == "new@x.example"
    assert table.loc["A", "frequency"] == 2 and table.loc["B", "frequency"] == 1


def test_day_first_decided_from_a_later_chunk(tmp_path: Path) -> None:
    # The first chunk cannot tell (03/04); the third row (25/04) shows day-first for all.
    path = write(tmp_path, "customer,date,amount\nA,03/04/2024,1\nB,04/04/2024,2\nA,25/04/2024,3\n")
    memory, outside = both([path])
    assert_same(memory, outside)
    assert outside.first_purchase == dt.date(2024, 4, 3)


def test_mostly_unreadable_dates_refused_over_all_chunks(tmp_path: Path) -> None:
    path = write(tmp_path, "customer,date,amount\nA,2024-01-01,1\nB,soon,2\nC,later,3\n")
    with pytest.raises(DataError, match="2 of 3 rows have no readable date"):
        analyze_out_of_core([path], RfmConfig(), chunk_rows=2)


def test_engine_choice_and_option(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "customer,date,amount\nA,2024-01-01,1\n")
    assert choose_engine([path], RfmConfig()) == "memory"  # small file, auto
    duck = RfmConfig(reading=ReadOptions(engine="duckdb"))
    assert choose_engine([path], duck) == "duckdb"
    assert RfmConfig.from_json(duck.to_json()) == duck
    with pytest.raises(ConfigError, match=r"reading\.engine"):
        ReadOptions(engine="spark")
    assert analyze(path, RfmConfig()).engine == "memory"
    monkeypatch.setattr("rfm_engine.aggregate.out_of_core.DUCKDB_BYTES", 10)
    assert choose_engine([path], RfmConfig()) == "arrow"
    result = analyze(path, RfmConfig())
    assert result.customers["monetary"].tolist() == [1.0]
    assert result.engine == "arrow"  # Arrow read the file, DuckDB totalled it
    result = analyze(path, duck)
    assert result.customers["monetary"].tolist() == [1.0]
    assert result.engine == "duckdb"  # DuckDB read the file itself


def test_auto_engine_by_estimated_memory() -> None:
    from rfm_engine.aggregate.out_of_core import auto_engine, estimated_peak

    mb, gb = 1024**2, 1024**3
    assert estimated_peak(800 * mb) > 4 * gb  # the in-memory path's ~5x the text
    assert auto_engine(10 * mb, 16 * gb) == "memory"
    assert auto_engine(10 * mb, None) == "memory"  # memory unknown: by size alone
    assert auto_engine(100 * mb, 16 * gb) == "memory"
    assert auto_engine(100 * mb, 1 * gb) == "duckdb"  # 0.8 GB estimated, 1 GB available
    # Larger: Arrow holds the text (about 1.3x) and DuckDB totals it beside, when that fits in
    # half the memory; else DuckDB reads the file into its own tables, out of core.
    assert auto_engine(300 * mb, 64 * gb) == "arrow"
    assert auto_engine(830 * mb, 8 * gb) == "arrow"
    assert auto_engine(1600 * mb, 4 * gb) == "duckdb"
    assert auto_engine(300 * mb, None) == "arrow"


def test_without_duckdb_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "customer,date,amount\nA,2024-01-01,1\n")
    monkeypatch.setattr("rfm_engine.aggregate.out_of_core.duckdb_available", lambda: False)
    with pytest.raises(ConfigError, match="needs DuckDB"):
        analyze(path, RfmConfig(reading=ReadOptions(engine="duckdb")))
    assert choose_engine([path], RfmConfig()) == "memory"


def test_two_files_columns_reordered_and_repeated_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "customer,date,amount\nA,2024-01-01,10\nB,2024-01-02,5\n", "a.csv")
    # Same layout, other column order; its first row repeats a row of a.csv (rule 1 ignores
    # which file a row came from).
    second = write(tmp_path, "amount,customer,date\n10,A,2024-01-01\n3,A,2024-01-09\n", "b.csv")
    memory, outside = both([first, second])
    assert_same(memory, outside)
    a = outside.customers.set_index("customer_id").loc["A"]
    assert (a["frequency"], a["monetary"], a["recency_days"]) == (2, 13.0, 1)
    assert outside.cleaning.rows_dropped("duplicates") == 1


def test_progress_reaches_the_end(tmp_path: Path) -> None:
    path = write(tmp_path, "customer,date,amount\nA,2024-01-01,10\nB,2024-01-02,5\n")
    seen = []
    analyze_out_of_core([path], RfmConfig(), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (5, 5) and [d / t for d, t in seen] == sorted(d / t for d, t in seen)


def test_fallback_keys_linked_per_chunk_are_said(tmp_path: Path) -> None:
    """A guest charge whose email is a registered customer's: linked in memory, and by DuckDB
    reading the file (over the whole file); in chunks the link is made within a chunk only,
    and a warning says so."""
    rows = ["id,Created (UTC),Amount,Currency,Status,Customer ID,Customer Email"]
    rows += [
        f"{i},2024-04-{i % 28 + 1:02d} 10:00,10.00,usd,Paid,cus_{i % 5},u{i % 5}@x"
        for i in range(40)
    ]
    rows += ["99,2024-05-01 10:00,3.00,usd,Paid,,u1@x"]
    path = tmp_path / "payments.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    memory = analyze(path, RfmConfig())
    assert memory.customers.set_index("customer_id").loc["cus_1", "frequency"] == 9
    duck = analyze_out_of_core([path], RfmConfig(), chunk_rows=20)
    assert duck.engine == "duckdb"
    assert_same(memory, duck)
    assert [(w.code, w.evidence) for w in duck.warnings if w.code == "key_fallback"] == [
        (w.code, w.evidence) for w in memory.warnings if w.code == "key_fallback"
    ]
    # A line of blanks sends the file to the chunked path (see test_csv_in_duckdb.py).
    path.write_text("\n".join(rows) + "\n   \n", encoding="utf-8")
    chunked = analyze_out_of_core([path], RfmConfig(), chunk_rows=20)
    assert chunked.engine == "duckdb-chunks"
    assert "chunked_key_links" in {w.code for w in chunked.warnings}
    assert "chunked_key_links" not in {w.code for w in memory.warnings}


def test_progress_moves_while_the_chunks_are_read(tmp_path: Path) -> None:
    # A line of blanks sends the file to the chunked path (DuckDB reads other files whole).
    rows = "".join(f"C{i % 7},2024-01-{i % 28 + 1:02d},{i % 50 + 1}\n" for i in range(1000))
    path = write(tmp_path, "customer,date,amount\n" + rows + "  \n")
    seen = []
    analyze_out_of_core(
        [path], RfmConfig(), progress=lambda d, t: seen.append(d / t), chunk_rows=100
    )
    between = [share for share in seen if 1 / 5 < share < 2 / 5]
    assert len(between) == 10  # one report per chunk of 100 rows, between steps 1 and 2
    assert between == sorted(between) and between[0] < 0.25 and between[-1] > 0.37
    assert seen == sorted(seen) and seen[-1] == 1


def test_chunk_whose_order_ids_are_all_blank(tmp_path):
    """A chunk without a single order id used to end in an IndexError."""
    from rfm_engine.pipeline.analysis import analyze_out_of_core

    path = tmp_path / "orders.csv"
    lines = ["customer,date,amount,order"]
    lines += [f"c{i},2024-01-{i % 28 + 1:02d},{i}," for i in range(1, 51)]
    lines += [f"c{i},2024-02-{i % 28 + 1:02d},{i},o{i}" for i in range(1, 51)]
    path.write_text("\n".join(lines) + "\n")
    chunked = analyze_out_of_core([path], RfmConfig(), chunk_rows=20)
    in_memory = analyze(path, RfmConfig.from_dict({"reading": {"engine": "memory"}}))
    pd.testing.assert_frame_equal(chunked.customers, in_memory.customers)
    assert chunked.customers["frequency"].sum() == 100


def test_duckdb_work_beside_arrow_grows_with_the_file_and_the_cores(monkeypatch) -> None:
    from rfm_engine.aggregate.out_of_core import ARROW_WORK, arrow_work

    mb = 1024**2
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert arrow_work(100 * mb) == ARROW_WORK  # at least 512 MB
    assert arrow_work(1600 * mb) == int(0.65 * 1600 * mb)  # 20M lines: about 1 GB
    monkeypatch.setattr("os.cpu_count", lambda: 8)  # four times the threads, four times the work
    assert arrow_work(1600 * mb) == 4 * int(0.65 * 1600 * mb)
