"""The language of names and labels: ``--lang``, else ``RFM_LANG``, else the system locale.

The locale is read the POSIX way (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``; on Windows,
where they are usually unset, the user's locale): ``zh_CN``/``zh_SG``/``zh_Hans`` give
Simplified Chinese, ``zh_TW``/``zh_HK``/``zh_MO``/``zh_Hant`` Traditional, anything else
English — the desktop app chooses the same way.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

from rfm_engine import ConfigError

LANGUAGES = ("en", "zh_CN", "zh_TW")
TRADITIONAL = ("TW", "HK", "MO", "HANT")


def cli_language(flag: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of this run (see the module docstring)."""
    if flag:
        return flag
    env = os.environ if environ is None else environ
    chosen = env.get("RFM_LANG", "").strip()
    if chosen:
        if chosen not in LANGUAGES:
            raise ConfigError(
                f"RFM_LANG={chosen!r} is not one of {', '.join(LANGUAGES)}",
                option="lang",
                value=chosen,
            )
        return chosen
    return locale_language(env)


def locale_language(environ: Mapping[str, str]) -> str:
    """``en``, ``zh_CN`` or ``zh_TW`` for the locale the environment names."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return language_of(value)
    if os.name == "nt":  # pragma: no cover - Windows sets no locale variables
        return language_of(locale.getlocale()[0] or "")
    return "en"


def language_of(tag: str) -> str:
    """``zh_TW.UTF-8`` → ``zh_TW``; ``zh-Hans-CN`` → ``zh_CN``; ``de_DE`` → ``en``."""
    parts = tag.split(".")[0].split("@")[0].replace("-", "_").upper().split("_")
    if parts[0] != "ZH" and not parts[0].startswith("CHINESE"):  # Windows: "Chinese (…)_Taiwan"
        return "en"
    traditional = "TRADITIONAL" in parts[0] or any(
        p in TRADITIONAL or p.startswith(("TAIWAN", "HONG KONG")) for p in parts[1:]
    )
    return "zh_TW" if traditional else "zh_CN"
