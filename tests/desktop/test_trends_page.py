"""A workspace opens like a project: the engine's numbers, and the Trends page with the
segment sizes at every month end."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.table_models import SORT_ROLE
from resources import sample_orders_path
from rfm_engine import Period, RfmConfig, ScoringConfig, SegmentConfig, analyze
from rfm_engine.history import Workspace, stored_snapshots


def test_a_workspace_opens_with_its_trends(qtbot, window, wait_idle, tmp_path, monthly_exports):
    parts = monthly_exports(sample_orders_path(), "order_date", tmp_path / "parts")
    shop = tmp_path / "shop.rfmdb"
    with Workspace(shop, create=True) as workspace:
        workspace.add(parts)
    assert window.trends_panel.model.rowCount() == 0
    assert ".rfmdb" in window.trends_panel.headline.text()
    window.open_files([shop])
    wait_idle(window, timeout=60000)
    whole = analyze(sample_orders_path())
    assert window.customers_panel.model.rowCount() == len(whole.customers) == 2957
    model = window.trends_panel.model
    assert model.rowCount() == 24
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Champions"
    june = analyze(sample_orders_path(), RfmConfig(period=Period(as_of="2025-06-30")))
    row = [model.data(model.index(r, 0)) for r in range(model.rowCount())].index("2025-06-30")
    shown = [model.data(model.index(row, c), SORT_ROLE) for c in range(1, model.columnCount())]
    assert shown == june.summary["customers"].tolist()
    assert len(window.trends_panel.chart.series()) == len(june.summary)
    assert "From 2026-09-30 to 2026-10-31:" in window.trends_panel.headline.text()
    with Workspace(shop) as workspace:  # the history was kept in the workspace
        stored = stored_snapshots(workspace)
    assert stored["period_end"].nunique() == 24
    assert (stored["period_end"].astype(str) == "2026-10-31").sum() == 2957
    # Changing the scoring re-analyses the workspace (not the file as a CSV).
    config = RfmConfig(scoring=ScoringConfig(bins=4), segments=SegmentConfig("activity"))
    window.run_analysis([shop], config)
    wait_idle(window, timeout=60000)
    assert window.result.config.scoring.bins == 4
    assert window.trends_panel.model.headerData(1, Qt.Orientation.Horizontal) == "Active"
