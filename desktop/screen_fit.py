"""Windows that fit a small laptop screen (1366×768 with a taskbar)."""

from __future__ import annotations

#: The smallest screen the app is made for: 1366×768 less a 40-pixel taskbar and a title bar.
SMALL_SCREEN = (1366, 768 - 40 - 32)


def fitting_size(width: int, height: int) -> tuple[int, int]:
    """A window size that fits the screen's free area (and a 1366×768 screen with a taskbar)."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    free = screen.availableGeometry().size().toTuple() if screen is not None else SMALL_SCREEN
    return min(width, free[0], SMALL_SCREEN[0]), min(height, free[1] - 32, SMALL_SCREEN[1])
