"""Speed and memory of the engine beside the practical limits, in one command.

Run from the repo root (``make bench``)::

    python benchmarks/run.py [--quick] [--big] [--spark] [--typed-table] [--repeat 3]
                             [--data ../shared/datasets]

Each timed step runs in a fresh process (``benchmarks/cases.py``), so its peak memory is the
true peak resident size of that process. Prints a table of median seconds and peak memory, the
ratios against the baselines measured in the same run, and whether each target holds; writes
the whole run as JSON under ``benchmarks/results/``.

Cases: ``online_retail.csv`` end to end in-process with the engine, beside DuckDB reading the
same file and running the equivalent aggregation; the CLI's whole process on that file. CSV files
as users give them (``benchmarks/user_files.py``: text ids, 2.5 lines per order, two thirds
one-time buyers) of 1M, 10M and 20M lines (``--quick``: 1M only), each analysed by the engine,
DuckDB and Polars doing the same read, cleaning and aggregation; 20M also out of core (the
engine's DuckDB path, DuckDB held to 1 GB, Polars streaming); ``--big`` adds 50M out of core
(about 4 GB of temporary disk, deleted afterwards). The database backends on online_retail:
SQLite, DuckDB and a PostgreSQL server the benchmark starts (``--spark`` adds Spark in local
mode). ``--typed-table`` adds the earlier cases on a pre-typed in-memory table with integer ids.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
GB = 1024**3


def run_process(command: list[str], label: str) -> dict:
    """Run one case; its JSON line, wall seconds and peak resident memory (MB)."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if proc.returncode:
            errors.seek(0)
            tail = errors.read().decode(errors="replace").strip().splitlines()[-3:]
            raise SystemExit(f"{label} failed: {' | '.join(tail)}")
    lines = out.decode().strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    result.update(wall=wall, peak_mb=usage.ru_maxrss / 1024)  # Linux reports KiB
    return result


def case(name: str, *args: object) -> list[str]:
    return [sys.executable, "-m", "benchmarks.cases", name, *map(str, args)]


def measure(label: str, command: list[str], repeat: int, *, timed: str = "seconds") -> dict:
    """Median of ``repeat`` runs of one case (``timed``: its own timer or the process wall)."""
    runs = [run_process(command, label) for _ in range(repeat)]
    seconds = statistics.median(r[timed] for r in runs)
    row = dict(
        case=label,
        seconds=seconds,
        runs=[round(r[timed], 3) for r in runs],
        peak_mb=max(r["peak_mb"] for r in runs),
        rows=runs[0].get("rows"),
        customers=runs[0].get("customers"),
    )
    print(
        f"  {label:<42} {seconds:8.2f} s  {row['peak_mb']:8.0f} MB  "
        f"runs {', '.join(f'{s:.2f}' for s in row['runs'])}"
        + (f"  customers {row['customers']:,}" if row["customers"] is not None else ""),
        flush=True,
    )
    return row


def machine() -> dict:
    import numpy
    import pandas

    versions = {}
    for name in ("duckdb", "pyarrow", "polars", "ibis"):
        try:
            versions[name] = __import__(name).__version__
        except ImportError:
            versions[name] = None
    cpu, memory = "unknown", None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return dict(
        cpu=cpu,
        cpus=os.cpu_count(),
        memory_gb=memory,
        system=platform.platform(),
        python=platform.python_version(),
        pandas=pandas.__version__,
        numpy=numpy.__version__,
        **versions,
    )


def run_all(args: argparse.Namespace) -> dict:
    rows: dict[str, dict] = {}
    online = Path(args.data) / "online_retail" / "online_retail.csv"
    r = args.repeat
    print(f"{'case':<44} {'median':>8}    {'peak':>8}")
    if "online_retail" not in args.parts:
        pass
    elif online.exists():
        rows["or_engine"] = measure(
            "online_retail: engine in-process", case("engine_file", online), r
        )
        rows["or_duckdb"] = measure(
            "online_retail: DuckDB read+aggregate", case("duckdb_online_retail", online), r
        )
        rows["or_cli"] = measure(
            "online_retail: rfm analyze (whole process)",
            [
                sys.executable,
                "-m",
                "rfm_cli.main",
                "analyze",
                str(online),
                "--out",
                args.tmp + "/cli",
            ],
            r,
            timed="wall",
        )
        rows["or_outofcore"] = measure(
            "online_retail: engine out-of-core (DuckDB)", case("engine_file", online, "duckdb"), r
        )
    else:
        print(f"  (skipped online_retail: {online} not found; give --data)")
    if args.typed_table:
        rows.update(typed_tables(args))
    if "files" in args.parts:
        rows.update(user_files(args))
    if "databases" in args.parts and online.exists():
        rows.update(database_backends(args, online))
    return rows


