"""`rfm predict` and `rfm analyze --predict` on the CDNOW sample (read from the installed
lifetimes package; skipped without it) and on a tiny file."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from rfm_cli.main import main
from rfm_engine import CUSTOMER_COLUMNS
from rfm_engine.prediction import PredictionOptions, prediction_columns


@pytest.fixture(scope="module")
def cdnow_csv(tmp_path_factory) -> Path:
    """The CDNOW sample as a plain export: customer, date (ISO), amount."""
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or spec.origin is None:
        pytest.skip("the lifetimes package (with its CDNOW sample) is not installed")
    source = Path(spec.origin).parent / "datasets" / "CDNOW_sample.txt"
    raw = pd.read_csv(source, sep=r"\s+", header=None, dtype=str)
    dates = raw[2].str.slice(0, 4) + "-" + raw[2].str.slice(4, 6) + "-" + raw[2].str.slice(6, 8)
    frame = pd.DataFrame({"customer": raw[1], "date": dates, "amount": raw[4]})
    path = tmp_path_factory.mktemp("cdnow") / "cdnow.csv"
    frame.to_csv(path, index=False)
    return path


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_prints_the_published_parameters_and_the_diagnostics(cdnow_csv, capsys):
    code, out, err = run(
        ["predict", str(cdnow_csv), "--as-of", "1997-09-30", "--keep-duplicates", "--json"],
        capsys,
    )
    assert code == 0, err
    data = json.loads(out)
    # The 8 customers whose only purchase was $0.00 are not purchases by default; the
    # published values still hold within 1%.
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert data["bgnbd"]["params"][name] == pytest.approx(value, rel=0.01)
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert data["gamma_gamma"]["params"][name] == pytest.approx(value, rel=0.01)
    assert data["bgnbd"]["diagnostics"]["converged"] is True
    assert data["bgnbd"]["diagnostics"]["customers"] == 2349
    assert data["gamma_gamma"]["diagnostics"]["customers"] == 946
    assert data["time_unit"] == "weeks" and data["as_of"] == "1997-09-30"
    assert sum(s["customers"] for s in data["segments"]) == 2349
    codes = [w["code"] for w in data["warnings"]]
    assert "history_shorter_than_horizon" in codes  # 272 days of history, 365-day horizon
    assert err == ""  # with --json the warnings are in the object
    code, _, err = run(["predict", str(cdnow_csv), "--as-of", "1997-09-30"], capsys)
    line = next(x for x in err.splitlines() if "less than the horizon of 365 days" in x)
    assert line.startswith("warning: the purchase history covers 272 days")
    assert line.endswith("(--horizon)")


def test_validate_prints_the_holdout_check(cdnow_csv, capsys):
    code, out, err = run(
        [
            *("predict", str(cdnow_csv), "--as-of", "1998-06-30"),
            *("--validate", "--holdout", "273", "--horizon", "30"),
        ],
        capsys,
    )
    assert code == 0, err
    assert "Holdout check: fitted to 1997-09-30" in out
    assert "Expected revenue next 30 days" in out
    assert "7+" in out


def test_analyze_predict_adds_the_prediction_columns(cdnow_csv, tmp_path, capsys):
    out = tmp_path / "out"
    code, text, err = run(
        [
            *("analyze", str(cdnow_csv), "--predict", "--discount", "0.01", "--out", str(out)),
            *("--report", str(tmp_path / "report.xlsx"), "--validate"),
        ],
        capsys,
    )
    assert code == 0, err
    customers = pd.read_csv(out / "customers.csv", encoding="utf-8-sig", dtype={"customer_id": str})
    expected = [*CUSTOMER_COLUMNS, *prediction_columns(PredictionOptions())]
    assert list(customers.columns) == expected
    assert customers["p_alive"].between(0, 1).all()
    segments = pd.read_csv(out / "prediction_segments.csv", encoding="utf-8-sig")
    assert segments["customers"].sum() == len(customers)
    assert segments["expected_revenue_90d"].sum() == pytest.approx(
        customers["expected_revenue_90d"].sum()
    )
    assert "customers likely lost" in text

    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "report.xlsx", read_only=True)["Predictions"]
    cells = {row[0]: row[1] for row in sheet.iter_rows(max_col=2, values_only=True) if row[0]}
    assert cells["Expected revenue next 90 days"] == pytest.approx(
        customers["expected_revenue_90d"].sum()
    )
    assert cells["Customers likely lost"] == customers["likely_lost"].sum()
    assert cells["Warning"]  # at least one warning shown (one-time buyers)
    assert "Holdout check: fitted to" in text
    holdout = next(k for k in cells if str(k).startswith("Holdout check: fitted to"))
    actual = holdout.rsplit("actual ", 1)[1]  # the same count on the sheet and on screen
    assert f"actual {actual} (" in text
    code, out, err = run(["predict", str(cdnow_csv), "--json"], capsys)
    assert cells["bgnbd.r"] == pytest.approx(json.loads(out)["bgnbd"]["params"]["r"], rel=1e-12)


def test_predict_out_writes_excel_safe_tables(tmp_path, capsys):
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "customer,date,amount\n=cmd,2024-01-01,5\n=cmd,2024-01-11,5\nB,2024-01-03,7\n",
        encoding="utf-8",
    )
    code, _, err = run(["predict", str(orders), "--out", str(tmp_path / "p")], capsys)
    assert code == 0, err
    assert "warning: only 1 of 2 customers bought on more than one day" in err
    table = pd.read_csv(tmp_path / "p" / "predictions.csv", encoding="utf-8-sig", dtype=str)
    assert table.loc[table["customer_id"] == "'=cmd", "next_order_date"].item() == "2024-01-21"
    assert table.loc[table["customer_id"] == "'=cmd", "next_order_basis"].item() == "own_gaps"


def test_bad_discount_is_one_line_error(tmp_path, capsys):
    orders = tmp_path / "orders.csv"
    orders.write_text("customer,date,amount\nA,2024-01-01,5\n", encoding="utf-8")
    code, _, err = run(["predict", str(orders), "--discount", "2"], capsys)
    assert code == 3
    assert err.startswith("error: the monthly discount rate") and err.count("\n") == 1


def test_the_out_of_core_engine_is_refused_in_one_line(tmp_path, capsys):
    orders = tmp_path / "orders.csv"
    orders.write_text("customer,date,amount\nA,2024-01-01,5\n", encoding="utf-8")
    code, _, err = run(["predict", str(orders), "--engine", "duckdb"], capsys)
    assert code == 3
    assert err.startswith("error: predictions need every purchase day in memory")
    assert err.rstrip().endswith("(--engine memory)") and err.count("\n") == 1


def test_validate_on_too_little_history_is_one_line_naming_the_flag(tmp_path, capsys):
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "customer,date,amount\nA,2024-01-01,5\nA,2024-01-11,5\nB,2024-01-03,7\n",
        encoding="utf-8",
    )
    # as_of 2024-01-12, 11 days of history: the default holdout is the last 5.
    code, _, err = run(["predict", str(orders), "--validate"], capsys)
    assert code == 3
    assert err.startswith("error: only 0 customers bought on two days or more before 2024-01-07")
    assert err.rstrip().endswith("(--holdout)") and err.count("\n") == 1


def test_header_lang_words_the_prediction_tables(cdnow_csv, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["predict", str(cdnow_csv), "--horizon", "30", "--out", str(out)]
    code, _, err = run([*args, "--header-lang", "zh_CN"], capsys)
    assert code == 0, err
    customers = pd.read_csv(out / "predictions.csv", dtype=str)
    segments = pd.read_csv(out / "prediction_segments.csv")
    assert {"客户ID", "仍活跃概率", "预计30天内购买次数", "预计30天内销售额"} <= set(customers)
    assert {"分群代码", "平均仍活跃概率", "可能流失占比", "预计30天内销售额"} <= set(segments)
    assert not [c for c in [*customers, *segments] if c.isascii()]  # every header worded
    code, _, err = run(args, capsys)  # English: the identifiers scripts read, unchanged
    assert "expected_purchases_30d" in pd.read_csv(out / "predictions.csv", nrows=1).columns
