"""``rfm workspace add|status``, ``rfm history``, a workspace as INPUT of analyze/export, and
the workspace file surviving a kill mid-import and two writers at once."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from resources import sample_orders_path
from rfm_cli.main import main
from rfm_engine import Period, RfmConfig, analyze
from rfm_engine.history import Workspace

REPO = Path(__file__).resolve().parents[2]


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def sample_workspace(tmp_path, monthly_exports, capsys):
    parts = monthly_exports(sample_orders_path(), "order_date", tmp_path / "parts")
    shop = tmp_path / "shop.rfmdb"
    assert main(["workspace", "add", str(shop), *map(str, parts[5:])]) == 0
    assert main(["workspace", "add", str(shop), *map(str, parts[:6])]) == 0
    return shop, parts, capsys.readouterr().out


def test_add_status_and_analyze_a_workspace(sample_workspace, tmp_path, capsys):
    shop, parts, printed = sample_workspace
    assert f"Created {shop}" in printed and f"Updated {shop}: 5,636 rows from 25 imports" in printed
    assert "Columns: customer = customer_id, date = order_date, amount = amount" in printed
    assert main(["workspace", "status", str(shop)]) == 0
    status = capsys.readouterr().out
    assert "Rows: 5,636; imports: 25" in status
    assert "customer = customer_id, date = order_date, amount = amount, order = order_id" in status
    assert parts[5].name in status
    out = tmp_path / "out"
    assert main(["analyze", str(shop), "--out", str(out)]) == 0
    direct = tmp_path / "direct"
    assert main(["analyze", str(sample_orders_path()), "--out", str(direct)]) == 0
    mine = sorted(_rows(out / "customers.csv"), key=lambda r: r["customer_id"])
    theirs = sorted(_rows(direct / "customers.csv"), key=lambda r: r["customer_id"])
    assert mine == theirs and len(mine) == 2957
    # Flags override the workspace's settings for one run.
    assert (
        main(
            [
                "export",
                str(shop),
                "--bins",
                "4",
                "--scheme",
                "activity",
                "--segments",
                "active",
                "--out",
                str(tmp_path / "active.csv"),
            ]
        )
        == 0
    )
    active = _rows(tmp_path / "active.csv")
    whole = analyze(sample_orders_path()).customers
    assert len(active) == int((whole["recency_days"] <= 30).sum()) > 0


def test_history_prints_and_writes_sizes_flows_timelines_and_lists(
    sample_workspace, tmp_path, capsys
):
    shop, _, _ = sample_workspace
    out = tmp_path / "hist"
    mail = tmp_path / "left_champions.csv"
    args = ["history", str(shop), "--dir", str(out), "--left", "champions"]
    assert main([*args, "--out", str(mail), "--format", "mailchimp"]) == 0
    printed = capsys.readouterr().out
    assert "Customers per segment at each month end (cut points per period)" in printed
    assert "2026-09-30 -> 2026-10-31:" in printed
    sizes = _rows(out / "sizes.csv")
    last = [r for r in sizes if r["period_end"] == "2026-10-31"]
    direct = analyze(sample_orders_path(), RfmConfig(period=Period(as_of="2026-10-31")))
    expected = direct.summary.set_index("segment")["customers"].to_dict()
    assert {r["segment"]: int(r["customers"]) for r in last} == expected
    march = analyze(sample_orders_path(), RfmConfig(period=Period(as_of="2025-03-31")))
    in_march = {r["segment"]: int(r["customers"]) for r in sizes if r["period_end"] == "2025-03-31"}
    assert in_march == march.summary.set_index("segment")["customers"].to_dict()
    flows = _rows(out / "flows.csv")
    assert sum(int(r["customers"]) for r in flows if r["period_to"] == "2026-10-31") == 2957
    timelines = _rows(out / "timelines.csv")
    assert len(timelines) == 2957 and list(timelines[0])[1] == "2024-11-30"
    left = _rows(out / "left.csv")
    assert left and all(r["segment_before"] == "champions" != r["segment"] for r in left)
    emails = {r["email"] for r in left if r["email"]}
    listed = {r["Email Address"] for r in _rows(mail)}
    assert listed and listed <= emails
    with Workspace(shop) as workspace:
        assert len(workspace.status().snapshots) == 24


def test_later_options_become_the_settings_in_force_and_check_reads_a_workspace(
    sample_workspace, tmp_path, capsys
):
    shop, parts, _ = sample_workspace
    assert main(["workspace", "add", str(shop), str(parts[0]), "--bins", "3"]) == 3
    assert "with 3 bins choose another scheme" in capsys.readouterr().err
    assert (
        main(["workspace", "add", str(shop), str(parts[0]), "--bins", "3", "--scheme", "cn8"]) == 0
    )
    assert "Settings updated" in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["analyze", str(shop), "--out", str(out)]) == 0
    customers = _rows(out / "customers.csv")
    assert {r["r_score"] for r in customers} == {"1", "2", "3"}
    assert {r["segment"] for r in customers} <= {
        "important_value",
        "important_retain",
        "important_develop",
        "important_winback",
        "general_value",
        "general_retain",
        "general_develop",
        "general_winback",
    }
    assert main(["workspace", "add", str(shop), str(parts[0]), "--customer", "email"]) == 3
    assert "keeps one column mapping" in capsys.readouterr().err
    assert main(["check", str(shop)]) == 0
    assert "5,636" in capsys.readouterr().out


def test_status_shows_the_warnings_of_an_import(tmp_path, capsys):
    shop = tmp_path / "shop.rfmdb"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("order_id,customer_id,order_date,amount\nA1,ann,2024-05-02,10\n", "utf-8")
    second.write_text("order_id,customer_id,order_date,amount\nA1,ann,2024-05-02,12\n", "utf-8")
    assert main(["workspace", "add", str(shop), str(first)]) == 0
    assert main(["workspace", "add", str(shop), str(second)]) == 0
    captured = capsys.readouterr()
    assert "1 orders replaced" in captured.out
    assert "warning: b.csv: 1 orders already in the workspace differ" in captured.err
    assert main(["workspace", "status", str(shop)]) == 0
    assert "import 2: warning: b.csv: 1 orders" in capsys.readouterr().out


def test_history_report_has_a_trends_sheet(sample_workspace, tmp_path):
    import openpyxl

    shop, _, _ = sample_workspace
    report = tmp_path / "report.xlsx"
    args = ["history", str(shop), "--dir", str(tmp_path / "h"), "--report", str(report)]
    assert main(args) == 0
    book = openpyxl.load_workbook(report)
    assert book.sheetnames[-1] == "Trends" and "Summary" in book.sheetnames
    sheet = book["Trends"]
    header = [c.value for c in sheet[4]]
    assert header[:3] == ["period end", "Champions", "Potential Loyalist"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=5, max_row=28, values_only=True)}
    assert len(rows) == 24
    direct = analyze(sample_orders_path(), RfmConfig(period=Period(as_of="2025-06-30")))
    assert list(rows["2025-06-30"][: len(header) - 1]) == direct.summary["customers"].tolist()
    assert len(sheet._charts) == 2


def test_add_problems_are_one_line_and_change_nothing(sample_workspace, tmp_path, capsys):
    shop, parts, _ = sample_workspace
    before = shop.read_bytes()
    assert main(["workspace", "add", str(shop), str(parts[0]), str(tmp_path / "nope.csv")]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.csv: no such file" in err
    assert main(["workspace", "add", str(shop)]) == 3
    assert "give the export files" in capsys.readouterr().err
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert main(["workspace", "status", str(text)]) == 3
    assert "is not a workspace database" in capsys.readouterr().err
    assert shop.read_bytes() == before


def _big_export(path, rows):
    rng = np.random.default_rng(5)
    days = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D")
    pd.DataFrame(
        {
            "order_id": [f"B{i:07d}" for i in range(rows)],
            "customer_id": [f"K{c:05d}" for c in rng.integers(0, 30000, rows)],
            "order_date": days.strftime("%Y-%m-%d"),
            "amount": np.round(rng.uniform(1, 200, rows), 2).astype(str),
        }
    ).to_csv(path, index=False)


def _rfm(*args):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "rfm_cli.main", *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _counts(shop):
    conn = sqlite3.connect(shop)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT count(*) FROM rows").fetchone()[0]
        imports = conn.execute("SELECT count(*) FROM imports").fetchone()[0]
        return rows, imports
    finally:
        conn.close()


def test_a_kill_during_add_leaves_all_or_none_of_the_file(tmp_path):
    small, big, shop = tmp_path / "small.csv", tmp_path / "big.csv", tmp_path / "shop.rfmdb"
    small.write_text("order_id,customer_id,order_date,amount\nS1,a,2024-01-01,5\n", "utf-8")
    _big_export(big, 200_000)
    assert main(["workspace", "add", str(shop), str(small)]) == 0
    wal = tmp_path / "shop.rfmdb-wal"
    process = _rfm("workspace", "add", shop, big)
    deadline = time.monotonic() + 120
    # Kill once the import is writing rows (its transaction spills pages into the log).
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    rows, imports = _counts(shop)
    assert (rows, imports) in ((1, 1), (200_001, 2))
    with Workspace(shop) as workspace:  # opens, and takes the same file again
        workspace.add([big])
        assert workspace.row_count() == 200_001
        assert len(analyze(workspace.table(), workspace.config).customers) > 20_000


def test_two_writers_at_once_both_land(tmp_path):
    shop = tmp_path / "shop.rfmdb"
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    seed = tmp_path / "seed.csv"
    seed.write_text("order_id,customer_id,order_date,amount\nS1,a,2024-01-01,5\n", "utf-8")
    assert main(["workspace", "add", str(shop), str(seed)]) == 0
    _big_export(first, 60_000)
    frame = pd.read_csv(first, dtype=str)
    frame["order_id"] = "X" + frame["order_id"]
    frame.to_csv(second, index=False)
    writers = [_rfm("workspace", "add", shop, path) for path in (first, second)]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
    assert _counts(shop) == (120_001, 3)


def test_history_tables_in_traditional_chinese(tmp_path, capsys):
    out = tmp_path / "trends"
    code = main(["history", str(sample_orders_path()), "--dir", str(out), "--header-lang", "zh_TW"])
    capsys.readouterr()
    assert code == 0
    flows = pd.read_csv(out / "flows.csv")
    assert list(flows.columns) == ["起始期末", "結束期末", "原分群", "新分群", "客戶數"]
    sizes = pd.read_csv(out / "sizes.csv")
    assert sizes.columns[0] == "期末" and "客戶數" in sizes.columns
    left = pd.read_csv(out / "left.csv", dtype=str)
    assert left.columns[-1] == "之前的分群" and {"name", "email"} <= set(left.columns)
    timelines = pd.read_csv(out / "timelines.csv", dtype=str)
    assert timelines.columns[0] == "客戶ID" and timelines.columns[-1] == "分群變化次數"
