"""``RFM --selftest PNG``: check, offscreen, that an installed (or frozen) app works end to end.

In a temporary folder it writes a Taobao-style GBK CSV and the same orders as an XLSX workbook
(rows of the built-in sample, Chinese headers and customer names), imports each through the
import wizard as a user would, checks both give the same customers, exports the largest segment
as CSV and as XLSX through the export dialog and reads them back, shows the sample in the
window (in 简体中文 by default), checks that Chinese text renders with a real font and saves a
screenshot. Success prints one summary line; a failed check raises :class:`SelftestError`, which
:func:`main` prints as ``selftest: …`` on stderr (exit status 1).
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtGui import QFontDatabase, QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox

from resources import app_icon_path, sample_orders_path
from rfm_engine import __version__
from rfm_engine.outputs import header

from . import engine_adapter as engine
from . import i18n
from .error_log import log_error
from .export_dialog import ExportDialog
from .main_window import MainWindow
from .settings import AppSettings

ROWS = 600
#: Sample column -> the header of a Taobao (淘宝) order export.
TAOBAO_HEADERS = {
    "order_id": "订单编号",
    "customer_id": "买家会员名",
    "order_date": "订单付款时间",
    "amount": "买家实际支付金额",
}
NAME_PREFIX = "买家"
TIMEOUT_S = 120.0


class SelftestError(Exception):
    """A check of the self-test failed; the message says which."""


@dataclasses.dataclass(frozen=True)
class SelftestReport:
    customers: int  # in each imported file
    segment: str  # the exported segment
    exported: int  # its customers, in each export
    sample_customers: int
    font: str  # a font family with Chinese characters
    screenshot: Path

    def line(self) -> str:
        return (
            f"selftest: RFM {__version__} ok; GBK CSV and XLSX: {self.customers} customers "
            f"each; exported {self.exported} '{self.segment}' to CSV and XLSX; sample: "
            f"{self.sample_customers} customers; Chinese font: {self.font}; "
            f"screenshot {self.screenshot}"
        )


def write_inputs(folder: Path, rows: int = ROWS) -> tuple[Path, Path]:
    """The first ``rows`` sample orders as a GBK CSV and an XLSX workbook, Taobao headers."""
    orders = pd.read_csv(sample_orders_path(), dtype=str, nrows=rows)
    table = orders[list(TAOBAO_HEADERS)].rename(columns=TAOBAO_HEADERS)
    table["买家会员名"] = NAME_PREFIX + table["买家会员名"]  # kept only by a correct GBK read
    csv_path = folder / "淘宝订单.csv"
    table.to_csv(csv_path, index=False, encoding="gbk")
    book = table.assign(
        订单付款时间=pd.to_datetime(table["订单付款时间"]),
        买家实际支付金额=pd.to_numeric(table["买家实际支付金额"]),
    )
    xlsx_path = folder / "淘宝订单.xlsx"
    book.to_excel(xlsx_path, index=False, engine="openpyxl")
    return csv_path, xlsx_path


def wait_until(condition, what: str) -> None:
    """Run the event loop until ``condition()``; an error dialog or the time limit fails."""
    app = QApplication.instance()
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        app.processEvents()
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                raise SelftestError(f"{what}: {widget.text()} {widget.informativeText()}".strip())
        if time.monotonic() > deadline:
            raise SelftestError(f"{what}: no answer after {TIMEOUT_S:.0f} s")
        QThread.msleep(10)


def import_file(window: MainWindow, path: Path) -> engine.RfmResult:
    """Open ``path`` in the window and click through the import wizard with its guesses."""
    before = window.result
    window.open_files([path])
    wizard = window.wizard  # opens on the reading page (a preview is read in the background)
    wait_until(lambda: wizard.raw is not None, f"reading {path.name}")
    if wizard.currentPage() is wizard.reading_page:  # else columns confirmed before: on to check
        wizard.next()  # -> columns
        columns = wizard.columns_page.column_map()
        if not (columns.customer and columns.date and wizard.columns_page.isComplete()):
            raise SelftestError(f"{path.name}: columns not recognised ({columns})")
        wizard.next()  # -> data check
    wait_until(lambda: wizard.result is not None, f"checking {path.name}")
    wizard.next()  # -> analysis date
    wizard.accept()
    wait_until(
        lambda: window.result is not before and not window.runner.busy, f"analysing {path.name}"
    )
    return window.result


def same_customers(first: engine.RfmResult, second: engine.RfmResult) -> int:
    """Customers of two imports of the same orders: equal ids, metrics and segments."""
    columns = ["frequency", "monetary", "rfm_code", "segment"]
    a = first.customers.set_index("customer_id")[columns].sort_index()
    b = second.customers.set_index("customer_id")[columns].sort_index()
    if not a.index.equals(b.index) or not a.round(2).equals(b.round(2)):
        raise SelftestError("the GBK CSV and the XLSX file gave different customers")
    if not all(str(c).startswith(NAME_PREFIX) for c in a.index):
        raise SelftestError(f"Chinese customer names were not read back: {a.index[0]!r}")
    return len(a)


def export(window: MainWindow, path: Path, fmt: str, segment: str) -> set[str]:
    """Export ``segment`` through the export dialog; the customer ids read back from the file."""
    dialog = ExportDialog(window.result, window.lang, window.runner, window)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(path))
    for row in range(dialog.segments.count()):
        item = dialog.segments.item(row)
        chosen = item.data(Qt.ItemDataRole.UserRole) == segment
        item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
    dialog.export()
    wait_until(lambda: not window.runner.busy, f"exporting {path.name}")
    dialog.close()
    if dialog.written is None:
        raise SelftestError(f"exporting {path.name}: {dialog.message.text()}")
    if fmt == "csv":
        table = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    else:
        table = pd.read_excel(path, dtype=str, engine="openpyxl")
    return set(table[header("customer_id", window.lang)])  # headers in the app's language


def glyph(text: str) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(QApplication.font())
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def chinese_font() -> str:
    """A font family with Chinese characters; fails when 客 and 户 draw alike (empty boxes)."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise SelftestError("no font with Chinese characters (install e.g. fonts-wqy-microhei)")
    if glyph("客") == glyph("户") or glyph("客") == glyph(""):
        raise SelftestError("Chinese characters do not render (they draw as empty boxes)")
    return families[0]


