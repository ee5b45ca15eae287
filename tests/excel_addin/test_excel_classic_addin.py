"""The classic add-in's functions (``RFM_TABLE`` …) and the cell values only it sends:
``decimal.Decimal`` for Currency/Accounting cells, ``datetime`` for date cells, tuples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xlwings.server import custom_functions_meta

from excel_addin import classic_addin, functions

HEADER = ["Customer", "Order date", "Amount"]
D1, D6, D11 = dt.date(2024, 1, 1), dt.date(2024, 1, 6), dt.date(2024, 1, 11)
ORDERS = [("a", D1, 10), ("a", D11, 5), ("b", D6, 20), ("c", D11, 30), ("c", D1, 40), ("c", D6, 50)]
GUIDE_NAMES = {
    "RFM_TABLE",
    "RFM_SUMMARY",
    "RFM_SCORE",
    "RFM_THRESHOLDS",
    "RFM_SEGMENT",
    "RFM_RECENCY",
    "RFM_SEGMENTS",
    "RFM_PREDICT",
    "RFM_PREDICT_INFO",
    "RFM_NOTES",
    "RFM_VERSION",
}


def com_rows(amount=Decimal):
    """The orders as the classic add-in passes a range: tuples, datetimes, Decimal amounts."""
    body = [(c, dt.datetime.combine(d, dt.time(9)), amount(str(a) + ".10")) for c, d, a in ORDERS]
    return (tuple(HEADER), *body)


def test_registered_under_the_names_of_the_guide():
    classic = custom_functions_meta(classic_addin)["functions"]
    assert {f["name"] for f in classic} == GUIDE_NAMES == set(classic_addin.__all__)
    assert {f["id"] for f in classic} == GUIDE_NAMES  # the VBA name is the Python name
    lite = {f["name"]: f for f in custom_functions_meta(functions)["functions"]}
    for func in classic:
        twin = lite[func["name"].replace("_", ".", 1)]
        assert func["description"] == twin["description"]
        assert func["parameters"] == twin["parameters"]


def test_decimal_amounts_give_the_same_table_as_floats(excel):
    as_floats = excel("table", [list(r) for r in com_rows(float)])
    assert as_floats[1][3] == 15.2  # a: 10.10 + 5.10
    assert excel("table", com_rows()) == as_floats
    classic = excel("RFM_TABLE", com_rows(), module=classic_addin)
    assert classic[:-1] == as_floats[:-1] and "=RFM_NOTES()" in classic[-1][-1]
    assert excel("summary", com_rows()) == excel("summary", [list(r) for r in com_rows(float)])
    decimals = [(Decimal("1.5"),), (Decimal("2.5"),), (Decimal("4"),)]
    assert excel("thresholds", decimals, [[2.0]]) == [[2.5]]
    assert excel("score", [[Decimal("3")]], decimals, [[2.0]]) == [[2]]


def test_classic_functions_return_plain_numbers(excel):
    rows = [list(r) for r in com_rows(float)]
    raw = excel("RFM_SUMMARY", rows, module=classic_addin, formats=True)
    lite = excel("summary", rows, formats=True)
    assert any(isinstance(v, dict) for row in lite for v in row)
    assert not any(isinstance(v, dict) for row in raw for v in row)
    # The same cells, but the line below points to the function under this add-in's name.
    assert raw[:-1] == excel("summary", rows)[:-1]
    assert raw[-1][-1] == "3 warnings: see =RFM_NOTES() with the same arguments"
    assert excel("summary", rows)[-1][-1] == "3 warnings: see =RFM.NOTES() with the same arguments"
