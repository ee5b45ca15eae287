"""Numbers as people read them: thousands separators, short units (k/M/B, 万/亿), the data's
currency, and round axis ticks. Used by every chart and the HTML report, in the app and out.

The currency changes only how amounts are shown, never a number; :func:`guess_currency` says
where its guess came from so that a face can show it and offer the setting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

#: Currency codes the faces offer, with the sign put before an amount.
CURRENCIES: dict[str, str] = {
    "CNY": "¥",
    "USD": "$",
    "GBP": "£",
    "EUR": "€",
    "JPY": "JP¥",
    "HKD": "HK$",
    "TWD": "NT$",
    "AUD": "A$",
    "CAD": "C$",
    "KRW": "₩",
}

_UNITS_EN = ((1e9, "B"), (1e6, "M"), (1e3, "k"))
_UNITS_ZH = {"zh_CN": ((1e8, "亿"), (1e4, "万")), "zh_TW": ((1e8, "億"), (1e4, "萬"))}


def grouped(value: float, decimals: int = 0) -> str:
    """``1234567.8`` → ``1,234,568`` (``decimals`` digits after the point)."""
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value:,.{decimals}f}"


def compact(value: float, lang: str = "en", *, digits: int = 3) -> str:
    """A short form with a unit: ``3.82M``, ``12.3k``; in Chinese ``382万``, ``1.2亿``.

    About ``digits`` significant digits; values below the smallest unit are grouped as they are
    (with up to two decimals when they are small and not whole).
    """
    if value is None or not math.isfinite(value):
        return "–"
    units = _UNITS_ZH.get(lang, _UNITS_EN)
    size = abs(value)
    for step, unit in units:
        if size >= step * 0.9995:
            return _significant(value / step, digits) + unit
    if size >= 100 or float(value).is_integer():
        return grouped(value)
    return _significant(value, digits)


def _significant(value: float, digits: int) -> str:
    size = abs(value)
    decimals = max(0, digits - 1 - math.floor(math.log10(size))) if size else 0
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float, currency: str = "", lang: str = "en", *, short: bool = False) -> str:
    """An amount with the currency sign: ``£3.82M`` (short) or ``£3,822,520``; no sign when
    ``currency`` is empty. Whole amounts up to 1,000 keep two decimals when not whole."""
    if value is None or not math.isfinite(value):
        return "–"
    sign = CURRENCIES.get(currency, currency)
    if short:
        body = compact(abs(value), lang)
    elif abs(value) < 1000 and not float(value).is_integer():
        body = grouped(abs(value), 2)
    else:
        body = grouped(abs(value))
    return ("-" if value < 0 else "") + sign + body


def percent(share: float, decimals: int = 1) -> str:
    """``0.1234`` → ``12.3%``."""
    if share is None or not math.isfinite(share):
        return "–"
    return f"{share * 100:.{decimals}f}%"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while not ticks or ticks[-1] < high - step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def log_ticks(low: float, high: float) -> list[float]:
    """Ticks for a log axis over [low, high]: powers of ten, with 2 and 5 between when few."""
    low, high = max(low, 1e-9), max(high, low * 10)
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    multiples = (1, 2, 5) if last - first <= 3 else (1,)
    return [
        m * 10.0**e
        for e in range(first, last + 1)
        for m in multiples
        if low <= m * 10.0**e <= high * 1.0001
    ]


def tick_labels(ticks: Sequence[float], fmt) -> list[str]:
    """Labels for ``ticks`` from ``fmt(value, digits)``, with as many significant digits as the
    most precise tick needs (``1.25`` stays ``1.25``), so neighbours never read the same (no
    ``1 1 2 2 2``)."""
    digits = max((_digits_needed(t) for t in ticks), default=1)
    labels = [fmt(t, digits) for t in ticks]
    while len(set(labels)) < len(labels) and digits < 8:
        digits += 1
        labels = [fmt(t, digits) for t in ticks]
    return labels


def _digits_needed(value: float) -> int:
    for digits in range(1, 8):
        if abs(float(f"{value:.{digits}g}") - value) <= 1e-9 * max(1.0, abs(value)):
            return digits
    return 8


_SIGNS = (
    (re.compile(r"元|人民币|RMB|CNY|￥"), "CNY"),
    (re.compile(r"[£]|GBP"), "GBP"),
    (re.compile(r"€|EUR"), "EUR"),
    (re.compile(r"US\$|USD"), "USD"),
    (re.compile(r"HK\$|HKD"), "HKD"),
    (re.compile(r"NT\$|TWD"), "TWD"),
)


def guess_currency(headers: Iterable[str], *, preset: str | None = None) -> tuple[str, str]:
    """The currency of the amounts from the amount column's headers and the export type, as
    ``(code, reason)``; ``("", reason)`` when nothing tells (amounts are then shown bare)."""
    names = [str(h) for h in headers if h]
    for name in names:
        for pattern, code in _SIGNS:
            if pattern.search(name):
                return code, f"column {name!r}"
    if preset and any(p in preset for p in ("taobao", "tmall", "jd", "淘宝", "京东")):
        return "CNY", f"{preset} export"
    if any(re.search(r"[\u4e00-\u9fff]", n) for n in names):
        return "CNY", f"Chinese column name {names[0]!r}"
    return "", "no currency sign or code in the amount columns"