def pyside_loses_references(emits: int = 200) -> bool:
    """True when emitting a bool signal takes references from ``True`` without giving them
    back (PySide6 6.12.0 on CPython 3.11), which crashes a long session."""
    from PySide6.QtCore import QObject, Signal

    class _Emitter(QObject):
        fired = Signal(bool)

    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(emits):
        emitter.fired.emit(True)
    return sys.getrefcount(True) < before - emits // 2


def run(png: Path, lang: str = "zh_CN") -> SelftestReport:
    """Every check, in a temporary folder (the user's settings stay untouched)."""
    if pyside_loses_references():
        raise SelftestError(
            "this PySide6 build loses references to True/None (6.12.0 on Python 3.11); "
            "use PySide6 6.11"
        )
    if QIcon(str(app_icon_path())).isNull():
        raise SelftestError(f"app icon missing: {app_icon_path()}")
    for name in engine.BUILTIN_SCHEMES:
        engine.load_scheme(name)
    if not i18n.install(lang):
        raise SelftestError(f"translation catalog missing: {i18n.catalog_path(lang)}")
    folder = Path(tempfile.mkdtemp(prefix="rfm-selftest-"))
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(store), lang)
    try:
        window.show()
        csv_path, xlsx_path = write_inputs(folder)
        from_csv = import_file(window, csv_path)
        customers = same_customers(from_csv, import_file(window, xlsx_path))
        table = window.result.customers
        segment = str(table["segment"].value_counts().index[0])
        expected = set(table.loc[table["segment"] == segment, "customer_id"])
        for fmt in ("csv", "xlsx"):
            if export(window, folder / f"export.{fmt}", fmt, segment) != expected:
                raise SelftestError(f"the {fmt.upper()} export does not hold the '{segment}' list")
        before = window.result
        window.open_sample()
        wait_until(lambda: window.result is not before and not window.runner.busy, "the sample")
        if window.customers_panel.model.rowCount() != len(window.result.customers):
            raise SelftestError("the customers table does not show every customer")
        font = chinese_font()
        QApplication.processEvents()
        if not window.grab().save(str(png)):
            raise SelftestError(f"cannot write the screenshot {png}")
        report = SelftestReport(
            customers, segment, len(expected), len(window.result.customers), font, png
        )
    finally:
        window.runner.cancel_all()
        window.runner.wait()
        window.close()
    shutil.rmtree(folder, ignore_errors=True)  # kept after a failure, to look into
    return report


def main(png: Path, lang: str = "zh_CN") -> int:
    """Run the self-test; 0 and a summary line on stdout, or 1 and ``selftest: …`` on stderr."""
    try:
        line, status = run(png, lang).line(), 0
    except SelftestError as exc:
        line, status = f"selftest: {exc}", 1
    except Exception as exc:
        where = log_error(exc)
        line, status = f"selftest: unexpected {type(exc).__name__}: {exc} (log: {where})", 1
    stream = sys.stdout if status == 0 else sys.stderr
    if stream is not None:  # None in a windowed app on Windows
        print(line, file=stream)
    return status
