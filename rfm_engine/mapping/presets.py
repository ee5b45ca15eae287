"""Presets for known shop exports, recognised by their headers (``docs/export-formats.md``).

Each preset names, per role, the candidate headers best first (the first one present wins),
whether the amount is an order total repeated or filled on one line-item row, and the status
column whose cancelled/closed/refunded values drop orders. Exports with no usable buyer key
(Pinduoduo, Douyin, Taobao's 宝贝报表, Shopify customer lists) are recognised too, so the error
can say why instead of guessing a wrong column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .header_names import normalize_header


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    #: Headers that must all be present (compared after normalising).
    signature: tuple[str, ...]
    customer: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    amount: tuple[str, ...] = ()
    order: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    #: Columns filled only on cancelled orders (any value drops the order, rule 6).
    cancelled_at: tuple[str, ...] = ()
    #: The currency of each row's amount.
    currency: tuple[str, ...] = ()
    #: An amount already converted to one currency, and its currency (used when ``currency``
    #: holds several: amounts in different currencies are never added up).
    converted_amount: tuple[str, ...] = ()
    converted_currency: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    #: The amount is the order's total on its line-item rows: it counts once per order.
    order_total: bool = False
    #: Shown when the export lacks what RFM needs (e.g. no buyer id).
    note: str = ""


PRESETS: tuple[Preset, ...] = (
    Preset(
        "shopify_orders",
        "Shopify orders export",
        ("Name", "Email", "Financial Status", "Paid at", "Lineitem quantity", "Total"),
        # Shopify keys a guest by the phone where the email is blank.
        customer=("Email", "Phone"),
        # "Paid at" is blank on partially refunded orders and can be a later "mark as paid".
        date=("Created at", "Paid at"),
        amount=("Total",),
        order=("Name", "Id"),
        status=("Financial Status",),
        cancelled_at=("Cancelled at",),
        currency=("Currency",),
        contacts=("Billing Name", "Phone"),
        order_total=True,
    ),
    Preset(
        "shopify_customers",
        "Shopify customers export",
        ("First Name", "Last Name", "Email", "Total Spent", "Total Orders"),
        note="a customer list has no purchase dates; export the orders (orders_export.csv)",
    ),
    Preset(
        "woocommerce_analytics",
        "WooCommerce Analytics orders report",
        ("Date", "Order #", "Status", "Customer", "Customer type"),
        customer=("Customer",),
        date=("Date",),
        amount=("Net sales", "N. Revenue (formatted)"),
        order=("Order #",),
        status=("Status",),
    ),
    Preset(
        "woocommerce_order_export",
        "WooCommerce Advanced Order Export",
        ("Order Number", "Order Status", "Order Date", "Order Total Amount"),
        customer=("Email (Billing)", "Customer User Email", "Customer User ID", "Phone (Billing)"),
        date=("Paid Date", "Order Date"),
        amount=("Order Total Amount",),
        order=("Order Number", "Order ID"),
        status=("Order Status",),
        contacts=("First Name (Billing)", "Last Name (Billing)", "Phone (Billing)"),
        order_total=True,
    ),
    Preset(
        "woocommerce_webtoffee",
        "WooCommerce Order Export (WebToffee)",
        ("order_id", "order_number", "order_date", "status", "order_total"),
        customer=("customer_email", "customer_id", "billing_email"),
        date=("paid_date", "order_date"),
        amount=("order_total",),
        order=("order_number", "order_id"),
        status=("status",),
        contacts=("billing_first_name", "billing_last_name", "billing_phone"),
        order_total=True,
    ),
    Preset(
        "square_items",
        "Square item sales",
        ("Date", "Time", "Time Zone", "Item", "Qty", "Net Sales", "Transaction ID"),
        customer=("Customer ID", "Customer Reference ID"),
        date=("Date",),
        amount=("Net Sales",),
        order=("Transaction ID",),
        status=("Event Type",),
        contacts=("Customer Name",),
    ),
    Preset(
        "square_transactions",
        "Square transactions",
        ("Date", "Time", "Time Zone", "Total Collected", "Transaction ID"),
        customer=("Customer ID", "Customer Reference ID"),
        date=("Date",),
        amount=("Total Collected",),
        order=("Transaction ID",),
        status=("Transaction Status",),
        contacts=("Customer Name",),
    ),
    Preset(
        "etsy_orders",
        "Etsy sold orders",
        ("Sale Date", "Order ID", "Buyer User ID", "Order Total"),
        customer=("Buyer User ID", "Buyer"),
        date=("Sale Date", "Date Posted"),
        amount=("Order Total",),
        order=("Order ID",),
        status=("Status",),
        contacts=("Full Name",),
    ),
    Preset(
        "etsy_order_items",
        "Etsy sold order items",
        ("Sale Date", "Item Name", "Buyer", "Item Total", "Order ID", "Transaction ID"),
        customer=("Buyer",),
        date=("Date Paid", "Sale Date"),
        amount=("Item Total",),
        order=("Order ID",),
        contacts=("Ship Name",),
    ),
    Preset(
        "stripe_payments",
        "Stripe payments",
        ("id", "Amount", "Amount Refunded", "Currency", "Status", "Customer ID"),
        customer=("Customer ID", "Customer Email", "Card Fingerprint"),
        date=("Created date (UTC)", "Created (UTC)"),
        amount=("Amount",),
        order=("id",),
        status=("Status",),
        currency=("Currency",),
        converted_amount=("Converted Amount",),
        converted_currency=("Converted Currency",),
        contacts=("Customer Email", "Customer Description"),
    ),
    Preset(
        "paypal_activity",
        "PayPal activity",
        ("Date", "Time", "Time zone", "Name", "Type", "Status", "Gross", "Transaction ID"),
        customer=("From Email Address",),
        date=("Date",),
        amount=("Gross",),
        order=("Transaction ID",),
        status=("Status",),
        contacts=("Name", "Contact Phone Number"),
    ),
    Preset(
        "taobao_orders",
        "淘宝/天猫 订单报表",
        ("订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间"),
        customer=("买家会员名",),
        date=("订单付款时间", "订单创建时间"),
        amount=("买家实际支付金额",),
        order=("订单编号",),
        status=("订单状态",),
        contacts=("收货人姓名", "联系手机", "联系电话"),
    ),
    Preset(
        "taobao_items",
        "淘宝/天猫 宝贝报表",
        ("订单编号", "标题", "价格", "购买数量", "商品属性", "订单状态"),
        note="the 宝贝报表 (item list) has no buyer or date; import the 订单报表 (ExportOrderList)",
    ),
    Preset(
        "jd_orders",
        "京东 订单导出",
        ("订单号", "商品ID", "订购数量", "下单时间", "应付金额", "订单状态", "下单帐号"),
        customer=("下单帐号",),
        date=("付款确认时间", "下单时间"),
        amount=("应付金额",),
        order=("订单号",),
        status=("订单状态",),
        contacts=("客户姓名", "联系电话"),
        order_total=True,
    ),
    Preset(
        "pinduoduo_orders",
        "拼多多 订单导出",
        ("订单号", "订单状态", "商品数量(件)", "用户实付金额(元)"),
        date=("支付时间", "订单成交时间", "拼单成功时间"),
        amount=("用户实付金额(元)", "商家实收金额(元)"),
        order=("订单号",),
        status=("订单状态",),
        note="拼多多 exports carry no usable buyer id (the phone column is masked)",
    ),
    Preset(
        "douyin_orders",
        "抖店 订单导出",
        ("主订单编号", "子订单编号", "订单提交时间", "订单应付金额", "订单状态"),
        date=("支付完成时间", "订单提交时间"),
        amount=("订单应付金额",),
        order=("主订单编号",),
        status=("订单状态",),
        note="抖店 exports carry no usable buyer id (names and phones are ciphertext)",
    ),
)


def detect_preset(headers: Sequence[str]) -> Preset | None:
    """The preset whose whole signature is among ``headers`` (the longest signature wins)."""
    present = {normalize_header(h) for h in headers}
    matches = [p for p in PRESETS if all(normalize_header(s) in present for s in p.signature)]
    return max(matches, key=lambda p: len(p.signature), default=None)


def pick(headers: Sequence[str], candidates: Sequence[str]) -> str | None:
    """The first candidate present among ``headers``, as spelt in the file."""
    by_norm: dict[str, str] = {}
    for header in headers:
        by_norm.setdefault(normalize_header(header), header)
    for name in candidates:
        header = by_norm.get(normalize_header(name))
        if header is not None:
            return header
    return None
