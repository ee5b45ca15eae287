"""The shortcuts of the hot paths agree with the plain pandas answers they replace."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from rfm_engine import RfmConfig, analyze
from rfm_engine.cleaning import duplicate_rows
from rfm_engine.config import ColumnMap
from rfm_engine.parsing import dense_integer_codes, text_id_codes


def test_dense_integer_codes_number_the_distinct_values_in_order() -> None:
    values = pd.Series([7, -3, 7, 12, -3, 0])
    codes, uniques = dense_integer_codes(values)
    assert list(uniques) == [-3, 0, 7, 12]
    assert list(uniques[codes]) == list(values)


@pytest.mark.parametrize(
    "values",
    [
        pd.Series([1, 10**12]),  # too sparse for a bincount
        pd.Series([1.0, 2.0]),
        pd.Series([1, None], dtype="Int64"),
        pd.Series(["1", "2"]),
        pd.Series([], dtype="int64"),
    ],
)
def test_dense_integer_codes_decline_other_columns(values: pd.Series) -> None:
    assert dense_integer_codes(values) is None


def test_integer_ids_become_text_ids_as_before() -> None:
    values = pd.Series([12346, 5, 12346, 70, 5], dtype="int64")
    codes, labels = text_id_codes(values)
    assert list(labels[codes]) == ["12346", "5", "12346", "70", "5"]
    sparse = pd.Series([10**15, 3, 10**15])
    codes, labels = text_id_codes(sparse)
    assert list(labels[codes]) == ["1000000000000000", "3", "1000000000000000"]


def test_duplicate_rows_with_key_codes_match_pandas() -> None:
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "customer": rng.integers(0, 30, 2000),
            "order": rng.integers(0, 400, 2000),
            "amount": rng.integers(0, 3, 2000).astype(float),
        }
    )
    frame.loc[::97, "order"] = -1  # a "blank" order code shared by many rows
    keys = [frame["customer"].to_numpy(), frame["order"].to_numpy()]
    expected = frame.duplicated().to_numpy()
    assert expected.sum() > 10
    assert (duplicate_rows(frame, keys).to_numpy() == expected).all()
    assert (duplicate_rows(frame).to_numpy() == expected).all()


def test_integer_ids_give_the_same_customers_as_text_ids() -> None:
    rng = np.random.default_rng(3)
    n = 5000
    frame = pd.DataFrame(
        {
            "customer_id": rng.integers(100, 900, n),
            "order_id": rng.integers(1, 3000, n),
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D"),
            "amount": np.round(rng.lognormal(3, 1, n), 2),
        }
    )
    frame = pd.concat([frame, frame.iloc[:40]], ignore_index=True)  # exact duplicates
    columns = ColumnMap(customer="customer_id", date="date", amount="amount", order="order_id")
    as_ints = analyze(frame, RfmConfig(columns=columns))
    text = frame.astype({"customer_id": str, "order_id": str})
    as_text = analyze(text, RfmConfig(columns=columns))
    pd.testing.assert_frame_equal(as_ints.customers, as_text.customers)
    assert as_ints.cleaning.rows_dropped("duplicates") == 40
