"""``rfm compare``: migration matrix, customers then and now, movers as a mailing list."""

from __future__ import annotations

import csv

from rfm_cli.main import main

ORDERS = """customer_id,order_date,revenue,email
a,2024-01-01,10,a@example.com
a,2024-03-20,20,a@example.com
b,2024-01-05,30,b@example.com
c,2024-02-01,40,c@example.com
c,2024-03-25,50,c@example.com
d,2024-03-28,60,d@example.com
"""


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_compare_writes_matrix_customers_and_movers(tmp_path, capsys):
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    out = tmp_path / "cmp"
    movers = tmp_path / "movers.csv"
    args = ["compare", str(path), "--scheme", "activity", "--as-of", "2024-04-01"]
    args += ["--then", "2024-02-10", "--dir", str(out), "--from", "cooling", "--to", "inactive"]
    assert main([*args, "--out", str(movers)]) == 0
    matrix = _rows(out / "migration.csv")
    assert matrix[0] == ["then \\ now", "Active", "Cooling", "Inactive", "Other"]
    body = {r[0]: [int(x) for x in r[1:]] for r in matrix[1:]}
    assert body == {
        "Active": [1, 0, 0, 0],
        "Cooling": [1, 0, 1, 0],
        "Inactive": [0, 0, 0, 0],
        "Other": [0, 0, 0, 0],
        "New since then": [1, 0, 0, 0],
    }
    customers = _rows(out / "customers.csv")
    header = customers[0]
    moved = {
        r[0]: (r[header.index("segment_then")], r[header.index("segment_now")])
        for r in customers[1:]
    }
    assert moved == {
        "a": ("cooling", "active"),
        "b": ("cooling", "inactive"),
        "c": ("active", "active"),
        "d": ("new_since", "active"),
    }
    listed = _rows(movers)
    assert [r[0] for r in listed[1:]] == ["b"]
    printed = capsys.readouterr().out
    assert "3 of 4 customers changed segment" in printed


def test_compare_needs_out_for_movers(tmp_path, capsys):
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    code = main(["compare", str(path), "--dir", str(tmp_path / "c"), "--to", "lost"])
    assert code == 3
    assert "--out" in capsys.readouterr().err


def test_the_matrix_of_eleven_segments_fits_100_columns(tmp_path, capsys):
    from resources import sample_orders_path
    from rfm_cli.text_table import display_width

    assert main(["compare", str(sample_orders_path()), "--dir", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    table = out.split("(columns)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(table) == 2 + 12 and max(display_width(line) for line in table) <= 100
    matrix = _rows(tmp_path / "c" / "migration.csv")
    names = matrix[0][1:]
    assert len(names) == 11  # classic: wider than 100 columns with names across the top
    # Columns are numbered in the order of the file; each row keeps its name and counts.
    for row in matrix[1:]:
        number = f"{names.index(row[0]) + 1:>2} " if row[0] in names else "   "
        printed = next(line for line in out.splitlines() if line.startswith(number + row[0]))
        assert printed.split()[-len(names) :] == [f"{int(v):,}" for v in row[1:]]
