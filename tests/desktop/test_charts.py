"""Charts: the R×F grid, the distributions with their cut points, the migration matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCharts import QChartView, QLineSeries

from desktop.charts import distribution_chart, rf_matrix


def test_rf_matrix_counts_each_cell():
    customers = pd.DataFrame({"r_score": [5, 5, 1, 3], "f_score": [1, 1, 5, 2]})
    grid = rf_matrix(customers, 5)
    assert grid[0, 0] == 2  # R=5 on the top row, F=1 in the first column
    assert grid[4, 4] == 1 and grid[2, 1] == 1
    assert grid.sum() == 4


def test_distribution_draws_one_line_per_cut_point(qapp):
    chart = distribution_chart("M", np.arange(100.0), (10.0, 50.0, 90.0))
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert sorted(line.at(0).x() for line in lines) == [10.0, 50.0, 90.0]


def test_window_charts_and_comparison(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    charts = window.charts_panel
    assert len(charts.segments_page.findChildren(QChartView)) == 2
    assert charts.heat.values.sum() == len(window.result.customers)
    assert len(charts.dist_page.findChildren(QChartView)) == 3
    window.compare_periods()
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=30000)
    matrix = window.comparison
    assert matrix.to_numpy().sum() == len(window.result.customers)
    assert charts.migration.values.sum() == len(window.result.customers)
    # The engine's comparison: segments then (plus customers new since), segments now.
    assert list(matrix.index[:-1]) == [s.key for s in window.result.scheme.all_segments]
    assert charts.migration.row_labels[-1] == "(new)"
    assert not charts.migration_note.isVisible()
