"""The DataFrame model: display strings, raw values under the sort role, sort, filter, copy."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from desktop.table_models import SORT_ROLE, DataFrameModel, selection_as_tsv

BIG = 2**40 + 7  # beyond Qt's 32-bit ints


def frame():
    return pd.DataFrame(
        {
            "customer_id": ["00123", "b", "=cmd", "a"],
            "monetary": [1234.5, 10.0, float(BIG), 99.999],
            "frequency": np.array([3, 12, 1, 2], dtype="int64"),
            "last": pd.to_datetime(["2024-01-02", "2023-05-06", None, "2024-12-31"]),
        }
    )


def cell(model, row, col, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_display_is_formatted_and_raw_values_kept():
    model = DataFrameModel()
    model.set_frame(frame())
    assert model.rowCount() == 4 and model.columnCount() == 4
    assert cell(model, 0, 0) == "00123"  # ids stay text
    assert cell(model, 0, 1) == "1,234.50"
    assert cell(model, 0, 2) == "3"
    assert cell(model, 1, 2) == "12"
    assert cell(model, 2, 3) == ""
    assert cell(model, 3, 3) == "2024-12-31"
    assert cell(model, 2, 1, SORT_ROLE) == float(BIG)
    assert cell(model, 1, 2, SORT_ROLE) == 12
    assert model.rowCount(model.index(0, 0)) == 0  # a table has no children


def test_sort_by_numbers_not_text():
    model = DataFrameModel()
    model.set_frame(frame())
    model.sort(2, Qt.SortOrder.AscendingOrder)  # as text "12" < "2" < "3"
    assert [cell(model, r, 2, SORT_ROLE) for r in range(4)] == [1, 2, 3, 12]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [cell(model, r, 0) for r in range(4)] == ["=cmd", "00123", "a", "b"]
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert [cell(model, r, 0) for r in range(3)] == ["=cmd", "b", "00123"]


def test_filter_keeps_sort_and_maps_rows():
    model = DataFrameModel()
    model.set_frame(frame())
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_filter(np.array([True, True, False, True]))
    assert model.rowCount() == 3
    assert [cell(model, r, 0) for r in range(3)] == ["b", "00123", "a"]
    assert model.source_row(0) == 1
    assert list(model.visible_frame()["customer_id"]) == ["b", "00123", "a"]
    model.set_filter(None)
    assert model.rowCount() == 4


def test_copy_selection_as_tab_separated_raw_values():
    model = DataFrameModel()
    model.set_frame(frame())
    indexes = [model.index(r, c) for r in (0, 1) for c in (0, 1, 2)]
    text = selection_as_tsv(model, indexes)
    assert text == "00123\t1234.5\t3\nb\t10\t12\n"
    assert selection_as_tsv(model, []) == ""


def test_copied_text_cannot_run_as_a_formula_in_excel():
    model = DataFrameModel()
    names = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(1)", "-2", "+8613800000000", "plain"]
    model.set_frame(pd.DataFrame({"name": names, "n": [-2.5, 1, 2, 3, 4, 5]}))
    indexes = [model.index(r, c) for r in range(len(names)) for c in (0, 1)]
    lines = selection_as_tsv(model, indexes).splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        '\'=HYPERLINK("http://x","y")',
        "'+1+1",
        "'@SUM(1)",
        "'-2",
        "+8613800000000",  # a phone number cannot run: kept as it is
        "plain",
    ]
    assert lines[0].split("\t")[1] == "-2.5"  # numbers stay numbers


def test_100k_rows_sort_fast_enough_to_use(qtbot):
    rng = np.random.default_rng(1)
    n = 100_000
    big = pd.DataFrame({"id": [f"c{i}" for i in range(n)], "v": rng.normal(size=n)})
    model = DataFrameModel()
    model.set_frame(big)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    values = [cell(model, r, 1, SORT_ROLE) for r in (0, 1, n - 1)]
    assert values[0] == big["v"].min() and values[2] == big["v"].max()
    assert values[0] <= values[1]
