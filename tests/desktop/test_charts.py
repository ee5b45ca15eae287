"""Charts in the window: the engine's specifications drawn by ChartView, click-through to the
customers, and the migration matrix of a comparison."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from desktop.chart_view import ChartView


def click(qtbot, view: ChartView, target: tuple) -> None:
    region = next(r for r in view.drawing().regions if r.target == target)
    point = QPointF(region.x + region.width / 2, region.y + region.height / 2).toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)


def test_window_charts_and_comparison(qtbot, window, wait_idle):
    window.resize(1366, 768)
    window.show()
    window.open_sample()
    wait_idle(window)
    charts = window.charts_panel
    result = window.result
    window.tabs.setCurrentWidget(charts)
    charts.setCurrentWidget(charts.segments_page)
    assert charts.customers_chart.spec.title == "Customers per segment"
    assert sum(i.value for i in charts.customers_chart.spec.items) == len(result.customers)
    assert sum(map(sum, charts.heat.spec.values)) == len(result.customers)
    assert charts.heat.spec.row_title == "R score (5 = most recent)"
    assert set(charts.distributions) == {"recency", "frequency", "monetary"}
    assert charts.distributions["monetary"].spec.log
    # the window draws the same SVG as the report would, at its own size
    charts.setCurrentWidget(charts.heat)
    qtbot.waitExposed(charts.heat)
    assert (
        charts.heat.svg().startswith("<svg") and charts.heat.drawing().width == charts.heat.width()
    )
    # a click on the R×F cell R=5, F=1 shows exactly those customers
    click(qtbot, charts.heat, ("rf", 5, 1))
    c = result.customers
    expected = set(c.loc[(c["r_score"] == 5) & (c["f_score"] == 1), "customer_id"])
    shown = window.customers_panel.shown_rows()
    assert set(shown["customer_id"]) == expected and len(expected) > 0
    assert window.tabs.currentWidget() is window.customers_panel
    window.compare_periods()
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=30000)
    matrix = window.comparison
    assert matrix.to_numpy().sum() == len(result.customers)
    spec = charts.migration.spec
    assert sum(map(sum, spec.values)) == len(result.customers)
    assert list(matrix.index[:-1]) == [s.key for s in result.scheme.all_segments]
    assert spec.row_labels[-1] == "(new)"
    assert not charts.migration_note.isVisible()
    # a click on a migration cell shows the customers who moved that way
    qtbot.waitExposed(charts.migration)
    moved = window.comparison_customers
    then, now = "potential_loyalist", "at_risk"
    ids = set(
        moved.loc[(moved["segment_then"] == then) & (moved["segment_now"] == now), "customer_id"]
    )
    assert ids
    click(qtbot, charts.migration, ("move", then, now))
    assert set(window.customers_panel.shown_rows()["customer_id"]) == ids
