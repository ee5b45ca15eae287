"""The words of the charts and the HTML report in English, 简体中文 and 繁體中文: data shipped
with the engine, like the segment names of the schemes, so that every face and the report
title the same chart the same way. ``{n}``-style placeholders are filled by the caller."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str, str]] = {
    # key: (en, zh_CN, zh_TW)
    "report_title": ("Customer segments", "客户分群报告", "客戶分群報告"),
    "customers": ("Customers", "客户数", "客戶數"),
    "active": ("Active (last {days} days)", "活跃客户（近{days}天）", "活躍客戶（近{days}天）"),
    "revenue": ("Revenue", "销售额", "銷售額"),
    "repeat_rate": ("Repeat customers", "复购率", "回購率"),
    "aov": ("Average order value", "客单价", "客單價"),
    "at_risk": ("Revenue at risk", "流失风险销售额", "流失風險銷售額"),
    "customers_per_segment": ("Customers per segment", "各分群客户数", "各分群客戶數"),
    "revenue_per_segment": ("Revenue per segment", "各分群销售额", "各分群銷售額"),
    "treemap_customers": ("Segments by customers", "分群（按客户数）", "分群（按客戶數）"),
    "treemap_revenue": ("Segments by revenue", "分群（按销售额）", "分群（按銷售額）"),
    "rf_title": ("Customers by R and F score", "R×F 客户分布", "R×F 客戶分佈"),
    "r_axis": (
        "R score ({bins} = most recent)",
        "R 分（{bins} = 最近购买）",
        "R 分（{bins} = 最近購買）",
    ),
    "f_axis": (
        "F score ({bins} = most orders)",
        "F 分（{bins} = 购买最多）",
        "F 分（{bins} = 購買最多）",
    ),
    "recency": (
        "Recency: days since the last purchase",
        "最近一次购买距今天数",
        "最近一次購買距今天數",
    ),
    "frequency": ("Frequency: orders per customer", "购买次数", "購買次數"),
    "frequency_days": ("Frequency: purchase days per customer", "购买天数", "購買天數"),
    "monetary": ("Monetary: spent per customer", "消费金额", "消費金額"),
    "monetary_mean": ("Monetary: average order value", "平均每单金额", "平均每單金額"),
    "days": ("days", "天", "天"),
    "orders": ("orders", "次", "次"),
    "customers_axis": ("customers", "客户", "客戶"),
    "log_scale": ("log scale", "对数刻度", "對數刻度"),
    "cut_points_note": ("dashed: cut points", "虚线：分档阈值", "虛線：分檔閾值"),
    "migration_title": ("How customers moved", "客户分群迁移", "客戶分群遷移"),
    "then": ("Segment {days} days earlier", "{days}天前的分群", "{days}天前的分群"),
    "now": ("Segment now", "现在的分群", "現在的分群"),
    "new": ("(new)", "（新客户）", "（新客戶）"),
    "gone": ("(gone)", "（已无记录）", "（已無記錄）"),
    "overview": ("Overview", "概览", "概覽"),
    "do_now": ("Do this now", "立即行动", "立即行動"),
    "do_now_line": (
        "{segment}: {customers} customers, {revenue} spent. {action}",
        "{segment}：{customers} 位客户，消费 {revenue}。{action}",
        "{segment}：{customers} 位客戶，消費 {revenue}。{action}",
    ),
    "segments": ("Segments and actions", "分群与建议行动", "分群與建議行動"),
    "segment": ("Segment", "分群", "分群"),
    "share": ("Share", "占比", "佔比"),
    "action": ("Recommended action", "建议行动", "建議行動"),
    "charts": ("Charts", "图表", "圖表"),
    "cut_points": ("Cut points", "分档阈值", "分檔閾值"),
    "axis": ("Axis", "维度", "維度"),
    "method": ("Method", "方法", "方法"),
    "per_score": ("Customers per score", "各分值客户数", "各分值客戶數"),
    "cleaning": ("Cleaning report", "数据清洗", "資料清洗"),
    "rule": ("Rule", "规则", "規則"),
    "rows_dropped": ("Rows dropped", "删除行数", "刪除行數"),
    "warnings": ("Please check", "请注意", "請注意"),
    "settings": ("Settings", "设置", "設定"),
    "as_of": ("as of {date}", "截至 {date}", "截至 {date}"),
    "data_range": (
        "purchases {first} – {last}",
        "购买日期 {first} – {last}",
        "購買日期 {first} – {last}",
    ),
    "scheme": ("scheme: {name}", "分群方案：{name}", "分群方案：{name}"),
    "currency": ("amounts in {currency}", "金额单位：{currency}", "金額單位：{currency}"),
    "rows_used": ("{rows} rows used", "使用 {rows} 行", "使用 {rows} 行"),
    "ties": (
        "{axis}: many customers share the same values, so quantile cut points leave scores "
        "{unused} of {bins} unused ({distinct} distinct values).",
        "{axis}：许多客户的值相同，分位数阈值使 {bins} 档中的分值 {unused} 无人使用"
        "（共 {distinct} 个不同的值）。",
        "{axis}：許多客戶的值相同，分位數閾值使 {bins} 檔中的分值 {unused} 無人使用"
        "（共 {distinct} 個不同的值）。",
    ),
    "ties_fix": (
        " Fixed thresholds {breaks} would use {used} scores.",
        "固定阈值 {breaks} 可用上 {used} 个分值。",
        "固定閾值 {breaks} 可用上 {used} 個分值。",
    ),
    "axis_recency": ("Recency (R)", "最近购买（R）", "最近購買（R）"),
    "axis_frequency": ("Frequency (F)", "购买频次（F）", "購買頻次（F）"),
    "axis_monetary": ("Monetary (M)", "消费金额（M）", "消費金額（M）"),
    "method_quantile": ("quantile", "分位数", "分位數"),
    "method_fixed": ("fixed thresholds", "固定阈值", "固定閾值"),
    "rule_duplicates": ("exact duplicate rows", "完全重复的行", "完全重複的列"),
    "rule_order_lines": (
        "extra line-item rows of an order with an order total (counted once)",
        "订单总额所在订单的其余明细行（只计一次）",
        "訂單總額所在訂單的其餘明細列（只計一次）",
    ),
    "rule_blank_customer": ("blank customer id", "客户编号为空", "客戶編號為空"),
    "rule_bad_date": ("date missing or unreadable", "日期缺失或无法识别", "日期缺失或無法識別"),
    "rule_bad_amount": ("amount missing or unreadable", "金额缺失或无法识别", "金額缺失或無法識別"),
    "rule_implausible_amount": (
        "amount beyond a trillion (no single sale is that large)",
        "金额超过一万亿（没有哪笔销售这么大）",
        "金額超過一兆（沒有哪筆銷售這麼大）",
    ),
    "rule_implausible_date": (
        "date before 1900 or after 2100 (a placeholder such as 9999-12-31)",
        "日期早于 1900 年或晚于 2100 年（如 9999-12-31 这样的占位值）",
        "日期早於 1900 年或晚於 2100 年（如 9999-12-31 這樣的佔位值）",
    ),
    "rule_non_positive": (
        "amount zero or negative (returns, cancellations, free)",
        "金额为零或负数（退货、取消、赠品）",
        "金額為零或負數（退貨、取消、贈品）",
    ),
    "rule_after_as_of": ("dated after the analysis date", "日期晚于分析日期", "日期晚於分析日期"),
    "rule_before_start": ("dated before the period start", "日期早于期间开始", "日期早於期間開始"),
    "rule_cancelled": (
        "order status cancelled, closed, refunded or unpaid",
        "订单状态为已取消、已关闭、已退款或未付款",
        "訂單狀態為已取消、已關閉、已退款或未付款",
    ),
    "rule_other_currency": (
        "amount in another currency than the one chosen",
        "金额的币种不是所选币种",
        "金額的幣別不是所選幣別",
    ),
    "rule_cancelled_at": (
        "order cancelled (a cancellation date is set)",
        "订单已取消（有取消日期）",
        "訂單已取消（有取消日期）",
    ),
    "rule_bad_count": (
        "order count missing or not a whole number",
        "订单数缺失或不是整数",
        "訂單數缺失或不是整數",
    ),
    "rule_never_bought": (
        "order count 0: registered, never bought",
        "订单数为 0：已注册但从未购买",
        "訂單數為 0：已註冊但從未購買",
    ),
    "rule_bad_last_purchase": (
        "last purchase date missing or unreadable",
        "最近购买日期缺失或无法识别",
        "最近購買日期缺失或無法識別",
    ),
    "rule_bad_days_since": (
        "days since the last purchase missing or not a whole number",
        "距最近购买天数缺失或不是整数",
        "距最近購買天數缺失或不是整數",
    ),
    "rule_bad_total": (
        "total spent missing or unreadable",
        "消费总额缺失或无法识别",
        "消費總額缺失或無法識別",
    ),
    "rule_non_positive_total": (
        "total spent zero or negative",
        "消费总额为零或负数",
        "消費總額為零或負數",
    ),
    "rule_returns_netted": (
        "return rows netted against monetary",
        "与消费金额相抵的退货行",
        "與消費金額相抵的退貨列",
    ),
    "rule_not_applicable": ("not applicable: {rule}", "不适用：{rule}", "不適用：{rule}"),
    "rule_rows_read": ("rows read", "读取的行", "讀取的列"),
    "rule_customer_rows_used": ("customer rows used", "使用的客户行", "使用的客戶列"),
    "rule_rows_used": ("purchase rows used", "使用的购买行", "使用的購買列"),
    "made_by": (
        "Made with RFM Segments {version}",
        "由 RFM Segments {version} 生成",
        "由 RFM Segments {version} 產生",
    ),
}

_COLUMN = {"en": 0, "zh_CN": 1, "zh_TW": 2}


def label_or(key: str, lang: str, fallback: str) -> str:
    """The words for ``key`` when there are any, else ``fallback`` (e.g. a new rule's English
    description)."""
    return label(key, lang) if key in LABELS else fallback


def label(key: str, lang: str = "en", **values) -> str:
    """The words for ``key`` in ``lang`` (English when the language is not known)."""
    text = LABELS[key][_COLUMN.get(lang, 0)]
    return text.format(**values) if values else text
