"""The R×F grid: customers and mean monetary per cell, every cell present."""

from __future__ import annotations

import math

import pandas as pd

from rfm_engine.model.grid import rf_grid, rf_grid_pivot


def test_grid_counts_and_means_by_hand():
    customers = pd.DataFrame(
        {
            "r_score": [3, 3, 1, 2, 3],
            "f_score": [1, 1, 3, 2, 3],
            "monetary": [10.0, 30.0, 5.0, 7.0, 100.0],
            "revenue": [10.0, 30.0, 5.0, 7.0, 100.0],
        }
    )
    grid = rf_grid(customers, bins=3)
    assert len(grid) == 9
    assert list(zip(grid["r_score"], grid["f_score"], strict=True))[:3] == [(3, 1), (3, 2), (3, 3)]
    cell = grid.set_index(["r_score", "f_score"])
    assert cell.loc[(3, 1), "customers"] == 2
    assert cell.loc[(3, 1), "mean_monetary"] == 20.0
    assert cell.loc[(3, 1), "revenue"] == 40.0
    assert cell.loc[(1, 3), "customers"] == 1 and cell.loc[(1, 3), "mean_monetary"] == 5.0
    assert cell.loc[(1, 1), "customers"] == 0 and math.isnan(cell.loc[(1, 1), "mean_monetary"])
    assert grid["customers"].sum() == 5
    counts = rf_grid_pivot(grid)
    assert list(counts.index) == [3, 2, 1] and list(counts.columns) == [1, 2, 3]
    assert counts.loc[3].tolist() == [2, 0, 1]
    assert counts.loc[2].tolist() == [0, 1, 0]
    assert rf_grid_pivot(grid, "mean_monetary").loc[3, 3] == 100.0


def test_grid_on_a_real_dataset_adds_up(shared_datasets):
    from rfm_engine import analyze

    result = analyze(shared_datasets / "rfm_r_sample" / "rfm_data_orders.csv")
    grid = rf_grid(result.customers, bins=5)
    assert grid["customers"].sum() == len(result.customers) == 995
    assert abs(grid["revenue"].sum() - result.customers["revenue"].sum()) < 1e-6
    one = result.customers[(result.customers.r_score == 5) & (result.customers.f_score == 5)]
    cell = grid[(grid.r_score == 5) & (grid.f_score == 5)].iloc[0]
    assert cell["customers"] == len(one)
    assert abs(cell["mean_monetary"] - one["monetary"].mean()) < 1e-9
