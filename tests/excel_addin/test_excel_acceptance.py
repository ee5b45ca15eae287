"""Acceptance: RFM.TABLE through the xlwings call path equals ``rfm analyze`` on the same file."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd

from rfm_cli.main import main as rfm_main

EPOCH = dt.date(1899, 12, 30)


def excel_range(path):
    """The file as Excel would pass its range: header row, text, numbers, dates as serials."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    date_col, amount_col = header.index("order_date"), header.index("revenue")
    out = [header]
    for row in body:
        cells: list[object] = list(row)
        cells[date_col] = float((dt.date.fromisoformat(row[date_col]) - EPOCH).days)
        cells[amount_col] = float(row[amount_col])
        out.append(cells)
    return out


def test_rfm_table_equals_rfm_analyze_on_rfm_r_sample(excel, shared_datasets, tmp_path, capsys):
    path = shared_datasets / "rfm_r_sample" / "rfm_data_orders.csv"
    assert rfm_main(["analyze", str(path), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    cli = pd.read_csv(tmp_path / "customers.csv", encoding="utf-8-sig", dtype={"rfm_code": str})

    result = excel("table", excel_range(path))
    table = pd.DataFrame(result[1:], columns=result[0])
    # Every column but the last purchase date is a column of customers.csv.
    compared = [c for c in result[0] if c != "last_purchase"]
    assert len(compared) == 10 and set(compared) <= set(cli.columns)

    assert len(table) == len(cli) == 995
    table = table.sort_values("customer_id").reset_index(drop=True)[compared]
    cli = cli.sort_values("customer_id").reset_index(drop=True)[compared]
    pd.testing.assert_frame_equal(table, cli, check_dtype=False)

    reference = pd.read_csv(shared_datasets / "rfm_r_sample" / "reference_default.csv")
    merged = table.merge(reference, on="customer_id", suffixes=("", "_ref"))
    assert len(merged) == 995
    assert (merged["recency_days"] == merged["recency_days_ref"]).all()
    assert (merged["frequency"] == merged["frequency_ref"]).all()
    assert (merged["monetary"] - merged["monetary_ref"]).abs().max() < 0.005
