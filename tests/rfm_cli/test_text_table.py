"""Cross tables that fit a width: numbered columns, then blocks of columns."""

from rfm_cli.text_table import display_width, fit_matrix

ROWS = ["Champions", "流失客户", "New since then"]
COLS = ["Champions", "流失客户"]
CELLS = [["1,000", "2"], ["3", "40,000"], ["5", "6"]]


def test_a_table_that_fits_is_left_as_is():
    text = fit_matrix("", ROWS, COLS, CELLS, width=100)
    assert text.splitlines()[0].split() == COLS


def test_too_wide_numbers_the_columns_and_rows():
    assert display_width(fit_matrix("", ROWS, COLS, CELLS).splitlines()[-1]) == 35
    text = fit_matrix("", ROWS, COLS, CELLS, width=33)
    lines = text.splitlines()
    assert lines[0].split() == ["1", "2"]
    assert lines[2].split() == ["1", "Champions", "1,000", "2"]
    assert lines[3].split() == ["2", "流失客户", "3", "40,000"]
    assert lines[4].split() == ["New", "since", "then", "5", "6"]
    assert max(display_width(line) for line in lines) <= 33


def test_still_too_wide_splits_into_blocks_and_keeps_a_legend():
    cols = ["A long segment name", "Another long name", "Third"]
    cells = [["123,456", "7", "8"]]
    text = fit_matrix("", ["Only row"], cols, cells, width=24)
    blocks = text.split("\n\n")
    assert [b.splitlines()[0].split() for b in blocks] == [["1", "2"], ["3"]]
    assert blocks[0].splitlines()[2].split() == ["Only", "row", "123,456", "7"]
    assert blocks[1].splitlines()[2:] == [
        "   Only row  8",
        "1 A long segment name",
        "2 Another long name",
        "3 Third",
    ]
    assert max(display_width(line) for line in text.splitlines()) <= 24
