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
        # English started on the English default (classic); Chinese gets its own default
        assert second.result.config.segments.scheme == "cn8"
        names = [s.name("zh_CN") for s in second.result.scheme.all_segments]
        assert second.summary_panel.model.data(second.summary_panel.model.index(0, 0)) in names
        assert second.tabs.tabText(1) == "客户分群"
        assert second.result.config.lang == "zh_CN"
        assert len(second.result.customers) == len(first.result.customers)
    finally:
        i18n.install("en")


def test_a_first_run_in_chinese_uses_the_eight_class_scheme(qtbot, app_settings, wait_idle):
    from desktop.main_window import MainWindow

    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    assert window.config.segments.scheme == "cn8"
    english = MainWindow(app_settings, "en")
    qtbot.addWidget(english)
    assert english.config.segments.scheme == "classic"


def test_a_scheme_the_user_chose_survives_a_language_switch(qtbot, app_settings, wait_idle):
    import dataclasses

    try:
        controller = Controller(app_settings, "en")
        first = controller.window
        segments = dataclasses.replace(first.config.segments, scheme="seed5")
        first.config = dataclasses.replace(first.config, segments=segments)
        controller.switch("zh_TW")
        second = controller.window
        qtbot.addWidget(second)
        assert second.config.segments.scheme == "seed5"
    finally:
        i18n.install("en")
