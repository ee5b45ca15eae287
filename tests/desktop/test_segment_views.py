"""The segments table: whole days, no sideways scrolling at the default window size, long
names and actions elided with their full text as tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.segment_views import two_lines

#: The main window's size on a 1366×768 screen with a taskbar (MainWindow asks for 1100×660).
DEFAULT_SIZE = (1100, 660)


def test_long_headers_break_in_two_lines():
    assert two_lines("Avg recency (days)") == "Avg recency\n(days)"
    assert two_lines("Orders") == "Orders"
    assert two_lines("平均最近购买（天）") == "平均\n最近购买（天）"
    assert two_lines("平均消费金额") == "平均\n消费金额"
    assert two_lines("销售额占比") == "销售额\n占比"
    assert two_lines("客户数") == "客户数"
    assert two_lines("订单数量总计") == "订单数量总计"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_segments_table_fits_the_default_window(qtbot, app_settings, wait_idle, lang):
    from desktop.main_window import MainWindow

    i18n.install(lang)
    try:
        window = MainWindow(app_settings, lang)
        qtbot.addWidget(window)
        window.resize(*DEFAULT_SIZE)
        window.show()
        window.open_sample()
        wait_idle(window)
        window.tabs.setCurrentWidget(window.summary_panel)
        qtbot.waitUntil(lambda: window.summary_panel.view.viewport().width() > 900)
        panel = window.summary_panel
        view, model = panel.view, panel.model
        widths = [view.columnWidth(c) for c in range(model.columnCount())]
        assert sum(widths) <= view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0
        assert widths[1] >= 200  # the recommended action keeps room to be read
        summary = window.result.summary
        for row in range(model.rowCount()):
            source = summary.iloc[model.source_row(row)]
            action = model.index(row, 1)
            assert model.data(action, Qt.ItemDataRole.ToolTipRole) == source["action"]
            name = model.index(row, 0)
            assert model.data(name, Qt.ItemDataRole.ToolTipRole) == source["segment_name"]
            days = model.data(model.index(row, 7))
            if source["customers"]:
                assert days == f"{source['mean_recency']:,.0f}"  # whole days, no decimals
                assert abs(int(days.replace(",", "")) - source["mean_recency"]) <= 0.5
        window.runner.cancel_all()
        window.runner.wait()
    finally:
        i18n.install("en")
