"""Screenshots of the result pages (overview, segments, customers, each chart, customer detail,
the tie fix) at 1366×768 and 1920×1080, in English and 简体中文, on the built-in sample and,
when ``../shared/datasets`` is present, on online_retail (in pounds) and (1366×768 only) on a
Shopify export whose overview lists several warnings::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" \\
        python scripts/take_page_screenshots.py [OUT_DIR]

Writes ``docs/screenshots/pages/<data>/<lang>-<width>/<NN-name>.png``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop import i18n  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import AppSettings  # noqa: E402
from resources import sample_orders_path  # noqa: E402
from rfm_engine import ColumnMap, RfmConfig  # noqa: E402

LANGS = ("en", "zh_CN")
SIZES = ((1366, 768), (1920, 1080))
ONLINE_RETAIL = REPO.parent / "shared" / "datasets" / "online_retail" / "online_retail.csv"
#: A real Shopify export whose overview lists several warnings (date column, key fallback, ties).
SHOPIFY = REPO.parent / "shared" / "datasets" / "shopify_enavant" / "orders_export_1.csv"
DATASETS = {
    "sample": ([sample_orders_path()], RfmConfig(), None),
    "online_retail": (
        [ONLINE_RETAIL],
        RfmConfig(
            columns=ColumnMap(
                customer="CustomerID",
                date="InvoiceDate",
                order="InvoiceNo",
                quantity="Quantity",
                price="UnitPrice",
            )
        ),
        "GBP",
    ),
    "shopify": ([SHOPIFY], RfmConfig(), "USD"),
}
#: Datasets shot at the small screen only.
SMALL_ONLY = {"shopify"}


def settle(app: QApplication, window: MainWindow | None = None, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        if window is not None:
            while window.runner.busy:
                app.processEvents()
                time.sleep(0.02)


def save(widget: QWidget, out: Path, name: str, *, table: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # Charts in full colour (a 256-colour palette shifts the segment colours and drops grid
    # lines; their flat areas compress well anyway); tables, mostly text, in 256 colours.
    image = widget.grab().toImage()
    if table:
        image = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
    else:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    image.save(str(out / f"{name}.png"), "PNG", 0)
    print(out / f"{name}.png")


def shoot(app: QApplication, data: str, lang: str, size: tuple[int, int], root: Path) -> None:
    paths, config, currency = DATASETS[data]
    out = root / data / f"{lang}-{size[0]}"
    i18n.install(lang)
    settings = AppSettings(QSettings(f"{tempfile.mkdtemp()}/s.ini", QSettings.Format.IniFormat))
    settings.set_currency(currency)
    window = MainWindow(settings, lang)
    window.resize(*size)
    window.show()
    window.run_analysis(paths, config)
    settle(app, window)
    save(window, out, "01-overview")
    window.tabs.setCurrentWidget(window.summary_panel)
    settle(app)
    save(window, out, "02-segments")
    charts = window.charts_panel
    window.tabs.setCurrentWidget(charts)
    for index, name in enumerate(("04-chart-segments", "05-chart-rf", "06-chart-distributions")):
        charts.setCurrentIndex(index)
        settle(app)
        save(window, out, name)
    window.compare_periods()
    settle(app, window)
    save(window, out, "07-chart-migration")
    window.open_target(("rf", 5, 1))
    settle(app)
    save(window, out, "03-customers-rf-cell", table=True)
    view = window.customers_panel.view
    window._open_customer(view.model().index(0, 0))
    settle(app, window)  # the purchases are read in the background
    save(window.detail, out, "08-customer-detail", table=True)
    window.detail.close()
    ties = [w for w in window.result.warnings if w.code == "quantile_ties" and w.option]
    if ties:
        window.fix_warning(ties[0])
        settle(app)
        save(window.tie_fix, out, "09-tie-fix")
        window.tie_fix.reject()
    window.close()
    window.deleteLater()
    settle(app)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots" / "pages"
    app = QApplication.instance() or QApplication(sys.argv)
    for data in DATASETS:
        if not DATASETS[data][0][0].exists():
            continue
        for lang in LANGS:
            for size in SIZES[:1] if data in SMALL_ONLY else SIZES:
                shoot(app, data, lang, size, root)


if __name__ == "__main__":
    main()
