"""Headers and sheet names of the human exports in English, 简体中文 and 繁體中文."""

from __future__ import annotations

import csv
import datetime as dt
import re

import openpyxl
import pytest

from rfm_engine import CUSTOMER_COLUMNS, Period, RfmConfig, analyze
from rfm_engine.model import SUMMARY_COLUMNS
from rfm_engine.outputs import export_segments, write_report
from rfm_engine.outputs.exports import FORMULA_STARTS
from rfm_engine.outputs.mailing import CRM_COLUMNS, MAILCHIMP_COLUMNS
from rfm_engine.outputs.table_headers import HEADERS, SHEETS, WORDS, localized

AS_OF = RfmConfig(period=Period(as_of=dt.date(2024, 4, 1)))
CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_CN_HEADERS = [
    "客户ID",
    "距最近购买天数",
    "购买次数",
    "消费金额",
    "R分",
    "F分",
    "M分",
    "RFM组合",
    "RFM总分",
    "分群代码",
    "分群",
    "建议行动",
]


def _csv_rows(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


@pytest.fixture
def result(tricky_orders):
    return analyze(tricky_orders, AS_OF)


def test_every_header_of_every_human_table_has_words_in_three_languages(result):
    tables = [
        result.customers_table(),
        result.summary,
        result.cleaning.to_frame(),
        result.cut_points_table(),
    ]
    keys = {str(c) for t in tables for c in t.columns} - set(result.contacts)
    keys |= {*CUSTOMER_COLUMNS, *SUMMARY_COLUMNS, "action", "email", "problem"}
    keys |= {"setting", "value"}
    assert keys <= set(HEADERS)
    for table in (HEADERS, SHEETS, WORDS):
        for key, (en, zh_cn, zh_tw) in table.items():
            assert en and zh_cn and zh_tw, key
            assert CJK.search(zh_cn) and CJK.search(zh_tw), key
            for text in (en, zh_cn, zh_tw):
                assert not text.startswith(FORMULA_STARTS), key  # headers stay formula-safe
    for names in SHEETS.values():
        for name in names:
            assert len(name) <= 31 and not set("[]:*?/\\") & set(name)


def test_english_keeps_the_identifiers(result):
    assert localized(result.summary, "en") is result.summary
    assert list(localized(result.customers_table(), "en").columns[:11]) == list(CUSTOMER_COLUMNS)


def test_csv_list_in_chinese_with_contact_headers_unchanged(tmp_path, result):
    lang = "zh_CN"
    written = export_segments(result, tmp_path / "all.csv", "csv", header_lang=lang)
    assert [p.name for p in written] == [
        "all.csv",
        "all.email_problems.csv",
        "all.no_contact.csv",
    ]
    assert _csv_rows(written[0])[0] == [*ZH_CN_HEADERS, *result.contacts]
    assert _csv_rows(written[1])[0] == ["客户ID", "分群代码", "邮箱", "问题"]
    problems = {row[3] for row in _csv_rows(written[1])[1:]}
    assert problems == {"格式无效", "重复"}  # c3 invalid, c2 a repeat of c1


def test_traditional_chinese_headers(tmp_path, result):
    written = export_segments(result, tmp_path / "all.csv", "csv", header_lang="zh_TW")
    assert _csv_rows(written[0])[0][:3] == ["客戶ID", "距最近購買天數", "購買次數"]


def test_machine_formats_keep_their_headers(tmp_path, result):
    mailchimp = export_segments(result, tmp_path / "m.csv", "mailchimp", header_lang="zh_CN")
    assert _csv_rows(mailchimp[0], "utf-8")[0] == list(MAILCHIMP_COLUMNS)
    crm = export_segments(result, tmp_path / "c.csv", "crm", header_lang="zh_CN")
    assert _csv_rows(crm[0])[0] == list(CRM_COLUMNS)
    # its side lists are for people
    assert _csv_rows(crm[1])[0] == ["客户ID", "分群代码", "邮箱", "问题"]


def test_xlsx_sheets_in_chinese_and_no_empty_sheet(tmp_path, result):
    counts = result.summary.set_index("segment")["customers"]
    empty = [k for k, n in counts.items() if n == 0]
    full = [k for k, n in counts.items() if n > 0]
    assert empty and full  # seven customers cannot fill every segment
    path = tmp_path / "s.xlsx"
    export_segments(result, path, "xlsx", [*empty, *full], header_lang="zh_CN")
    book = openpyxl.load_workbook(path)
    names = {result.scheme.segment(k).name("en") for k in full}
    assert set(book.sheetnames) == names | {"邮箱问题", "无联系方式"}
    for sheet in book.worksheets:
        assert sheet.max_row > 1, sheet.title
    first = book[result.scheme.segment(full[0]).name("en")]
    assert [c.value for c in first[1]][:12] == ZH_CN_HEADERS


def test_xlsx_of_only_empty_segments_is_one_header_sheet(tmp_path, result):
    counts = result.summary.set_index("segment")["customers"]
    empty = [k for k, n in counts.items() if n == 0]
    path = tmp_path / "e.xlsx"
    export_segments(result, path, "xlsx", empty)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [result.scheme.segment(empty[-1]).name("en")]
    assert book.worksheets[0].max_row == 1


def test_report_workbook_in_chinese(tmp_path, result):
    path = write_report(result, tmp_path / "r.xlsx", header_lang="zh_CN")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["概览", "客户", "R×F 分布", "设置", "数据清洗"]
    assert [c.value for c in book["客户"][1]][:12] == ZH_CN_HEADERS
    assert book["概览"]["A3"].value == "分群方案"
    summary_head = [c.value for c in book["概览"][6]]
    assert summary_head[:3] == ["分群", "客户数", "客户占比"]
    cleaning = list(book["数据清洗"].iter_rows(values_only=True))
    assert cleaning[0] == ("规则编号", "说明", "行数", "示例")
    for row in cleaning[1:]:
        assert CJK.search(row[1]), row  # every rule in words
    cuts = list(book["设置"].iter_rows(values_only=True))
    assert cuts[0][:3] == ("维度", "方法", "档数")
    assert cuts[1][:2] == ("最近购买（R）", "分位数")


def test_unknown_header_language_is_a_config_error(tmp_path, result):
    from rfm_engine import ConfigError

    with pytest.raises(ConfigError, match="header language"):
        export_segments(result, tmp_path / "x.csv", "csv", header_lang="fr")
    assert not (tmp_path / "x.csv").exists()


def test_report_workbook_of_a_scheme_with_references_in_chinese(tmp_path, tricky_orders):
    from rfm_engine import SegmentConfig

    config = RfmConfig(period=AS_OF.period, segments=SegmentConfig("cn8"), lang="zh_CN")
    result = analyze(tricky_orders, config)
    assert result.segment_references
    book = openpyxl.load_workbook(write_report(result, tmp_path / "r.xlsx", header_lang="zh_CN"))
    settings = [row[0] for row in book["设置"].iter_rows(values_only=True)]
    worded = [s for s in settings if str(s).startswith("分群参考值：")]
    assert len(worded) == len(result.segment_references)
