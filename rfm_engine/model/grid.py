"""The R×F grid: customers and mean monetary per (R score, F score) cell, for heat maps."""

from __future__ import annotations

import pandas as pd


def rf_grid(customers: pd.DataFrame, *, bins: int) -> pd.DataFrame:
    """One row per (R, F) cell, every cell present: ``r_score``, ``f_score``, ``customers``,
    ``mean_monetary`` (NaN for an empty cell) and ``revenue``.

    Parameters
    ----------
    customers
        A scored customers table (``r_score``, ``f_score``, ``monetary``, ``revenue``).
    bins
        The number of score bins used.
    """
    cells = pd.MultiIndex.from_product(
        [range(bins, 0, -1), range(1, bins + 1)], names=["r_score", "f_score"]
    )
    keys = [customers["r_score"].astype("int64"), customers["f_score"].astype("int64")]
    grouped = customers.groupby(keys).agg(
        customers=("monetary", "size"),
        mean_monetary=("monetary", "mean"),
        revenue=("revenue", "sum"),
    )
    grouped.index.names = ["r_score", "f_score"]
    table = grouped.reindex(cells)
    table["customers"] = table["customers"].fillna(0).astype("int64")
    table["revenue"] = table["revenue"].fillna(0.0)
    return table.reset_index()


def rf_grid_pivot(grid: pd.DataFrame, value: str = "customers") -> pd.DataFrame:
    """The grid as a matrix: R score rows (best first), F score columns, ``value`` in cells."""
    matrix = grid.pivot(index="r_score", columns="f_score", values=value)
    return matrix.sort_index(ascending=False)
