"""Fixtures of the desktop tests: settings in a temporary file, a window on them."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def app_settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, app_settings):
    from desktop.main_window import MainWindow

    win = MainWindow(app_settings, "en")
    qtbot.addWidget(win)
    yield win
    win.runner.cancel_all()
    win.runner.wait()


@pytest.fixture
def wait_idle(qtbot):
    """``wait_idle(window)``: wait until the window's background work has finished."""

    def wait(window, timeout=30000):
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=timeout)

    return wait


@pytest.fixture(autouse=True)
def error_log_in_tmp(tmp_path, monkeypatch):
    """Unexpected errors are logged into the test's folder, not the user's app data."""
    from desktop import error_log

    monkeypatch.setattr(error_log, "directory", tmp_path / "log")
