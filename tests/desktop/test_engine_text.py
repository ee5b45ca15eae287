"""Every engine error and warning code is worded in English, 简体中文 and 繁體中文, names the
app's controls (never a command-line flag), and the Chinese wording holds no English."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import rfm_engine
from desktop import engine_text
from desktop.engine_text import CONTROLS, ERRORS, NO_CONTROL, WARNINGS, error_text, warning_text
from rfm_engine import DataError, InputFileError, RfmConfig, analyze
from rfm_engine.errors import REASONS
from rfm_engine.notes import RfmWarning

ENGINE = Path(rfm_engine.__file__).parent
#: Latin words allowed in Chinese text: names of formats and products, and the score letters.
ALLOWED = {"RFM", "CSV", "XLSX", "Excel", "Mailchimp"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _engine_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py"))


def _all_warning_codes() -> set[str]:
    """Import every engine module (each registers its warning codes) and read the registry."""
    for info in pkgutil.walk_packages([str(ENGINE)], "rfm_engine."):
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional library (DuckDB, ibis, lifetimes) not installed
            continue
    from rfm_engine.notes import WARNINGS as registered

    return set(registered)


def _english_words(text: str) -> list[str]:
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED]


def test_every_error_code_is_worded_in_every_language() -> None:
    defaults = {
        cls.default_code
        for cls in vars(rfm_engine.errors).values()
        if isinstance(cls, type) and issubclass(cls, rfm_engine.RfmError)
    }
    in_source = set(re.findall(r"""\bcode=["']([a-z_]+)["']""", _engine_source()))
    codes = set(REASONS) | defaults | in_source
    assert "no_purchases" in codes and "input_file" in codes and "empty_file" in codes
    assert sorted(codes - set(ERRORS)) == []
    for code in codes:
        assert all(text.strip() for text in ERRORS[code]), code


def test_every_warning_code_is_worded_in_every_language() -> None:
    codes = _all_warning_codes()
    assert {"quantile_ties", "customer_list"} <= codes
    assert sorted(codes - set(WARNINGS)) == []


def test_every_option_the_engine_names_has_a_control_or_is_known_to_have_none() -> None:
    options = set(re.findall(r"""\boption=["']([a-z_.]+)["']""", _engine_source()))
    options |= {f"scoring.{axis}.breaks" for axis in ("recency", "frequency", "monetary")}
    options |= {f"period.{name}" for name in ("as_of", "start")}
    unnamed = sorted(
        o for o in options if engine_text.control_name(o, "en") is None and o not in NO_CONTROL
    )
    assert unnamed == []


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_chinese_wording_holds_no_english(lang: str) -> None:
    i = engine_text.LANGS.index(lang)
    for table in (ERRORS, WARNINGS, CONTROLS):
        for key, texts in table.items():
            assert _english_words(texts[i]) == [], (key, texts[i])
    # rendered with details in the user's own (Chinese) data
    for code in ERRORS:
        exc = DataError("english line", column="下单时间", rows=(2, 3), examples=("某日",))
        exc.code, exc.option = code, "columns.date"
        text = error_text(exc, lang)
        assert _english_words(text) == [], (code, text)
        assert "下单时间" in text and "english" not in text
    for code in WARNINGS:
        warning = RfmWarning(code, "english line", option="columns.kind", evidence={})
        assert _english_words(warning_text(warning, lang)) == [], code


def test_an_empty_file_is_told_in_chinese_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "订单.csv"
    path.write_bytes(b"")
    with pytest.raises(InputFileError) as info:
        analyze(path)
    assert info.value.code == "empty_file"
    assert error_text(info.value, "zh_CN") == "文件是空的。\n文件：订单.csv"
    assert error_text(info.value, "zh_TW") == "檔案是空的。\n檔案：订单.csv"
    assert error_text(info.value, "en") == f"{path}: is empty"


def test_ambiguous_dates_name_the_import_control_not_a_flag(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,03/04/2024,5\nb,05/06/2024,6\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        analyze(path, RfmConfig())
    zh = error_text(info.value, "zh_CN")
    en = error_text(info.value, "en")
    assert zh.splitlines()[0] == "这些日期既可能是“日在前”，也可能是“月在前”。"
    assert zh.splitlines()[-1] == "可在此更改：导入 › 日期：日在前 / 月在前"
    assert en.splitlines()[-1] == "Change it in: Import › Dates: day first / month first"
    assert "--" not in en and "--" not in zh


def test_descending_thresholds_have_their_own_code_and_control() -> None:
    from rfm_engine import AxisScoring, ConfigError

    with pytest.raises(ConfigError) as info:
        AxisScoring("fixed", (30, 20, 40))
    assert info.value.code == "thresholds_order"
    assert error_text(info.value, "zh_CN").splitlines()[0] == "评分阈值必须严格递增。"


def test_a_warning_from_a_real_analysis_is_worded(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    rows = ["Customer ID,Last Order Date,Orders,Total Spent"] + [
        f"m{i},2024-0{1 + i % 9}-15,{1 + i % 4},{10 * (i + 1)}" for i in range(30)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = analyze(path, RfmConfig())
    codes = [w.code for w in result.warnings]
    assert "customer_list" in codes
    warning = result.warnings[codes.index("customer_list")]
    zh = warning_text(warning, "zh_CN")
    assert zh.startswith("该表按客户名单读取")
    assert zh.endswith("导入 › 表格类型")
    # the only English is the file's own column names (key and count columns)
    assert "列：Customer ID、Orders" in zh
    assert _english_words(zh.replace("Customer ID", "").replace("Orders", "")) == []


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_cleaning_rule_has_its_meaning_in_chinese(lang: str) -> None:
    """The wizard's data check words each rule by meaning, from the engine's own words."""
    from rfm_engine.cleaning import RULES

    keys = [*RULES, "rows_read", "rows_used", "customer_rows_used", "returns_netted"]
    for key in keys:
        text = engine_text.rule_text(key, lang)
        assert text != key and not _english_words(text), (key, text)
    assert engine_text.rule_text("blank_customer", "en") == "blank customer id"
