"""Customer lists on the command line: ``rfm analyze``/``check``/``export`` and ``--table-kind``."""

from __future__ import annotations

import csv
from pathlib import Path

from rfm_cli.main import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "customer_lists"
WOO = FIXTURES / "woocommerce_customers_browser.csv"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_analyze_scores_a_woocommerce_customer_list(tmp_path: Path, capsys) -> None:
    assert main(["analyze", str(WOO), "--out", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    rows = {r["customer_id"]: r for r in read_csv(tmp_path / "customers.csv")}
    assert [rows[e]["frequency"] for e in sorted(rows)] == ["7", "1", "3", "2", "4"]
    assert rows["ann@example.com"]["rfm_code"] == "555"
    assert rows["dan@example.com"]["segment"] == "at_risk"
    assert rows["ann@example.com"]["Name"] == "Ann Lee"
    warning = [ln for ln in captured.err.splitlines() if "customer list" in ln]
    assert warning and warning[0].startswith("warning: read as a customer list")
    assert warning[0].endswith("(--table-kind transactions|customers)")
    cleaning = read_csv(tmp_path / "cleaning.csv")
    by_key = {r["key"]: r for r in cleaning}
    assert by_key["never_bought"]["rows"] == "1"
    assert by_key["customer_rows_used"]["rows"] == "5"
    assert [r["rule"] for r in cleaning if r["key"] == "not_applicable"] == ["7", "6", "5"]
    assert '"kind": "customers"' in (tmp_path / "config.json").read_text(encoding="utf-8")


def test_table_flag_and_list_columns_by_name(tmp_path: Path, capsys) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "card,seen,buys,spent,note\nm1,2024-03-30,7,1050,x\nm2,2024-01-15,1,20,y\n",
        encoding="utf-8",
    )
    args = ["analyze", str(path), "--table-kind", "customers", "--customer", "card"]
    args += ["--last-purchase", "seen", "--order-count", "buys", "--total-spent", "spent"]
    assert main([*args, "--out", str(tmp_path / "out")]) == 0
    rows = read_csv(tmp_path / "out" / "customers.csv")
    assert [(r["customer_id"], r["frequency"], r["monetary"]) for r in rows] == [
        ("m1", "7", "1050.0"),
        ("m2", "1", "20.0"),
    ]
    capsys.readouterr()
    args = ["analyze", str(path), "--customer", "card", "--days-since", "seen"]
    args += ["--order-count", "buys", "--total-spent", "spent"]
    assert main([*args, "--out", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "--as-of" in err


def test_shopify_customers_export_is_one_error_line_naming_the_orders_export(capsys) -> None:
    assert main(["analyze", str(FIXTURES / "shopify_customers_export.csv")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "cannot give recency" in err and "orders_export.csv" in err


def test_check_shows_the_kind_of_table(capsys) -> None:
    assert main(["check", str(FIXTURES / "membership_gbk.csv")]) == 0
    out = capsys.readouterr().out
    assert "customer list (one row per customer with totals)" in out
    assert "消费次数 (header)" in out
    assert "order count 0: registered, never bought" in out
    assert "not applicable" in out


def test_export_from_a_list_with_the_orders_has_the_list_contacts(tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    inputs = [
        str(FIXTURES / "shopify_orders_export.csv"),
        str(FIXTURES / "shopify_customers_export.csv"),
    ]
    assert main(["export", *inputs, "--segments", "all", "--format", "crm", "--out", str(out)]) == 0
    rows = {r["customer_id"]: r for r in read_csv(out)}
    assert rows["ann@example.com"]["name"] == "Ann Lee"
    assert rows["bob@example.com"]["phone"] == "555-0102"
