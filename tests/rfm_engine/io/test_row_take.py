"""A few rows picked by position are exactly ``DataFrame.iloc``'s rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from rfm_engine.io.row_take import FEW_ROWS, take_rows, take_values


def _table(storage: str) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    rows = 5000
    text = pd.StringDtype(storage, na_value=np.nan)
    frame = pd.DataFrame(
        {
            "order": pd.Series([f"I{i}" for i in rng.integers(0, 900, rows)], dtype=text),
            "note": pd.Series(rng.choice(["", "gift", "=1+1"], rows), dtype=text),
            "quantity": rng.integers(-3, 9, rows),
            "price": rng.random(rows),
            "day": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 90, rows), "D"),
            "_source": pd.Categorical.from_codes(rng.integers(0, 2, rows), ["a.csv", "b.csv"]),
        },
        index=pd.RangeIndex(10, 10 + rows),
    )
    frame.loc[frame["note"] == "", "note"] = np.nan
    if storage == "pyarrow":  # in chunks, as Arrow's reader gives them
        import pyarrow as pa

        for name in ("order", "note"):
            values = pa.array(frame[name].to_numpy(dtype=object), from_pandas=True)
            chunked = pa.chunked_array([values[i : i + 700] for i in range(0, rows, 700)])
            frame[name] = pd.Series(pd.arrays.ArrowStringArray(chunked), index=frame.index)
    return frame


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
@pytest.mark.parametrize("count", [1, 7, FEW_ROWS, FEW_ROWS + 1, 400])
def test_rows_are_those_of_iloc(storage: str, count: int) -> None:
    if storage == "pyarrow":
        pytest.importorskip("pyarrow")
    frame = _table(storage)
    positions = np.random.default_rng(count).integers(0, len(frame), count)
    positions[-1] = positions[0]  # a row twice
    expected = frame.iloc[positions]
    got = take_rows(frame, positions)
    pd.testing.assert_frame_equal(got, expected)
    assert got["note"].isna().sum() == expected["note"].isna().sum()


def test_no_rows_is_an_empty_table_of_the_same_columns() -> None:
    frame = _table("python")
    got = take_rows(frame, np.array([], dtype=np.intp))
    pd.testing.assert_frame_equal(got, frame.iloc[[]])


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
@pytest.mark.parametrize("pick", ["ascending", "shuffled", "one", "chunk_edges"])
def test_cells_are_those_of_iloc(storage: str, pick: str) -> None:
    if storage == "pyarrow":
        pytest.importorskip("pyarrow")
    values = _table(storage)["note"]
    rng = np.random.default_rng(3)
    positions = {
        "ascending": np.flatnonzero(rng.random(len(values)) < 0.3),
        "shuffled": rng.permutation(len(values))[:900],
        "one": np.array([4321]),
        "chunk_edges": np.array([0, 699, 700, 701, 1399, 1400, 4999]),
    }[pick]
    got = take_values(values, positions)
    pd.testing.assert_series_equal(got, values.iloc[positions])
