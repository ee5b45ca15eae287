"""Showing failures: engine errors as a readable message, anything else with details to copy."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rfm_engine import RfmError

from .error_log import log_error
from .i18n import engine_message, engine_rows
from .workers import Cancelled


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """A message box for ``exc`` (not shown yet); None for a cancelled task."""
    if isinstance(exc, Cancelled):
        return None
    box = QMessageBox(parent)
    if isinstance(exc, RfmError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Cannot continue"))
        box.setText(engine_message(exc))
        rows = engine_rows(exc)
        if rows:
            box.setDetailedText("\n".join(rows))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Something went wrong that the app did not expect. Your data and earlier "
                "results are unchanged. Please report it with the details below.",
            )
        )
        box.setInformativeText(f"{type(exc).__name__}: {exc}")
        box.setDetailedText("".join(traceback.format_exception(exc)))
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = error_box(parent, exc)
    if box is not None:
        if not isinstance(exc, RfmError):
            log_error(exc)  # unexpected: kept with its traceback for a bug report
        box.open()
