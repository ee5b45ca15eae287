"""The main window on the built-in sample: the tables show exactly the engine's numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.table_models import SORT_ROLE
from resources import sample_orders_path
from rfm_engine import RfmConfig, analyze


def test_sample_fills_summary_and_customers(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    expected = analyze(sample_orders_path(), RfmConfig())
    summary = window.summary_panel.model
    assert summary.rowCount() == len(expected.summary)
    for row, record in expected.summary.iterrows():
        assert summary.data(summary.index(row, 0)) == record["segment_name"]
        assert summary.data(summary.index(row, 2), SORT_ROLE) == record["customers"]
        assert summary.data(summary.index(row, 5), SORT_ROLE) == record["revenue"]
        assert summary.data(summary.index(row, 1)) == record["action"]
    customers = window.customers_panel.model
    assert customers.rowCount() == len(expected.customers)
    assert "2,957 customers" in window.dataset_label.text()
    assert window.export_action.isEnabled()


def test_segment_filter_search_and_sort(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    panel = window.customers_panel
    table = window.result.customers
    panel.select_segment("champions")
    assert panel.model.rowCount() == int((table["segment"] == "champions").sum())
    panel.model.sort(3, Qt.SortOrder.DescendingOrder)
    top = panel.model.data(panel.model.index(0, 3), SORT_ROLE)
    assert top == table.loc[table["segment"] == "champions", "monetary"].max()
    panel.select_segment("")
    some_id = table["customer_id"].iloc[10]
    panel.search.setText(some_id)
    ids = {panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())}
    assert some_id in ids and all(some_id.casefold() in i.casefold() for i in ids)


def test_engine_error_keeps_previous_result(qtbot, window, wait_idle, tmp_path, monkeypatch):
    window.open_sample()
    wait_idle(window)
    before = window.result
    shown = []
    monkeypatch.setattr("desktop.main_window.show_error", lambda parent, exc: shown.append(exc))
    bad = tmp_path / "empty.csv"
    bad.write_text("a,b\n", encoding="utf-8")
    window.run_analysis([bad], RfmConfig())
    wait_idle(window)
    qtbot.waitUntil(lambda: bool(shown))
    assert "no data rows" in str(shown[0])
    assert window.result is before
    assert window.customers_panel.model.rowCount() == len(before.customers)


def test_recent_files_and_options_are_remembered(qtbot, window, wait_idle, app_settings):
    window.open_sample()
    wait_idle(window)
    assert app_settings.recent_files() == [[str(sample_orders_path())]]
    assert window.recent_menu.isEnabled()


def test_dropping_files_opens_the_wizard(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,2024-01-01,10\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.addWidget(window.wizard)
    assert window.wizard.paths == [path]
    assert window.wizard.isVisible()


def test_cancel_keeps_the_window_usable(qtbot, window, wait_idle):
    window.open_sample()
    window.runner.cancel_all()
    wait_idle(window)
    window.runner.wait()
    qtbot.wait(50)
    assert window.result is None
    assert window.open_action.isEnabled() and window.progress_bar.isHidden()


def test_enter_opens_a_segment_and_ctrl_f_searches(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.summary_panel.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    key = window.result.summary["segment"].iloc[window.summary_panel.model.source_row(1)]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.customers_panel
    assert window.customers_panel.segment.currentData() == key
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    qtbot.keyClick(window.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.customers_panel
    assert window.customers_panel.search.hasFocus()


def test_counts_read_plainly_and_an_empty_search_says_so(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    panel = window.customers_panel
    total = len(window.result.customers)
    assert panel.count.text() == f"{total:,} of {total:,} customers shown"
    panel.search.setText("no such customer anywhere")
    assert panel.model.rowCount() == 0
    assert panel.count.text() == "No customer matches this search and segment."


def test_a_missing_contact_is_blank_not_nan():
    import numpy as np
    import pandas as pd

    from desktop.table_models import default_format

    shown = default_format(pd.Series(["a@x.com", np.nan, None], dtype=object))
    assert list(shown) == ["a@x.com", "", ""]
