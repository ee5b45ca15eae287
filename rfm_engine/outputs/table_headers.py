"""Column headers and sheet names of the tables written for people (customers and segments as
CSV or XLSX, the report workbook, mailing lists), in English, 简体中文 and 繁體中文.

English keeps the identifiers (``customer_id``, ``recency_days`` …) that scripts read, so the
default output never changes; Chinese headers are words a shop owner reads. Machine formats
(Mailchimp, CRM, JSON) never pass through here. Source contact columns keep their own headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .report_labels import label, label_or

HEADER_LANGS = ("en", "zh_CN", "zh_TW")

#: Column key → header (en, zh_CN, zh_TW).
HEADERS: dict[str, tuple[str, str, str]] = {
    # customers (CUSTOMER_COLUMNS, then the action)
    "customer_id": ("customer_id", "客户ID", "客戶ID"),
    "recency_days": ("recency_days", "距最近购买天数", "距最近購買天數"),
    "frequency": ("frequency", "购买次数", "購買次數"),
    "monetary": ("monetary", "消费金额", "消費金額"),
    "r_score": ("r_score", "R分", "R分"),
    "f_score": ("f_score", "F分", "F分"),
    "m_score": ("m_score", "M分", "M分"),
    "rfm_code": ("rfm_code", "RFM组合", "RFM組合"),
    "rfm_score": ("rfm_score", "RFM总分", "RFM總分"),
    "segment": ("segment", "分群代码", "分群代碼"),
    "segment_name": ("segment_name", "分群", "分群"),
    "action": ("action", "建议行动", "建議行動"),
    "last_purchase": ("last_purchase", "最近购买日期", "最近購買日期"),
    # segments (SUMMARY_COLUMNS)
    "customers": ("customers", "客户数", "客戶數"),
    "customer_share": ("customer_share", "客户占比", "客戶佔比"),
    "orders": ("orders", "订单数", "訂單數"),
    "revenue": ("revenue", "销售额", "銷售額"),
    "revenue_share": ("revenue_share", "销售额占比", "銷售額佔比"),
    "mean_recency": ("mean_recency", "平均距最近购买天数", "平均距最近購買天數"),
    "mean_frequency": ("mean_frequency", "平均购买次数", "平均購買次數"),
    "mean_monetary": ("mean_monetary", "平均消费金额", "平均消費金額"),
    "avg_order_value": ("avg_order_value", "客单价", "客單價"),
    # cleaning report
    "rule": ("rule", "规则编号", "規則編號"),
    "key": ("key", "规则代码", "規則代碼"),
    "description": ("description", "说明", "說明"),
    "rows": ("rows", "行数", "列數"),
    "examples": ("examples", "示例", "範例"),
    # cut points
    "axis": ("axis", "维度", "維度"),
    "method": ("method", "方法", "方法"),
    "bins": ("bins", "档数", "檔數"),
    "cut_points": ("cut_points", "分档阈值", "分檔閾值"),
    "customers_per_score": ("customers_per_score", "各分值客户数", "各分值客戶數"),
    "unused_scores": ("unused_scores", "未使用的分值", "未使用的分值"),
    # email problems of a mailing list
    "email": ("email", "邮箱", "郵箱"),
    "problem": ("problem", "问题", "問題"),
    # settings of the report workbook
    "setting": ("setting", "设置", "設定"),
    "value": ("value", "值", "值"),
    # predictions (per customer, per segment; ``expected_*_{n}d``: see :func:`header`)
    "p_alive": ("p_alive", "仍活跃概率", "仍活躍機率"),
    "likely_lost": ("likely_lost", "可能已流失", "可能已流失"),
    "expected_spend": ("expected_spend", "预计每单消费", "預計每單消費"),
    "next_order_date": ("next_order_date", "预计下次购买日期", "預計下次購買日期"),
    "next_order_basis": ("next_order_basis", "下次购买日期依据", "下次購買日期依據"),
    "mean_p_alive": ("mean_p_alive", "平均仍活跃概率", "平均仍活躍機率"),
    "likely_lost_share": ("likely_lost_share", "可能流失占比", "可能流失佔比"),
    # segments over time (rfm history)
    "period_end": ("period_end", "期末", "期末"),
    "period_from": ("period_from", "起始期末", "起始期末"),
    "period_to": ("period_to", "结束期末", "結束期末"),
    "segment_from": ("segment_from", "原分群", "原分群"),
    "segment_to": ("segment_to", "新分群", "新分群"),
    "segment_before": ("segment_before", "之前的分群", "之前的分群"),
    "changes": ("changes", "分群变化次数", "分群變化次數"),
}
#: Headers with a number of days in them: ``expected_purchases_90d`` and the like.
_PER_DAYS = re.compile(r"expected_(purchases|revenue)_(\d+)d")
_PER_DAYS_WORDS = {
    "purchases": ("预计{n}天内购买次数", "預計{n}天內購買次數"),
    "revenue": ("预计{n}天内销售额", "預計{n}天內銷售額"),
}

#: Sheet key → sheet name (en, zh_CN, zh_TW); at most 31 characters, none of ``[]:*?/\``.
SHEETS: dict[str, tuple[str, str, str]] = {
    "summary": ("Summary", "概览", "概覽"),
    "customers": ("Customers", "客户", "客戶"),
    "rf_grid": ("RxF grid", "R×F 分布", "R×F 分佈"),
    "settings": ("Settings", "设置", "設定"),
    "cleaning": ("Cleaning", "数据清洗", "資料清洗"),
    "email_problems": ("Email problems", "邮箱问题", "郵箱問題"),
    "no_contact": ("No contact", "无联系方式", "無聯絡方式"),
}

#: Other words of the report workbook; ``{n}``-style placeholders are filled by the caller.
WORDS: dict[str, tuple[str, str, str]] = {
    "report_head": ("RFM segments", "RFM 客户分群", "RFM 客戶分群"),
    "as_of": ("As of", "截至", "截至"),
    "scheme": ("Scheme", "分群方案", "分群方案"),
    "customers": ("Customers", "客户数", "客戶數"),
    "customers_per_segment": ("Customers per segment", "各分群客户数", "各分群客戶數"),
    "revenue_per_segment": ("Revenue per segment", "各分群销售额", "各分群銷售額"),
    "what_to_do": ("What to do", "建议行动", "建議行動"),
    "grid_customers": (
        "Customers per cell (rows R score, columns F score)",
        "各格客户数（行：R 分，列：F 分）",
        "各格客戶數（列：R 分，欄：F 分）",
    ),
    "grid_mean_monetary": (
        "Mean monetary per cell (rows R score, columns F score)",
        "各格平均消费金额（行：R 分，列：F 分）",
        "各格平均消費金額（列：R 分，欄：F 分）",
    ),
    "invalid": ("invalid", "格式无效", "格式無效"),
    "duplicate": ("duplicate", "重复", "重複"),
    "segment_reference": ("segment reference: {name}", "分群参考值：{name}", "分群參考值：{name}"),
}

_COLUMN = {lang: i for i, lang in enumerate(HEADER_LANGS)}


def _pick(table: dict[str, tuple[str, str, str]], key: str, lang: str) -> str:
    return table[key][_COLUMN.get(lang, 0)]


def header(key: str, lang: str = "en") -> str:
    """The header of column ``key`` in ``lang`` (``key`` itself when it has no words)."""
    if key in HEADERS:
        return _pick(HEADERS, key, lang)
    per_days = _PER_DAYS.fullmatch(key)
    if per_days and _COLUMN.get(lang, 0):
        return _PER_DAYS_WORDS[per_days[1]][_COLUMN[lang] - 1].format(n=per_days[2])
    return key


def sheet_name(key: str, lang: str = "en") -> str:
    """The name of sheet ``key`` (see :data:`SHEETS`) in ``lang``."""
    return _pick(SHEETS, key, lang)


def word(key: str, lang: str = "en", **values) -> str:
    """A word of the report workbook (see :data:`WORDS`) in ``lang``."""
    text = _pick(WORDS, key, lang)
    return text.format(**values) if values else text


def check_header_lang(lang: str) -> str:
    """``lang`` when it is one of :data:`HEADER_LANGS`, else a ``ConfigError``."""
    if lang not in HEADER_LANGS:
        from ..errors import ConfigError

        raise ConfigError(
            f"header language must be one of {', '.join(HEADER_LANGS)}, not {lang!r}",
            option="header_lang",
            value=lang,
        )
    return lang


_NOT_APPLICABLE = re.compile(r"not applicable \((\w+)\)")


def rule_text(key: str, description: str, lang: str) -> str:
    """A line of the cleaning report in ``lang``: the rule's words, else ``description``."""
    if key == "not_applicable":
        found = _NOT_APPLICABLE.match(description)
        if found:
            rule = label_or(f"rule_{found[1]}", lang, found[1])
            return label("rule_not_applicable", lang, rule=rule)
    return label_or(f"rule_{key}", lang, description)


