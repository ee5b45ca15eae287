"""Every shared dataset imports with auto-mapping only and gives its reference exactly.

The references in ``../shared/datasets`` were computed independently in SQL under the default
rules; recency and frequency must match exactly and monetary to the cent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import RfmConfig, analyze

CASES = {
    "online_retail": (["online_retail/online_retail.csv"], "online_retail/reference_default.csv"),
    "taobao_utf8": (
        ["taobao_toy_shop_2017/orders_utf8.csv"],
        "taobao_toy_shop_2017/reference_default.csv",
    ),
    "taobao_gbk": (
        ["taobao_toy_shop_2017/orders_gbk.csv"],
        "taobao_toy_shop_2017/reference_default.csv",
    ),
    "mingrisoft_workbooks": (
        ["mingrisoft_taobao_2018_2019/2018.xlsx", "mingrisoft_taobao_2018_2019/2019.xlsx"],
        "mingrisoft_taobao_2018_2019/reference_default.csv",
    ),
    "mingrisoft_1月": (
        ["mingrisoft_taobao_2018_2019/1月.csv"],
        "mingrisoft_taobao_2018_2019/reference_default_1月.csv",
    ),
    "rfm_r_sample": (["rfm_r_sample/rfm_data_orders.csv"], "rfm_r_sample/reference_default.csv"),
    "shopify_enavant": (
        ["shopify_enavant/orders_export_1.csv"],
        "shopify_enavant/reference_default.csv",
    ),
}


def _reference(path: Path) -> pd.DataFrame:
    ref = pd.read_csv(path, dtype={"customer_id": str}, keep_default_na=False)
    ref["cents"] = (ref["monetary"] * 100).round().astype("int64")
    return ref.set_index("customer_id").sort_index()


@pytest.mark.parametrize("name", sorted(CASES))
def test_dataset_matches_reference(shared_datasets: Path, name: str) -> None:
    inputs, reference = CASES[name]
    paths = [shared_datasets / p for p in inputs]
    for p in paths:
        if not p.exists():
            pytest.skip(f"{p} is not present")
    result = analyze(paths, RfmConfig())
    got = result.customers.set_index("customer_id").sort_index()
    ref = _reference(shared_datasets / reference)
    assert list(got.index) == list(ref.index)
    assert (got["recency_days"].to_numpy() == ref["recency_days"].to_numpy()).all()
    assert (got["frequency"].to_numpy() == ref["frequency"].to_numpy()).all()
    cents = (got["monetary"] * 100).round().astype("int64")
    assert (cents.to_numpy() == ref["cents"].to_numpy()).all()


def test_shopify_enavant_says_which_key_and_date_it_chose(shared_datasets: Path) -> None:
    path = shared_datasets / "shopify_enavant" / "orders_export_1.csv"
    if not path.exists():
        pytest.skip(f"{path} is not present")
    result = analyze(path, RfmConfig())
    columns = result.config.columns
    assert (columns.customer, columns.customer_fallback) == ("Email", ("Phone",))
    assert (columns.date, columns.cancelled_at) == ("Created at", "Cancelled at")
    notes = {w.code: w for w in result.warnings}
    # Rows (line items) keyed by Phone where Email is blank; the rest by Email.
    keyed = notes["key_fallback"].evidence["keyed_by"]
    assert keyed["Phone"] > 0 and keyed["Email"] + keyed["Phone"] <= 811
    assert notes["key_fallback"].option == "columns.customer"
    assert notes["date_column_choice"].evidence["others"] == ("Paid at",)
    # Orders cancelled although still "paid" are dropped by their cancellation date.
    assert result.cleaning.rows_dropped("cancelled_at") > 0
