"""The readable summary ``rfm analyze`` prints, in English, 简体中文 or 繁體中文."""

from __future__ import annotations

import math

from rfm_engine import RfmResult

from .text_table import format_table

LABELS = {
    "en": {
        "title": "RFM segments",
        "as_of": "Analysis date",
        "purchases": "Purchases",
        "rows": "{used:,} of {read:,} rows used",
        "customers": "Customers",
        "revenue": "Revenue",
        "cuts": "Cut points",
        "unused": "scores not used",
        "head": (
            "Segment",
            "Customers",
            "Share",
            "Revenue",
            "Rev. share",
            "Recency",
            "Freq.",
            "Monetary",
        ),
        "dropped": "Cleaning",
        "action": "What to do",
    },
    "zh_CN": {
        "title": "RFM 客户分群",
        "as_of": "分析日期",
        "purchases": "购买记录",
        "rows": "使用 {used:,} 行（共 {read:,} 行）",
        "customers": "客户数",
        "revenue": "销售额",
        "cuts": "分界点",
        "unused": "未使用的分数",
        "head": ("分群", "客户数", "占比", "销售额", "销售额占比", "最近天数", "频次", "金额"),
        "dropped": "数据清理",
        "action": "建议行动",
    },
    "zh_TW": {
        "title": "RFM 客戶分群",
        "as_of": "分析日期",
        "purchases": "購買記錄",
        "rows": "使用 {used:,} 列（共 {read:,} 列）",
        "customers": "客戶數",
        "revenue": "銷售額",
        "cuts": "分界點",
        "unused": "未使用的分數",
        "head": ("分群", "客戶數", "佔比", "銷售額", "銷售額佔比", "最近天數", "頻次", "金額"),
        "dropped": "資料清理",
        "action": "建議行動",
    },
}


def _num(value: float, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def render_summary(result: RfmResult, *, source: str) -> str:
    lang = result.config.lang
    t = LABELS[lang]
    report = result.cleaning
    summary = result.summary
    lines = [
        f"{t['title']}: {source}",
        f"{t['as_of']}: {result.as_of}   {t['purchases']}: {result.first_purchase} .. "
        f"{result.last_purchase}   "
        + t["rows"].format(used=report.rows_used, read=report.rows_read),
        f"{t['customers']}: {result.customer_count:,}   {t['revenue']}: "
        f"{_num(float(summary['revenue'].sum()), 2)}",
    ]
    dropped = [f"{s.description} {s.rows:,}" for s in report.steps]
    if dropped:
        lines.append(f"{t['dropped']}: " + "; ".join(dropped))
    lines.append(f"{t['cuts']}:")
    for cut in result.cut_points.values():
        text = f"  {cut.axis:<9} {cut.method:<8} " + ", ".join(f"{c:g}" for c in cut.cut_points)
        if cut.unused_scores:
            text += f"   ({t['unused']}: {', '.join(map(str, cut.unused_scores))})"
        lines.append(text)
    rows = []
    for rec in summary.itertuples(index=False):
        rows.append(
            [
                rec.segment_name,
                f"{rec.customers:,}",
                f"{rec.customer_share:.1%}",
                _num(rec.revenue, 2),
                f"{rec.revenue_share:.1%}",
                _num(rec.mean_recency, 0),  # whole days
                _num(rec.mean_frequency, 2),
                _num(rec.mean_monetary, 2),
            ]
        )
    lines.append("")
    lines.append(format_table(t["head"], rows, [False] + [True] * 7))
    actions = [
        (r.segment_name, r.action)
        for r in summary.itertuples(index=False)
        if r.customers and r.action
    ]
    if actions:
        lines.append("")
        lines.append(f"{t['action']}:")
        lines.extend(f"  {name}: {action}" for name, action in actions)
    return "\n".join(lines)
