"""In 简体中文 no English word appears on any page or dialog: every visible text of the main
window, each import wizard page, the scoring and export dialogs and the error dialog is walked.
English may appear only as the user's data (file and column names, values) and as product and
format names (RFM, CSV, Excel …). Engine error and warning codes: tests/desktop/test_engine_text.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabWidget,
    QWidget,
    QWizard,
)

from desktop import i18n
from resources import sample_orders_path
from rfm_engine import DataError

#: Product and format names (any case: the R package is "rfm", suffixes ".xlsx", ".rfmdb"), the
#: language menu's own name for English (each language is named in itself), VIP (written so in
#: Chinese shops) and the standard names of text encodings.
ALLOWED = {
    "RFM",
    "RFMDB",
    "CSV",
    "XLSX",
    "EXCEL",
    "HTML",
    "PDF",
    "MAILCHIMP",
    "UTF",
    "ENGLISH",
    "VIP",
    # encodings keep their standard names in Chinese software too: 简体中文 (GBK/GB18030)
    "GBK",
    "GB",
    "BIG",
    "WINDOWS",
    "SHIFT",
    "JIS",
    "EUC",
    "KR",
    "UNICODE",
}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^>]+>")


def _currency_codes() -> set[str]:
    """ISO currency codes (CNY, HKD …) are how money is named in Chinese software too."""
    from rfm_engine.outputs import CURRENCIES

    return set(CURRENCIES) | {"HK", "NT", "JP"}


def _data_words() -> set[str]:
    """Words of the sample's own headers and file name: the user's data, shown as it is."""
    headers = pd.read_csv(sample_orders_path(), nrows=0).columns
    words = set(LATIN_WORD.findall(" ".join(headers) + " " + sample_orders_path().name))
    return words | _currency_codes()


def visible_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for each text a user sees in ``widget`` and its children."""
    found: list[tuple[str, str]] = []

    def add(where, text):
        if text:
            found.append((where, TAG.sub(" ", str(text))))

    widgets = [widget, *widget.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if w.isWindow():
            add(f"{name}.windowTitle", w.windowTitle())
        if isinstance(w, QLabel):
            add(name, w.text())
        if isinstance(w, QAbstractButton):
            add(name, w.text())
        if isinstance(w, QGroupBox):
            add(name, w.title())
        if isinstance(w, QLineEdit):
            add(f"{name}.placeholder", w.placeholderText())
        if isinstance(w, QComboBox) and not w.property("data_values"):
            for i in range(w.count()):
                add(f"{name}[{i}]", w.itemText(i))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name}.tab", w.tabText(i))
        if isinstance(w, QMenu):
            add(f"{name}.title", w.title())
            for action in w.actions():
                add(f"{name}.action", action.text())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget):
            model = w.model()
            if model is not None:
                for c in range(model.columnCount()):
                    add(f"{name}.header", model.headerData(c, Qt.Orientation.Horizontal))
        if w.toolTip():
            add(f"{name}.toolTip", w.toolTip())
    for action in widget.actions():
        add("action", action.text())
    return found


def english_in(widget: QWidget, data_words: set[str]) -> list[tuple[str, str]]:
    bad = []
    for where, text in visible_texts(widget):
        words = [
            w for w in LATIN_WORD.findall(text) if w.upper() not in ALLOWED and w not in data_words
        ]
        if words:
            bad.append((where, text))
    return bad


@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("en")


