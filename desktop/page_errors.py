"""Errors shown on the wizard page where they arise."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .i18n import engine_message


def error_label(parent: QWidget) -> QLabel:
    """A red, wrapping label, hidden until there is an error."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label


def show_page_error(label: QLabel, exc: BaseException | None) -> None:
    label.setVisible(exc is not None)
    label.setText("" if exc is None else engine_message(exc))
