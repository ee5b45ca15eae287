"""Languages of the app: English, Simplified and Traditional Chinese (Qt .qm catalogs).

Segment names and actions are not translated here: they come in three languages with the
engine's scheme data (``RfmConfig.lang``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
CATALOG = "rfm_desktop"


def system_language(locale: QLocale | None = None) -> str:
    """The app language closest to a locale (the system's by default)."""
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript or (
        locale.script() == QLocale.Script.AnyScript
        and locale.territory()
        in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
    )
    return "zh_TW" if traditional else "zh_CN"


def catalog_path(lang: str):
    return resource_path("translations", f"{CATALOG}_{lang}.qm")


_installed: list[QTranslator] = []
_current = ["en"]


def current_language() -> str:
    """The language last installed ("en" until one is)."""
    return _current[0]


def engine_rows(exc: BaseException) -> list[str]:
    """The failing rows of an engine error, one line each, in the current language."""
    from .engine_text import row_lines

    return row_lines(exc, _current[0])


def engine_message(exc: BaseException) -> str:
    """An engine error (or any exception) in the current language, naming the app's controls
    (:mod:`desktop.engine_text`)."""
    from .engine_text import error_text

    return error_text(exc, _current[0])


def install(lang: str) -> bool:
    """Install the catalogs of ``lang`` (replacing earlier ones). True when the app's own
    catalog was found (English needs none)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = lang if lang in LANGUAGES else "en"
    if lang == "en":
        return True
    ok = False
    own = QTranslator()
    path = catalog_path(lang)
    if path.exists() and own.load(str(path)):
        app.installTranslator(own)
        _installed.append(own)
        ok = True
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