def typed_tables(args: argparse.Namespace) -> dict:
    """The earlier synthetic cases: a pre-typed in-memory table with integer ids (the engine's
    fastest path, not what users give it) beside a plain pandas groupby."""
    rows: dict[str, dict] = {}
    sizes = [1_000_000] if args.quick else [1_000_000, 10_000_000]
    for rows_n in sizes:
        tag = f"{rows_n // 1_000_000}M"
        data = f"{args.tmp}/synthetic_{tag}.pkl"
        run_process(case("make_synthetic", rows_n, data), f"make {tag}")
        rows[f"s{tag}_engine"] = measure(
            f"typed table {tag}: engine", case("engine_synthetic", data), args.repeat
        )
        rows[f"s{tag}_pandas"] = measure(
            f"typed table {tag}: pandas groupby", case("pandas_synthetic", data), args.repeat
        )
        os.remove(data)
    return rows


def user_files(args: argparse.Namespace) -> dict:
    """CSV files as users give them (``benchmarks/user_files.py``: text ids, 2.5 lines per
    order, two thirds one-time buyers), each size analysed by the engine, DuckDB and Polars
    doing the same read, cleaning and per-customer aggregation; 20M also out of core (DuckDB
    held to 1 GB, Polars streaming), 50M out of core only with ``--big``."""
    from rfm_engine.aggregate.out_of_core import auto_engine

    rows: dict[str, dict] = {}
    sizes = [1_000_000] if args.quick else [1_000_000, 10_000_000, 20_000_000]
    if args.sizes:
        sizes = [int(float(n) * 1_000_000) for n in args.sizes.split(",")]
    if args.big:
        sizes.append(args.big_rows)
    for rows_n in sizes:
        tag = f"{rows_n // 1_000_000}M"
        path = f"{args.tmp}/orders_{tag}.csv"
        made = run_process(case("write_orders", rows_n, path), f"write {tag}")
        size = os.path.getsize(path)
        print(f"  orders_{tag}.csv: {made['rows']:,} lines, {size / GB:.2f} GB", flush=True)
        big = rows_n > 20_000_000
        repeat = 1 if big else args.repeat
        if not big:
            for tool in ("engine", "duckdb", "polars"):
                rows[f"u{tag}_{tool}"] = measure(
                    f"CSV {tag}: {tool} in memory", case(f"{tool}_orders", path), repeat
                )
                rows[f"u{tag}_{tool}"]["file_gb"] = round(size / GB, 2)
            if auto_engine(size, None) != "memory":
                # What ``engine="auto"`` runs on a file this size (without memory pressure).
                rows[f"u{tag}_engine_auto"] = measure(
                    f"CSV {tag}: engine auto ({auto_engine(size, None)})",
                    case("engine_orders", path, "auto"),
                    repeat,
                )
        if rows_n >= 20_000_000:
            for tool, extra in (("engine", "duckdb"), ("duckdb", "1GB"), ("polars", "1")):
                label = f"CSV {tag}: {tool} out of core"
                if tool != "duckdb":
                    rows[f"u{tag}_{tool}_ooc"] = measure(
                        label, case(f"{tool}_orders", path, extra), repeat
                    )
                    continue
                # DuckDB held to 1 GB runs out of memory on the 50M file (its hash aggregate
                # over ten million customers): then the smallest limit it completes under.
                for limit in ("1GB", "2GB", "4GB", ""):
                    try:
                        rows[f"u{tag}_{tool}_ooc"] = measure(
                            f"{label} ({limit or 'no limit'})",
                            case(f"{tool}_orders", path, limit),
                            repeat,
                        )
                        break
                    except SystemExit as failed:
                        print(f"  {failed}"[:160], flush=True)
        os.remove(path)
    return rows


def database_backends(args: argparse.Namespace, online: Path) -> dict:
    """``analyze`` on online_retail stored in SQLite, DuckDB and a PostgreSQL server started
    here (as the tests start one), and read by Spark in local mode with ``--spark``. The tables
    are loaded by a process of their own, so this one stays small (a child's peak memory counts
    what it inherits)."""
    rows: dict[str, dict] = {}
    sqlite_url = f"sqlite:///{args.tmp}/shop.sqlite"
    duckdb_url = f"duckdb:///{args.tmp}/shop.duckdb"
    sys.path.insert(0, str(REPO / "tests"))
    from postgres_server import PASSWORD, binaries, postgres_server

    with contextlib.ExitStack() as stack:
        sources = [("SQLite", sqlite_url), ("DuckDB", duckdb_url)]
        if binaries() is None:
            print("  (skipped PostgreSQL: not installed; scripts/bootstrap.sh dev installs it)")
        else:
            sources.append(("PostgreSQL", stack.enter_context(postgres_server())))
            os.environ["RFM_DB_PASSWORD"] = PASSWORD
            stack.callback(os.environ.pop, "RFM_DB_PASSWORD", None)
        urls = [url for _, url in sources]
        run_process(case("load_online_retail", online, *urls), "load online_retail")
        for name, url in sources:
            rows[f"db_{name.lower()}"] = measure(
                f"online_retail in {name}", case("engine_database", url, "orders"), args.repeat
            )
    if args.spark:
        rows["db_spark"] = measure(
            "online_retail by Spark local[2] (with start-up)",
            case("engine_database", "spark://local[2]", str(online)),
            args.repeat,
        )
    return rows


