"""What the app remembers between runs (QSettings): language, recent files, window, options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from rfm_engine import RfmConfig, RfmError, SegmentConfig

ORGANIZATION = "rfm-segments"
APPLICATION = "rfm-desktop"
MAX_RECENT = 8
#: The segment scheme a new user starts with, by language: Chinese shop owners know the
#: eight-class model (重要价值客户 …) from their platforms' CRM tools; the README says why.
DEFAULT_SCHEME = {"en": "classic", "zh_CN": "cn8", "zh_TW": "cn8"}


def default_scheme(lang: str | None) -> str:
    return DEFAULT_SCHEME.get(lang or "en", "classic")


def default_config(lang: str | None = None) -> RfmConfig:
    """The options of a first run in ``lang`` (the engine's defaults, the language's scheme)."""
    return RfmConfig(segments=SegmentConfig(scheme=default_scheme(lang)))


class AppSettings:
    """Typed access to the app's QSettings (tests pass their own ``QSettings`` file)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(ORGANIZATION, APPLICATION)

    # ---- language ---------------------------------------------------------------------------
    def language(self) -> str | None:
        value = self.store.value("language")
        return str(value) if value else None

    def set_language(self, lang: str) -> None:
        self.store.setValue("language", lang)

    # ---- recent files -----------------------------------------------------------------------
    def recent_files(self) -> list[list[str]]:
        """Recent inputs, newest first; each entry is the list of files opened together."""
        value = self.store.value("recent_files") or []
        if isinstance(value, str):
            value = [value]
        entries = [str(v).split("|") for v in value]
        return [e for e in entries if all(Path(p).exists() for p in e)]

    def add_recent(self, paths: list[Path]) -> None:
        entry = "|".join(str(p) for p in paths)
        current = ["|".join(e) for e in self.recent_files()]
        current = [entry, *[e for e in current if e != entry]][:MAX_RECENT]
        self.store.setValue("recent_files", current)

    # ---- window -----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    # ---- analysis options -------------------------------------------------------------------
    def config(self, lang: str | None = None) -> RfmConfig:
        """The last options used (columns and period are per file, so they are not kept); on a
        first run, the defaults of ``lang`` (its segment scheme)."""
        text = self.store.value("config")
        if not text:
            return default_config(lang)
        try:
            return RfmConfig.from_json(str(text))
        except RfmError:
            return default_config(lang)

    def set_config(self, config: RfmConfig) -> None:
        self.store.setValue("config", config.to_json())

    # ---- display ----------------------------------------------------------------------------
    def currency(self) -> str | None:
        """The currency shown on money (a code, "" for none); None: guess from the columns."""
        value = self.store.value("display/currency")
        return None if value is None or value == "auto" else str(value)

    def set_currency(self, code: str | None) -> None:
        self.store.setValue("display/currency", "auto" if code is None else code)

    # ---- files beside the settings (last analysis, recent projects, column mappings) --------
    def session(self):
        from .session import Session, settings_folder

        return Session(settings_folder(self.store))

    def sync(self) -> None:
        self.store.sync()
