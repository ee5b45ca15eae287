"""`rfm analyze`: outputs, reuse of config.json, and one-line errors (exit status 3 for a
data or setting problem, 2 for usage)."""

import json
from pathlib import Path

import pandas as pd
import pytest

from rfm_cli.main import main
from rfm_engine import CUSTOMER_COLUMNS

ORDERS = (
    "order,customer,date,amount,email\n"
    "1,00123,2024-01-01,10.50,a@x.example\n"
    "2,00123,2024-02-01,20.00,a@x.example\n"
    "3,B7,2024-01-15,5.00,b@x.example\n"
    '4,"=HYPERLINK(""http://x"",""y"")",2024-01-20,7.00,\n'
)


@pytest.fixture
def orders(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    return path


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_four_tables_and_a_reusable_config(orders, tmp_path, capsys):
    out = tmp_path / "out"
    code, text, err = run(
        [
            "analyze",
            str(orders),
            "--out",
            str(out),
            "--bins",
            "3",
            "--scheme",
            "cn8",
            "--lang",
            "zh_CN",
        ],
        capsys,
    )
    assert code == 0, err
    assert "重要" in text or "一般" in text  # cn8 names in Simplified Chinese
    customers = pd.read_csv(out / "customers.csv", dtype=str, encoding="utf-8-sig")
    assert list(customers.columns) == [*CUSTOMER_COLUMNS, "email"]
    assert set(customers["customer_id"]) == {"00123", "B7", '\'=HYPERLINK("http://x","y")'}
    assert (out / "segments.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (
        pd.read_csv(out / "cleaning.csv", encoding="utf-8-sig")["key"].tolist()[-1] == "rows_used"
    )
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["scoring"]["bins"] == 3 and config["columns"]["customer"] == "customer"
    again = tmp_path / "again"
    code, _, err = run(
        ["analyze", str(orders), "--config", str(out / "config.json"), "--out", str(again)], capsys
    )
    assert code == 0, err
    assert (again / "customers.csv").read_bytes() == (out / "customers.csv").read_bytes()


def test_no_input_runs_on_the_built_in_sample(tmp_path, capsys):
    code, text, err = run(["analyze", "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert "sample_orders.csv" in text
    customers = pd.read_csv(tmp_path / "o" / "customers.csv", encoding="utf-8-sig")
    assert len(customers) > 2000
    assert {"name", "email"} <= set(customers.columns)


def test_fixed_thresholds_from_the_command_line(orders, tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = run(
        [
            "analyze",
            str(orders),
            "--out",
            str(out),
            "--as-of",
            "2024-02-11",
            "--r-breaks",
            "15,30,45,60",
            "--f-breaks",
            "2,3,4,5",
            "--m-breaks",
            "6,10,20,30",
        ],
        capsys,
    )
    assert code == 0, err
    c = pd.read_csv(
        out / "customers.csv", dtype={"customer_id": str}, encoding="utf-8-sig"
    ).set_index("customer_id")
    # 00123: 10 days, 2 orders, 30.50 -> R5 F2 M5; B7: 27 days, 1 order, 5.00 -> R4 F1 M1
    assert c.loc["00123", "rfm_code"] == 525
    assert c.loc["B7", "rfm_code"] == 411


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "missing.csv"], "missing.csv: no such file"),
        (["analyze", "{orders}", "--customer", "nobody"], "no column 'nobody' for the customer"),
        (["analyze", "{empty}"], "empty.csv: is empty"),
        (["analyze", "{header_only}"], "has no data rows"),
        (["analyze", "{orders}", "--bins", "12"], "bins must be between 2 and 9"),
        (
            ["analyze", "{orders}", "--amount", "amount", "--quantity", "q", "--price", "p"],
            "not both",
        ),
        (["analyze", "{orders}", "--method", "quantile", "--r-breaks", "1,2,3,4"], "contradicts"),
        (["analyze", "{orders}", "--method", "fixed"], "needs thresholds"),
        (["analyze", "{orders}", "--r-breaks", "30,60"], "5 bins need 4 numbers"),
        (["analyze", "{orders}", "--as-of", "yesterday"], "is not a date"),
        (["analyze", "{orders}", "--scheme", "nope"], "unknown segment scheme 'nope'"),
        (["analyze", "{orders}", "--bins", "3"], "written for 5-point scores"),
        (["analyze", "{orders}", "--config", "{orders}"], "not valid JSON"),
        (["analyze", "{orders}", "--frequency", "weekly"], "invalid choice"),
        (
            ["analyze", "{orders}", "--date", "email"],
            "column 'email': 4 of 4 rows have no readable date",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_3(args, message, orders, tmp_path, capsys):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header_only.csv").write_text("customer,date,amount\n", encoding="utf-8")
    paths = {
        "orders": orders,
        "empty": tmp_path / "empty.csv",
        "header_only": tmp_path / "header_only.csv",
    }
    args = [a.format(**paths) for a in args] + ["--out", str(tmp_path / "out")]
    with pytest.raises(SystemExit) if "invalid choice" in message else _no_raise() as usage:
        code, _, err = run(args, capsys)
        assert code == 3
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert message in lines[0]
    if "invalid choice" in message:
        assert usage.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]


class _no_raise:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_failed_run_leaves_earlier_output_intact(orders, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["analyze", str(orders), "--out", str(out)], capsys)[0] == 0
    before = (out / "customers.csv").read_bytes()
    code, _, _ = run(["analyze", str(orders), "--customer", "nobody", "--out", str(out)], capsys)
    assert code == 3
    assert (out / "customers.csv").read_bytes() == before


def test_in_database_writes_the_customers_table_there_and_the_summary_here(tmp_path, capsys):
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("ibis")
    from rfm_engine import analyze

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_orders.csv"
    db = tmp_path / "shop.duckdb"
    frame = pd.read_csv(sample, dtype=str, keep_default_na=False).replace("", None)
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE orders AS SELECT * FROM frame")
    out = tmp_path / "out"
    url = f"duckdb:///{db}"
    args = ["analyze", url, "--table", "orders", "--write-table", "rfm", "--out", str(out)]
    code, text, err = run([*args, "--in-database", "--json"], capsys)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "cleaning.csv",
        "config.json",
        "cut_points.csv",
        "segments.csv",
    ]  # no customers.csv: no customer came back
    fields = json.loads(text)
    expected = analyze(sample)
    assert fields["customers"] == len(expected.customers) and fields["table_written"] == "rfm"
    segments = pd.read_csv(out / "segments.csv")
    assert segments["customers"].tolist() == expected.summary["customers"].tolist()
    with duckdb.connect(str(db), read_only=True) as con:
        table = con.execute("SELECT * FROM rfm ORDER BY customer_id").df()
    assert (
        table["segment"].tolist()
        == expected.customers.sort_values("customer_id")["segment"].tolist()
    )

    for extra, message in [
        (["--report", str(tmp_path / "r.xlsx")], "--in-database writes no customers"),
        (["--write-table", "orders"], "is the input table"),
    ]:
        code, _, err = run([*args, "--in-database", *extra], capsys)
        assert code != 0 and message in err and "Traceback" not in err
    code, _, err = run(["analyze", str(sample), "--in-database", "--out", str(out)], capsys)
    assert code != 0 and "needs a database URL" in err
