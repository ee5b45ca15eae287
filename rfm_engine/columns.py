"""Finding which column plays which role, from header names in English and Chinese.

:func:`resolve_columns` keeps every role the user named (checking it exists, tolerating stray
spaces, case and a BOM in headers) and fills the others from :data:`HEADER_NAMES`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from .config import ColumnMap
from .errors import ColumnError

#: Header names per role, best first. Compared after :func:`normalize_header`.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "customer": (
        "customer_id",
        "customerid",
        "customer id",
        "customer",
        "customer no",
        "customer number",
        "client id",
        "client",
        "buyer id",
        "buyer user id",
        "buyer",
        "member id",
        "member",
        "买家会员名",
        "客户id",
        "客户编号",
        "客户",
        "会员id",
        "会员名",
        "会员",
        "顾客",
        "下单帐号",
        "下单账号",
        "買家會員名",
        "客戶id",
        "客戶編號",
        "客戶",
        "會員",
        "顧客",
    ),
    "date": (
        "订单付款时间",
        "付款时间",
        "支付时间",
        "支付完成时间",
        "付款确认时间",
        "订单创建时间",
        "下单时间",
        "订单成交时间",
        "订单提交时间",
        "交易时间",
        "成交时间",
        "日期",
        "购买日期",
        "訂單付款時間",
        "付款時間",
        "交易時間",
        "日期",
        "order_date",
        "order date",
        "invoicedate",
        "invoice date",
        "purchase date",
        "purchase_date",
        "transaction date",
        "sale date",
        "paid at",
        "paid date",
        "created at",
        "date",
        "datetime",
        "timestamp",
    ),
    "amount": (
        "买家实际支付金额",
        "实付金额",
        "实收金额",
        "支付金额",
        "付款金额",
        "订单金额",
        "应付金额",
        "消费金额",
        "销售额",
        "金额",
        "實付金額",
        "支付金額",
        "消費金額",
        "銷售額",
        "金額",
        "amount",
        "revenue",
        "total",
        "order total",
        "sales",
        "net sales",
        "gross",
        "sale amount",
        "order_total",
        "total_amount",
        "value",
        "spend",
    ),
    "quantity": ("quantity", "qty", "数量", "购买数量", "订购数量", "數量"),
    "price": ("unitprice", "unit price", "unit_price", "price", "单价", "价格", "單價", "價格"),
    "order": (
        "订单编号",
        "订单号",
        "主订单编号",
        "訂單編號",
        "訂單號",
        "invoiceno",
        "invoice no",
        "invoice",
        "order_id",
        "orderid",
        "order id",
        "order number",
        "order no",
        "order #",
        "order",
        "transaction id",
        "receipt number",
    ),
    "status": ("订单状态", "訂單狀態", "交易状态", "status", "order status", "financial status"),
}

#: Contact columns carried into exports when found (any number of them).
CONTACT_NAMES: tuple[str, ...] = (
    "first_name",
    "first name",
    "last_name",
    "last name",
    "name",
    "full name",
    "customer name",
    "email",
    "e-mail",
    "email address",
    "phone",
    "mobile",
    "telephone",
    "收货人姓名",
    "姓名",
    "联系手机",
    "联系电话",
    "手机",
    "手机号",
    "电话",
    "邮箱",
    "电子邮件",
    "收貨人姓名",
    "聯絡手機",
    "聯絡電話",
    "手機",
    "電話",
    "郵箱",
)


def normalize_header(name: object) -> str:
    """Lower case, BOM and outer spaces removed, inner runs of spaces/underscores as one space."""
    text = str(name).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s_]+", " ", text)


def find_column(headers: Sequence[str], wanted: str) -> str | None:
    """The header that is ``wanted`` exactly, else the one equal after normalising."""
    if wanted in headers:
        return wanted
    key = normalize_header(wanted)
    for header in headers:
        if normalize_header(header) == key:
            return header
    return None


def guess_columns(headers: Iterable[str]) -> ColumnMap:
    """The best guess of every role from header names alone."""
    headers = [str(h) for h in headers]
    by_norm: dict[str, str] = {}
    for header in headers:
        by_norm.setdefault(normalize_header(header), header)
    taken: set[str] = set()
    found: dict[str, str | None] = {}
    for role, names in HEADER_NAMES.items():
        found[role] = None
        for name in names:
            header = by_norm.get(normalize_header(name))
            if header is not None and header not in taken:
                found[role] = header
                taken.add(header)
                break
    if found["amount"] or not (found["quantity"] and found["price"]):
        found["quantity"] = found["price"] = None
    contacts = tuple(
        h
        for h in headers
        if h not in taken and normalize_header(h) in {normalize_header(c) for c in CONTACT_NAMES}
    )
    return ColumnMap(contacts=contacts, **found)


def resolve_columns(headers: Sequence[str], columns: ColumnMap, *, source: str = "") -> ColumnMap:
    """Check the named roles exist and fill the unnamed ones by guessing.

    Raises :class:`ColumnError` naming the missing column (and listing what the file has).
    """
    headers = [str(h) for h in headers]
    where = f"{source}: " if source else ""
    named = dict(columns.roles)
    fixed: dict[str, str] = {}
    for role, wanted in named.items():
        header = find_column(headers, wanted)
        if header is None:
            raise ColumnError(
                f"{where}no column {wanted!r} for the {role}; the file has: "
                + ", ".join(repr(h) for h in headers[:30]),
                missing_columns=(wanted,),
                available_columns=tuple(headers),
            )
        fixed[role] = header
    contacts = []
    for wanted in columns.contacts:
        header = find_column(headers, wanted)
        if header is None:
            raise ColumnError(
                f"{where}no contact column {wanted!r}; the file has: "
                + ", ".join(repr(h) for h in headers[:30]),
                missing_columns=(wanted,),
                available_columns=tuple(headers),
            )
        contacts.append(header)
    guess = guess_columns(h for h in headers if h not in fixed.values())
    merged: dict[str, object] = {}
    for role in HEADER_NAMES:
        merged[role] = fixed.get(role)
    if "amount" not in fixed and "quantity" not in fixed:
        if guess.amount:
            merged["amount"] = guess.amount
        elif guess.quantity:
            merged["quantity"], merged["price"] = guess.quantity, guess.price
    for role in ("customer", "date", "order", "status"):
        if merged[role] is None:
            merged[role] = getattr(guess, role)
    merged["contacts"] = (
        tuple(contacts)
        if columns.contacts
        else tuple(c for c in guess.contacts if c not in set(merged.values()))
    )
    resolved = dataclasses.replace(columns, **merged)
    missing = [r for r in ("customer", "date") if getattr(resolved, r) is None]
    if resolved.amount is None and resolved.quantity is None:
        missing.append("amount")
    if missing:
        raise ColumnError(
            f"{where}cannot tell which column is the {' / '.join(missing)}; name it "
            f"(e.g. --{missing[0]} COLUMN). The file has: "
            + ", ".join(repr(h) for h in headers[:30]),
            missing_columns=tuple(missing),
            available_columns=tuple(headers),
        )
    return resolved