def test_every_page_and_dialog_in_simplified_chinese(qtbot, app_settings, wait_idle, chinese):
    from desktop.error_dialog import error_box
    from desktop.export_dialog import ExportDialog
    from desktop.main_window import MainWindow
    from desktop.scoring_dialog import ScoringDialog

    data = _data_words()
    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    assert english_in(window, data) == []  # empty window
    window.open_sample()
    wait_idle(window)
    # segment names, actions and the scheme come from the engine's data in Chinese
    customer_ids = set(window.result.customers["customer_id"].astype(str))
    assert english_in(window, data | customer_ids) == []

    scoring = ScoringDialog(window.config, window.result, "zh_CN", window)
    qtbot.addWidget(scoring)
    for index in range(scoring.findChild(QTabWidget).count()):
        scoring.findChild(QTabWidget).setCurrentIndex(index)
        assert english_in(scoring, data) == [], index

    exporter = ExportDialog(window.result, "zh_CN", window.runner, window, inputs=window.paths)
    qtbot.addWidget(exporter)
    assert english_in(exporter, data | {"rfm", "segments", "csv"}) == []

    box = error_box(
        window, DataError("english line", column="下单时间", rows=(2,), examples=("x",))
    )
    qtbot.addWidget(box)
    assert english_in(box, data | {"x"}) == []

    window.open_files([sample_orders_path()])
    wizard = window.wizard
    qtbot.addWidget(wizard)
    pages = []
    for _step in range(4):  # the file is chosen: the wizard opens on the reading page
        page = wizard.currentPage()
        pages.append(page)
        if page is wizard.reading_page:
            qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
            preview = set(wizard.raw.astype(str).stack()) if wizard.raw is not None else set()
        else:
            preview = set()
        if page is wizard.check_page:
            qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
            rules = page.model.frame()["what"]  # the cleaning rules by their meaning
            assert [r for r in rules if LATIN_WORD.search(r)] == [], list(rules)
        if page is wizard.columns_page:
            pickers = [*page.boxes.values(), page.fallback]
            assert {box.itemText(0) for box in pickers} == {"（无）"}
        assert english_in(page, data | preview) == [], type(page).__name__
        wizard_buttons = [
            wizard.button(b).text()
            for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)
        ]
        assert [t for t in wizard_buttons if LATIN_WORD.search(t)] == []
        wizard.next()
    assert pages[0] is wizard.reading_page and pages[-1] is wizard.period_page
    while wizard.currentPage() is not wizard.files_page:  # one Back away from each page
        wizard.back()
    assert english_in(wizard.files_page, data) == []


