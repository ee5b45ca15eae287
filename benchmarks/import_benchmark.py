"""Import speed: the engine's reader beside a plain pandas / DuckDB read of the same file.

Not a test: it prints seconds. Run from the repo root::

    PYTHONPATH=. python benchmarks/import_benchmark.py [--datasets DIR] [--rows 500000]

It times ``online_retail.csv`` (541,909 rows), the 40k-row XLSX sample, and a generated
workbook of ``--rows`` rows (default 500,000), each with the engine (``read_table``: detection
and reading; ``check_data``: plus mapping and cleaning) and with the plain readers: pandas'
``read_csv``, DuckDB's ``read_csv``, and ``pandas.read_excel`` with openpyxl and calamine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from rfm_engine import check_data
from rfm_engine.io.reading import read_table

REPO = Path(__file__).resolve().parents[1]


def timed(label: str, work: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<44} {best:8.2f} s")
    return best


def bench_csv(path: Path) -> None:
    print(f"{path.name} ({path.stat().st_size / 1e6:.0f} MB)")
    timed("pandas.read_csv (defaults)", lambda: pd.read_csv(path), repeat=2)
    timed("pandas.read_csv (all text, as the engine)", lambda: pd.read_csv(path, dtype=str))
    try:
        import duckdb

        timed("duckdb read_csv → DataFrame", lambda: duckdb.read_csv(str(path)).df(), repeat=2)
    except ImportError:
        print("  duckdb not installed")
    timed("rfm_engine read_table (detect + read)", lambda: read_table([path]), repeat=2)
    timed("rfm_engine check_data (+ map + clean)", lambda: check_data(path))


def bench_xlsx(path: Path, *, openpyxl: bool = True) -> None:
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    if openpyxl:
        timed("pandas.read_excel engine=openpyxl", lambda: pd.read_excel(path, engine="openpyxl"))
    timed("pandas.read_excel engine=calamine", lambda: pd.read_excel(path, engine="calamine"))
    timed("rfm_engine read_table (guards + calamine)", lambda: read_table([path]))
    timed("rfm_engine check_data (+ map + clean)", lambda: check_data(path))


def write_big_workbook(path: Path, rows: int) -> None:
    """A plain XLSX of ``rows`` order lines (inline strings, numbers), written directly."""
    head = ("CustomerID", "InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice", "Description")

    def cell(ref: str, value: object) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    def row(n: int, values: tuple) -> str:
        cells = "".join(cell(f"{'ABCDEF'[i]}{n}", v) for i, v in enumerate(values))
        return f'<row r="{n}">{cells}</row>'

    parts = [row(1, head)]
    for i in range(rows):
        serial = 40513 + (i * 37 % 365) + 0.35
        parts.append(
            row(
                i + 2,
                (
                    str(10000 + i % 4000),
                    str(500000 + i // 3),
                    serial,
                    1 + i % 12,
                    round(0.5 + (i % 97) / 10, 2),
                    f"ITEM {i % 500}",
                ),
            )
        )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(parts)}</sheetData></worksheet>"
    )
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": (
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" '
            f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--rows", type=int, default=500_000, help="rows of the generated XLSX")
    args = parser.parse_args()
    retail = args.datasets / "online_retail"
    if (retail / "online_retail.csv").exists():
        bench_csv(retail / "online_retail.csv")
    if (retail / "online_retail_sample_40k.xlsx").exists():
        bench_xlsx(retail / "online_retail_sample_40k.xlsx")
    if args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / f"generated_{args.rows}.xlsx"
            write_big_workbook(big, args.rows)
            bench_xlsx(big, openpyxl=args.rows <= 100_000)


if __name__ == "__main__":
    main()
