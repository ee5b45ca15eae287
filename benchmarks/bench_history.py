"""A shop's history in a workspace: online_retail added month by month, then monthly snapshots.

    PYTHONPATH=. python benchmarks/bench_history.py [PATH]

Splits the export into 13 monthly CSV files (each also holding the last 5 days of the month
before, as overlapping exports do), adds them one by one to a new workspace, then computes and
stores the 13 month-end snapshots. Prints the time of each step, the workspace's size, and
beside them in the same run: one analysis of the whole file, and DuckDB (when installed) loading
the same monthly files into a table of text and removing the repeated rows. Numbers only; the
targets are the reader's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
DEFAULT = REPO.parent / "shared" / "datasets" / "online_retail" / "online_retail.csv"


def _mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    from conftest import split_by_month

    from rfm_engine import ColumnMap, RfmConfig, analyze
    from rfm_engine.history import Workspace, compute_history, store_history

    config = RfmConfig(
        columns=ColumnMap(
            customer="CustomerID",
            date="InvoiceDate",
            order="InvoiceNo",
            quantity="Quantity",
            price="UnitPrice",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parts = split_by_month(path, "InvoiceDate", folder / "parts", overlap_days=5)
        shop = folder / "shop.rfmdb"
        print(f"{path.name}: {len(parts)} monthly files, {path.stat().st_size / 1e6:.1f} MB")
        total = 0.0
        with Workspace(shop, create=True) as workspace:
            for n, part in enumerate(parts):
                start = time.perf_counter()
                (record,) = workspace.add([part], config if n == 0 else None)
                spent = time.perf_counter() - start
                total += spent
                print(
                    f"  add {part.name:<32} {spent:6.2f} s  read {record.rows_read:>7,}  "
                    f"added {record.rows_added:>7,}  merged {record.rows_merged:>6,}"
                )
            print(f"added month by month: {total:.2f} s; {workspace.row_count():,} rows")
            start = time.perf_counter()
            table = workspace.table()
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            history = compute_history(table, workspace.config)
            computed = time.perf_counter() - start
            start = time.perf_counter()
            store_history(workspace, history)
            stored = time.perf_counter() - start
        print(f"load rows as a table: {loaded:.2f} s")
        print(f"{len(history.ends)} monthly snapshots: {computed:.2f} s (store: {stored:.2f} s)")
        print(f"workspace size: {_mb(shop):.1f} MB (source CSV {path.stat().st_size / 1e6:.1f} MB)")
        start = time.perf_counter()
        analyze(path, config)
        print(f"beside it: one analysis of the whole file: {time.perf_counter() - start:.2f} s")
        _duckdb(parts, folder)
    return 0


def _duckdb(parts: list[Path], folder: Path) -> None:
    try:
        import duckdb
    except ImportError:
        print("beside it: DuckDB not installed (pip install duckdb)")
        return
    target = folder / "shop.duckdb"
    start = time.perf_counter()
    conn = duckdb.connect(str(target))
    files = ", ".join(f"'{p}'" for p in parts)
    conn.execute(f"CREATE TABLE raw AS SELECT * FROM read_csv([{files}], all_varchar = true)")
    conn.execute("CREATE TABLE rows AS SELECT DISTINCT * FROM raw")
    conn.execute("DROP TABLE raw")
    count = conn.execute("SELECT count(*) FROM rows").fetchone()[0]
    conn.close()
    spent = time.perf_counter() - start
    print(
        f"beside it: DuckDB {duckdb.__version__} loading the same files at once and keeping "
        f"distinct rows: {spent:.2f} s, {count:,} rows (exact repeats inside a month are lost "
        f"too), {os.path.getsize(target) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
