"""Screenshots of every page and dialog of the desktop app, in English and Simplified Chinese.

Run under a real X server so fonts render as users see them::

    QT_QPA_PLATFORM=xcb xvfb-run -a python scripts/take_screenshots.py [OUT_DIR]

Writes ``docs/screenshots/<lang>/<NN-name>.png`` on the built-in sample data.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from take_wizard_screenshots import shoot_wizard  # noqa: E402  (beside this script)

from desktop import i18n  # noqa: E402
from desktop.error_dialog import error_box  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.screen_fit import SMALL_SCREEN  # noqa: E402
from desktop.settings import AppSettings  # noqa: E402
from resources import sample_orders_path  # noqa: E402
from rfm_engine import DataError  # noqa: E402

LANGS = ("en", "zh_CN")


def settle(app: QApplication, window: MainWindow | None = None, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        if window is not None:
            while window.runner.busy:
                app.processEvents()
                window.runner.wait(20)


def save(widget: QWidget, out: Path, name: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # A 256-colour palette keeps each PNG small (a UI has few colours) and text sharp.
    image = (
        widget.grab()
        .toImage()
        .convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    )
    image.save(str(out / f"{name}.png"), "PNG", 0)
    print(out / f"{name}.png")


def shoot(app: QApplication, lang: str, out: Path) -> None:
    i18n.install(lang)
    tmp = tempfile.mkdtemp()
    settings = AppSettings(QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat))
    window = MainWindow(settings, lang)
    window.resize(*SMALL_SCREEN)  # 1366×768 less a taskbar and the title bar
    window.show()
    window.open_sample()
    settle(app, window)
    window.tabs.setCurrentWidget(window.summary_panel)  # the overview: take_page_screenshots.py
    settle(app)
    save(window, out, "01-segments")
    window.tabs.setCurrentWidget(window.customers_panel)
    window.customers_panel.select_segment("at_risk")
    settle(app)
    save(window, out, "02-customers")
    window.tabs.setCurrentWidget(window.charts_panel)
    charts = window.charts_panel
    for index, name in enumerate(("03-chart-segments", "04-chart-rf", "05-chart-distributions")):
        charts.setCurrentIndex(index)
        settle(app)
        save(window, out, name)
    window.compare_periods()
    settle(app, window)
    save(window, out, "06-chart-migration")

    # The import wizard's pages (07-11, 15, 20, 21): scripts/take_wizard_screenshots.py
    wizard_error = shoot_wizard(app, window, out)

    box = error_box(window, DataError(wizard_error, rows=(1, 2), examples=("a",)))
    box.show()
    settle(app)
    save(box, out, "16-error-dialog")
    box.close()

    window.edit_scoring()
    dialog = window.scoring
    dialog.show()
    recency = dialog.axes["recency"]
    recency.method.setCurrentIndex(recency.method.findData("fixed"))
    recency.breaks.setText("30, 60, 90, 180")
    settle(app)
    save(dialog, out, "12-scoring")
    dialog.tabs.setCurrentIndex(1)
    settle(app)
    save(dialog, out, "13-scoring-segments")
    scheme = dialog.scheme
    scheme.picker.setCurrentIndex(scheme.picker.findData("seed5"))
    scheme.edit_as_custom()
    scheme.table.item(0, 2).setText("9-x")  # an invalid rule: OK disabled, the reason in red
    settle(app)
    save(dialog, out, "17-scoring-invalid-rule")
    dialog.reject()

    window.export_dialog()
    exporter = window.exporter
    exporter.path.setText(str(Path("~/Documents/rfm_segments.csv")))
    exporter.show()
    settle(app)
    save(exporter, out, "14-export")
    existing = Path(tempfile.mkdtemp()) / "rfm_segments.csv"
    existing.write_text("", encoding="utf-8")
    exporter.path.setText(str(existing))
    exporter.export()  # the file exists: the dialog asks before replacing it
    settle(app)
    save(exporter, out, "18-export-replace")
    exporter.reject()

    from rfm_engine.history import Workspace

    shop = Path(tempfile.mkdtemp()) / "shop.rfmdb"
    with Workspace(shop, create=True) as workspace:
        workspace.add([sample_orders_path()])
    window.open_files([shop])
    settle(app, window)
    window.tabs.setCurrentWidget(window.trends_panel)
    settle(app)
    save(window, out, "19-trends")
    window.close()
    i18n.install("en")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for lang in LANGS:
        shoot(app, lang, out / lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
