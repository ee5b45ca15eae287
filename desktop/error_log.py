"""A small log of unexpected errors in the user's app data folder.

A packaged app has no terminal, so what the error dialog shows is also appended here with its
traceback (``rfm-desktop.log``; one older file ``rfm-desktop.log.1`` is kept). Errors about the
data (:class:`rfm_engine.RfmError`) are the user's to fix and are not logged.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

LOG_NAME = "rfm-desktop.log"
MAX_BYTES = 512_000
#: Where the log goes instead of the app data folder (tests point it at a temporary folder).
directory: Path | None = None


def log_path() -> Path:
    """``<app data>/rfm-desktop.log``: e.g. ``~/.local/share/rfm-segments/RFM Segments`` on
    Linux, ``%LOCALAPPDATA%\\rfm-segments\\RFM Segments`` on Windows, ``~/Library/Application
    Support/rfm-segments/RFM Segments`` on macOS."""
    if directory is not None:
        return Path(directory) / LOG_NAME
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation.AppLocalDataLocation
    return Path(QStandardPaths.writableLocation(location)) / LOG_NAME


def log_error(exc: BaseException) -> Path | None:
    """Append ``exc`` with its traceback; the log file, or None when it cannot be written
    (logging never hides the error it logs)."""
    path = log_path()
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = f"{stamp} {type(exc).__name__}: {exc}\n{''.join(traceback.format_exception(exc))}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8") as log:
            log.write(text)
    except OSError:
        return None
    return path
