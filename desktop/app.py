"""``rfm-desktop``: start the app; ``--selftest`` builds the window on the sample offscreen,
saves a screenshot and exits 0 (used to check a packaged build)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from .i18n import LANGUAGES


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rfm-desktop", description="RFM Segments desktop app")
    parser.add_argument("files", nargs="*", help="sales export(s) to open")
    parser.add_argument("--lang", choices=list(LANGUAGES), help="interface language")
    parser.add_argument(
        "--selftest",
        nargs="?",
        const="rfm-desktop-selftest.png",
        metavar="PNG",
        help="analyse the sample offscreen, save a screenshot (default "
        "rfm-desktop-selftest.png) and exit",
    )
    return parser.parse_args(argv)


class Controller:
    """Owns the window; a language switch rebuilds it in the new language, keeping the data."""

    def __init__(self, settings, lang: str) -> None:
        self.settings = settings
        self.window = None
        self.switch(lang)

    def switch(self, lang: str) -> None:
        from . import i18n
        from .main_window import MainWindow

        i18n.install(lang)
        self.settings.set_language(lang)
        old = self.window
        window = MainWindow(self.settings, lang)
        window.language_requested.connect(self.switch)
        if old is not None:
            window.paths = old.paths
            window.config = old.config
            if old.result is not None and old.paths:
                window.run_analysis(old.paths, old.config)
            window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window = window
        window.show()


def _excepthook(exc_type, exc, tb) -> None:
    from PySide6.QtWidgets import QApplication

    from .error_dialog import error_box

    traceback.print_exception(exc_type, exc, tb)
    if QApplication.instance() is not None:
        box = error_box(QApplication.activeWindow(), exc)
        if box is not None:
            box.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .i18n import system_language
    from .settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("RFM Segments")
    app.setOrganizationName("rfm-segments")
    if args.selftest:
        return selftest(Path(args.selftest), args.lang or "en")
    settings = AppSettings()
    lang = args.lang or settings.language() or system_language()
    sys.excepthook = _excepthook
    controller = Controller(settings, lang)
    window = controller.window
    if args.files:
        window.open_files([Path(f) for f in args.files])
    elif not settings.recent_files():
        window.open_sample()
    return app.exec()


def selftest(png: Path, lang: str) -> int:
    """Analyse the sample in the window, save a screenshot, return 0 when all went well."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from . import i18n
    from .main_window import MainWindow
    from .settings import AppSettings

    i18n.install(lang)
    folder = tempfile.mkdtemp(prefix="rfm-selftest-")  # the user's own settings stay untouched
    store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(store), lang)
    window.show()
    window.open_sample()
    app = QApplication.instance()
    while window.runner.busy:
        app.processEvents()
        window.runner.wait(50)
    app.processEvents()
    shown = window.customers_panel.model.rowCount()
    if window.result is None or shown != len(window.result.customers):
        print("selftest: the sample analysis failed", file=sys.stderr)
        return 1
    window.grab().save(str(png))
    print(f"selftest: {len(window.result.customers)} customers; screenshot {png}")
    window.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
