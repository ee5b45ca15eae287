"""Encodings of real-world exports, read with no options: each sample decodes to its text.

Fourteen-odd self-made samples of what shops export: Windows-1252 Western names (the German
``Bäcker`` that GB18030 would read as ``B鋍ker``), GBK long and short, Big5, Shift_JIS, EUC-KR,
Windows-1251, UTF-8 with and without BOM, UTF-16 and plain ASCII.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rfm_engine import RfmConfig, analyze
from rfm_engine.io import detect_encoding

HEADER = "customer,date,amount\n"


def _rows(template: str, n: int) -> str:
    return "".join(template.format(i=i, d=i % 9 + 1) for i in range(n))


SAMPLES = {
    "cp1252_baecker": ("cp1252", HEADER + _rows("Bäcker {i},2024-03-0{d},1{i}.50\n", 9)),
    "cp1252_german": (
        "cp1252",
        HEADER + _rows("Müller-Lüdenscheidt {i},2024-03-0{d},2{i}.00\nGroß,2024-04-01,9.99\n", 8),
    ),
    "cp1252_french": (
        "cp1252",
        HEADER + _rows("Hélène {i},2024-03-0{d},1{i}.50\nFrançois Lefèvre,2024-03-12,20.00\n", 6),
    ),
    "cp1252_short": ("cp1252", HEADER + "José Peña,2024-03-01,10.00\nMaría Núñez,2024-03-02,12\n"),
    "cp1252_euro": ("cp1252", HEADER + "Søren Ærø,2024-03-01,€10\nZoë Brontë,2024-03-02,€12\n"),
    "gbk_long": (
        "gb18030",
        "买家会员名,订单付款时间,买家实际支付金额\n"
        + _rows("张三{i},2024/3/{d} 10:00,{i}9.00\n王五的店,2024/3/13 9:00,18.00\n", 8),
    ),
    "gbk_short": ("gb18030", "客户,日期,金额\n张三,2024-03-01,10\n"),
    "big5": (
        "big5",
        "買家會員名,訂單付款時間,實付金額\n"
        + _rows("陳大文{i},2024/3/{d},{i}9.00\n林小明,2024/3/12,25\n", 6),
    ),
    "shift_jis_kana": (
        "shift_jis",
        "お客様,日付,金額\n" + _rows("たなか{i},2024-03-0{d},{i}000\nヤマダ,2024-03-11,2500\n", 6),
    ),
    "euc_kr": (
        "euc-kr",
        "고객,날짜,금액\n" + _rows("김민수{i},2024-03-0{d},{i}000\n이영희,2024-03-11,2500\n", 6),
    ),
    "cp1251": (
        "cp1251",
        "клиент,дата,сумма\n"
        + _rows("Иванов Пётр {i},2024-03-0{d},{i}00\nСмирнова,2024-03-11,250\n", 6),
    ),
    "utf8": ("utf-8", HEADER + "Bäcker,2024-03-01,10\n张三,2024-03-02,5\n"),
    "utf8_bom": ("utf-8-sig", HEADER + "Zoë,2024-03-01,10\n"),
    "utf16": ("utf-16", "顾客,日期,金额\n张三,2024-03-01,10\nBäcker,2024-03-02,5\n"),
    "ascii": ("ascii", HEADER + "Smith,2024-03-01,10\n"),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_sample_decodes_to_its_text(name: str) -> None:
    encoding, text = SAMPLES[name]
    data = text.encode(encoding)
    assert data.decode(detect_encoding(data)).lstrip("\ufeff") == text


def test_kanji_only_shift_jis() -> None:
    rows = _rows("田中太郎{i},2024-03-0{d},{i}000\n山田花子,2024-03-11,2500\n", 6)
    text = "顧客,日付,金額\n" + rows
    data = text.encode("shift_jis")
    assert data.decode(detect_encoding(data)) == text


def test_a_windows_1252_file_keeps_its_german_names_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(SAMPLES["cp1252_baecker"][1].encode("cp1252"))
    result = analyze(path, RfmConfig())
    names = set(result.customers["customer_id"])
    assert names == {f"Bäcker {i}" for i in range(9)}


@pytest.mark.parametrize(
    ("data", "encoding", "basis", "certainty"),
    [
        ("\ufeffa,b\n1,2\n".encode(), "utf-8-sig", "bom", "certain"),
        (b"customer,date\nann,2024-01-01\n", "utf-8-sig", "ascii", "certain"),
        ("客户,日期\n张三,2024-01-01\n".encode(), "utf-8-sig", "utf8_valid", "likely"),
        (
            "买家会员名,订单付款时间\n张三,2024/3/1\n".encode("gb18030"),
            "gb18030",
            "chinese_text",
            "likely",
        ),
        ("a\tb\n1\t2\n".encode("utf-16-le"), "utf-16-le", "utf16_zeros", "likely"),
    ],
)
def test_what_decided_the_encoding_and_how_sure(data, encoding, basis, certainty):
    from rfm_engine.io import guess_encoding

    guess = guess_encoding(data)
    assert (guess.encoding, guess.basis, guess.certainty) == (encoding, basis, certainty)


def test_a_code_page_chosen_by_statistics_is_a_guess():
    from rfm_engine.io import guess_encoding

    data = SAMPLES["cp1252_german"][1].encode("cp1252")
    guess = guess_encoding(data)
    assert guess.encoding == "cp1252" and guess.certainty == "guess"


def test_the_reading_result_says_how_the_encoding_was_decided(tmp_path):
    from rfm_engine import ReadOptions
    from rfm_engine.io import read_table

    path = tmp_path / "orders.csv"
    path.write_bytes(SAMPLES["gbk_long"][1].encode("gb18030"))
    _, (info,) = read_table([path])
    assert (info.encoding, info.encoding_basis, info.encoding_certainty) == (
        "gb18030",
        "chinese_text",
        "likely",
    )
    _, (given,) = read_table([path], ReadOptions(encoding="gb18030"))
    assert (given.encoding_basis, given.encoding_certainty) == ("given", "certain")
