"""Order status words that mean "not a purchase": cancelled, closed, refunded, voided, unpaid.

Covers the exports in ``docs/export-formats.md`` (Taobao/Tmall, JD, Pinduoduo, Douyin, Shopify,
WooCommerce, Stripe, PayPal, Square). ``partially_refunded`` and ``交易成功`` stay purchases.
"""

from __future__ import annotations

import pandas as pd

from ..io.parsing import strip_armour

#: Whole values (compared in lower case, spaces and hyphens as underscores).
CANCELLED_VALUES = frozenset(
    {
        "cancelled",
        "canceled",
        "closed",
        "refunded",
        "voided",
        "void",
        "unpaid",
        "pending",
        "authorized",
        "uncaptured",
        "failed",
        "declined",
        "expired",
        "refund",
        "cancelled_order",
        "trash",
        "payment_failed",
        "pending_payment",
        "denied",
        "reversed",
    }
)
#: Substrings of Chinese statuses.
CANCELLED_PARTS = (
    "交易关闭",
    "已关闭",
    "已取消",
    "取消",
    "退款成功",
    "已退款",
    "全额退款",
    "等待买家付款",
    "待付款",
    "未付款",
    "付款失败",
    "交易關閉",
    "已關閉",
    "退款成功",
    "等待買家付款",
    "未付款",
    "作废",
    "作廢",
)
#: Prefixes that mark a deleted order (JD).
CANCELLED_PREFIXES = ("(删除)", "（删除）", "(刪除)", "（刪除）")


def cancelled_mask(status: pd.Series) -> pd.Series:
    """True where the status says the order is not a purchase."""
    text = strip_armour(status.astype("string")).fillna("")
    norm = text.str.lower().str.replace(r"[\s\-]+", "_", regex=True)
    mask = norm.isin(CANCELLED_VALUES)
    for part in CANCELLED_PARTS:
        mask |= text.str.contains(part, regex=False)
    for prefix in CANCELLED_PREFIXES:
        mask |= text.str.startswith(prefix)
    return mask.fillna(False).astype(bool)
