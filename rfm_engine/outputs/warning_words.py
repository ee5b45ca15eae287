"""Warnings (and the details of errors) in the user's language: one sentence per reason code
and the evidence beside it, in English, 简体中文 or 繁體中文 — the words every face shows
(the desktop's pages and dialogs, the HTML and PDF report of every face, Excel's notes).

In English the engine's own line is shown (it is the most precise); in Chinese the sentence
comes from the code and the evidence, so no English is shown except the user's own data (file
names, column names, example values). Quantile ties are worded from their evidence here too
(they name the axis, the unused scores and the thresholds that would use them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any

from .report_labels import label

LANGS = ("en", "zh_CN", "zh_TW")

#: Warning codes (:data:`rfm_engine.notes.WARNINGS`) → sentence (English, 简体中文, 繁體中文).
WARNING_SENTENCES: dict[str, tuple[str, str, str]] = {
    "encoding_guess": (
        "The file's text encoding was guessed from letter statistics: if names or ids look "
        "garbled, choose the encoding.",
        "文件的文字编码是根据字符统计推测的：如果姓名或编号显示为乱码，请选择正确的编码。",
        "檔案的文字編碼是根據字元統計推測的：如果姓名或編號顯示為亂碼，請選擇正確的編碼。",
    ),
    "customer_list": (
        "The table was read as a customer list (one row per customer): frequency and monetary "
        "come from its count and total columns.",
        "该表按客户名单读取（每位客户一行）：购买频次和消费金额取自其次数列和总额列。",
        "該表按客戶名單讀取（每位客戶一列）：購買頻次和消費金額取自其次數欄和總額欄。",
    ),
    "count_column_ignored": (
        "A column looks like an order count per customer, but customer ids repeat: the table was "
        "read as one row per purchase and that column is not used.",
        "有一列看起来像每位客户的订单数，但客户编号有重复：该表按每次购买一行读取，未使用该列。",
        "有一欄看起來像每位客戶的訂單數，但客戶編號有重複：該表按每次購買一列讀取，未使用該欄。",
    ),
    "last_activity_as_purchase": (
        "A last-activity date stands in for the last purchase date: a visit without an order "
        "can make it later than the last order.",
        "以“最近活动日期”代替最近购买日期：没有下单的访问也可能使它晚于最近一笔订单。",
        "以「最近活動日期」代替最近購買日期：沒有下單的造訪也可能使它晚於最近一筆訂單。",
    ),
    "quantile_ties": (
        "Many equal values leave some scores unused; fixed thresholds are suggested.",
        "大量相同的数值使部分分数没有客户；建议改用固定阈值。",
        "大量相同的數值使部分分數沒有客戶；建議改用固定門檻。",
    ),
    "contacts_from_list": (
        "Contacts were taken from the customer list given with the orders, matched by customer id.",
        "联系方式取自与订单一起提供的客户名单，按客户编号匹配。",
        "聯絡方式取自與訂單一起提供的客戶名單，按客戶編號比對。",
    ),
    "model_not_fitted": (
        "Too few repeat buyers to fit the purchase model: no predictions.",
        "回头客太少，无法拟合购买模型：没有预测。",
        "回頭客太少，無法擬合購買模型：沒有預測。",
    ),
    "few_repeat_buyers": (
        "Fewer repeat buyers than recommended: predictions are rough.",
        "回头客少于建议数量：预测较为粗略。",
        "回頭客少於建議數量：預測較為粗略。",
    ),
    "history_shorter_than_horizon": (
        "A prediction horizon is longer than the purchase history.",
        "预测期比购买历史还长。",
        "預測期比購買歷史還長。",
    ),
    "one_time_buyers_spend_from_prior": (
        "One-time buyers' expected spend is the average of all customers.",
        "只购买过一次的客户，其预期消费按全体客户的平均值计算。",
        "只購買過一次的客戶，其預期消費按全體客戶的平均值計算。",
    ),
    "one_time_buyers_always_active": (
        "The purchase model never counts one-time buyers as lost.",
        "购买模型从不把只购买过一次的客户算作流失。",
        "購買模型從不把只購買過一次的客戶算作流失。",
    ),
    "spend_depends_on_frequency": (
        "Spend and purchase frequency are related; the spend model assumes they are not.",
        "消费金额与购买频次相关，而消费模型假设二者无关。",
        "消費金額與購買頻次相關，而消費模型假設二者無關。",
    ),
    "spend_model_unusable": (
        "The spend model cannot be used with this data (its mean spend is unbounded).",
        "消费模型不适用于这些数据（平均消费没有上限）。",
        "消費模型不適用於這些資料（平均消費沒有上限）。",
    ),
    "extreme_parameters": (
        "A fitted parameter went to an extreme; the data barely determine it.",
        "有一个拟合参数趋于极端；数据几乎无法确定它。",
        "有一個擬合參數趨於極端；資料幾乎無法確定它。",
    ),
    "fit_not_converged": (
        "The model fit stopped before it found the best values.",
        "模型拟合在找到最佳值之前就停止了。",
        "模型擬合在找到最佳值之前就停止了。",
    ),
    "chunked_key_links": (
        "Large-file mode: customers without an id were linked by another identifier within "
        "each chunk of the file only.",
        "大文件模式：没有客户编号的行只在文件的每个分块内按其他标识关联。",
        "大檔案模式：沒有客戶編號的列只在檔案的每個分塊內按其他識別關聯。",
    ),
    "currency_column": (
        "The amounts are in several currencies; a converted amount column was used.",
        "金额包含多种货币；已改用换算后的金额列。",
        "金額包含多種貨幣；已改用換算後的金額欄。",
    ),
    "date_column_choice": (
        "Several columns could be the purchase date; one was chosen.",
        "有多列都可能是购买日期；已选择其中一列。",
        "有多欄都可能是購買日期；已選擇其中一欄。",
    ),
    "decimal_separator": (
        "The decimal separator of the amounts was decided from the column's values.",
        "金额的小数点符号是根据该列的数值判断的。",
        "金額的小數點符號是根據該欄的數值判斷的。",
    ),
    "degenerate_key": (
        "The customer column holds (nearly) one value; another column identifies customers.",
        "客户列（几乎）只有一个值；已改用另一列识别客户。",
        "客戶欄（幾乎）只有一個值；已改用另一欄識別客戶。",
    ),
    "key_fallback": (
        "Rows without a customer id were matched to customers by another identifier.",
        "没有客户编号的行按其他标识对应到客户。",
        "沒有客戶編號的列按其他識別對應到客戶。",
    ),
    "many_blank_customers": (
        "A large share of rows has no customer id: those purchases count for no customer. If "
        "another column identifies those buyers (a phone or an e-mail), choose it where the "
        "customer id is blank.",
        "有很大比例的行没有客户编号：这些购买不计入任何客户。如果另有一列（如电话或邮箱）能识别"
        "这些买家，请在客户编号为空时改用该列。",
        "有很大比例的列沒有客戶編號：這些購買不計入任何客戶。如果另有一欄（如電話或電子郵件）能"
        "識別這些買家，請在客戶編號為空時改用該欄。",
    ),
    "missing_markers": (
        "Cells such as NA, N/A or null were read as blank.",
        "“不适用”“空值”一类的标记单元格按空白处理。",
        "「不適用」「空值」一類的標記儲存格按空白處理。",
    ),
    "placeholder_keys": (
        "Customer values such as 0 or guest were read as blank.",
        "客户值为 0 或“访客”一类的占位值时按空白处理。",
        "客戶值為 0 或「訪客」一類的佔位值時按空白處理。",
    ),
    "orders_replaced": (
        "An export holds orders already in the workspace with other rows; the export added last "
        "replaces them.",
        "有导出文件包含工作区中已有、但内容不同的订单；以最后加入的导出文件为准。",
        "有匯出檔案包含工作區中已有、但內容不同的訂單；以最後加入的匯出檔案為準。",
    ),
    "last_period_open": (
        "The last period ends after the latest purchase; its recency counts the days to its end.",
        "最后一期结束于最近一次购买之后；其最近购买天数计算到该期结束。",
        "最後一期結束於最近一次購買之後；其最近購買天數計算到該期結束。",
    ),
    "frozen_ties": (
        "The frozen cut points had ties; the tied thresholds were set a hair apart.",
        "固定的分界点有相同值；这些阈值被错开了极小的距离。",
        "固定的分界點有相同值；這些門檻被錯開了極小的距離。",
    ),
    "dropout_near_zero": (
        "The model sees almost no customer leave; every customer looks active.",
        "模型几乎看不到客户流失；每位客户看起来都仍活跃。",
        "模型幾乎看不到客戶流失；每位客戶看起來都仍活躍。",
    ),
}

#: Names of the details of errors and the evidence of warnings.
DETAIL_LABELS: dict[str, tuple[str, str, str]] = {
    "file": ("File", "文件", "檔案"),
    "column": ("Column", "列", "欄"),
    "rows": ("Rows", "行", "列"),
    "examples": ("Examples", "例如", "例如"),
    "missing": ("Missing", "缺少", "缺少"),
    "keyed_by": ("Rows per identifier", "各标识对应的行数", "各識別對應的列數"),
    "linked": ("Matched to a known customer", "对应到已有客户的行", "對應到已有客戶的列"),
    "others": ("Other candidates", "其他候选列", "其他候選欄"),
    "blank_rows": ("Blank rows", "空白行数", "空白列數"),
    "separator": ("Decimal separator", "小数点符号", "小數點符號"),
    "used": ("Column used", "使用的列", "使用的欄"),
    "amount_column": ("Amount column", "金额列", "金額欄"),
    "currency_column": ("Currency column", "货币列", "貨幣欄"),
    "currency": ("Currency", "货币", "貨幣"),
    "shares": ("Shares", "占比", "佔比"),
    "encoding": ("Encoding", "编码", "編碼"),
    "unknown": ("The analysis stopped.", "分析已停止。", "分析已停止。"),
}
SEP = {"en": ": ", "zh_CN": "：", "zh_TW": "："}
LIST = {"en": ", ", "zh_CN": "、", "zh_TW": "、"}

#: Evidence keys worded after the sentence of a warning, in this order (``path``, ``column``,
#: ``rows`` and ``examples`` come first, as for errors).
_EVIDENCE = (
    "encoding",
    "used",
    "others",
    "blank_rows",
    "keyed_by",
    "linked",
    "separator",
    "amount_column",
    "currency_column",
    "currency",
    "shares",
)
_EXAMPLES = ("examples", "comma_examples", "dot_examples", "ambiguous_examples")


def lang_index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 0


def _short(values: Iterable[Any], n: int = 3) -> list[str]:
    return [str(v) for v in list(values)[:n]]


def as_list(value: Any) -> list[Any]:
    if value is None or isinstance(value, (str, bytes, int, float)):
        return [] if value in (None, "", b"") else [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def detail_lines(details: Mapping[str, Any], lang: str) -> list[str]:
    """The file, columns, missing columns, rows and examples of an error or a warning."""
    i, sep, joiner = lang_index(lang), SEP[lang if lang in LANGS else "en"], LIST.get(lang, ", ")
    lines = []
    path = details.get("path")
    if path:
        lines.append(DETAIL_LABELS["file"][i] + sep + PurePath(str(path)).name)
    columns = [details.get(key) for key in ("column", "key_column", "count_column")]
    columns = [str(c) for c in columns if c]
    if columns:
        lines.append(DETAIL_LABELS["column"][i] + sep + joiner.join(columns))
    missing = as_list(details.get("missing_columns"))
    if missing:
        lines.append(DETAIL_LABELS["missing"][i] + sep + joiner.join(_short(missing, 6)))
    rows = details.get("rows")
    if isinstance(rows, int) and not isinstance(rows, bool):
        lines.append(DETAIL_LABELS["rows"][i] + sep + f"{rows:,}")
    elif as_list(rows):
        rows = as_list(rows)
        more = "…" if len(rows) > 5 else ""
        lines.append(DETAIL_LABELS["rows"][i] + sep + joiner.join(_short(rows, 5)) + more)
    examples = as_list(details.get("examples"))
    if examples:
        lines.append(DETAIL_LABELS["examples"][i] + sep + joiner.join(_short(examples)))
    return lines


def _value_text(value: Any, lang: str) -> str:
    """A piece of evidence as text: counts grouped, shares as percentages, mappings as
    ``name value`` pairs, sequences joined."""
    joiner = LIST.get(lang, ", ")
    if isinstance(value, Mapping):
        return joiner.join(f"{k} {_value_text(v, lang)}" for k, v in list(value.items())[:6])
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.1%}" if 0 < value < 1 else f"{value:,g}"
    if isinstance(value, (list, tuple, set)):
        return joiner.join(_short(value, 5))
    return str(value)


def evidence_lines(evidence: Mapping[str, Any], lang: str) -> list[str]:
    """The facts behind a warning in ``lang``: the columns, counts and example values."""
    i, sep = lang_index(lang), SEP.get(lang, ": ")
    lines = detail_lines({k: v for k, v in evidence.items() if k not in ("rows", "examples")}, lang)
    rows = evidence.get("rows")
    if rows:
        lines.append(DETAIL_LABELS["rows"][i] + sep + _value_text(rows, lang))
    for key in _EVIDENCE:
        value = evidence.get(key)
        if value in (None, "", (), [], {}, 0):
            continue
        lines.append(DETAIL_LABELS[key][i] + sep + _value_text(value, lang))
    examples = [evidence.get(k) for k in _EXAMPLES if evidence.get(k)]
    if examples:
        lines.append(
            DETAIL_LABELS["examples"][i]
            + sep
            + LIST.get(lang, ", ").join(_value_text(e, lang) for e in examples)
        )
    return lines


def warning_text(warning: Any, lang: str = "en") -> str:
    """One warning (an ``RfmWarning``) in ``lang``, lines apart by newlines: the engine's line
    in English; in Chinese the sentence of its code and its evidence. Quantile ties are worded
    from theirs in every language (the axis, the unused scores, the thresholds suggested)."""
    evidence = dict(warning.evidence or {})
    if warning.code == "quantile_ties" and "axis" in evidence:
        return _ties_text(evidence, lang)
    if lang not in LANGS[1:]:
        return warning.message
    sentence = WARNING_SENTENCES.get(warning.code)
    lines = [sentence[lang_index(lang)] if sentence else DETAIL_LABELS["unknown"][lang_index(lang)]]
    return "\n".join(lines + evidence_lines(evidence, lang))


def _ties_text(e: Mapping[str, Any], lang: str) -> str:
    text = label(
        "ties",
        lang,
        axis=label(f"axis_{e['axis']}", lang),
        unused=", ".join(str(s) for s in e["unused_scores"]),
        bins=len(e["customers_per_score"]),
        distinct=e["distinct_values"],
    )
    if e.get("suggested_breaks"):
        used = sum(1 for n in e["customers_per_score_suggested"] if n)
        breaks = ", ".join(f"{b:g}" for b in e["suggested_breaks"])
        text += label("ties_fix", lang, breaks=breaks, used=used)
    return text
