"""The scoring dialog: live counts per score, validation, schemes, save/load; applying it
re-analyses with the same numbers as ``rfm analyze`` with the same settings."""

from __future__ import annotations

import pandas as pd

from desktop.axis_editor import parse_breaks
from desktop.scoring_dialog import ScoringDialog
from resources import sample_orders_path
from rfm_cli.main import main as rfm_main


def sample_window(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    return window


def test_parse_breaks():
    assert parse_breaks("30, 60 90;120") == (30, 60, 90, 120)
    assert parse_breaks("1，2") == (1, 2)


def test_fixed_thresholds_show_counts_as_you_type(qtbot, window, wait_idle):
    sample_window(qtbot, window, wait_idle)
    dialog = ScoringDialog(window.config, window.result, "en", window)
    qtbot.addWidget(dialog)
    editor = dialog.axes["recency"]
    editor.method.setCurrentIndex(editor.method.findData("fixed"))
    qtbot.keyClicks(editor.breaks, "30, 60, 90, 120")
    days = window.result.customers["recency_days"]
    expected = (
        int((days > 120).sum()),
        int(((days > 90) & (days <= 120)).sum()),
        int(((days > 60) & (days <= 90)).sum()),
        int(((days > 30) & (days <= 60)).sum()),
        int((days <= 30).sum()),
    )
    assert editor.last_counts == expected
    assert f"5: {expected[4]:,}" in editor.counts.text()
    assert dialog.ok_button.isEnabled()
    editor.breaks.setText("30, 60, x")
    assert "x" in editor.error.text() and not dialog.ok_button.isEnabled()
    editor.breaks.setText("30, 60, 90")
    assert "4 thresholds" in editor.error.text()


def test_bins_must_suit_the_scheme(qtbot, window):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    dialog.bins.setValue(3)
    assert "5-point" in dialog.status.text() and not dialog.ok_button.isEnabled()
    dialog.scheme.picker.setCurrentIndex(dialog.scheme.picker.findData("cn8"))
    assert dialog.ok_button.isEnabled()
    config = dialog.config()
    assert config.scoring.bins == 3 and config.segments.scheme == "cn8"


def test_custom_rules_edit_and_check(qtbot, window):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    editor = dialog.scheme
    editor.picker.setCurrentIndex(editor.picker.findData("seed5"))
    editor.edit_as_custom()
    assert editor.table.rowCount() == 5
    editor.table.item(0, 2).setText("4-5")  # high_value: R 4-5 instead of 5
    scheme = dialog.config().segments.scheme
    assert scheme.segments[0].r == (4, 5)
    assert "combinations match no rule" in editor.check.text()


def test_save_and_load_settings(qtbot, window, tmp_path):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    dialog.bins.setValue(4)
    dialog.scheme.picker.setCurrentIndex(dialog.scheme.picker.findData("activity"))
    dialog.weights[0].setValue(2)
    dialog.save(tmp_path / "s.json")
    other = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(other)
    other.load(tmp_path / "s.json")
    loaded = other.config()
    assert loaded.scoring.bins == 4 and loaded.scoring.weights == (2, 1, 1)
    assert loaded.segments.scheme == "activity"


def test_applied_scoring_matches_the_cli(qtbot, window, wait_idle, tmp_path):
    sample_window(qtbot, window, wait_idle)
    window.edit_scoring()
    dialog = window.scoring
    qtbot.addWidget(dialog)
    m = dialog.axes["monetary"]
    m.method.setCurrentIndex(m.method.findData("fixed"))
    m.breaks.setText("100, 250, 500, 1000")
    dialog.weights[2].setValue(2)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("days"))
    before = window.result
    dialog.accept()
    qtbot.waitUntil(lambda: window.result is not before, timeout=30000)
    wait_idle(window)
    out = tmp_path / "cli"
    # R and F stay quantiles while M is fixed: the CLI takes that mix from a settings file.
    window.result.config.save(tmp_path / "used.json")
    args = [
        "analyze",
        str(sample_orders_path()),
        "--out",
        str(out),
        "--config",
        str(tmp_path / "used.json"),
    ]
    assert rfm_main(args) == 0
    cli = pd.read_csv(out / "customers.csv", dtype={"customer_id": str, "rfm_code": str})
    mine = window.customers_panel.model.frame()
    assert window.result.config.scoring.monetary.breaks == (100, 250, 500, 1000)
    assert window.result.config.metrics.frequency == "days"
    assert list(mine["customer_id"]) == list(cli["customer_id"])
    for column in ("frequency", "m_score", "rfm_score", "segment"):
        assert list(mine[column]) == list(cli[column]), column
    days = window.result.customers["monetary"]
    assert (window.result.customers["m_score"] == 5).sum() == (days >= 1000).sum()


