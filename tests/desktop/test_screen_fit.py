"""Every window fits a 1366×768 screen with a taskbar, in English and 简体中文."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.screen_fit import SMALL_SCREEN, fitting_size


def test_a_size_never_exceeds_the_small_screen():
    width, height = fitting_size(5000, 5000)
    assert width <= SMALL_SCREEN[0] and height <= SMALL_SCREEN[1]
    assert SMALL_SCREEN == (1366, 696)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_windows_and_dialogs_fit_1366_by_768(qtbot, app_settings, wait_idle, lang):
    from desktop.export_dialog import ExportDialog
    from desktop.main_window import MainWindow
    from desktop.scoring_dialog import ScoringDialog

    try:
        i18n.install(lang)
        window = MainWindow(app_settings, lang)
        qtbot.addWidget(window)
        window.open_sample()
        wait_idle(window)
        scoring = ScoringDialog(window.config, window.result, lang, window)
        exporter = ExportDialog(window.result, lang, window.runner, window, inputs=window.paths)
        window.open_files(window.paths)
        for widget in (window, scoring, exporter, window.wizard):
            qtbot.addWidget(widget)
            size, least = widget.size(), widget.minimumSizeHint()
            name = type(widget).__name__
            assert size.width() <= SMALL_SCREEN[0] and size.height() <= SMALL_SCREEN[1], name
            assert least.width() <= SMALL_SCREEN[0] and least.height() <= SMALL_SCREEN[1], name
    finally:
        i18n.install("en")