def localized(frame: pd.DataFrame, lang: str, keep: Iterable[str] = ()) -> pd.DataFrame:
    """``frame`` with its known columns renamed into ``lang`` and its rule descriptions, axes,
    methods and email problems worded there too (a copy; English returns ``frame`` itself).
    The cleaning report loses its ``key`` column (its description says the same in words).
    Columns in ``keep`` (source contact columns) keep their header; a translated header that
    would repeat one of them, or another, gets `` (2)``."""
    if check_header_lang(lang) == "en":
        return frame
    out = frame.copy()
    kept = set(keep)
    if {"key", "description"} <= set(out.columns):  # the cleaning report: words, not keys
        out["description"] = [
            rule_text(k, str(d), lang) for k, d in zip(out["key"], out["description"], strict=True)
        ]
        out = out.drop(columns=["key"])
    if "axis" in out.columns:
        out["axis"] = out["axis"].map(lambda a: label_or(f"axis_{a}", lang, str(a)))
    if "method" in out.columns:
        out["method"] = out["method"].map(lambda m: label_or(f"method_{m}", lang, str(m)))
    if "problem" in out.columns:
        out["problem"] = out["problem"].map(lambda p: word(p, lang) if p in WORDS else p)
    names, seen = [], {str(c).casefold() for c in out.columns if c in kept}
    for column in out.columns:
        if column in kept:
            names.append(str(column))
            continue
        name = header(str(column), lang)
        base, n = name, 2
        while name.casefold() in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name.casefold())
        names.append(name)
    out.columns = names
    return out
