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
