"""The engine's warnings and the rows cleaning left out, as cells: ``RFM.NOTES`` and the line
below ``RFM.TABLE`` / ``RFM.SUMMARY`` that points to it.

Every guess the engine makes that could change a customer's numbers (ties that leave scores
unused, a fallback customer key, cells such as ``NA`` read as blank, the decimal separator
decided from the column …) comes back as an :class:`~rfm_engine.notes.RfmWarning`; cleaning
counts the rows each rule left out. ``RFM.NOTES`` lists both, one row each, with the evidence
and the function argument (or the change to the orders range) that changes the outcome; the
analysis functions add one line below their table saying how many there are.

Pure (no xlwings), so the example workbook stores exactly what the functions return. Every text
cell is formula-safe (text that starts like a formula gets a leading ``'``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rfm_engine import RfmResult
from rfm_engine.notes import WARNINGS, RfmWarning
from rfm_engine.outputs import label, neutralize_formula_text, warning_text

#: RFM.NOTES' columns: the reason code, what the code means, what happened here (with the
#: numbers), the evidence as ``name=value`` pairs, and the argument that changes it.
COLUMNS = ("code", "meaning", "details", "evidence", "argument")
#: The code of a "rows left out" row (one per cleaning rule that left rows out).
ROWS_LEFT_OUT = "rows_left_out"
ROWS_LEFT_OUT_MEANING = "rows a cleaning rule left out of the analysis (see docs/rules.md)"
#: Longest evidence text in a cell (Excel holds 32,767 characters; a note stays readable).
MAX_EVIDENCE = 1000

#: Where the functions' users change what an engine option path sets.
_ORDERS_HEADERS = (
    "orders: pass only the customer, date and amount columns, or rename their headers "
    "(e.g. customer_id, order_date, amount)"
)
ARGUMENTS: dict[str, str] = {
    "period.as_of": "as_of",
    "segments.scheme": "scheme",
    "columns.customer": _ORDERS_HEADERS,
    "columns.date": _ORDERS_HEADERS,
    "columns.amount": _ORDERS_HEADERS,
    "columns.kind": "orders: a header row with a date per order (orders) or with order count "
    "and total columns (a customer list)",
    "columns.last_purchase": "orders: the header of the last-purchase column",
    "columns.contacts": "orders: the headers of the contact columns",
    "reading.decimal": "orders: amounts as number cells rather than text",
    "reading.dayfirst": "orders: dates as date cells rather than text",
}
#: Rules whose rows an argument brings back; the other rules need the rows themselves fixed.
RULE_ARGUMENTS = {"after_as_of": "as_of"}
SCORING_ARGUMENT = (
    "bins (fewer scores per axis); fixed thresholds{breaks} are set in the desktop app or the "
    "rfm command"
)

#: Fixed words in each language of the ``lang`` argument (en, zh_CN, zh_TW).
_WORDS: dict[str, tuple[str, str, str]] = {
    "none": (
        "no warnings: nothing was guessed and no row was left out",
        "没有提示：没有任何猜测，也没有剔除任何行",
        "沒有提示：沒有任何猜測，也沒有剔除任何列",
    ),
    "warning": ("1 warning", "1 条提示", "1 則提示"),
    "warnings": ("{n} warnings", "{n} 条提示", "{n} 則提示"),
    "left_out": (
        "{n:,} of {read:,} rows left out",
        "{read:,} 行中剔除了 {n:,} 行",
        "{read:,} 列中剔除了 {n:,} 列",
    ),
    "see": (
        "{what}: see =RFM.NOTES() with the same arguments",
        "{what}：请用相同参数的 =RFM.NOTES() 查看",
        "{what}：請用相同參數的 =RFM.NOTES() 查看",
    ),
    "rows_of": (
        "{n:,} of {read:,} rows: {rule}",
        "{read:,} 行中的 {n:,} 行：{rule}",
        "{read:,} 列中的 {n:,} 列：{rule}",
    ),
}
_LANGS = ("en", "zh_CN", "zh_TW")


def words(key: str, lang: str, **values: Any) -> str:
    """The fixed words ``key`` in ``lang`` (English for a language not listed)."""
    text = _WORDS[key][_LANGS.index(lang) if lang in _LANGS else 0]
    return text.format(**values)


def note_rows(result: RfmResult, lang: str = "en") -> list[list[Any]]:
    """RFM.NOTES' cells: the header row, then one row per warning (in stage order) and one per
    cleaning rule that left rows out; a single "no warnings" row when there is neither."""
    rows = [_warning_row(w, lang) for w in result.warnings]
    rows += _left_out_rows(result, lang)
    if not rows:
        rows = [["", words("none", lang), None, None, None]]
    return [list(COLUMNS), *(safe_row(r) for r in rows)]


def footer_rows(result: RfmResult, width: int, lang: str = "en") -> list[list[Any]]:
    """The lines below an analysis table: an empty row, then how many warnings and rows left
    out there are and where to see them; nothing when there are none."""
    parts = []
    if result.warnings:
        n = len(result.warnings)
        parts.append(words("warning" if n == 1 else "warnings", lang, n=n))
    left_out = result.cleaning.rows_read - result.cleaning.rows_used
    if left_out > 0:
        parts.append(words("left_out", lang, n=left_out, read=result.cleaning.rows_read))
    if not parts:
        return []
    line = words("see", lang, what=", ".join(parts))
    return [[None] * width, safe_row([line, *[None] * (width - 1)])]


def with_footer(rows: list[list[Any]], result: RfmResult, lang: str, show: bool):
    """``rows`` (a table, header first) with :func:`footer_rows` below it when ``show``."""
    return rows + footer_rows(result, len(rows[0]), lang) if show else rows


def argument(warning: RfmWarning) -> str:
    """The function argument, or the change to the orders range, that changes ``warning``."""
    option = warning.option or ""
    if option.startswith("scoring.") or warning.code == "quantile_ties":
        breaks = warning.evidence.get("suggested_breaks") or ()
        shown = f" (here {', '.join(f'{b:g}' for b in breaks)})" if breaks else ""
        return SCORING_ARGUMENT.format(breaks=shown)
    return ARGUMENTS.get(option, "")


def evidence_text(evidence: Mapping[str, Any]) -> str:
    """``name=value`` pairs, lists joined by commas, nested maps as ``key: value``."""
    plain = RfmWarning("", "", evidence=evidence).to_dict()["evidence"]
    text = "; ".join(f"{k}={_value_text(v)}" for k, v in plain.items() if v not in ("", [], {}))
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


def _value_text(value: Any, listed: bool = False) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_value_text(v, True)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_value_text(v, True) for v in value)
    if listed and isinstance(value, str) and "," in value:
        return repr(value)  # '2,50', '3,75': the commas of a value are not the list's
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _warning_row(warning: RfmWarning, lang: str) -> list[Any]:
    return [
        warning.code,
        WARNINGS.get(warning.code, ""),
        warning_text(warning, lang),
        evidence_text(warning.evidence),
        argument(warning),
    ]


def _left_out_rows(result: RfmResult, lang: str) -> list[list[Any]]:
    read = result.cleaning.rows_read
    steps = result.cleaning.to_frame()
    out = []
    for step in result.cleaning.steps:
        if not step.rows:
            continue
        examples = steps.loc[steps["key"] == step.key, "examples"].iloc[0]
        rule = _rule_words(step.key, lang, step.description)
        evidence = {"rule": step.key, "rule_number": step.rule, "rows": step.rows}
        if examples:
            evidence["examples"] = examples
        out.append(
            [
                ROWS_LEFT_OUT,
                ROWS_LEFT_OUT_MEANING,
                words("rows_of", lang, n=step.rows, read=read, rule=rule),
                evidence_text(evidence),
                RULE_ARGUMENTS.get(step.key, "orders: the rows themselves (see the examples)"),
            ]
        )
    return out


def _rule_words(key: str, lang: str, description: str) -> str:
    try:
        return label(f"rule_{key}", lang)
    except KeyError:  # a rule without words in the report's labels yet
        return description


def safe_row(row: Sequence[Any]) -> list[Any]:
    """``row`` with every text that starts like a formula made plain text."""
    return [neutralize_formula_text(v) for v in row]