def targets(rows: dict) -> list[dict]:
    """The acceptance ratios of issue 15, each from cases of this same run."""
    out = []

    def add(name: str, value: float | None, limit: float, unit: str) -> None:
        if value is not None:
            out.append(dict(target=name, value=value, limit=limit, unit=unit, holds=value <= limit))

    def ratio(a: str, b: str) -> float | None:
        return rows[a]["seconds"] / rows[b]["seconds"] if a in rows and b in rows else None

    def peak(key: str) -> float | None:
        return rows[key]["peak_mb"] if key in rows else None

    add("online_retail engine / DuckDB", ratio("or_engine", "or_duckdb"), 1.3, "x")
    add("rfm analyze online_retail (whole process)", rows.get("or_cli", {}).get("seconds"), 2, "s")
    add("CSV 1M engine / DuckDB", ratio("u1M_engine", "u1M_duckdb"), 1.5, "x")
    # At 10M, the path ``engine="auto"`` chooses (measured when it is not the in-memory one).
    auto = "u10M_engine_auto" if "u10M_engine_auto" in rows else "u10M_engine"
    add("CSV 10M engine / DuckDB", ratio(auto, "u10M_duckdb"), 1.5, "x")
    add("CSV 10M engine peak memory", peak(auto), 2048, "MB")
    add(
        "CSV 20M out of core engine / DuckDB", ratio("u20M_engine_ooc", "u20M_duckdb_ooc"), 1.5, "x"
    )
    add("CSV 20M out of core engine peak memory", peak("u20M_engine_ooc"), 1536, "MB")
    add("CSV 50M out of core engine / DuckDB", ratio("u50M_engine_ooc", "u50M_duckdb_ooc"), 2, "x")
    return out


RATIOS = [
    ("or_engine", "or_duckdb", "online_retail engine / DuckDB"),
    *(
        (f"u{tag}_engine{mode}", f"u{tag}_{other}{against}", f"CSV {tag}{label} engine / {other}")
        for tag in ("1M", "10M", "20M", "50M")
        for mode, against, label in (
            ("", "", ""),
            ("_auto", "", " auto"),
            ("_ooc", "_ooc", " out of core"),
        )
        for other in ("duckdb", "polars")
    ),
    ("s1M_engine", "s1M_pandas", "typed table 1M engine / pandas groupby"),
    ("s10M_engine", "s10M_pandas", "typed table 10M engine / pandas groupby"),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="only 1M rows (no 10M, 20M)")
    parser.add_argument("--big", action="store_true", help="add a 50M-row CSV out of core")
    parser.add_argument("--spark", action="store_true", help="add Spark (local) on online_retail")
    parser.add_argument(
        "--typed-table", action="store_true", help="add the pre-typed in-memory table cases"
    )
    parser.add_argument("--big-rows", type=int, default=50_000_000, help=argparse.SUPPRESS)
    parser.add_argument(
        "--parts",
        default="online_retail,files,databases",
        help="which parts to run (comma-separated; default all three)",
    )
    parser.add_argument(
        "--sizes", help="CSV sizes in millions of lines, e.g. 1,10 (default 1,10,20)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (median shown)")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "datasets"))
    args = parser.parse_args()
    args.parts = set(args.parts.split(","))
    info = machine()
    print(
        f"{info['cpu']}, {info['cpus']} CPUs, {info['memory_gb']} GB; Python {info['python']}, "
        f"pandas {info['pandas']}, numpy {info['numpy']}, pyarrow {info['pyarrow']}, "
        f"duckdb {info['duckdb']}, polars {info['polars']}, ibis {info['ibis']}\n"
    )
    with tempfile.TemporaryDirectory(prefix="rfm-bench-") as tmp:
        args.tmp = tmp
        rows = run_all(args)
    print()
    for a, b, label in RATIOS:
        if a in rows and b in rows:
            print(f"  ratio {label:<44} {rows[a]['seconds'] / rows[b]['seconds']:6.2f}x")
    checks = targets(rows)
    print()
    for t in checks:
        mark = "holds" if t["holds"] else "MISSED"
        print(
            f"  target {t['target']:<44} {t['value']:8.2f} {t['unit']:<2} "
            f"(<= {t['limit']:g})  {mark}"
        )
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = RESULTS / f"bench-{stamp}.json"
    report = dict(
        when=stamp,
        machine=info,
        quick=args.quick,
        big=args.big,
        cases=rows,
        ratios={
            label: rows[a]["seconds"] / rows[b]["seconds"]
            for a, b, label in RATIOS
            if a in rows and b in rows
        },
        targets=checks,
    )
    target.write_text(json.dumps(report, indent=2))
    print(f"\nwritten {target.relative_to(REPO)}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
