"""Rows of a raw table by position, cheaply (the example rows of reports and errors, the
cells rule 1 compares).

Arrow's reader gives each text column in chunks (one per 4 MB block of the file), and taking
rows from a chunked column by position copies the whole column first: on online_retail
(45 MB, 12 chunks) about 2 ms a column, whatever the number of rows. A slice of one row
copies nothing, so a handful of rows are taken as slices and put together; and the cells of
one column at ascending positions are taken chunk by chunk.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Up to this many rows are gathered as one-row slices; more are taken at once.
FEW_ROWS = 64


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[positions]``: the same rows, index and dtypes."""
    positions = np.asarray(positions, dtype=np.intp)
    if not 0 < len(positions) <= FEW_ROWS:
        return frame.iloc[positions]
    return pd.concat([frame.iloc[p : p + 1] for p in positions.tolist()])


def take_values(values: pd.Series, positions: np.ndarray) -> pd.Series:
    """``values.iloc[positions]``: the same cells, index and dtype. Positions in ascending
    order from an Arrow-backed column in chunks are taken from each chunk in turn."""
    positions = np.asarray(positions, dtype=np.intp)
    array = values.array
    chunked = array.__arrow_array__() if isinstance(array, pd.arrays.ArrowStringArray) else None
    if (
        getattr(chunked, "num_chunks", 0) < 2
        or len(positions) == 0
        or positions[0] < 0
        or (np.diff(positions) < 0).any()
    ):
        return values.iloc[positions]
    import pyarrow as pa

    starts = np.cumsum([0] + [len(chunk) for chunk in chunked.chunks])
    if positions[-1] >= starts[-1]:
        return values.iloc[positions]  # out of bounds: pandas says so
    bounds = np.searchsorted(positions, starts)
    parts = [
        chunk.take(pa.array(positions[low:high] - start))
        for chunk, start, low, high in zip(
            chunked.chunks, starts[:-1], bounds[:-1], bounds[1:], strict=True
        )
        if high > low
    ]
    taken = type(array)(pa.chunked_array(parts, type=chunked.type), dtype=values.dtype)
    return pd.Series(taken, index=values.index[positions], name=values.name, copy=False)
