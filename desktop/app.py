"""``rfm-desktop`` (``RFM`` when packaged): start the app; ``--selftest`` checks it end to end
offscreen (see :mod:`desktop.selftest`) and exits 0 when all went well."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from .error_log import log_error
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
        help="import a GBK CSV and an XLSX file, export CSV and XLSX, show the sample offscreen, "
        "save a screenshot (default rfm-desktop-selftest.png) and exit 0 when all went well",
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
            from .settings import default_scheme

            window.paths = old.paths
            window.config = old.config
            if old.config.segments.scheme == default_scheme(old.lang):  # not the user's choice
                segments = dataclasses.replace(old.config.segments, scheme=default_scheme(lang))
                window.config = dataclasses.replace(old.config, segments=segments)
            if old.result is not None and old.paths:
                window.run_analysis(old.paths, window.config)
            window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window = window
        window.show()


def _excepthook(exc_type, exc, tb) -> None:
    from PySide6.QtWidgets import QApplication

    from .error_dialog import error_box

    if sys.stderr is not None:  # None in a windowed app on Windows
        traceback.print_exception(exc_type, exc, tb)
    log_error(exc)
    if QApplication.instance() is not None:
        box = error_box(QApplication.activeWindow(), exc)
        if box is not None:
            box.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from resources import app_icon_path

    from .i18n import system_language
    from .settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("RFM Segments")
    app.setOrganizationName("rfm-segments")
    app.setWindowIcon(QIcon(str(app_icon_path())))
    if args.selftest:
        from . import selftest

        return selftest.main(Path(args.selftest), args.lang or "zh_CN")
    settings = AppSettings()
    lang = args.lang or settings.language() or system_language()
    sys.excepthook = _excepthook
    controller = Controller(settings, lang)
    window = controller.window
    if args.files:
        window.open_files([Path(f) for f in args.files])
    elif not window.reopen_last() and not settings.recent_files():
        window.open_sample()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
