"""The language of names: ``--lang``, else ``RFM_LANG``, else the system locale."""

from __future__ import annotations

import json

import pytest
from cli_process import rfm_env, run_rfm

from rfm_cli.language import cli_language, language_of
from rfm_engine import ConfigError, load_scheme

CLASSIC = load_scheme("classic")


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_TW.Big5", "zh_TW"),
        ("zh_HK.UTF-8", "zh_TW"),
        ("zh-Hant", "zh_TW"),
        ("Chinese (Traditional)_Taiwan.950", "zh_TW"),
        ("Chinese (Simplified)_China.936", "zh_CN"),
        ("de_DE.UTF-8", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
    ],
)
def test_locale_names(tag, lang):
    assert language_of(tag) == lang


def test_order_of_choice():
    env = {"RFM_LANG": "zh_TW", "LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}
    assert cli_language("en", env) == "en"
    assert cli_language(None, env) == "zh_TW"
    assert cli_language(None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_TW.UTF-8"}) == "zh_CN"
    assert cli_language(None, {"LC_MESSAGES": "zh_HK", "LANG": "en_GB"}) == "zh_TW"
    assert cli_language(None, {}) == "en"
    with pytest.raises(ConfigError, match="RFM_LANG='fr'"):
        cli_language(None, {"RFM_LANG": "fr"})


def names(proc) -> list[str]:
    assert proc.returncode == 0, proc.stderr
    return [s["name"] for s in json.loads(proc.stdout)["segments"]]


def expected(lang: str, data: list[str]) -> list[str]:
    return [CLASSIC.segment(key).name(lang) for key in data]


def test_the_process_follows_the_locale_then_rfm_lang_then_the_flag(shop_orders, tmp_path):
    args = ("analyze", str(shop_orders), "--out", "o", "--json")
    plain = run_rfm(*args, cwd=tmp_path)  # no language anywhere: English
    keys = [s["segment"] for s in json.loads(plain.stdout)["segments"]]
    assert names(plain) == expected("en", keys)
    on_taiwan = rfm_env(LANG="zh_TW.UTF-8")
    assert names(run_rfm(*args, cwd=tmp_path, env=on_taiwan)) == expected("zh_TW", keys)
    overridden = rfm_env(LANG="zh_TW.UTF-8", RFM_LANG="zh_CN")
    assert names(run_rfm(*args, cwd=tmp_path, env=overridden)) == expected("zh_CN", keys)
    assert names(run_rfm(*args, "--lang", "en", cwd=tmp_path, env=overridden)) == expected(
        "en", keys
    )
    assert expected("zh_TW", keys) != expected("zh_CN", keys) != expected("en", keys)
