"""``--json``: one object on stdout per command, valid against docs/cli-json.schema.json, with
the same numbers as the tables written; stderr stays empty unless there is an error."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from cli_process import REPO, rfm_env, run_rfm

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((REPO / "docs" / "cli-json.schema.json").read_text(encoding="utf-8"))


def json_run(*args, cwd, env=None):
    proc = run_rfm(*args, "--json", cwd=cwd, env=env)
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    assert proc.stdout.decode().count("\n") == 1  # one object, one line
    return proc, data


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_analyze_json_matches_the_tables_written(shop_orders, tmp_path):
    args = ("analyze", str(shop_orders), "--out", "out", "--bins", "2", "--scheme", "cn8")
    proc, data = json_run(*args, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    assert data["command"] == "analyze" and data["ok"] and data["error"] is None
    assert data["as_of"] == "2024-03-02" and data["rows"] == {"read": 6, "used": 6}
    customers = pd.read_csv(tmp_path / "out" / "customers.csv", dtype={"customer_id": str})
    assert data["customers"] == len(customers) == 4
    assert data["revenue"] == pytest.approx(customers["monetary"].sum())
    segments = pd.read_csv(tmp_path / "out" / "segments.csv", encoding="utf-8-sig")
    by_key = {s["segment"]: s for s in data["segments"]}
    for row in segments.itertuples(index=False):
        assert by_key[row.segment]["customers"] == row.customers
        assert by_key[row.segment]["revenue"] == pytest.approx(row.revenue)
    recency = customers.set_index("customer_id")["recency_days"]
    cut = data["cut_points"]["recency"]
    assert cut["cut_points"] == [recency.median()]  # 2 bins: the median
    assert sorted(data["written"]) == sorted(
        str(tmp_path.joinpath("out", n).relative_to(tmp_path))
        for n in ("customers.csv", "segments.csv", "cleaning.csv", "cut_points.csv", "config.json")
    )
    assert data["settings"]["scoring"]["bins"] == 2


def test_warnings_go_into_the_object_not_stderr(shop_orders, tmp_path):
    # Frequencies 1, 1, 2, 2: ties leave quantile scores unused, a warning.
    proc, data = json_run("analyze", str(shop_orders), "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    codes = [w["code"] for w in data["warnings"]]
    assert "quantile_ties" in codes
    text = run_rfm("analyze", str(shop_orders), "--out", "out", cwd=tmp_path)
    assert b"warning: frequency" in text.stderr  # the same warning as text, without --json


def test_export_compare_and_check_json(shop_orders, tmp_path):
    proc, data = json_run(
        "export", str(shop_orders), "--segments", "all", "--out", "list.csv", cwd=tmp_path
    )
    assert proc.returncode == 0 and proc.stderr == b""
    listed = pd.read_csv(tmp_path / "list.csv", encoding="utf-8-sig")
    assert data["mailing"]["listed"] == len(listed) == 4 and data["written"][0] == "list.csv"

    proc, data = json_run("compare", str(shop_orders), "--days", "30", "--dir", "c", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    assert (data["then"]["as_of"], data["now"]["as_of"]) == ("2024-02-01", "2024-03-02")
    migration = pd.read_csv(tmp_path / "c" / "customers.csv", encoding="utf-8-sig")
    assert data["customers"] == len(migration) and data["moved"] == int(migration["moved"].sum())
    assert sum(m["customers"] for m in data["migration"]) == len(migration)

    proc, data = json_run("check", str(shop_orders), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    assert data["data_ok"] and data["customers"] == 4 and data["orders"] == 6
    assert data["total_amount"] == pytest.approx(192.5)


def test_errors_are_one_stderr_line_and_an_error_object(tmp_path):
    proc, data = json_run("analyze", "missing.csv", cwd=tmp_path)
    assert proc.returncode == 3
    assert proc.stderr.decode().splitlines() == ["error: missing.csv: no such file"]
    assert not data["ok"] and data["exit_code"] == 3
    assert data["error"]["code"] == "input_file" and "missing.csv" in data["error"]["message"]

    bad = tmp_path / "bad.csv"
    bad.write_text("customer,date,amount\na,03/04/2024,5\nb,05/06/2024,6\n", encoding="utf-8")
    proc, data = json_run("check", str(bad), cwd=tmp_path)
    assert proc.returncode == 3 and proc.stderr == b""  # problems are the answer, not a failure
    assert not data["data_ok"] and data["problems"][0]["option"] == "reading.dayfirst"


def test_json_on_a_cp1252_console_stays_the_same_data(shop_orders, tmp_path):
    env = rfm_env(PYTHONIOENCODING="cp1252")
    proc, data = json_run(
        "analyze", str(shop_orders), "--out", "o", "--lang", "zh_CN", cwd=tmp_path, env=env
    )
    assert proc.returncode == 0
    names = pd.read_csv(tmp_path / "o" / "segments.csv", encoding="utf-8-sig")["segment_name"]
    assert [s["name"] for s in data["segments"]] == names.tolist()
    assert proc.stdout.isascii()


def test_a_database_input_in_json(shop_orders, tmp_path):
    pytest.importorskip("ibis")
    import sqlite3

    with sqlite3.connect(tmp_path / "shop.db") as db:
        pd.read_csv(shop_orders, dtype=str).to_sql("orders", db, index=False)
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    proc, data = json_run("analyze", url, "--table", "orders", "--out", "db", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    assert data["source"] == f"{url} orders"
    _, from_file = json_run("analyze", str(shop_orders), "--out", "file", cwd=tmp_path)
    assert data["segments"] == from_file["segments"]
    assert data["cut_points"] == from_file["cut_points"]


def test_predict_json_in_the_envelope(tmp_path):
    orders = tmp_path / "orders.csv"
    rows = [f"C{i},2024-0{1 + i % 3}-{10 + i % 9},{5 + i}" for i in range(40)]
    rows += [f"C{i},2024-05-{10 + i % 9},{7 + i}" for i in range(0, 40, 2)]
    orders.write_text("customer,date,amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    proc, data = json_run("predict", str(orders), "--out", "p", "--horizon", "30", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    table = pd.read_csv(tmp_path / "p" / "predictions.csv", encoding="utf-8-sig")
    assert data["totals"]["customers"] == len(table) == 40
    assert data["totals"]["likely_lost"] == int(table["likely_lost"].sum())
    assert data["written"] == ["p/predictions.csv", "p/prediction_segments.csv"]
    assert {w["stage"] for w in data["warnings"]} >= {"prediction"}  # 40 buyers: too few
    proc, data = json_run("analyze", str(orders), "--predict", "--out", "a", cwd=tmp_path)
    assert proc.returncode == 0 and data["prediction"]["totals"]["customers"] == 40
