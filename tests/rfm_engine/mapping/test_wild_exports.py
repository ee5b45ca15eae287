"""Patterns seen in real exports, each in a small self-made file read with no options: read
right, or say loudly (a warning with code, evidence and option) what is uncertain."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rfm_engine import DataError, RfmConfig, analyze, check_data
from rfm_engine.options import CleaningRules

SHOPIFY = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Currency",
    "Total",
    "Created at",
    "Lineitem quantity",
    "Lineitem price",
    "Cancelled at",
    "Phone",
]


def _write(path: Path, header: list[str], rows: list[dict], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _table(result) -> dict[str, tuple[int, int, float]]:
    return {
        r.customer_id: (r.recency_days, r.frequency, round(r.monetary, 2))
        for r in result.customers.itertuples()
    }


def _shopify(name, email, status, paid, created, total, cancelled="", phone="", lines=1):
    first = {
        "Name": name,
        "Email": email,
        "Financial Status": status,
        "Paid at": paid,
        "Currency": "USD",
        "Total": total,
        "Created at": created,
        "Lineitem quantity": "1",
        "Lineitem price": "5.00",
        "Cancelled at": cancelled,
        "Phone": phone,
    }
    more = [
        {
            "Name": name,
            "Email": email,
            "Created at": created,
            "Lineitem quantity": "1",
            "Lineitem price": f"{k}.00",
        }
        for k in range(1, lines)
    ]
    return [first, *more]


def _shopify_rows() -> list[dict]:
    rows = []
    rows += _shopify(
        "#1",
        "a@x.com",
        "paid",
        "2024-03-01 10:00:00 -0500",
        "2024-03-01 09:00:00 -0500",
        "100.00",
        lines=2,
    )
    # Paid at blank on partially refunded orders: still a purchase, dated by Created at.
    rows += _shopify(
        "#2", "b@x.com", "partially_refunded", "", "2024-03-05 12:00:00 -0500", "50.00", lines=2
    )
    # "Mark as paid" weeks later: the purchase is still on its creation day.
    rows += _shopify(
        "#3", "a@x.com", "paid", "2024-03-30 08:00:00 -0500", "2024-03-04 08:00:00 -0500", "20.00"
    )
    # Cancelled but still "paid": not a purchase (rule 6).
    rows += _shopify(
        "#4",
        "b@x.com",
        "paid",
        "2024-03-06 08:00:00 -0500",
        "2024-03-06 07:00:00 -0500",
        "70.00",
        cancelled="2024-03-07 10:00:00 -0500",
    )
    # Email blank, phone given: the phone is the customer.
    rows += _shopify(
        "#5",
        "",
        "paid",
        "2024-03-08 08:00:00 -0500",
        "2024-03-08 07:00:00 -0500",
        "30.00",
        phone="'+15550001",
        lines=3,
    )
    rows += _shopify(
        "#6",
        "",
        "paid",
        "2024-03-09 08:00:00 -0500",
        "2024-03-09 07:00:00 -0500",
        "10.00",
        phone="+15550001",
    )
    rows += _shopify("#7", "c@x.com", "pending", "", "2024-03-10 07:00:00 -0500", "99.00")
    return rows


def test_shopify_date_cancellations_and_phone_fallback(tmp_path: Path) -> None:
    path = _write(tmp_path / "orders_export.csv", SHOPIFY, _shopify_rows())
    result = analyze(path, RfmConfig())
    cols = result.config.columns
    assert (cols.customer, cols.customer_fallback, cols.date) == ("Email", ("Phone",), "Created at")
    assert cols.cancelled_at == "Cancelled at"
    # as_of = 2024-03-10 (the day after the last purchase, #6 on 03-09; #7 is pending).
    assert _table(result) == {
        "a@x.com": (6, 2, 120.0),
        "b@x.com": (5, 1, 50.0),
        "+15550001": (1, 2, 40.0),
    }
    assert result.cleaning.rows_dropped("cancelled_at") == 1
    notes = {w.code: w for w in result.warnings}
    assert notes["key_fallback"].evidence["keyed_by"]["Phone"] == 4
    assert notes["key_fallback"].option == "columns.customer"
    assert notes["date_column_choice"].evidence["others"] == ("Paid at",)
    # A saved configuration reads the same way.
    again = analyze(path, RfmConfig.from_json(result.config.to_json()))
    assert _table(again) == _table(result)


def test_a_phone_seen_beside_an_email_stays_that_customer(tmp_path: Path) -> None:
    rows = _shopify("#1", "a@x.com", "paid", "", "2024-03-01 09:00", "10.00", phone="555")
    rows += _shopify("#2", "", "paid", "", "2024-03-02 09:00", "15.00", phone="555")
    path = _write(tmp_path / "orders_export.csv", SHOPIFY, rows)
    result = analyze(path, RfmConfig())
    assert _table(result) == {"a@x.com": (1, 2, 25.0)}
    assert {w.code: w for w in result.warnings}["key_fallback"].evidence["linked"] == 1


STRIPE = [
    "id",
    "Created date (UTC)",
    "Amount",
    "Amount Refunded",
    "Currency",
    "Status",
    "Customer ID",
    "Customer Email",
    "Converted Amount",
    "Converted Currency",
]


def _charge(i, customer, email, amount, currency="usd", converted=None, day=1):
    return {
        "id": f"ch_{i}",
        "Created date (UTC)": f"2024-04-{day:02d} 10:00",
        "Amount": amount,
        "Amount Refunded": "0",
        "Currency": currency,
        "Status": "Paid",
        "Customer ID": customer,
        "Customer Email": email,
        "Converted Amount": converted if converted is not None else amount,
        "Converted Currency": "usd",
    }


def test_stripe_guest_charges_are_keyed_by_their_email(tmp_path: Path) -> None:
    rows = [
        _charge(1, "cus_A", "a@x.com", "10.00"),
        _charge(2, "", "g@x.com", "20.00", day=2),
        _charge(3, "", "g@x.com", "5.00", day=3),
        _charge(4, "", "a@x.com", "7.00", day=3),  # a guest charge by a known customer
    ]
    result = analyze(_write(tmp_path / "payments.csv", STRIPE, rows), RfmConfig())
    assert _table(result) == {"cus_A": (1, 2, 17.0), "g@x.com": (1, 2, 25.0)}


def test_mixed_currencies_use_the_converted_column_and_say_so(tmp_path: Path) -> None:
    rows = [
        _charge(1, "cus_A", "a@x.com", "10.00", "eur", "11.00"),
        _charge(2, "cus_A", "a@x.com", "200.00", "mxn", "12.00", day=2),
        _charge(3, "cus_B", "b@x.com", "5.00", "usd", "5.00", day=3),
    ]
    result = analyze(_write(tmp_path / "payments.csv", STRIPE, rows), RfmConfig())
    assert result.config.columns.amount == "Converted Amount"
    assert _table(result) == {"cus_A": (2, 2, 23.0), "cus_B": (1, 1, 5.0)}
    note = {w.code: w for w in result.warnings}["currency_column"]
    assert note.evidence["used"] == "Converted Amount" and note.evidence["currency"] == "USD"
    assert set(note.evidence["shares"]) == {"EUR", "MXN", "USD"}


def test_mixed_currencies_without_a_converted_column_stop_or_keep_one(tmp_path: Path) -> None:
    header = ["order_id", "customer", "date", "amount", "currency"]
    rows = [
        {"order_id": i, "customer": c, "date": f"2024-05-0{i}", "amount": a, "currency": cur}
        for i, (c, a, cur) in enumerate(
            [("a", "10", "EUR"), ("a", "900", "JPY"), ("b", "5", "EUR"), ("c", "300", "jpy")], 1
        )
    ]
    path = _write(tmp_path / "orders.csv", header, rows)
    with pytest.raises(DataError) as caught:
        analyze(path, RfmConfig())
    error = caught.value
    assert error.code == "mixed_currencies" and error.option == "cleaning.currency"
    assert error.details["shares"] == {"EUR": 0.5, "JPY": 0.5}
    assert "EUR 50.0%" in str(error)
    check = check_data(path, RfmConfig())
    assert [p.code for p in check.problems] == ["mixed_currencies"]
    keep = RfmConfig(cleaning=CleaningRules(currency="EUR"))
    assert _table(analyze(path, keep)) == {"a": (3, 1, 10.0), "b": (1, 1, 5.0)}
    assert analyze(path, keep).cleaning.rows_dropped("other_currency") == 2


WOO = [
    "Order Number",
    "Order Status",
    "Order Date",
    "Order Total Amount",
    "Customer User ID",
    "Email (Billing)",
]


def test_a_key_column_of_zeros_is_skipped_for_the_email(tmp_path: Path) -> None:
    # Guest checkout everywhere: a Customer User ID of 0 on every order.
    header = ["Order ID", "Order Date", "Order Total", "Customer ID", "Billing Email"]
    rows = [
        {
            "Order ID": i,
            "Order Date": f"2024-06-{i:02d}",
            "Order Total": "10.00",
            "Customer ID": "0",
            "Billing Email": f"user{i % 4}@x.com",
        }
        for i in range(1, 13)
    ]
    result = analyze(_write(tmp_path / "woo.csv", header, rows), RfmConfig())
    assert len(result.customers) == 4
    assert result.config.columns.customer == "Billing Email"
    note = {w.code: w for w in result.warnings}["degenerate_key"]
    assert note.evidence["column"] == "Customer ID" and note.evidence["top_rows"] == 12
    assert note.option == "columns.customer"


def test_a_sparse_key_falls_back_row_by_row(tmp_path: Path) -> None:
    header = ["Order ID", "Order Date", "Order Total", "Customer ID", "Billing Email"]
    registered = [("7", "r@x.com")] * 3 + [("8", "s@x.com")] * 3
    guests = [("0", "g@x.com")] * 6
    rows = [
        {
            "Order ID": i,
            "Order Date": f"2024-06-{i:02d}",
            "Order Total": "10.00",
            "Customer ID": cid,
            "Billing Email": email,
        }
        for i, (cid, email) in enumerate(registered + guests, 1)
    ]
    result = analyze(_write(tmp_path / "woo.csv", header, rows), RfmConfig())
    assert {r.customer_id: r.frequency for r in result.customers.itertuples()} == {
        "7": 3,
        "8": 3,
        "g@x.com": 6,
    }
    codes = {w.code for w in result.warnings}
    assert {"placeholder_keys", "key_fallback"} <= codes


def test_missing_markers_are_no_customer(tmp_path: Path) -> None:
    header = ["customer_id", "order_date", "revenue"]
    rows = [
        {"customer_id": c, "order_date": f"2024-07-{i + 1:02d}", "revenue": "12.5"}
        for i, c in enumerate(["a", "NA", "b", "NA", "#N/A", "null", "a", "-", "N/A"])
    ]
    rows.append({"customer_id": "b", "order_date": "NA", "revenue": "3"})
    result = analyze(_write(tmp_path / "orders.csv", header, rows), RfmConfig())
    assert set(result.customers["customer_id"]) == {"a", "b"}
    note = {w.code: w for w in result.warnings}["missing_markers"]
    assert note.evidence["rows"] == {"customer_id": 6, "order_date": 1}
    check = check_data(tmp_path / "orders.csv", RfmConfig())
    assert "missing_markers" in {w.code for w in check.warnings}
    assert check.cleaning.rows_dropped("blank_customer") == 6


def test_decimal_separator_is_decided_per_column(tmp_path: Path) -> None:
    header = ["customer", "date", "amount"]
    rows = [
        {"customer": "a", "date": "2024-08-01", "amount": "1.234,56"},
        {"customer": "b", "date": "2024-08-02", "amount": "2.500"},
        {"customer": "c", "date": "2024-08-03", "amount": "7,5"},
    ]
    path = _write(tmp_path / "orders.csv", header, rows)
    result = analyze(path, RfmConfig())
    assert {r.customer_id: r.monetary for r in result.customers.itertuples()} == {
        "a": 1234.56,
        "b": 2500.0,
        "c": 7.5,
    }
    note = {w.code: w for w in result.warnings}["decimal_separator"]
    assert note.option == "reading.decimal" and note.evidence["separator"] == ","
    assert note.evidence["ambiguous_examples"] == ("2.500",)


def test_an_ambiguous_separator_is_named_and_an_option_decides(tmp_path: Path) -> None:
    header = ["customer", "date", "amount"]
    rows = [
        {"customer": "a", "date": "2024-08-01", "amount": "1.250"},
        {"customer": "b", "date": "2024-08-02", "amount": "3"},
    ]
    path = _write(tmp_path / "orders.csv", header, rows)
    result = analyze(path, RfmConfig())
    assert result.customers.set_index("customer_id").loc["a", "monetary"] == 1.25
    assert "decimal_separator" in {w.code for w in result.warnings}
    from rfm_engine.options import ReadOptions

    comma = analyze(path, RfmConfig(reading=ReadOptions(decimal=",")))
    assert comma.customers.set_index("customer_id").loc["a", "monetary"] == 1250.0
    assert "decimal_separator" not in {w.code for w in comma.warnings}


def test_order_totals_are_found_past_the_first_500_rows(tmp_path: Path) -> None:
    """600 one-row orders first, then line-item orders with the total on one row only."""
    header = ["order_id", "customer", "date", "total"]
    rows = [
        {"order_id": f"S{i}", "customer": f"c{i % 50}", "date": "2024-09-01", "total": "10"}
        for i in range(600)
    ]
    for i in range(10):
        rows.append({"order_id": f"M{i}", "customer": "m", "date": "2024-09-02", "total": "30"})
        rows += [{"order_id": f"M{i}", "customer": "m", "date": "2024-09-02", "total": ""}] * 2
    path = _write(tmp_path / "orders.csv", header, rows)
    result = analyze(path, RfmConfig())
    assert result.config.columns.amount_is_order_total
    assert _table(result)["m"] == (1, 10, 300.0)
