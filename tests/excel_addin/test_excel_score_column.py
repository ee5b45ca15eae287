"""RFM.SCORE over a whole column: one call, spilling, the same scores as RFM.TABLE."""

from __future__ import annotations

import csv

import pytest

from resources import sample_orders_path


def sample_range():
    """The built-in sample as Excel would pass it: a header row, then text and numbers."""
    with open(sample_orders_path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    amount = rows[0].index("amount")
    return [rows[0]] + [[*r[:amount], float(r[amount]), *r[amount + 1 :]] for r in rows[1:]]


@pytest.fixture
def customers(excel):
    """RFM.TABLE of the sample, column by column."""
    table = excel("table", sample_range())
    header = table[0]
    return {name: [row[header.index(name)] for row in table[1:]] for name in header}


@pytest.mark.parametrize(
    ("metric", "score", "lower_is_better"),
    [
        ("recency_days", "r_score", True),
        ("frequency", "f_score", False),
        ("monetary", "m_score", False),
    ],
)
def test_one_call_scores_a_column_as_rfm_table_does(
    excel, customers, metric, score, lower_is_better
):
    column = [[v] for v in customers[metric]]
    assert len(column) > 2000
    result = excel("score", column, column, None, [[lower_is_better]])
    assert result == [[s] for s in customers[score]]
    assert len({s for (s,) in result}) >= 3  # frequency has ties


def test_blank_cells_stay_blank_and_rows_keep_their_place(excel):
    values = [[1.0], [2.0], [3.0], [4.0], [5.0]]
    # Cut points 1.8, 2.6, 3.4, 4.2 (see test_excel_single_values.test_score_by_hand).
    assert excel("score", [[2.6], [None], [""], [4.3], [0.0]], values) == [
        [2],
        [""],
        [""],
        [5],
        [1],
    ]
    # A row of values spills as a row.
    assert excel("score", [[1.0, 5.0]], values) == [[1, 5]]
