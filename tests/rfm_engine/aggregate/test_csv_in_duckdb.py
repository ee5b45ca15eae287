"""DuckDB reading the files itself (:mod:`rfm_engine.aggregate.csv_in_duckdb`) gives the
in-memory engine's numbers on messy files, where the SQL fast paths must not fire: GBK text
under title rows, mixed date formats, comma decimals, leading-zero and armoured ids, missing
markers and placeholders; and leaves no temporary file behind."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import CUSTOMER_COLUMNS, RfmConfig, analyze
from rfm_engine.cleaning.report import EXAMPLES_PER_RULE
from rfm_engine.errors import DataError, InputFileError
from rfm_engine.options.config import CleaningRules, ColumnMap, ReadOptions
from rfm_engine.pipeline import analyze_out_of_core

pytest.importorskip("duckdb")

COMPARED = [*CUSTOMER_COLUMNS, "orders", "revenue", "first_purchase", "last_purchase"]


def both(path: Path, config: RfmConfig, work: Path):
    """The in-memory engine and DuckDB (reading the file itself, and scanning it as Arrow read
    it) give the same customers, contacts and rule counts; the DuckDB result comes back."""
    memory = analyze(path, dataclasses.replace(config, reading=ReadOptions(engine="memory")))
    assert memory.engine == "memory"
    for arrow in (True, False):
        duck = analyze_out_of_core([path], config, work_dir=work, arrow=arrow)
        assert duck.engine in (("arrow", "duckdb") if arrow else ("duckdb",))  # not chunked
        pd.testing.assert_frame_equal(memory.customers[COMPARED], duck.customers[COMPARED])
        for name in memory.contacts:
            assert list(memory.customers[name].astype(object).fillna("<blank>")) == list(
                duck.customers[name].astype(object).fillna("<blank>")
            )
        counts = ["rule", "key", "rows"]
        pd.testing.assert_frame_equal(
            memory.cleaning.to_frame()[counts], duck.cleaning.to_frame()[counts]
        )
        assert _example_rows(memory) == _example_rows(duck)
        for ours, theirs in zip(memory.cleaning.steps, duck.cleaning.steps, strict=True):
            assert _cells(ours.examples) == _cells(theirs.examples)
        assert list(work.iterdir()) == []  # the work folder (and a transcoded copy) is gone
    return memory, duck


def _cells(examples: pd.DataFrame) -> list[list[object]]:
    return examples.astype(object).where(examples.notna(), "<blank>").values.tolist()


def _example_rows(result) -> dict[str, list[int]]:
    return {s.key: [int(r) for r in s.examples["_row"]] for s in result.cleaning.steps}


GBK_ROWS = [
    # order, customer, paid at, amount, status, phone
    ("1001", "张三", "2024-01-05 10:00:00", "12.50", "交易成功", "13800000001"),
    ("1002", " 张三 ", "05/03/2024", "8", "交易成功", ""),  # spaces around the id
    ("1003", '="007"', "2024年3月6日", "3.25", "交易成功", "13800000002"),  # armoured id
    ("1004", "007", "20240307", "1,234.50", "交易成功", ""),
    ("1005", "7", "13/03/2024", "5", "交易成功", "13800000003"),  # not the same as 007
    ("1006", "NA", "2024-03-08", "9", "交易成功", ""),  # a missing marker: no customer
    ("1007", "guest", "2024-03-09", "9", "交易成功", ""),  # a placeholder
    ("1008", "李四", "not a date", "4", "交易成功", ""),
    ("1009", "李四", "2024-03-10 09:00", "￥15.00", "交易关闭", ""),  # cancelled
    ("1010", "李四", "2024-03-11", "-2.00", "交易成功", ""),  # a return, dropped
    ("1010", "李四", "2024-03-11", "-2.00", "交易成功", ""),  # an exact repeat
    ("1011", "王五", "2024-03-12T08:30:00", "7.10", "交易成功", "13800000004"),
    ("1012", "王五", "2024-03-12 08:30:00.5", "0", "交易成功", ""),
]


def test_gbk_with_title_rows_mixed_dates_and_messy_ids(tmp_path: Path) -> None:
    lines = ["淘宝订单报表 2024", "导出时间: 2024-04-01"]
    lines += ["订单编号,买家,付款时间,实付金额,订单状态,手机"]
    lines += [",".join(f'"{v}"' if "," in v else v for v in row) for row in GBK_ROWS * 3]
    path = tmp_path / "orders.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    columns = ColumnMap(
        customer="买家", date="付款时间", amount="实付金额", order="订单编号", status="订单状态"
    )
    work = tmp_path / "work"
    work.mkdir()
    memory, duck = both(path, RfmConfig(columns=columns), work)
    ids = set(duck.customers["customer_id"])
    assert ids == {"张三", "007", "7", "王五"}  # 李四's rows: bad date, cancelled, a return
    assert duck.customers.set_index("customer_id").loc["007", "frequency"] == 2
    assert {w.code for w in memory.warnings} == {w.code for w in duck.warnings}


def test_comma_decimals_semicolons_and_returns_netted(tmp_path: Path) -> None:
    rows = [
        "kunde;datum;betrag;bestellung;email",
        "K1;01.02.2024;12,50;A1;k1@x.de",
        "K1;03.02.2024;1.234,56;A2;",
        "K2;2024-02-04;7;A3;k2@x.de",
        "K2;2024-02-05;(3,00);A4;",  # a return in brackets
        "K3;13.02.2024;0,125;A5; k3@x.de ",
        "K3;14.02.2024;-1,5;A6;",
        "K4;15.02.2024;abc;A7;",
        "0;16.02.2024;5;A8;",
    ] + [f"0;17.02.2024;{i},00;B{i};" for i in range(6)]  # "0" keys many rows: a placeholder
    path = tmp_path / "bestellungen.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    config = RfmConfig(
        columns=ColumnMap(customer="kunde", date="datum", amount="betrag", order="bestellung"),
        cleaning=CleaningRules(returns="net"),
    )
    work = tmp_path / "work"
    work.mkdir()
    _, duck = both(path, config, work)
    revenue = duck.customers.set_index("customer_id")["monetary"]
    assert revenue["K1"] == pytest.approx(1247.06) and revenue["K2"] == pytest.approx(4.0)
    assert "0" not in set(duck.customers["customer_id"])


def test_plain_file_fast_paths_and_leading_zero_ids(tmp_path: Path) -> None:
    rows = ["order_id,customer,date,amount"]
    rows += [
        f"{i},{'0' if i % 2 else ''}{i % 13:03d},2024-0{i % 9 + 1}-1{i % 10},{i}.{i % 100:02d}"
        for i in range(1, 400)
    ]
    path = tmp_path / "plain.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    _, duck = both(path, RfmConfig(), work)
    ids = set(duck.customers["customer_id"])
    assert {"0001", "001"} <= ids  # two customers
    assert len(ids) == 24 and "000" not in ids and "0000" not in ids  # zeros: placeholders


def test_an_error_leaves_no_work_folder(tmp_path: Path) -> None:
    rows = ["customer,date,amount"] + [f"C{i},someday,{i}" for i in range(50)]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(DataError, match="no readable date") as caught:
        analyze_out_of_core([path], RfmConfig(), work_dir=work)
    assert caught.value.rows[:2] == (1, 2)  # row numbers as the in-memory reader counts them
    assert list(work.iterdir()) == []


def test_lines_duckdb_reads_otherwise_go_to_the_chunked_path(tmp_path: Path) -> None:
    """A line of blanks (skipped in memory) or a row with an extra cell (refused in memory):
    the file is read by pandas in chunks, as in memory."""
    blank = tmp_path / "blank.csv"
    blank.write_text("customer,date,amount\nA,2024-01-01,1\n   \nB,2024-01-02,2\n")
    memory = analyze(blank, RfmConfig(reading=ReadOptions(engine="memory")))
    chunked = analyze_out_of_core([blank], RfmConfig())
    assert chunked.engine == "duckdb-chunks"
    assert chunked.cleaning.rows_read == memory.cleaning.rows_read == 2
    extra = tmp_path / "extra.csv"
    extra.write_text("customer,date,amount\nA,2024-01-01,1\nB,2024-01-02,2,X\n")
    with pytest.raises(InputFileError, match="rows do not fit one table"):
        analyze_out_of_core([extra], RfmConfig())


def test_fallback_keys_linked_over_the_whole_file(tmp_path: Path) -> None:
    """Rows without a customer keyed by the email, and by the phone after it; an email seen
    beside two customers stands for the one seen most often (ties: the smaller id)."""
    rows = ["customer,email,phone,date,amount,order"]
    rows += [
        f"C{i % 4},u{i % 4}@x,{'' if i % 3 else f'555{i % 4}'},2024-02-{i % 27 + 1:02d},{i},O{i}"
        for i in range(1, 60)
    ]
    rows += ["C9,u1@x,,2024-03-01,5,P1", "C9,u1@x,,2024-03-02,5,P2"]  # u1@x beside C9 too
    rows += ["guest,u1@x,,2024-03-03,7,P3", ",u7@x,,2024-03-04,8,P4", ",,5552,2024-03-05,9,P5"]
    rows += [",,5559,2024-03-06,1,P6", "NA,u7@x,,2024-03-07,2,P7", ",N/A,5559,2024-03-08,3,P8"]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    columns = ColumnMap(
        customer="customer",
        customer_fallback=("email", "phone"),
        date="date",
        amount="amount",
        order="order",
    )
    work = tmp_path / "work"
    work.mkdir()
    memory, duck = both(path, RfmConfig(columns=columns), work)
    key = [w for w in duck.warnings if w.code == "key_fallback"]
    assert [(w.message, w.evidence) for w in key] == [
        (w.message, w.evidence) for w in memory.warnings if w.code == "key_fallback"
    ]
    assert key and key[0].evidence["linked"] >= 2


@pytest.mark.parametrize("order", [True, False])
def test_exact_copies_come_off_their_first_rows_groups(tmp_path: Path, order: bool) -> None:
    """Rule 1 is counted by taking each copy off the group of its first row: copies of lines
    without an order id (each its own order), of returns netted, of rows other rules drop and
    of the latest contact; the first rows of every rule are the in-memory engine's."""
    rows = []
    for i in range(90):
        customer = "" if i % 9 == 0 else f"c{i % 7}"
        day = "not a day" if i % 6 == 0 else f"2024-0{i % 9 + 1}-{i % 27 + 1:02d}"
        amount = f"-{i % 5 + 1}.25" if i % 8 == 0 else f"{i}.5"
        order_id = f"o{i // 3}" if i % 4 else ""
        email = f"c{i % 7}-{i}@x.example" if i % 3 else ""
        rows.append((order_id, customer, day, amount, email))
    copies = [rows[i] for i in (0, 1, 2, 4, 8, 9, 12, 18, 39, 39)]
    lines = ["order,customer,date,amount,email"] + [",".join(r) for r in rows + copies]
    if not order:
        lines = [line.split(",", 1)[1] for line in lines]
    path = tmp_path / "copies.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = ColumnMap(
        customer="customer",
        date="date",
        amount="amount",
        order="order" if order else None,
        contacts=("email",),
    )
    for returns, frequency in (("net", "orders"), ("drop", "days")):
        config = RfmConfig(columns=columns, cleaning=CleaningRules(returns=returns))
        config = dataclasses.replace(
            config, metrics=dataclasses.replace(config.metrics, frequency=frequency)
        )
        work = tmp_path / f"work-{returns}"
        work.mkdir()
        _, duck = both(path, config, work)
        steps = {s.key: s.rows for s in duck.cleaning.steps}
        assert steps["duplicates"] == len(copies)
        assert steps["bad_date"] > EXAMPLES_PER_RULE


def test_arrow_out_of_memory_goes_out_of_core(tmp_path: Path, monkeypatch) -> None:
    """When DuckDB's work does not fit beside the rows in memory, the file is analysed out of
    core instead (the same numbers), not refused."""
    rows = ["order,customer,date,amount"]
    rows += [f"o{i},c{i % 5000},2024-01-{i % 28 + 1:02d},{i % 97}.5" for i in range(60_000)]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    memory = analyze(path, RfmConfig(reading=ReadOptions(engine="memory")))
    monkeypatch.setattr("rfm_engine.aggregate.out_of_core.arrow_work", lambda size: 2 * 1024**2)
    duck = analyze_out_of_core([path], RfmConfig(), arrow=True)
    assert duck.engine == "duckdb"
    pd.testing.assert_frame_equal(memory.customers[COMPARED], duck.customers[COMPARED])
    # Out of core too little memory is one line naming the file and the limit.
    monkeypatch.setattr("rfm_engine.aggregate.out_of_core.duckdb_work", lambda: 2 * 1024**2)
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(InputFileError, match=r"orders\.csv: DuckDB ran out of memory within its"):
        analyze_out_of_core([path], RfmConfig(), work_dir=work)
    assert list(work.iterdir()) == []  # no work folder left behind
