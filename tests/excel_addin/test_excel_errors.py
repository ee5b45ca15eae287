"""Bad input gives a readable ``#RFM! …`` text in the cell, never an exception into Excel."""

from __future__ import annotations

import pytest

from excel_addin import functions

ORDERS = [["customer", "date", "amount"], ["a", 45292.0, 10.0], ["b", 45297.0, 20.0]]


@pytest.mark.parametrize(
    ("func", "args", "message"),
    [
        ("rfm_table", [[["a", 45292.0, 10.0, 1.0]]], "give a header row"),
        ("rfm_table", [[["x", "y", "z", "w"], [1.0, 2.0, 3.0, 4.0]]], "cannot tell which column"),
        ("rfm_table", [[[None, None, None]]], "orders: the range is empty"),
        ("rfm_table", [[["customer", "date", "amount"]]], "no orders below it"),
        ("rfm_table", [ORDERS, None, [[12.0]]], "bins must be between 2 and 9"),
        ("rfm_table", [ORDERS, None, [[2.5]]], "bins must be a whole number"),
        ("rfm_table", [ORDERS, None, None, [["nope"]]], "unknown segment scheme 'nope'"),
        ("rfm_table", [ORDERS, None, None, None, [["fr"]]], "lang must be one of"),
        ("rfm_table", [ORDERS, [["someday"]]], "as_of: cannot read 'someday' as a date"),
        ("rfm_table", [ORDERS, [[45292.0, 45293.0]]], "as_of must be a single cell"),
        ("rfm_table", [[["c", "d", "a"], ["a", "soon", 1.0], ["b", "later", 2.0]]], "date"),
        ("rfm_summary", [ORDERS, None, [[4.0]]], "written for 5-point scores"),
        ("rfm_score", [[[1.0]], [[1.0], ["abc"]]], "values: 'abc' is not a number"),
        ("rfm_score", [[[1.0]], [[None]]], "values: the range has no numbers"),
        ("rfm_score", [[[1.0], [2.0]], [[1.0], [2.0]]], "value must be a single cell"),
        ("rfm_score", [[[1.0]], [[1.0], [2.0]], None, [["maybe"]]], "TRUE or FALSE"),
        ("rfm_thresholds", [[[1.0], [2.0]], [[1.0]]], "bins must be between 2 and 9"),
        ("rfm_segment", [[[7.0]], [[1.0]], [[1.0]]], "r: 7 is not a score from 1 to 5"),
        ("rfm_segment", [[[1.0], [2.0]], [[1.0]], [[1.0]]], "same number of scores"),
        ("rfm_segment", [[[1.0]], [[1.0]], [[1.0]], [["cn8"]]], "use RFM.TABLE"),
        ("rfm_recency", [[["yesterday"]]], "last_date: cannot read 'yesterday' as a date"),
        ("rfm_segments", [[["nope"]]], "unknown segment scheme"),
    ],
)
def test_error_cells(excel, func, args, message):
    result = excel(func, *args)
    assert len(result) == 1 and len(result[0]) == 1
    text = result[0][0]
    assert text.startswith("#RFM! "), text
    assert message in text
    assert "\n" not in text and "Traceback" not in text


def test_an_unexpected_failure_is_still_a_cell_text(excel, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(functions, "analyze", broken)
    text = excel("rfm_table", ORDERS)[0][0]
    assert text == "#RFM! unexpected error (RuntimeError: boom); please report it"
