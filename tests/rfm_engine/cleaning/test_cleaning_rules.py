"""Each default cleaning rule, counted in the report, and its switched-off behaviour."""

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import CleaningRules, ColumnMap, DataError, Period, RfmConfig, analyze

COLS = ColumnMap(customer="cust", date="day", amount="amt", order="order")


def run(rows, columns=COLS, header=("cust", "day", "amt", "order"), **options):
    result = analyze(
        pd.DataFrame(rows, columns=list(header)), RfmConfig(columns=columns, **options)
    )
    return result, result.customers.set_index("customer_id")


def test_exact_duplicate_rows_are_dropped_and_reported():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["a", "2024-01-01", "10", "1"],
        ["a", "2024-01-01", "10", "2"],
    ]
    result, c = run(rows)
    assert result.cleaning.rows_dropped("duplicates") == 1
    assert c.loc["a", "monetary"] == 20
    kept, c2 = run(rows, cleaning=CleaningRules(drop_duplicates=False))
    assert c2.loc["a", "monetary"] == 30
    assert kept.cleaning.rows_dropped("duplicates") == 0


def test_blank_customer_dropped_with_example_rows():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["  ", "2024-01-02", "5", "2"],
        [None, "2024-01-02", "6", "3"],
    ]
    result, c = run(rows)
    assert list(c.index) == ["a"]
    frame = result.cleaning.to_frame().set_index("key")
    assert frame.loc["blank_customer", "rows"] == 2
    assert "row 2" in frame.loc["blank_customer", "examples"]


def test_blank_customer_with_the_rule_off_is_an_error_naming_the_row():
    rows = [["a", "2024-01-01", "10", "1"], ["", "2024-01-02", "5", "2"]]
    with pytest.raises(DataError, match="row 2"):
        run(rows, cleaning=CleaningRules(drop_blank_customer=False))


def test_unreadable_dates_and_amounts_are_dropped_with_examples():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["a", "someday", "5", "2"],
        ["b", "2024-01-02", "n/a", "3"],
        ["b", "", "4", "4"],
        ["b", "2024-01-03", "4", "5"],
    ]
    result, c = run(rows)
    assert result.cleaning.rows_dropped("bad_date") == 2
    assert result.cleaning.rows_dropped("bad_amount") == 1
    step = next(s for s in result.cleaning.steps if s.key == "bad_date")
    assert list(step.examples["day"].fillna("")) == ["someday", ""]
    assert c.loc["b", "monetary"] == 4


def test_most_rows_failing_is_an_import_error_not_cleaning():
    rows = [["a", "tomorrow", "1", "1"], ["b", "later", "1", "2"], ["c", "2024-01-01", "1", "3"]]
    with pytest.raises(DataError, match=r"column 'day'.*'tomorrow' in row 1"):
        run(rows)


def test_non_positive_amounts_are_not_purchases():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["a", "2024-01-02", "-4", "2"],
        ["a", "2024-01-03", "0", "3"],
    ]
    result, c = run(rows)
    assert result.cleaning.rows_dropped("non_positive") == 2
    assert c.loc["a", "frequency"] == 1
    assert c.loc["a", "recency_days"] == 1  # the return does not count as a purchase date


def test_returns_can_be_netted_against_monetary_but_never_count_as_orders():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["a", "2024-01-05", "-4", "R1"],
        ["a", "2024-01-03", "0", "3"],
        ["b", "2024-01-02", "-9", "R2"],
        ["c", "2024-01-02", "3", "4"],
    ]
    result, c = run(rows, cleaning=CleaningRules(returns="net"))
    assert c.loc["a", "monetary"] == 6
    assert c.loc["a", "frequency"] == 1
    assert "b" not in c.index  # only returns: not a customer
    assert result.as_of == dt.date(2024, 1, 3)  # day after the last purchase, not the return
    assert result.cleaning.returns_netted == 2


def test_period_drops_rows_after_as_of_and_before_start():
    rows = [
        ["a", "2024-01-01", "10", "1"],
        ["a", "2024-02-01", "10", "2"],
        ["a", "2024-03-01", "10", "3"],
        ["b", "2023-12-01", "10", "4"],
    ]
    result, c = run(rows, period=Period(as_of=dt.date(2024, 2, 15), start=dt.date(2024, 1, 1)))
    assert result.cleaning.rows_dropped("after_as_of") == 1
    assert result.cleaning.rows_dropped("before_start") == 1
    assert list(c.index) == ["a"]
    assert c.loc["a", "recency_days"] == 14
    assert c.loc["a", "monetary"] == 20


