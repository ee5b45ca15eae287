"""Every catalog translates every message and keeps the English placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop import i18n
from resources import resource_path

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%\d")
CATALOGS = ["zh_CN", "zh_TW"]


def messages(lang):
    tree = ET.parse(resource_path("translations", f"rfm_desktop_{lang}.ts"))
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            yield name, message.find("source").text, forms, translation.get("type")


@pytest.mark.parametrize("lang", CATALOGS)
def test_catalog_is_complete_and_keeps_placeholders(lang):
    seen = 0
    for context, source, forms, state in messages(lang):
        seen += 1
        assert state not in ("unfinished", "obsolete", "vanished"), (context, source)
        for text in forms:
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                context,
                source,
                text,
            )
            if "&" in source.replace("&&", ""):
                assert "&" in text, (context, source)  # keyboard accelerator kept
    assert seen > 100


@pytest.mark.parametrize("lang", CATALOGS)
def test_compiled_catalog_is_current(lang):
    ts = resource_path("translations", f"rfm_desktop_{lang}.ts")
    qm = resource_path("translations", f"rfm_desktop_{lang}.qm")
    assert qm.exists() and qm.stat().st_size > 1000
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 5  # re-run scripts/update_translations.sh


def test_installed_catalog_translates(qapp):
    try:
        assert i18n.install("zh_CN")
        assert QCoreApplication.translate("MainWindow", "Charts") == "图表"
        assert i18n.install("zh_TW")
        assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Charts") == "Charts"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("en_GB", "en"), ("zh_CN", "zh_CN"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("de_DE", "en")],
)
def test_default_language_from_locale(name, expected):
    assert i18n.system_language(QLocale(name)) == expected


def test_window_in_chinese(qtbot, app_settings):
    from desktop.main_window import MainWindow

    try:
        i18n.install("zh_CN")
        window = MainWindow(app_settings, "zh_CN")
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "分析(&A)"]
        assert window.tabs.tabText(3) == "图表"
    finally:
        i18n.install("en")
