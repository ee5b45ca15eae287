"""``rfm export`` and ``rfm analyze --report`` end to end."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from rfm_cli.main import main

ORDERS = """customer_id,order_date,revenue,name,email,phone
c1,2024-03-01,10,"=HYPERLINK(""http://x"",""y"")",one@example.com,
c1,2024-03-25,30,"=HYPERLINK(""http://x"",""y"")",one@example.com,
c2,2024-03-05,20,+1,ONE@example.com,
c3,2024-03-09,90,-2,bad-email,
c4,2024-03-13,40,@SUM(A1),,13800000000
c5,2024-03-20,70,张三,zhang@example.cn,
c6,2024-01-02,5,Nobody,,
"""


@pytest.fixture
def orders(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    return path


def _rows(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def test_mailchimp_export_with_reports(orders, tmp_path, capsys):
    out = tmp_path / "mc.csv"
    code = main(
        ["export", str(orders), "--as-of", "2024-04-01", "--format", "mailchimp", "--out", str(out)]
    )
    assert code == 0
    rows = _rows(out, "utf-8")
    assert list(rows[0]) == ["Email Address", "First Name", "Last Name", "Tags"]
    assert sorted(r["Email Address"] for r in rows) == ["one@example.com", "zhang@example.cn"]
    problems = _rows(tmp_path / "mc.email_problems.csv")
    assert sorted((p["customer_id"], p["problem"]) for p in problems) == [
        ("c2", "duplicate"),
        ("c3", "invalid"),
    ]
    no_contact = {r["customer_id"] for r in _rows(tmp_path / "mc.no_contact.csv")}
    assert no_contact == {"c2", "c3", "c6"}
    printed = capsys.readouterr().out
    assert "Written 2 customers" in printed and "email problems" in printed
    hyperlink = next(r for r in rows if r["Email Address"] == "one@example.com")
    assert hyperlink["First Name"] == '\'=HYPERLINK("http://x","y")'


def test_csv_export_of_chosen_segments_in_gbk(orders, tmp_path):
    out = tmp_path / "lost.csv"
    args = ["export", str(orders), "--as-of", "2024-04-01", "--scheme", "activity"]
    code = main(
        [*args, "--segments", "inactive,cooling", "--out-encoding", "gbk", "--out", str(out)]
    )
    assert code == 0
    rows = _rows(out, "gbk")
    # c6 last bought 2024-01-02: 90 days before 2024-04-01 -> inactive; nobody is cooling.
    assert [(r["customer_id"], r["segment"]) for r in rows] == [("c6", "inactive")]
    assert rows[0]["action"] and rows[0]["name"] == "Nobody"


def test_xlsx_export_one_sheet_per_segment(orders, tmp_path):
    out = tmp_path / "all.xlsx"
    args = [
        "export",
        str(orders),
        "--as-of",
        "2024-04-01",
        "--scheme",
        "activity",
        "--lang",
        "zh_CN",
    ]
    assert main([*args, "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["高活跃度", "低活跃度", "Email problems", "No contact"]
    active = book["高活跃度"]
    names = [r[-3] for r in active.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x","y")' in names and "+1" in names and "@SUM(A1)" in names
    assert all(c.data_type != "f" for s in book.worksheets for row in s.iter_rows() for c in row)


def test_refusals_are_one_line_errors(orders, tmp_path, capsys):
    before = orders.read_bytes()
    assert main(["export", str(orders), "--out", str(orders)]) == 3
    assert "is an input file" in capsys.readouterr().err
    assert orders.read_bytes() == before
    assert main(["export", str(orders), "--out", str(tmp_path)]) == 3
    assert "is a folder" in capsys.readouterr().err
    assert main(["export", str(orders), "--segments", "vip", "--out", str(tmp_path / "x.csv")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: unknown segment 'vip'") and err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()


def test_mailchimp_without_an_email_column_is_refused(tmp_path, capsys):
    path = tmp_path / "plain.csv"
    path.write_text("customer_id,order_date,revenue\na,2024-01-01,5\n", encoding="utf-8")
    code = main(["export", str(path), "--format", "mailchimp", "--out", str(tmp_path / "m.csv")])
    assert code == 3
    assert "needs an email column" in capsys.readouterr().err


def test_analyze_writes_the_report_workbook(orders, tmp_path, capsys):
    report = tmp_path / "report.xlsx"
    code = main(["analyze", str(orders), "--out", str(tmp_path / "o"), "--report", str(report)])
    assert code == 0
    assert openpyxl.load_workbook(report).sheetnames[0] == "Summary"
    assert "Report workbook" in capsys.readouterr().out
    assert (
        main(["analyze", str(orders), "--out", str(tmp_path / "o"), "--report", str(orders)]) == 3
    )
    assert "is an input file" in capsys.readouterr().err


def test_a_custom_scheme_is_reported_on_load(orders, tmp_path, capsys):
    scheme = tmp_path / "mine.json"
    scheme.write_text(
        '{"key": "mine", "bins": 5, "segments": ['
        '{"key": "recent", "names": {"en": "Recent"}, "r": [4, 5]},'
        '{"key": "also_recent", "names": {"en": "Also recent"}, "r": [5, 5]}]}',
        encoding="utf-8",
    )
    out = tmp_path / "m.csv"
    assert main(["export", str(orders), "--scheme", str(scheme), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "75 of 125 cells match no rule" in err
    assert "rules 'recent' and 'also_recent' overlap in 25 cells" in err
    assert "rule 'also_recent' never matches" in err
    segments = {r["segment"] for r in _rows(out)}
    assert segments <= {"recent", "other"}


def test_cn8_options_on_the_command_line(orders, tmp_path):
    out = tmp_path / "cn8.csv"
    args = ["export", str(orders), "--as-of", "2024-04-01", "--scheme", "cn8"]
    assert main([*args, "--reference", "median", "--basis", "values", "--out", str(out)]) == 0
    rows = {r["customer_id"]: r["segment"] for r in _rows(out)}
    # Values: recency days c1 7, c2 27, c3 23, c4 19, c5 12, c6 90 (median 21: fewer is high);
    # orders c1 2, others 1 (median 1); money c1 40, c2 20, c3 90, c4 40, c5 70, c6 5 (median 40).
    assert rows == {
        "c1": "general_value",  # recent, 2 orders > 1, 40 not > 40
        "c2": "general_winback",
        "c3": "important_winback",
        "c4": "general_develop",
        "c5": "important_develop",
        "c6": "general_winback",
    }


def test_scheme_notes_go_into_json(orders, tmp_path, capsys):
    import json

    scheme = tmp_path / "mine.json"
    scheme.write_text(
        '{"key": "mine", "bins": 5, "segments": ['
        '{"key": "recent", "names": {"en": "Recent"}, "r": [4, 5]}]}',
        encoding="utf-8",
    )
    out = tmp_path / "m.csv"
    args = ["export", str(orders), "--scheme", str(scheme), "--out", str(out), "--json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    data = json.loads(captured.out)
    assert data["notes"] == [
        "scheme 'mine': 75 of 125 cells match no rule (those customers get 'other')"
    ]
    assert data["settings"]["segments"]["scheme"]["key"] == "mine"
    assert data["written"][0] == str(out)


def test_header_lang_words_the_tables_for_people(orders, tmp_path):
    out, report = tmp_path / "res", tmp_path / "r.xlsx"
    code = main(
        [
            *("analyze", str(orders), "--as-of", "2024-04-01", "--out", str(out)),
            *("--lang", "zh_CN", "--header-lang", "zh_CN", "--report", str(report)),
        ]
    )
    assert code == 0
    customers = _rows(out / "customers.csv")
    assert list(customers[0])[:3] == ["客户ID", "距最近购买天数", "购买次数"]
    assert list(customers[0])[-3:] == ["name", "email", "phone"]  # the shop's own headers
    assert sorted(r["客户ID"] for r in customers) == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert list(_rows(out / "segments.csv")[0])[:3] == ["分群代码", "分群", "客户数"]
    assert list(_rows(out / "cleaning.csv")[0]) == ["规则编号", "说明", "行数", "示例"]
    assert list(_rows(out / "cut_points.csv")[0])[:2] == ["维度", "方法"]
    assert openpyxl.load_workbook(report).sheetnames[:2] == ["概览", "客户"]
    listed = tmp_path / "list.xlsx"
    code = main(
        [
            *("export", str(orders), "--as-of", "2024-04-01", "--format", "xlsx"),
            *("--header-lang", "zh_TW", "--out", str(listed)),
        ]
    )
    assert code == 0
    book = openpyxl.load_workbook(listed)
    assert {"郵箱問題", "無聯絡方式"} <= set(book.sheetnames)
    assert [c.value for c in book.worksheets[0][1]][:2] == ["客戶ID", "距最近購買天數"]


def test_headers_stay_english_by_default(orders, tmp_path, monkeypatch):
    monkeypatch.setenv("RFM_LANG", "zh_CN")  # segment names in Chinese, headers unchanged
    out = tmp_path / "res"
    assert main(["analyze", str(orders), "--as-of", "2024-04-01", "--out", str(out)]) == 0
    assert list(_rows(out / "customers.csv")[0])[:2] == ["customer_id", "recency_days"]


def test_export_writes_no_empty_side_file(orders, tmp_path):
    out = tmp_path / "c5.csv"
    code = main(
        ["export", str(orders), "--as-of", "2024-04-01", "--segments", "all", "--out", str(out)]
    )
    assert code == 0
    assert (tmp_path / "c5.email_problems.csv").exists()  # c2 duplicate, c3 invalid
    orders.write_text(
        "customer_id,order_date,revenue,email\nc1,2024-03-01,10,a@example.com\n"
        "c2,2024-03-02,20,b@example.com\n",
        encoding="utf-8",
    )
    assert main(["export", str(orders), "--as-of", "2024-04-01", "--out", str(out)]) == 0
    # every address valid and every customer reachable: no problem lists, the old one removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c5.csv", "orders.csv"]