def test_cancelled_statuses_are_dropped_when_a_status_column_is_mapped():
    rows = [
        ["a", "2024-01-01", "10", "1", "交易成功"],
        ["a", "2024-01-02", "11", "2", "交易关闭"],
        ["a", "2024-01-03", "12", "3", "(删除)等待出库"],
        ["b", "2024-01-03", "5", "4", "refunded"],
        ["b", "2024-01-04", "6", "5", "partially_refunded"],
        ["b", "2024-01-04", "7", "6", "voided"],
    ]
    header = ("cust", "day", "amt", "order", "state")
    cols = ColumnMap(customer="cust", date="day", amount="amt", order="order", status="state")
    result, c = run(rows, columns=cols, header=header)
    assert result.cleaning.rows_dropped("cancelled") == 4
    assert c.loc["a", "monetary"] == 10
    assert c.loc["b", "monetary"] == 6


@pytest.mark.parametrize("first_row_only", [True, False])
def test_order_total_counts_once_per_order(first_row_only):
    # Shopify fills order-level cells (customer, Total) on the first line only; JD repeats
    # the order total on every line. Lines differ by item.
    rows = [
        ["a", "2024-01-01", "30", "#1", "mug"],
        ["" if first_row_only else "a", "2024-01-01", "" if first_row_only else "30", "#1", "tea"],
        ["a", "2024-01-02", "12", "#2", "mug"],
    ]
    cols = ColumnMap(
        customer="cust", date="day", amount="amt", order="order", amount_is_order_total=True
    )
    result, c = run(rows, columns=cols, header=("cust", "day", "amt", "order", "item"))
    assert c.loc["a", "monetary"] == 42
    assert c.loc["a", "frequency"] == 2
    assert result.cleaning.rows_dropped("order_lines") == 1
    assert result.cleaning.rows_dropped("blank_customer") == 0


def test_item_amounts_are_summed_per_order():
    rows = [["a", "2024-01-01", "10", "#1"], ["a", "2024-01-01", "5", "#1"]]
    _, c = run(rows)
    assert (c.loc["a", "monetary"], c.loc["a", "frequency"]) == (15, 1)


def test_nothing_left_is_a_clear_error():
    with pytest.raises(DataError, match="no purchases left"):
        run([["a", "2024-01-01", "-1", "1"], ["b", "2024-01-01", "0", "2"]])


def test_a_large_share_of_rows_without_customer_is_flagged_with_the_fallback_option():
    rows = [["a", "2024-01-01", "10", "1"], ["b", "2024-01-02", "5", "2"]] + [
        ["", f"2024-01-0{i}", "5", str(10 + i)] for i in range(1, 4)
    ]
    result, _ = run(rows)
    (warning,) = [w for w in result.warnings if w.code == "many_blank_customers"]
    assert warning.option == "columns.customer_fallback" and warning.stage == "cleaning"
    assert (warning.evidence["rows"], warning.evidence["rows_read"]) == (3, 5)
    assert warning.evidence["example_rows"] == (3, 4, 5)
    assert "3 of 5 rows (60%)" in warning.message
    # The threshold is an option: above the share, no warning.
    quiet, _ = run(rows, cleaning=CleaningRules(blank_customer_warning_share=0.7))
    assert "many_blank_customers" not in {w.code for w in quiet.warnings}
    # The default share is 10 %: one blank row in ten is flagged, one in eleven is not.
    few = [[c, "2024-01-01", "1", str(i)] for i, c in enumerate("abcdefghi")] + [
        ["", "2024-01-01", "1", "99"]
    ]
    flagged, _ = run(few)
    assert "many_blank_customers" in {w.code for w in flagged.warnings}
    fewer, _ = run([*few, ["j", "2024-01-01", "1", "100"]])
    assert "many_blank_customers" not in {w.code for w in fewer.warnings}


def test_the_blank_customer_threshold_must_be_a_share():
    with pytest.raises(Exception, match="blank_customer_warning_share"):
        CleaningRules(blank_customer_warning_share=1.5)


def test_online_retail_quarter_without_customer_id_is_flagged(shared_datasets):
    from rfm_engine import check_data

    path = shared_datasets / "online_retail" / "online_retail.csv"
    check = check_data(path)
    (warning,) = [w for w in check.warnings if w.code == "many_blank_customers"]
    assert warning.evidence["rows"] == 135_037 and warning.evidence["rows_read"] == 541_909
    assert warning.evidence["column"] == "CustomerID"
