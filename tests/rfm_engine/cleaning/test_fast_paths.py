"""The shortcuts of the hot paths agree with the plain pandas answers they replace."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from rfm_engine import RfmConfig, analyze
from rfm_engine.cleaning import duplicate_rows
from rfm_engine.io.parsing import dense_integer_codes, text_id_codes
from rfm_engine.options.config import ColumnMap


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


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
def test_duplicate_rows_of_order_lines_match_pandas(storage: str) -> None:
    """Order lines (every order on several rows, so the key codes cut nothing): the repeat
    filter runs, and rows equal but for one unmapped column must not count as duplicates."""
    if storage == "pyarrow":
        pytest.importorskip("pyarrow")
    rng = np.random.default_rng(11)
    rows = 120_000
    order = rng.integers(0, 20_000, rows)
    text = pd.StringDtype(storage, na_value=np.nan)
    frame = pd.DataFrame(
        {
            "order": pd.Series([f"I{o}" for o in order], dtype=text),
            "customer": pd.Series([f"C{o % 3000}" for o in order], dtype=text),
            "item": pd.Series([f"SKU{i}" for i in rng.integers(0, 400, rows)], dtype=text),
            "note": pd.Series(rng.choice(["", "gift", "=1+1"], rows), dtype=text),
            "quantity": rng.integers(1, 4, rows),
        }
    )
    frame.loc[frame["note"] == "", "note"] = np.nan
    copies = rng.choice(rows, 3000, replace=False)
    frame = pd.concat([frame, frame.iloc[copies]], ignore_index=True)  # exact repeats
    near = frame.iloc[copies[:500]].copy()
    near["item"] = "SKU-other"  # equal in every column but one
    frame = pd.concat([frame, near], ignore_index=True).sample(frac=1.0, random_state=3)
    frame = frame.reset_index(drop=True)
    keys = [pd.factorize(frame["order"])[0], pd.factorize(frame["customer"])[0]]
    expected = frame.duplicated().to_numpy()
    assert expected.sum() >= 3000
    found = duplicate_rows(frame, keys).to_numpy()
    assert (found == expected).all()


def test_repeat_filter_keeps_every_repeated_row() -> None:
    from rfm_engine.cleaning.duplicates import _maybe_repeated

    rng = np.random.default_rng(5)
    a, b = rng.integers(-1, 50, 200_000), rng.integers(-1, 2_000, 200_000)
    idx = np.arange(len(a))
    kept = _maybe_repeated([a, b], idx)
    pairs = pd.DataFrame({"a": a, "b": b})
    repeated = pairs.duplicated(keep=False).to_numpy()
    assert kept[repeated].all()  # never loses a row that has an equal one
    assert kept[~repeated].mean() < 0.01  # and lets almost no others through


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
