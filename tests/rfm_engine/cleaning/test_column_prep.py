"""The role columns prepared side by side in threads are those prepared one after the other,
and a cleaning over Arrow-backed text gives what it gives over Python objects."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from rfm_engine import ColumnMap
from rfm_engine.cleaning import clean

pa = pytest.importorskip("pyarrow")

import rfm_engine.cleaning.column_prep as column_prep  # noqa: E402

ROWS = 150_000  # above PARALLEL_MIN_ROWS: the threads run


def _cells() -> pd.DataFrame:
    rng = np.random.default_rng(8)
    order = 500_000 + np.arange(ROWS) // 3
    cells = pd.DataFrame(
        {
            "order": [f"C{o}" if o % 500 == 0 else str(o) for o in order],
            "customer": [f"{c}" for c in rng.integers(12_000, 19_000, ROWS)],
            "date": [
                f"2011-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00"
                for i in range(ROWS)
            ],
            "quantity": [str(q) for q in rng.integers(-5, 40, ROWS)],
            "price": [f"{p / 100:.2f}" for p in rng.integers(0, 5000, ROWS)],
            "sku": [f"SKU{s}" for s in rng.integers(0, 3000, ROWS)],
        }
    ).astype(object)
    cells.loc[7, "price"] = "0.001"  # a cast refuses the column: the text parser reads it
    cells.loc[::1000, "customer"] = None
    return pd.concat([cells, cells.iloc[::250]], ignore_index=True)  # repeats for rule 1


def _arrow(frame: pd.DataFrame) -> pd.DataFrame:
    """In chunks of large strings, blanks missing, as Arrow's CSV reader leaves them."""
    out = {}
    for name in frame:
        values = frame[name].tolist()
        chunks = [
            pa.array(values[i : i + 40_000], pa.large_string())
            for i in range(0, len(values), 40_000)
        ]
        out[name] = pa.chunked_array(chunks).to_pandas()
    return pd.DataFrame(out)


COLUMNS = ColumnMap(
    customer="customer", date="date", quantity="quantity", price="price", order="order"
)


def test_threads_prepare_what_one_thread_prepares(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _arrow(_cells())
    typed, coded = column_prep.prepare_columns(raw, COLUMNS, None)
    assert set(typed) == {"date", "quantity"}  # "price" is refused, for its 0.001
    assert set(coded) == {"customer", "order", "price"}
    monkeypatch.setattr(column_prep, "PARALLEL_MIN_ROWS", 10**9)
    typed_alone, coded_alone = column_prep.prepare_columns(raw, COLUMNS, None)
    assert typed.keys() == typed_alone.keys()
    for name in typed:
        np.testing.assert_array_equal(typed[name], typed_alone[name])
    assert coded.keys() == coded_alone.keys()
    for name in coded:
        np.testing.assert_array_equal(coded[name][0], coded_alone[name][0])
        assert list(coded[name][1]) == list(coded_alone[name][1])


def test_cleaning_arrow_text_matches_python_objects() -> None:
    cells = _cells()
    fast = clean(_arrow(cells), COLUMNS)
    slow = clean(cells, COLUMNS)
    assert [(s.key, s.rows) for s in fast.report.steps] == [
        (s.key, s.rows) for s in slow.report.steps
    ]
    assert fast.report.rows_used == slow.report.rows_used > 0
    for name in ("date", "amount", "_row"):
        np.testing.assert_array_equal(fast.purchases[name], slow.purchases[name])
    assert list(fast.purchases["customer_id"]) == list(slow.purchases["customer_id"])
    assert [w.code for w in fast.warnings] == [w.code for w in slow.warnings]


def test_a_decimal_comma_casts_no_amount() -> None:
    raw = _arrow(_cells().assign(price=lambda f: f["price"].str.replace("0.001", "0.01")))
    typed, coded = column_prep.prepare_columns(raw, COLUMNS, ",")
    assert set(typed) == {"date"}
    assert {"quantity", "price"} <= set(coded)
