"""`rfm analyze` with each shared dataset's mappings reproduces its reference_default.csv.

Exact recency and frequency, monetary to the cent. Skipped when ../shared/datasets is absent.
"""

import numpy as np
import pandas as pd
import pytest

from rfm_cli.main import main

# (files, mapping options as a user would give them, reference file) — from datasets/README.md
CASES = {
    "online_retail": (
        ["online_retail/online_retail.csv"],
        [
            "--customer",
            "CustomerID",
            "--date",
            "InvoiceDate",
            "--order",
            "InvoiceNo",
            "--quantity",
            "Quantity",
            "--price",
            "UnitPrice",
        ],
        "online_retail/reference_default.csv",
    ),
    "taobao_utf8": (
        ["taobao_toy_shop_2017/orders_utf8.csv"],
        [
            "--customer",
            "买家会员名",
            "--date",
            "订单付款时间 ",
            "--amount",
            "买家实际支付金额",
            "--order",
            "订单编号",
        ],
        "taobao_toy_shop_2017/reference_default.csv",
    ),
    "taobao_gbk": (
        ["taobao_toy_shop_2017/orders_gbk.csv"],
        [
            "--customer",
            "买家会员名",
            "--date",
            "订单付款时间",
            "--amount",
            "买家实际支付金额",
            "--order",
            "订单编号",
        ],
        "taobao_toy_shop_2017/reference_default.csv",
    ),
    "mingrisoft_xlsx": (
        ["mingrisoft_taobao_2018_2019/2018.xlsx", "mingrisoft_taobao_2018_2019/2019.xlsx"],
        ["--customer", "买家会员名", "--date", "订单付款时间", "--amount", "买家实际支付金额"],
        "mingrisoft_taobao_2018_2019/reference_default.csv",
    ),
    "mingrisoft_1月": (
        ["mingrisoft_taobao_2018_2019/1月.csv"],
        ["--customer", "买家会员名", "--date", "订单付款时间", "--amount", "买家实际支付金额"],
        "mingrisoft_taobao_2018_2019/reference_default_1月.csv",
    ),
    "rfm_r_sample": (
        ["rfm_r_sample/rfm_data_orders.csv"],
        ["--customer", "customer_id", "--date", "order_date", "--amount", "revenue"],
        "rfm_r_sample/reference_default.csv",
    ),
    # No options at all: the Shopify preset must read it as the analyst did.
    "shopify_enavant": (
        ["shopify_enavant/orders_export_1.csv"],
        [],
        "shopify_enavant/reference_default.csv",
    ),
}


def read_ids_as_text(path):
    table = pd.read_csv(
        path, dtype={"customer_id": str}, keep_default_na=False, encoding="utf-8-sig"
    )
    if "customer_id" in table.columns:
        # Exports keep text Excel would take for a formula (a phone "+1555…") behind a "'".
        table["customer_id"] = table["customer_id"].str.replace(r"^'(?=[=+\-@])", "", regex=True)
    return table


@pytest.mark.parametrize("name", list(CASES))
def test_cli_reproduces_reference(name, shared_datasets, tmp_path, capsys):
    files, mapping, reference = CASES[name]
    out = tmp_path / "out"
    code = main(
        ["analyze", *[str(shared_datasets / f) for f in files], *mapping, "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    got = read_ids_as_text(out / "customers.csv").set_index("customer_id")
    ref = read_ids_as_text(shared_datasets / reference).set_index("customer_id")
    assert sorted(got.index) == sorted(ref.index)
    got = got.loc[ref.index]
    assert (got["recency_days"] == ref["recency_days"]).all()
    assert (got["frequency"] == ref["frequency"]).all()
    assert np.abs(got["monetary"] - ref["monetary"]).max() < 0.005


def test_tie_heavy_frequency_scores_follow_the_definition(shared_datasets, tmp_path):
    """Most toy-shop customers bought once: check every F score with a plain loop."""
    out = tmp_path / "out"
    assert (
        main(["analyze", str(shared_datasets / CASES["taobao_utf8"][0][0]), "--out", str(out)]) == 0
    )
    got = read_ids_as_text(out / "customers.csv")
    freq = got["frequency"].to_numpy(dtype=float)
    assert (freq == 1).mean() > 0.8
    cuts = [np.quantile(freq, k / 5) for k in range(1, 5)]
    expected = [1 + sum(1 for c in cuts if x > c) for x in freq]
    assert got["f_score"].tolist() == expected
    rec = got["recency_days"].to_numpy(dtype=float)
    rcuts = [np.quantile(rec, k / 5) for k in range(1, 5)]
    assert got["r_score"].tolist() == [5 + 1 - (1 + sum(1 for c in rcuts if x > c)) for x in rec]
    used = read_ids_as_text(out / "cut_points.csv").set_index("axis")
    assert used.loc["frequency", "unused_scores"] == "2 3 4"


def test_json_summary_of_a_real_export_matches_its_reference(shared_datasets, tmp_path):
    """``--json`` from a real GBK Taobao export, read as a script would: customers, revenue
    and as_of from the reference computed in SQL."""
    import json
    import subprocess
    import sys

    from cli_process import rfm_env

    files, options, reference = CASES["taobao_gbk"]
    inputs = [str(shared_datasets / f) for f in files]
    flags = ["--out", str(tmp_path), "--json", "--lang", "zh_CN"]
    proc = subprocess.run(
        [sys.executable, "-m", "rfm_cli", "analyze", *inputs, *options, *flags],
        env=rfm_env(PYTHONIOENCODING="cp1252"),
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    data = json.loads(proc.stdout)
    expected = pd.read_csv(shared_datasets / reference, dtype={"customer_id": str})
    assert data["customers"] == len(expected) == 3410
    assert data["as_of"] == "2017-06-01"
    assert data["revenue"] == pytest.approx(expected["monetary"].sum(), abs=0.005)
    assert sum(s["customers"] for s in data["segments"]) == len(expected)
