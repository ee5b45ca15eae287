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


def test_save_the_open_exports_as_a_workspace_then_add_more(
    qtbot, window, wait_idle, tmp_path, monthly_exports
):
    parts = monthly_exports(sample_orders_path(), "order_date", tmp_path / "parts")
    window.run_analysis(parts[:12], RfmConfig())
    wait_idle(window)
    actions = window.workspace_actions
    assert actions.save_action.isEnabled() and not actions.add_action.isEnabled()
    shop = tmp_path / "shop.rfmdb"
    actions.save_as(shop)
    qtbot.waitUntil(lambda: window.paths == [shop] and not window.runner.busy, timeout=60000)
    assert actions.add_action.isEnabled() and not actions.save_action.isEnabled()
    first = len(window.result.customers)
    with Workspace(shop) as workspace:
        before = workspace.row_count()
    read = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in parts[10:])
    actions.add(parts[10:])
    qtbot.waitUntil(lambda: window.trends_panel.model.rowCount() == 24, timeout=60000)
    wait_idle(window)
    added = 5636 - before
    expected = f"{added:,} rows added, {read - added:,} already in the workspace"
    assert actions.last_message == expected
    assert len(window.result.customers) == 2957 > first
    with Workspace(shop) as workspace:
        assert workspace.row_count() == 5636
        assert len(workspace.imports()) == 12 + 14
