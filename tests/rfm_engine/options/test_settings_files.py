"""Settings files (configuration, scheme, saved mappings) that are not what they claim end in
one line naming the file: never a hang, a RecursionError or a decoding traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rfm_engine import ConfigError, RfmConfig, SchemeError, load_scheme
from rfm_engine.options.settings_files import (
    MAX_DEPTH,
    SettingsFileProblem,
    read_settings_json,
)


def test_plain_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('\ufeff{"lang": "zh_CN", "deep": [[[1]]], "s": "[[[{{{"}', encoding="utf-8")
    assert read_settings_json(path) == {"lang": "zh_CN", "deep": [[[1]]], "s": "[[[{{{"}


def test_depth_is_counted_outside_strings(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"x": "[" * 1000}))
    assert read_settings_json(path) == {"x": "[" * 1000}
    path.write_text("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(SettingsFileProblem, match="levels deep"):
        read_settings_json(path)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda p: p.write_text("[" * 200_000 + "]" * 200_000), "levels deep"),
        (lambda p: p.write_bytes('{"lang": "中文"}'.encode("gbk")), "not UTF-8"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_text("{not json"), "not valid JSON"),
    ],
)
def test_config_and_scheme_files_that_are_not(tmp_path: Path, make, match: str) -> None:
    path = tmp_path / "settings.json"
    make(path)
    with pytest.raises(ConfigError, match=match) as info:
        RfmConfig.load(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(SchemeError, match=match):
        load_scheme(path)


def test_devices_are_refused_without_reading() -> None:
    with pytest.raises(ConfigError, match="not a regular file"):
        RfmConfig.load("/dev/zero")
