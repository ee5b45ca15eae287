"""The command line words engine errors with its own flags."""

from __future__ import annotations

from pathlib import Path

from rfm_cli.main import main


def test_ambiguous_dates_name_the_flags(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,03/04/2024,5\nb,05/06/2024,6\n")
    assert main(["analyze", str(path), "--out", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ")
    assert err.endswith("(--dayfirst or --monthfirst)")
    assert len(err.splitlines()) == 1


def test_compare_too_early_names_then_and_days(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,2024-03-01,5\nb,2024-03-02,6\n")
    code = main(["compare", str(path), "--then", "2024-01-01", "--dir", str(tmp_path / "c")])
    assert code == 3
    assert capsys.readouterr().err.strip().endswith("(--then or --days)")
