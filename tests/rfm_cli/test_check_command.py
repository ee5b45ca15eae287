"""``rfm check``: prints how files are read and mapped; problems exit 3 with one line."""

from __future__ import annotations

from pathlib import Path

from rfm_cli.main import main


def test_check_prints_reading_mapping_and_rules(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(
        "客户ID;日期;金额\nA;2024/1/2;￥5\nA;2024/1/2;￥5\nB;2024/1/3;免费\nC;2024/1/4;￥7\n".encode(
            "gbk"
        )
    )
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "4 rows; text, GB18030 (GBK), semicolon" in out
    assert "encoding detected: likely" in out  # how sure (Chinese text), from the reading
    assert "客户ID (header)" in out
    assert "exact duplicate rows" in out
    assert "免费" in out  # the unreadable amount, with its row
    lines = [ln for ln in out.splitlines() if "免费" in ln]
    assert lines and lines[0].split()[:2] == ["orders.csv", "3"]


def test_check_options_fix_the_layout(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.txt"
    path.write_text("note\ncustomer|date|amount\na|03/04/2024|5\nb|05/06/2024|6\n")
    assert main(["check", str(path)]) == 3
    assert "day-first or month-first" in capsys.readouterr().out
    code = main(["check", str(path), "--dayfirst", "--delimiter", "|", "--header-row", "2"])
    assert code == 0
    out = capsys.readouterr().out
    assert "header on line 2" in out and "2024-04-03" in out


def test_check_of_a_broken_file_is_one_error_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert main(["check", str(path)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "broken.xlsx" in err


def test_mixed_currencies_are_a_problem_and_currency_keeps_one(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount,currency\na,2024-01-02,10,EUR\nb,2024-01-03,900,JPY\n"
        "c,2024-01-04,5,eur\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 3
    out = capsys.readouterr()
    text = out.out + out.err
    assert "EUR 66.7%" in text and "JPY 33.3%" in text and "--currency CODE" in text
    assert main(["analyze", str(path), "--currency", "eur", "--out", str(tmp_path / "o")]) == 0
    customers = (tmp_path / "o" / "customers.csv").read_text(encoding="utf-8-sig")
    assert {line.split(",")[0] for line in customers.splitlines()[1:]} == {"a", "c"}


def test_rows_without_customer_are_flagged_and_a_fallback_column_keys_them(
    tmp_path: Path, capsys
) -> None:
    from rfm_cli.main import main

    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount,ref\na,2024-01-01,10,\n,2024-01-02,5,x1\n"
        ",2024-01-03,6,x1\nb,2024-01-03,7,\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "2 of 4 rows (50%) have no 'customer'" in err and "(--customer-fallback)" in err
    out = tmp_path / "out"
    assert main(["analyze", str(path), "--customer-fallback", "ref", "--out", str(out), "-q"]) == 0
    assert "have no 'customer': they count" not in capsys.readouterr().err
    ids = (out / "customers.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sorted(line.split(",")[0] for line in ids[1:]) == ["a", "b", "x1"]
