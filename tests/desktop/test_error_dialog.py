"""Failures become dialogs: engine errors readable, unexpected ones with details to copy."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.error_dialog import error_box
from desktop.workers import Cancelled
from rfm_engine import DataError


def test_engine_error_is_one_readable_line_with_its_rows(qtbot):
    exc = DataError(
        "column 'x': 5 of 7 rows have no readable date", rows=(1, 2), examples=("a", "b")
    )
    box = error_box(None, exc)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "column 'x': 5 of 7 rows have no readable date"
    assert box.detailedText() == "row 1: a\nrow 2: b"


def test_unexpected_error_has_the_traceback_to_copy(qtbot):
    try:
        {}["missing"]
    except KeyError as exc:
        box = error_box(None, exc)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "KeyError" in box.informativeText()
    assert "Traceback" in box.detailedText() and "test_unexpected_error" in box.detailedText()
    assert "unchanged" in box.text()


def test_cancelled_work_shows_nothing():
    assert error_box(None, Cancelled()) is None


def test_dialog_titles_follow_the_language(qtbot):
    from desktop import i18n

    try:
        i18n.install("zh_CN")
        box = error_box(None, DataError("x"))
        qtbot.addWidget(box)
        assert box.windowTitle() == "无法继续"
        other = error_box(None, ValueError("y"))
        qtbot.addWidget(other)
        assert other.windowTitle() == "意外错误" and "数据" in other.text()
    finally:
        i18n.install("en")
