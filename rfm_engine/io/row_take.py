"""A few rows of a raw table by position (the example rows of reports and errors), cheaply.

Arrow's reader gives each text column in chunks (one per 4 MB block of the file), and taking
rows from a chunked column by position copies the whole column first: on online_retail
(45 MB, 12 chunks) about 2 ms a column, whatever the number of rows. A slice of one row
copies nothing, so a handful of rows are taken as slices and put together.
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
