"""What the app remembers between runs."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSettings

from desktop.settings import MAX_RECENT, AppSettings
from rfm_engine import RfmConfig, ScoringConfig, SegmentConfig


def reopen(app_settings) -> AppSettings:
    app_settings.sync()
    return AppSettings(QSettings(app_settings.store.fileName(), QSettings.Format.IniFormat))


def test_language_options_and_recent_files_survive_a_restart(app_settings, tmp_path):
    files = []
    for i in range(MAX_RECENT + 2):
        path = tmp_path / f"f{i}.csv"
        path.write_text("x\n", encoding="utf-8")
        files.append(path)
        app_settings.add_recent([path])
    app_settings.add_recent([files[0], files[1]])
    app_settings.set_language("zh_TW")
    config = RfmConfig(scoring=ScoringConfig(bins=4), segments=SegmentConfig("cn8"))
    app_settings.set_config(config)
    again = reopen(app_settings)
    assert again.language() == "zh_TW"
    assert again.config() == config
    recent = again.recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == [str(files[0]), str(files[1])]
    assert recent[1] == [str(files[-1])]
    files[-1].unlink()  # a file that is gone is not offered
    assert [str(files[-1])] not in reopen(again).recent_files()


def test_broken_saved_options_fall_back_to_defaults(app_settings):
    app_settings.store.setValue("config", "{not json")
    assert app_settings.config() == RfmConfig()


def test_window_keeps_options_but_not_columns(qtbot, window, wait_idle, app_settings):
    window.open_sample()
    wait_idle(window)
    scoring = dataclasses.replace(window.config.scoring, bins=3)
    window.run_analysis(
        window.paths,
        dataclasses.replace(window.config, scoring=scoring, segments=SegmentConfig("cn8")),
    )
    qtbot.waitUntil(lambda: window.result.config.scoring.bins == 3, timeout=30000)
    wait_idle(window)
    saved = reopen(app_settings).config()
    assert saved.scoring.bins == 3 and saved.segments.scheme == "cn8"
    assert saved.columns == RfmConfig().columns  # columns belong to one file