def _crafted_export(path):
    """40 customers: some keyed by phone (no email), an ``NA`` email, amounts with a decimal
    comma and one ambiguous ``1.000``, most buying once (frequency ties with a suggestion)."""
    rows = ["Email,Phone,Created at,Total"]
    for i in range(40):
        email = f"c{i}@example.com" if i % 7 else ""
        phone = "" if email else f"555-01{i:02d}"
        for k in range(1 if i % 4 else 2 + i % 5):
            amount = f"{1 + i}.{k * 37:03d},{i:02d}" if i % 3 == 0 else f"{10 + i},{k:02d}"
            rows.append(f'{email},{phone},2024-{1 + (i + k) % 12:02d}-{1 + i % 27:02d},"{amount}"')
    rows += ['NA,555-0999,2024-03-03,"12,50"', 'c1@example.com,,2024-05-05,"1.000"']
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _report_text(html: str) -> str:
    """The words of a report page a reader sees (no style sheet, charts' SVG text kept)."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    from html import unescape

    return unescape(TAG.sub(" ", html)).replace("RFM Segments", "RFM")  # the product's name


def test_warnings_detail_tie_fix_and_report_in_simplified_chinese(
    qtbot, app_settings, wait_idle, chinese, tmp_path
):
    from desktop.customer_detail import CustomerDetail
    from desktop.main_window import MainWindow
    from desktop.tie_fix_dialog import TieFixDialog

    source = _crafted_export(tmp_path / "orders.csv")
    data = set(LATIN_WORD.findall(source.read_text(encoding="utf-8") + " " + source.name))
    data |= _currency_codes()
    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    window.run_analysis([source], window.config)
    wait_idle(window)
    result = window.result
    codes = {w.code for w in result.warnings}
    assert {"key_fallback", "missing_markers", "decimal_separator", "quantile_ties"} <= codes
    page = window.overview_page
    shown = [w.text() for w in page.warning_box.findChildren(QLabel) if w.text()]
    assert len([t for t in shown if "\n" in t or "：" in t]) >= len(result.warnings)
    assert english_in(page, data) == []
    assert english_in(window, data) == []

    ties = next(w for w in result.warnings if w.evidence.get("suggested_breaks"))
    fix = TieFixDialog(ties, window)
    qtbot.addWidget(fix)
    assert english_in(fix, data) == []

    customer = result.customers["customer_id"].iloc[0]
    detail = CustomerDetail(result, customer, page.currency_code(), window)
    qtbot.addWidget(detail)
    detail.set_purchases(window_purchases(result, source, customer))
    assert english_in(detail, data | {str(customer)}) == []

    for name in ("report.html", "report.pdf"):
        window.write_report(tmp_path / name)
    text = _report_text((tmp_path / "report.html").read_text(encoding="utf-8"))
    english = [w for w in LATIN_WORD.findall(text) if w.upper() not in ALLOWED and w not in data]
    assert english == []
    for code in ("key_fallback", "decimal_separator"):
        from desktop.engine_text import WARNINGS

        assert WARNINGS[code][1] in text
    assert (tmp_path / "report.pdf").stat().st_size > 1000
    window.runner.cancel_all()
    window.runner.wait()


def window_purchases(result, source, customer):
    from desktop import engine_adapter as engine

    return engine.customer_purchases([source], result.config, customer)


def test_trends_page_in_simplified_chinese(
    qtbot, app_settings, wait_idle, chinese, tmp_path, monthly_exports
):
    from desktop.main_window import MainWindow
    from rfm_engine.history import Workspace

    parts = monthly_exports(sample_orders_path(), "order_date", tmp_path / "parts")
    shop = tmp_path / "shop.rfmdb"
    with Workspace(shop, create=True) as workspace:
        workspace.add(parts)
    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    assert english_in(window.trends_panel, _data_words() | {"rfmdb"}) == []  # the hint
    window.open_files([shop])
    wait_idle(window, timeout=60000)
    assert window.trends_panel.model.rowCount() == 24
    data = _data_words() | {"shop", "rfmdb"}
    assert english_in(window.trends_panel, data) == []
    axes = window.trends_panel.chart.axes()
    assert [a.titleText() for a in axes if LATIN_WORD.search(a.titleText() or "")] == []
    window.runner.cancel_all()
    window.runner.wait()


def test_data_check_page_words_warnings_and_reliability_rules_in_chinese(
    qtbot, app_settings, chinese, tmp_path
):
    from desktop.main_window import MainWindow

    source = _crafted_export(tmp_path / "orders.csv")
    with source.open("a", encoding="utf-8") as fh:  # a placeholder date: implausible_date
        fh.write('c2@example.com,,9999-12-31,"5,00"\n')
    data = set(LATIN_WORD.findall(source.read_text(encoding="utf-8") + " " + source.name))
    data |= _currency_codes()
    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    window.open_files([source])
    wizard = window.wizard
    qtbot.addWidget(wizard)
    for _step in range(5):
        if wizard.currentPage() is wizard.check_page:
            break
        if wizard.currentPage() is wizard.reading_page:
            qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
        wizard.next()
    page = wizard.check_page
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    preview = set(wizard.raw.astype(str).stack())
    assert wizard.result.cleaning.rows_dropped("implausible_date") == 1
    facts = page.warnings.text()  # the framed warning box
    assert facts.count("⚠") >= 3  # key fallback, missing markers, decimal separator
    assert english_in(page, data | preview) == []
    whats = {page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())}
    assert "日期早于 1900 年或晚于 2100 年（如 9999-12-31 这样的占位值）" in whats


EXPECTED = {
    "zh_CN": (
        "文字编码：简体中文 (GBK/GB18030)。把握：很可能（解码后是常见汉字）。",
        "有很大比例的行没有客户编号",
        "导入 › 客户编号为空时改用",
        "为没有客户编号的行选择一列…",
    ),
    "zh_TW": (
        "文字編碼：簡體中文 (GBK/GB18030)。把握：很可能（解碼後是常見漢字）。",
        "有很大比例的列沒有客戶編號",
        "匯入 › 客戶編號為空時改用",
        "為沒有客戶編號的列選擇一欄…",
    ),
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_wizard_detection_and_warnings_in_chinese(qtbot, app_settings, tmp_path, lang):
    """The reading page's detected encoding, the check page's framed warnings (rows without
    customer id among them) and its button to the fix: all in Chinese."""
    from desktop.main_window import MainWindow

    detected, warning, control, button = EXPECTED[lang]
    path = tmp_path / "订单.csv"
    rows = ["1001,2024-01-01,10,", ",2024-01-02,5,7", ",2024-01-03,6,7", "1002,2024-01-03,7,"]
    path.write_text("\n".join(["客户,日期,金额,备注", *rows]) + "\n", encoding="gb18030")
    try:
        i18n.install(lang)
        window = MainWindow(app_settings, lang)
        qtbot.addWidget(window)
        window.open_files([path])
        wizard = window.wizard
        qtbot.addWidget(wizard)
        qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
        page = wizard.reading_page
        assert page.detected.text() == detected
        assert english_in(page, set()) == []
        wizard.next()
        wizard.next()
        check = wizard.check_page
        qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
        assert check.warnings.isVisibleTo(wizard) and check.fix_key.isVisibleTo(wizard)
        assert warning in check.warnings.text() and control in check.warnings.text()
        assert check.fix_key.text() == button
        assert english_in(check, set()) == []
        window.runner.cancel_all()
        window.runner.wait()
    finally:
        i18n.install("en")
