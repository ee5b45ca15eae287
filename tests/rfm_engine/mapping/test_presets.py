"""Presets: synthetic exports with the documented headers (docs/export-formats.md) give the
hand-computed customers, with line items, order totals and status handled per export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rfm_engine import ColumnError, ColumnMap, RfmConfig, analyze
from rfm_engine.mapping.columns import choose_columns

SHOPIFY = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Fulfilled at",
    "Accepts Marketing",
    "Currency",
    "Subtotal",
    "Shipping",
    "Taxes",
    "Total",
    "Discount Code",
    "Discount Amount",
    "Shipping Method",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem compare at price",
    "Lineitem sku",
    "Billing Name",
    "Billing Phone",
    "Cancelled at",
    "Refunded Amount",
    "Id",
    "Phone",
]
TAOBAO = [
    "订单编号",
    "买家会员名",
    "买家支付宝账号",
    "买家应付货款",
    "买家应付邮费",
    "买家支付积分",
    "总金额",
    "返点积分",
    "买家实际支付金额",
    "买家实际支付积分",
    "订单状态",
    "买家留言",
    "收货人姓名",
    "收货地址",
    "运送方式",
    "联系电话",
    "联系手机",
    "订单创建时间",
    "订单付款时间",
    "宝贝标题",
    "宝贝种类",
    "物流单号",
    "物流公司",
    "订单备注",
    "宝贝总数量",
    "店铺Id",
    "店铺名称",
    "订单关闭原因",
    "卖家服务费",
    "买家服务费",
    "发票抬头",
    "是否手机订单",
    "分阶段订单信息",
    "特权订金订单id",
    "是否上传合同照片",
    "是否上传小票",
    "是否代付",
    "定金排名",
    "修改后的sku",
    "修改后的收货地址",
    "异常信息",
    "天猫卡券抵扣",
    "集分宝抵扣",
    "是否是O2O交易",
    "退款金额",
]
JD = [
    "订单号",
    "商品ID",
    "商品名称",
    "订购数量",
    "支付方式",
    "下单时间",
    "京东价",
    "订单金额",
    "结算金额",
    "余额支付",
    "应付金额",
    "订单状态",
    "订单类型",
    "下单帐号",
    "客户姓名",
    "客户地址",
    "联系电话",
    "订单备注",
    "发票类型",
    "发票抬头",
    "发票内容",
    "商家备注",
    "商家备注等级（等级1-5为由高到低）",
    "运费金额",
    "付款确认时间",
    "增值税发票",
    "货号",
    "订单完成时间",
    "订单来源",
    "订单渠道",
]
SQUARE_ITEMS = [
    "Date",
    "Time",
    "Time Zone",
    "Category",
    "Item",
    "Qty",
    "Price Point Name",
    "SKU",
    "Modifiers Applied",
    "Gross Sales",
    "Discounts",
    "Net Sales",
    "Tax",
    "Transaction ID",
    "Payment ID",
    "Device Name",
    "Notes",
    "Details",
    "Event Type",
    "Location",
    "Dining Option",
    "Customer ID",
    "Customer Name",
    "Customer Reference ID",
    "Unit",
    "Count",
    "GTIN",
    "Itemization Type",
    "Commission",
    "Employee",
    "Fulfillment Note",
    "Channel",
    "Token",
    "Card Brand",
    "PAN Suffix",
]
PAYPAL = [
    "Date",
    "Time",
    "Time zone",
    "Name",
    "Type",
    "Status",
    "Currency",
    "Gross",
    "Fee",
    "Net",
    "From Email Address",
    "To Email Address",
    "Transaction ID",
    "Counterparty Status",
    "Shipping Address",
    "Address Status",
    "Option 1 Name",
    "Reference Txn ID",
    "Quantity",
    "Receipt ID",
    "Country",
    "Contact Phone Number",
    "Subject",
    "Balance Impact",
    "Buyer Wallet",
]


def _write(path: Path, header: list[str], rows: list[dict], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=header, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def _customers(result) -> dict[str, tuple[int, int, float]]:
    table = result.customers.set_index("customer_id")
    return {
        c: (int(r.recency_days), int(r.frequency), round(float(r.monetary), 2))
        for c, r in table.iterrows()
    }


def test_shopify_orders_total_counts_once_and_refunds_drop(tmp_path: Path) -> None:
    rows = [
        # order, email, status, paid, total, created, qty, item, price
        dict(
            Name="#1001",
            Email="a@x.com",
            **{"Financial Status": "paid"},
            **{
                "Paid at": "2024-03-01 10:00:00 +0400",
                "Total": "150.00",
                "Created at": "2024-03-01 09:58:00 +0400",
                "Lineitem quantity": "1",
                "Lineitem price": "100.00",
                "Billing Name": "Ann",
                "Phone": "'+8613800000000",
            },
        ),
        {
            "Name": "#1001",
            "Created at": "2024-03-01 09:58:00 +0400",
            "Lineitem quantity": "1",
            "Lineitem price": "50.00",
        },
        dict(
            Name="#1002",
            Email="a@x.com",
            **{"Financial Status": "partially_refunded"},
            **{
                "Paid at": "2024-03-05 12:00:00 +0400",
                "Total": "50.00",
                "Created at": "2024-03-05 11:00:00 +0400",
                "Lineitem quantity": "1",
                "Lineitem price": "50.00",
            },
        ),
        dict(
            Name="#1003",
            Email="b@x.com",
            **{"Financial Status": "refunded"},
            **{
                "Paid at": "2024-03-04 12:00:00 +0400",
                "Total": "80.00",
                "Created at": "2024-03-04 11:00:00 +0400",
                "Lineitem quantity": "1",
                "Lineitem price": "80.00",
            },
        ),
        dict(
            Name="#1004",
            Email="b@x.com",
            **{"Financial Status": "paid"},
            **{
                "Paid at": "2024-03-06 08:00:00 +0400",
                "Total": "30.00",
                "Created at": "2024-03-06 07:00:00 +0400",
                "Lineitem quantity": "1",
                "Lineitem price": "10.00",
            },
        ),
        {
            "Name": "#1004",
            "Created at": "2024-03-06 07:00:00 +0400",
            "Lineitem quantity": "1",
            "Lineitem price": "10.00",
        },
        {
            "Name": "#1004",
            "Created at": "2024-03-06 07:00:00 +0400",
            "Lineitem quantity": "1",
            "Lineitem price": "10.00",
            "Lineitem name": "other",
        },
    ]
    path = _write(tmp_path / "orders_export.csv", SHOPIFY, rows)
    result = analyze(path, RfmConfig())
    cols = result.config.columns
    assert (cols.customer, cols.date, cols.amount, cols.order, cols.status) == (
        "Email",
        "Created at",
        "Total",
        "Name",
        "Financial Status",
    )
    assert cols.amount_is_order_total
    assert _customers(result) == {"a@x.com": (2, 2, 200.0), "b@x.com": (1, 1, 30.0)}
    assert result.cleaning.rows_dropped("order_lines") == 3
    assert result.cleaning.rows_dropped("cancelled") == 1
    assert "Billing Name" in result.contacts


def test_taobao_order_report_in_gbk_with_armour(tmp_path: Path) -> None:
    base = {"收货人姓名": "张三", "联系手机": "'13800000000"}
    rows = [
        {
            **base,
            "订单编号": '="240301123456789012"',
            "买家会员名": "tb_a",
            "买家实际支付金额": "58.50",
            "订单状态": "交易成功",
            "订单创建时间": "2024-03-01 10:00:00",
            "订单付款时间": "2024-03-01 10:05:00",
        },
        {
            **base,
            "订单编号": '="240302123456789013"',
            "买家会员名": "tb_a",
            "买家实际支付金额": "41.50",
            "订单状态": "卖家已发货，等待买家确认",
            "订单创建时间": "2024-03-02 10:00:00",
            "订单付款时间": "2024-03-02 10:01:00",
        },
        {
            **base,
            "订单编号": '="240303123456789014"',
            "买家会员名": "tb_b",
            "买家实际支付金额": "30.00",
            "订单状态": "交易关闭",
            "订单创建时间": "2024-03-03 10:00:00",
            "订单付款时间": "2024-03-03 10:01:00",
        },
        {
            **base,
            "订单编号": '="240304123456789015"',
            "买家会员名": "tb_b",
            "买家实际支付金额": "20.00",
            "订单状态": "交易成功",
            "订单创建时间": "2024-03-04 23:59:00",
            "订单付款时间": "2024-03-05 00:01:00",
        },
    ]
    path = _write(tmp_path / "ExportOrderList202403.csv", TAOBAO, rows, encoding="gbk")
    result = analyze(path, RfmConfig())
    assert result.config.columns.date == "订单付款时间"
    assert result.config.columns.order == "订单编号"
    assert _customers(result) == {"tb_a": (4, 2, 100.0), "tb_b": (1, 1, 20.0)}
    assert result.cleaning.rows_dropped("cancelled") == 1
    assert set(result.customers_table()["联系手机"]) == {"13800000000"}


def test_jd_repeated_order_total_and_deleted_orders(tmp_path: Path) -> None:
    def row(order, sku, user, total, status, when):
        return {
            "订单号": order,
            "商品ID": sku,
            "订购数量": "1",
            "下单时间": when,
            "应付金额": total,
            "订单状态": status,
            "下单帐号": user,
            "付款确认时间": when,
            "京东价": "1",
        }

    rows = [
        row("9001", "s1", "jd_u1", "100.00", "完成", "2024-05-01 10:00:00"),
        row("9001", "s2", "jd_u1", "100.00", "完成", "2024-05-01 10:00:00"),
        row("9002", "s1", "jd_u1", "40.00", "(删除)等待出库", "2024-05-02 10:00:00"),
        row("9003", "s3", "jd_u2", "60.00", "等待确认收货", "2024-05-03 10:00:00"),
        row("9004", "s3", "jd_u2", "15.00", "完成", "2024-04-03 10:00:00"),
        row("9004", "s4", "jd_u2", "15.00", "完成", "2024-04-03 10:00:00"),
    ]
    path = _write(tmp_path / "jd.csv", JD, rows, encoding="gb18030")
    result = analyze(path, RfmConfig())
    assert result.config.columns.amount_is_order_total
    assert _customers(result) == {"jd_u1": (3, 1, 100.0), "jd_u2": (1, 2, 75.0)}
    assert result.cleaning.rows_dropped("order_lines") == 2
    assert result.cleaning.rows_dropped("cancelled") == 1


def test_square_items_are_summed_per_transaction(tmp_path: Path) -> None:
    def row(tx, cust, net, event="Payment", day="2026-07-18"):
        return {
            "Date": day,
            "Time": "12:59:30",
            "Time Zone": "Eastern Time (US & Canada)",
            "Item": "Latte",
            "Qty": "1.0",
            "Gross Sales": net,
            "Net Sales": net,
            "Transaction ID": tx,
            "Event Type": event,
            "Customer ID": cust,
            "Customer Name": "N",
        }

    rows = [
        row("T1", "C1", "$8.00"),
        row("T1", "C1", "$4.50"),
        row("T2", "C1", "$3.00", day="2026-07-19"),
        row("T3", "C2", "$5.00"),
        row("T3", "C2", "-$5.00", event="Refund"),
        row("T4", "", "$9.00"),
    ]
    path = _write(tmp_path / "items-2026-07-18-2026-07-19.csv", SQUARE_ITEMS, rows)
    result = analyze(path, RfmConfig())
    assert not result.config.columns.amount_is_order_total
    assert _customers(result) == {"C1": (1, 2, 15.5), "C2": (2, 1, 5.0)}
    assert result.cleaning.rows_dropped("blank_customer") == 1


def test_paypal_day_first_dates_and_outgoing_payments(tmp_path: Path) -> None:
    def row(day, email, gross, status="Completed", tx="X"):
        return {
            "Date": day,
            "Time": "14:06:09",
            "Time zone": "GMT",
            "Name": "N",
            "Type": "General Payment",
            "Status": status,
            "Currency": "GBP",
            "Gross": gross,
            "From Email Address": email,
            "Transaction ID": tx,
        }

    rows = [
        row("01/01/2019", "p@x.com", "10.00", tx="A"),
        row("15/01/2019", "p@x.com", "5.00", tx="B"),
        row("16/01/2019", "q@x.com", "-3.00", tx="C"),
        row("17/01/2019", "q@x.com", "7.00", status="Pending", tx="D"),
        row("02/02/2019", "q@x.com", "1,234.50", tx="E"),
    ]
    path = _write(tmp_path / "paypal.csv", PAYPAL, rows)
    result = analyze(path, RfmConfig())
    assert result.config.columns.customer == "From Email Address"
    assert _customers(result) == {"p@x.com": (19, 2, 15.0), "q@x.com": (1, 1, 1234.5)}
    assert result.cleaning.rows_dropped("cancelled") == 1
    assert result.cleaning.rows_dropped("non_positive") == 1


@pytest.mark.parametrize(
    ("headers", "preset", "expected"),
    [
        (
            "Date,Order #,Status,Customer,Customer type,Payment method,Product(s),Items sold,"
            "Coupon(s),Net sales,Attribution",
            "woocommerce_analytics",
            ColumnMap("Customer", "Date", "Net sales", order="Order #", status="Status"),
        ),
        (
            "Order Number,Order Status,Order Date,Customer Note,First Name (Billing),"
            "Email (Billing),Phone (Billing),Item #,SKU,Item Name,Quantity,Item Cost,"
            "Order Total Amount,Order Total Tax Amount",
            "woocommerce_order_export",
            ColumnMap(
                "Email (Billing)",
                "Order Date",
                "Order Total Amount",
                order="Order Number",
                status="Order Status",
                amount_is_order_total=True,
            ),
        ),
        (
            "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,"
            "Payment Method,Currency,Order Value,Order Total,Status,Order Net,Buyer",
            "etsy_orders",
            ColumnMap(
                "Buyer User ID", "Sale Date", "Order Total", order="Order ID", status="Status"
            ),
        ),
        (
            "Sale Date,Item Name,Buyer,Quantity,Price,Item Total,Currency,Transaction ID,"
            "Date Paid,Ship Name,Order ID",
            "etsy_order_items",
            ColumnMap("Buyer", "Date Paid", "Item Total", order="Order ID"),
        ),
        (
            "id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status,"
            "Customer ID,Customer Description,Customer Email,Captured",
            "stripe_payments",
            ColumnMap("Customer ID", "Created date (UTC)", "Amount", order="id", status="Status"),
        ),
        (
            "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Total Collected,"
            "Transaction ID,Payment ID,Customer ID,Customer Name,Transaction Status",
            "square_transactions",
            ColumnMap(
                "Customer ID",
                "Date",
                "Total Collected",
                order="Transaction ID",
                status="Transaction Status",
            ),
        ),
        (
            "order_id,order_number,order_date,paid_date,status,order_total,customer_email,"
            "billing_first_name",
            "woocommerce_webtoffee",
            ColumnMap(
                "customer_email",
                "paid_date",
                "order_total",
                order="order_number",
                status="status",
                amount_is_order_total=True,
            ),
        ),
    ],
)
def test_preset_mapping(headers: str, preset: str, expected: ColumnMap) -> None:
    choice = choose_columns(headers.split(","), ColumnMap())
    assert choice.preset is not None and choice.preset.key == preset
    got = choice.columns
    for role in ("customer", "date", "amount", "order", "status", "amount_is_order_total"):
        assert getattr(got, role) == getattr(expected, role), role
    assert choice.origins["customer"] == "preset"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        (
            "订单号,订单状态,商品数量(件),用户实付金额(元),支付时间,售后状态,用户购买手机号",
            "拼多多",
        ),
        ("主订单编号,子订单编号,订单提交时间,支付完成时间,订单应付金额,订单状态,收件人", "抖店"),
        (
            "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码",
            "订单报表",
        ),
        ("Customer ID,First Name,Last Name,Email,Total Spent,Total Orders,Tags", "orders_export"),
    ],
)
def test_exports_without_a_buyer_key_say_why(headers: str, reason: str) -> None:
    with pytest.raises(ColumnError, match=reason):
        choose_columns(headers.split(","), ColumnMap())


def test_user_named_roles_beat_the_preset() -> None:
    choice = choose_columns(SHOPIFY, ColumnMap(customer="Billing Name", date="Created at"))
    assert (choice.columns.customer, choice.columns.date) == ("Billing Name", "Created at")
    assert choice.origins["customer"] == "given" and choice.origins["amount"] == "preset"
