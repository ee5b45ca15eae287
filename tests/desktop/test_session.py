"""The app remembers: a project file round-trips, a restart reopens the last analysis, "Open
recent" reopens it as it was, and a corrected column mapping is reused for the next file of
the same layout."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from desktop.project_file import ProjectFileError, load_project, project_of, save_project
from rfm_engine import ColumnMap, RfmConfig, ScoringConfig, SegmentConfig, analyze

HEADER = "who,when,paid,note\n"


def _orders(path: Path, rows: int, shift: int = 0) -> Path:
    """Headers no preset knows (``who/when/paid``) plus a decoy numeric column ``note``."""
    lines = [
        f"k{(i * 7 + shift) % 11},2024-{1 + i % 12:02d}-{1 + i % 27:02d},{5 + (i * 13) % 90},{i}\n"
        for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


COLUMNS = ColumnMap(customer="who", date="when", amount="paid")
CONFIG = RfmConfig(
    columns=COLUMNS,
    scoring=ScoringConfig(bins=4),
    segments=SegmentConfig(scheme="cn8"),
)


def test_a_project_file_round_trips(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    source = _orders(tmp_path / "data" / "orders.csv", 40)
    project = project_of([source], CONFIG)
    written = save_project(tmp_path / "shop", project)
    assert written == tmp_path / "shop.rfm"
    stored = json.loads(written.read_text(encoding="utf-8"))
    assert stored["format"] == "rfm-project" and stored["version"] == 1
    assert stored["sources"][0]["path"] == "data/orders.csv"  # relative: moves with its folder
    assert stored["sources"][0]["bytes"] == source.stat().st_size
    assert stored["config"]["columns"]["customer"] == "who"
    loaded = load_project(written)
    assert loaded.config == CONFIG
    assert loaded.paths == [source.resolve()]
    assert loaded.changed_sources() == []
    # the loaded project analyses to the same numbers as the original settings
    a = analyze(loaded.paths, loaded.config).customers
    b = analyze([source], CONFIG).customers
    assert a.equals(b)
    # a changed export is reported, a missing one is refused with its name
    _orders(source, 41)
    assert [s.path.name for s in load_project(written).changed_sources()] == ["orders.csv"]
    source.unlink()
    with pytest.raises(ProjectFileError) as info:
        load_project(written)
    assert info.value.code == "source_missing" and "orders.csv" in str(info.value)


def test_a_file_that_is_not_a_project_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.rfm"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert "\n" not in str(info.value) and "notes.rfm" in str(info.value)
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="not an RFM project"):
        load_project(path)
    assert path.read_text(encoding="utf-8") == json.dumps({"format": "something-else"})


def drive_wizard(qtbot, window, paths):
    """Open ``paths`` and click on to the columns page (back from the data check, where the
    wizard opens when the columns of this layout were confirmed before)."""
    window.open_files(paths)
    wizard = window.wizard
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    if wizard.currentPage() is wizard.check_page:
        wizard.back()
    else:
        wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    return wizard


def finish(qtbot, window, wizard, wait_idle):
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: window.result is not None, timeout=30000)
    wait_idle(window)


def test_a_restart_reopens_the_last_analysis(qtbot, app_settings, tmp_path, wait_idle):
    from desktop.main_window import MainWindow

    source = _orders(tmp_path / "orders.csv", 60)
    first = MainWindow(app_settings, "en")
    qtbot.addWidget(first)
    first.run_analysis([source], CONFIG)
    wait_idle(first)
    expected = first.result.customers
    first.close()

    second = MainWindow(app_settings, "en")
    qtbot.addWidget(second)
    assert second.result is None
    assert second.reopen_last()
    qtbot.waitUntil(lambda: second.result is not None, timeout=30000)
    wait_idle(second)
    assert second.paths == [source.resolve()]
    assert second.result.config.scoring.bins == 4
    assert second.result.config.segments.scheme == "cn8"
    assert second.result.customers.equals(expected)


def test_open_recent_reopens_the_analysis_without_the_wizard(
    qtbot, window, wait_idle, tmp_path
) -> None:
    source = _orders(tmp_path / "orders.csv", 60)
    window.run_analysis([source], CONFIG)
    wait_idle(window)
    window.result = None
    window.open_recent([str(source)])
    qtbot.waitUntil(lambda: window.result is not None, timeout=30000)
    assert not hasattr(window, "wizard")
    assert window.result.config.columns == dataclasses.replace(COLUMNS, kind="transactions")


def test_save_and_open_project_from_the_window(qtbot, window, wait_idle, tmp_path) -> None:
    source = _orders(tmp_path / "orders.csv", 60)
    window.run_analysis([source], CONFIG)
    wait_idle(window)
    written = window.save_project(tmp_path / "my shop.rfm")
    assert written == tmp_path / "my shop.rfm"
    assert [str(written)] in window.settings.recent_files()
    expected = window.result.customers
    window.result = None
    window.open_project(written)
    qtbot.waitUntil(lambda: window.result is not None, timeout=30000)
    assert window.result.customers.equals(expected)


def test_a_corrected_mapping_is_reused_for_the_next_file_of_that_layout(
    qtbot, window, wait_idle, tmp_path
) -> None:
    january = _orders(tmp_path / "january.csv", 30)
    february = _orders(tmp_path / "february.csv", 25, shift=3)
    wizard = drive_wizard(qtbot, window, [january])
    page = wizard.columns_page
    assert not page.recalled
    guessed = page.column_map()
    # the user corrects what the guess got wrong (or could not guess)
    for role, header in (("customer", "who"), ("date", "when"), ("amount", "paid")):
        page.boxes[role].setCurrentIndex(page.boxes[role].findData(header))
    assert page.column_map() != guessed or guessed.amount == "paid"
    finish(qtbot, window, wizard, wait_idle)
    assert window.result.config.columns.customer == "who"

    wizard = drive_wizard(qtbot, window, [february])
    page = wizard.columns_page
    assert page.recalled
    chosen = page.column_map()
    assert (chosen.customer, chosen.date, chosen.amount) == ("who", "when", "paid")
    # a different layout is not given this mapping
    other = tmp_path / "other.csv"
    other.write_text("customer,date,amount\na,2024-01-01,5\n", encoding="utf-8")
    assert window.session.recall_columns(["customer", "date", "amount"]) is None
    assert dataclasses.replace(chosen, contacts=()) == dataclasses.replace(
        window.session.recall_columns(["who", "when", "paid", "note"]), contacts=()
    )
