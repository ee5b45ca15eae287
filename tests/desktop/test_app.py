"""The entry point: the language switch that rebuilds the window (--selftest: test_selftest)."""

from __future__ import annotations

from desktop import i18n
from desktop.app import Controller


def test_language_switch_keeps_the_data(qtbot, app_settings, wait_idle):
    try:
        controller = Controller(app_settings, "en")
        first = controller.window  # the controller deletes it on the switch
        first.open_sample()
        wait_idle(first)
        assert first.summary_panel.model.data(first.summary_panel.model.index(0, 0)) == "Champions"
        controller.switch("zh_CN")
        second = controller.window
        qtbot.addWidget(second)
        assert second is not first and app_settings.language() == "zh_CN"
        qtbot.waitUntil(lambda: second.result is not None, timeout=30000)
        wait_idle(second)
        assert second.summary_panel.model.data(second.summary_panel.model.index(0, 0)) == "冠军客户"
        assert second.tabs.tabText(1) == "客户分群"
        assert second.result.config.lang == "zh_CN"
        assert len(second.result.customers) == len(first.result.customers)
    finally:
        i18n.install("en")
