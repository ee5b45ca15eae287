"""Bad input gives a readable ``#RFM! …`` text in the cell, never an exception into Excel."""

from __future__ import annotations

import pytest

from excel_addin import functions

ORDERS = [["customer", "date", "amount"], ["a", 45292.0, 10.0], ["b", 45297.0, 20.0]]


@pytest.mark.parametrize(
    ("func", "args", "message"),
    [
        ("table", [[["a", 45292.0, 10.0, 1.0]]], "give a header row"),
        ("table", [[["x", "y", "z", "w"], [1.0, 2.0, 3.0, 4.0]]], "cannot tell which column"),
        ("table", [[[None, None, None]]], "orders: the range is empty"),
        ("table", [[["customer", "date", "amount"]]], "no orders below it"),
        ("table", [ORDERS, None, [[12.0]]], "bins must be between 2 and 9"),
        ("table", [ORDERS, None, [[2.5]]], "bins must be a whole number"),
        ("table", [ORDERS, None, None, [["nope"]]], "unknown segment scheme 'nope'"),
        ("table", [ORDERS, None, None, None, [["fr"]]], "lang must be one of"),
        ("table", [ORDERS, [["someday"]]], "as_of: cannot read 'someday' as a date"),
        ("table", [ORDERS, [[45292.0, 45293.0]]], "as_of must be a single cell"),
        ("table", [[["c", "d", "a"], ["a", "soon", 1.0], ["b", "later", 2.0]]], "date"),
        ("summary", [ORDERS, None, [[4.0]]], "written for 5-point scores"),
        ("score", [[[1.0]], [[1.0], ["abc"]]], "values: 'abc' is not a number"),
        ("score", [[[1.0]], [[None]]], "values: the range has no numbers"),
        ("score", [[[1.0], ["x"]], [[1.0], [2.0]]], "'x' is not a number (row 2, column 1"),
        ("score", [[[None], [""]], [[1.0], [2.0]]], "value: no number given"),
        ("score", [[[1.0]], [[1.0], [2.0]], None, [["maybe"]]], "TRUE or FALSE"),
        ("thresholds", [[[1.0], [2.0]], [[1.0]]], "bins must be between 2 and 9"),
        ("segment", [[[7.0]], [[1.0]], [[1.0]]], "r: 7 is not a score from 1 to 5"),
        ("segment", [[[1.0], [2.0]], [[1.0]], [[1.0]]], "same number of scores"),
        ("segment", [[[1.0]], [[1.0]], [[1.0]], [["cn8"]]], "use RFM.TABLE"),
        ("recency", [[["yesterday"]]], "last_date: cannot read 'yesterday' as a date"),
        ("segments", [[["nope"]]], "unknown segment scheme"),
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
    text = excel("table", ORDERS)[0][0]
    assert text == "#RFM! unexpected error (RuntimeError: boom); please report it"
