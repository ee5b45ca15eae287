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
#: Longest evidence text in a cell (Excel holds 32,767 characters; a note stays readable).
MAX_EVIDENCE = 1000

#: Where the functions' users change what an engine option path sets (a key of ``_WORDS``).
ARGUMENTS: dict[str, str] = {
    "period.as_of": "arg_as_of",
    "segments.scheme": "arg_scheme",
    "columns.customer": "arg_headers",
    "columns.date": "arg_headers",
    "columns.amount": "arg_headers",
    "columns.kind": "arg_kind",
    "columns.last_purchase": "arg_last_purchase",
    "columns.contacts": "arg_contacts",
    "reading.decimal": "arg_decimal",
    "reading.dayfirst": "arg_dayfirst",
}
#: Rules whose rows an argument brings back; the other rules need the rows themselves fixed.
RULE_ARGUMENTS = {"after_as_of": "arg_as_of"}

#: What each warning code means, in 简体中文 and 繁體中文 (English: the engine's
#: :data:`~rfm_engine.notes.WARNINGS`); a code without words here shows the English.
MEANINGS: dict[str, tuple[str, str]] = {
    "currency_column": (
        "金额包含多种货币；已改用换算后的金额列",
        "金額包含多種貨幣；已改用換算後的金額欄",
    ),
    "degenerate_key": (
        "客户列（几乎）只有一个值；已改用另一列识别客户",
        "客戶欄（幾乎）只有一個值；已改用另一欄識別客戶",
    ),
    "key_fallback": (
        "没有客户编号的行按其他标识对应到客户",
        "沒有客戶編號的列按其他識別對應到客戶",
    ),
    "placeholder_keys": (
        "客户值为 0 或“访客”一类的占位值时按空白处理",
        "客戶值為 0 或「訪客」一類的佔位值時按空白處理",
    ),
    "date_column_choice": (
        "有多列都可能是购买日期；已选择其中一列",
        "有多欄都可能是購買日期；已選擇其中一欄",
    ),
    "customer_list": (
        "该表按客户名单读取（每位客户一行）：购买频次和消费金额取自其次数列和总额列",
        "該表按客戶名單讀取（每位客戶一列）：購買頻次和消費金額取自其次數欄和總額欄",
    ),
    "count_column_ignored": (
        "有一列看起来像每位客户的订单数，但客户编号有重复：按每次购买一行读取，未使用该列",
        "有一欄看起來像每位客戶的訂單數，但客戶編號有重複：按每次購買一列讀取，未使用該欄",
    ),
    "last_activity_as_purchase": (
        "以“最近活动日期”代替最近购买日期",
        "以「最近活動日期」代替最近購買日期",
    ),
    "missing_markers": (
        "NA、N/A、null 一类的标记单元格按空白处理",
        "NA、N/A、null 一類的標記儲存格按空白處理",
    ),
    "decimal_separator": (
        "金额的小数点符号是根据该列的数值判断的",
        "金額的小數點符號是根據該欄的數值判斷的",
    ),
    "quantile_ties": (
        "大量相同的数值使部分分数没有客户；建议改用固定阈值",
        "大量相同的數值使部分分數沒有客戶；建議改用固定閾值",
    ),
}

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
    "rows_left_out": (
        "rows a cleaning rule left out of the analysis (see docs/rules.md)",
        "被清理规则剔除、未参与分析的行（见 docs/rules.md）",
        "被清理規則剔除、未參與分析的列（見 docs/rules.md）",
    ),
    "arg_as_of": ("as_of", "as_of", "as_of"),
    "arg_scheme": ("scheme", "scheme", "scheme"),
    "arg_headers": (
        "orders: pass only the customer, date and amount columns, or rename their headers "
        "(e.g. customer_id, order_date, amount)",
        "orders：只传入客户、日期和金额三列，或修改它们的表头"
        "（如 customer_id、order_date、amount）",
        "orders：只傳入客戶、日期和金額三欄，或修改它們的表頭"
        "（如 customer_id、order_date、amount）",
    ),
    "arg_kind": (
        "orders: a header row with a date per order (orders) or with order count and total "
        "columns (a customer list)",
        "orders：表头应含每笔订单的日期（订单明细），或含订单数和总额列（客户名单）",
        "orders：表頭應含每筆訂單的日期（訂單明細），或含訂單數和總額欄（客戶名單）",
    ),
    "arg_last_purchase": (
        "orders: the header of the last-purchase column",
        "orders：最近购买日期列的表头",
        "orders：最近購買日期欄的表頭",
    ),
    "arg_contacts": (
        "orders: the headers of the contact columns",
        "orders：联系方式列的表头",
        "orders：聯絡方式欄的表頭",
    ),
    "arg_decimal": (
        "orders: amounts as number cells rather than text",
        "orders：金额用数字单元格，而不是文本",
        "orders：金額用數字儲存格，而不是文字",
    ),
    "arg_dayfirst": (
        "orders: dates as date cells rather than text",
        "orders：日期用日期单元格，而不是文本",
        "orders：日期用日期儲存格，而不是文字",
    ),
    "arg_bins": (
        "bins (fewer scores per axis); fixed thresholds{breaks} are set in the desktop app or "
        "the rfm command",
        "bins（减少每个维度的分数档数）；固定阈值{breaks}可在桌面程序或 rfm 命令中设置",
        "bins（減少每個維度的分數檔數）；固定閾值{breaks}可在桌面程式或 rfm 命令中設定",
    ),
    "arg_rows": (
        "orders: the rows themselves (see the examples)",
        "orders：修正这些行本身（见示例）",
        "orders：修正這些列本身（見示例）",
    ),
    "here": (" (here {breaks})", "（此处为 {breaks}）", "（此處為 {breaks}）"),
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
    out there are and where to see them; nothing when there are none.

    The line is the last cell of its row: a spilled cell is never empty (Excel and LibreOffice
    show no text over it), so a line in the first column would be cut at that column's width,
    e.g. to a misleading "36 of 60"; from the last column it runs on over the empty cells right
    of the table."""
    parts = []
    if result.warnings:
        n = len(result.warnings)
        parts.append(words("warning" if n == 1 else "warnings", lang, n=n))
    left_out = sum(step.rows for step in result.cleaning.steps)  # the rows RFM.NOTES lists
    if left_out > 0:
        parts.append(words("left_out", lang, n=left_out, read=result.cleaning.rows_read))
    if not parts:
        return []
    line = words("see", lang, what=", ".join(parts))
    return [[None] * width, safe_row([*[None] * (width - 1), line])]


def with_footer(rows: list[list[Any]], result: RfmResult, lang: str, show: bool):
    """``rows`` (a table, header first) with :func:`footer_rows` below it when ``show``."""
    return rows + footer_rows(result, len(rows[0]), lang) if show else rows


def argument(warning: RfmWarning, lang: str = "en") -> str:
    """The function argument, or the change to the orders range, that changes ``warning``."""
    option = warning.option or ""
    if option.startswith("scoring.") or warning.code == "quantile_ties":
        breaks = warning.evidence.get("suggested_breaks") or ()
        listed = ", ".join(_number(b) for b in breaks)
        shown = words("here", lang, breaks=listed) if breaks else ""
        return words("arg_bins", lang, breaks=shown)
    return words(ARGUMENTS[option], lang) if option in ARGUMENTS else ""


def meaning(code: str, lang: str = "en") -> str:
    """What warning ``code`` means in ``lang`` (English where there are no words for it)."""
    if lang in _LANGS[1:] and code in MEANINGS:
        return MEANINGS[code][_LANGS.index(lang) - 1]
    return WARNINGS.get(code, "")


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
        return _number(value)
    return "" if value is None else str(value)


def _number(value: float) -> str:
    """``2`` for 2.0, ``1234567.5`` as it is (``:g`` would give ``1.23457e+06``)."""
    return format(value, ".15g")


def _warning_row(warning: RfmWarning, lang: str) -> list[Any]:
    return [
        warning.code,
        meaning(warning.code, lang),
        warning_text(warning, lang),
        evidence_text(warning.evidence),
        argument(warning, lang),
    ]


def _left_out_rows(result: RfmResult, lang: str) -> list[list[Any]]:
    read = result.cleaning.rows_read
    # The report's first rows are the steps, in order, with their examples as text.
    examples_text = result.cleaning.to_frame()["examples"].tolist()
    out = []
    for step, examples in zip(result.cleaning.steps, examples_text, strict=False):
        if not step.rows:
            continue
        rule = _rule_words(step.key, lang, step.description)
        evidence = {"rule": step.key, "rule_number": step.rule, "rows": step.rows}
        if examples:
            evidence["examples"] = examples
        out.append(
            [
                ROWS_LEFT_OUT,
                words("rows_left_out", lang),
                words("rows_of", lang, n=step.rows, read=read, rule=rule),
                evidence_text(evidence),
                words(RULE_ARGUMENTS.get(step.key, "arg_rows"), lang),
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