def test_an_invalid_rule_disables_ok_and_says_why_once_in_red(qtbot, window):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    editor = dialog.scheme
    editor.picker.setCurrentIndex(editor.picker.findData("seed5"))
    editor.edit_as_custom()
    assert editor.table.isColumnHidden(0)  # the internal keys are not shown
    assert dialog.ok_button.isEnabled()
    editor.table.item(0, 2).setText("9-x")
    assert not dialog.ok_button.isEnabled()
    assert editor.check.text() == "'9-x' is not a score range like 3-5"
    assert "b00020" in editor.check.styleSheet()
    assert dialog.status.text() == ""  # not repeated below
    editor.table.item(0, 2).setText("4-5")
    assert dialog.ok_button.isEnabled()
    assert dialog.config().segments.scheme.segments[0].r == (4, 5)


def test_all_zero_weights_disable_ok(qtbot, window):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    for spin in dialog.weights:
        spin.setValue(0)
    assert not dialog.ok_button.isEnabled()
    assert "weights" in dialog.status.text()
    assert "Scoring › Weights" in dialog.status.text()
    dialog.weights[1].setValue(1)
    assert dialog.ok_button.isEnabled() and dialog.status.text() == ""


def test_rules_can_be_reordered_and_the_first_match_wins(qtbot, window):
    dialog = ScoringDialog(window.config, None, "en", window)
    qtbot.addWidget(dialog)
    editor = dialog.scheme
    editor.picker.setCurrentIndex(editor.picker.findData("seed5"))
    editor.edit_as_custom()
    keys = [s.key for s in dialog.config().segments.scheme.segments]
    editor.table.setCurrentCell(0, 1)
    editor.move_rule(1)
    moved = [s.key for s in dialog.config().segments.scheme.segments]
    assert moved == [keys[1], keys[0], *keys[2:]]
    editor.move_rule(-1)
    assert [s.key for s in dialog.config().segments.scheme.segments] == keys


def test_scheme_columns_keep_their_place_when_switching_schemes(qtbot, window):
    from desktop import engine_adapter as engine
    from desktop.scheme_editor import SchemeEditor

    editor = SchemeEditor("en")
    qtbot.addWidget(editor)
    editor.set_config(engine.SegmentConfig("classic"), 5)
    editor.resize(900, 400)
    editor.show()
    table = editor.table
    places = {}
    for index in range(editor.picker.count()):
        editor.picker.setCurrentIndex(index)
        last = table.columnCount() - 1
        rules = range(2, last)
        places[editor.picker.currentData()] = (
            table.columnWidth(1),  # the segment name
            sum(table.columnWidth(c) for c in rules),  # R/F/M, pattern or days
            table.columnViewportPosition(last),  # where the action starts
        )
        # and it stretches to the edge (less a vertical scroll bar when there is one)
        end = table.columnViewportPosition(last) + table.columnWidth(last)
        assert end == table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0
        for row in range(table.rowCount()):
            assert table.item(row, last).toolTip() == table.item(row, last).text()
    assert len(places) >= 4  # the built-in schemes and custom rules
    assert len(set(places.values())) == 1, places
    assert next(iter(places.values()))[:2] == (SchemeEditor.NAME_WIDTH, SchemeEditor.RULE_WIDTH)
