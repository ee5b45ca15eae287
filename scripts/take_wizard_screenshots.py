"""Screenshots of every page of the desktop import wizard, in English and Simplified Chinese, as
it opens on a 1366×768 screen (a file already chosen: it opens on the reading page; the Files
page is one Back away)::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        python scripts/take_wizard_screenshots.py [OUT_DIR]

Writes ``docs/screenshots/<lang>/07-wizard-files.png`` … ``11-wizard-period.png``,
``15-wizard-error.png`` (a wrong date column), ``20-wizard-check-warning.png`` (a quarter of the
rows without customer id, flagged) and ``21-wizard-reading-gbk.png`` (a GBK export, its encoding
detected). ``scripts/take_screenshots.py`` calls :func:`shoot_wizard` for its wizard pages.
"""

from __future__ import annotations

import csv
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

LANGS = ("en", "zh_CN")


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def wait_for(app: QApplication, ready, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not ready():
        app.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        time.sleep(0.01)


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


def guest_orders(folder: Path) -> Path:
    """The sample with every fourth order a guest checkout (no customer id, no e-mail)."""
    path = folder / "orders_with_guests.csv"
    with sample_orders_path().open(encoding="utf-8", newline="") as src:
        rows = list(csv.DictReader(src))
    for i, row in enumerate(rows):
        if i % 4 == 3:
            row["customer_id"] = row["email"] = ""
    with path.open("w", encoding="utf-8", newline="") as dst:
        writer = csv.DictWriter(dst, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def gbk_orders(folder: Path) -> Path:
    """A Taobao-style export in GBK (Chinese Windows' "ANSI")."""
    path = folder / "淘宝订单.csv"
    lines = ["订单编号,买家会员名,订单付款时间,买家实际支付金额,订单状态"]
    buyers = ["小王的店", "张三", "李四", "王五", "赵六", "钱七"]
    for i in range(60):
        day = 1 + i % 28
        lines.append(
            f"1000{i:04d},{buyers[i % 6]},2024-03-{day:02d} 10:{i % 60:02d},"
            f"{19 + i * 3}.00,交易成功"
        )
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return path


def shoot_wizard(app: QApplication, window: MainWindow, out: Path) -> str:
    """Every wizard page of ``window`` (in its language) into ``out``; the error the check page
    showed for a wrong date column."""
    window.open_files([sample_orders_path()])
    wizard = window.wizard
    wizard.show()
    wait_for(app, lambda: wizard.raw is not None)
    settle(app)
    save(wizard, out, "08-wizard-reading")
    wizard.next()
    settle(app)
    save(wizard, out, "09-wizard-columns")
    wizard.next()
    wait_for(app, lambda: wizard.result is not None)
    settle(app)
    save(wizard, out, "10-wizard-check")
    wizard.next()
    settle(app)
    save(wizard, out, "11-wizard-period")
    while wizard.currentPage() is not wizard.files_page:
        wizard.back()
    settle(app)
    save(wizard, out, "07-wizard-files")
    wizard.next()
    wait_for(app, lambda: wizard.raw is not None)
    wizard.next()
    dates = wizard.columns_page.boxes["date"]
    dates.setCurrentIndex(dates.findData("email"))  # a wrong choice, to show the page's error
    wizard.next()
    wait_for(app, lambda: wizard.check_page.error.isVisibleTo(wizard))
    settle(app)
    save(wizard, out, "15-wizard-error")
    error = wizard.check_page.error.text()
    wizard.reject()

    folder = Path(tempfile.mkdtemp())
    window.open_files([guest_orders(folder)])
    wizard = window.wizard
    wizard.show()
    wait_for(app, lambda: wizard.raw is not None)
    while wizard.currentPage() is not wizard.check_page:
        wizard.next()
    wait_for(app, lambda: wizard.result is not None)
    settle(app)
    save(wizard, out, "20-wizard-check-warning")
    wizard.reject()

    window.open_files([gbk_orders(folder)])
    wizard = window.wizard
    wizard.show()
    wait_for(app, lambda: wizard.raw is not None)
    settle(app)
    save(wizard, out, "21-wizard-reading-gbk")
    wizard.reject()
    return error


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for lang in LANGS:
        i18n.install(lang)
        tmp = tempfile.mkdtemp()
        settings = AppSettings(QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat))
        window = MainWindow(settings, lang)
        shoot_wizard(app, window, out / lang)
        window.close()
    i18n.install("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
