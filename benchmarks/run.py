"""Speed and memory of the engine beside the practical limits, in one command.

Run from the repo root (``make bench``)::

    python benchmarks/run.py [--quick] [--big] [--repeat 3] [--data ../shared/datasets]

Each timed step runs in a fresh process (``benchmarks/cases.py``), so its peak memory is the
true peak resident size of that process. Prints a table of median seconds and peak memory, the
ratios against the baselines measured in the same run, and whether each target holds; writes
the whole run as JSON under ``benchmarks/results/``.

Cases: ``online_retail.csv`` end to end in-process with the engine, beside DuckDB reading the
same file and running the equivalent aggregation; the CLI's whole process on that file;
synthetic 1M and 10M transactions (fixed seed, heavy-tailed customers) in memory beside a plain
pandas groupby (``--quick`` skips 10M); ``--big`` adds a generated 50M-row CSV analysed out of
core (a few minutes, ~2.5 GB of temporary disk, deleted afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
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
        f"runs {', '.join(f'{s:.2f}' for s in row['runs'])}",
        flush=True,
    )
    return row


def machine() -> dict:
    import numpy
    import pandas

    versions = {}
    for name in ("duckdb", "pyarrow"):
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
    if online.exists():
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
    sizes = [1_000_000] if args.quick else [1_000_000, 10_000_000]
    for rows_n in sizes:
        tag = f"{rows_n // 1_000_000}M"
        data = f"{args.tmp}/synthetic_{tag}.pkl"
        run_process(case("make_synthetic", rows_n, data), f"make {tag}")
        rows[f"s{tag}_engine"] = measure(
            f"synthetic {tag}: engine", case("engine_synthetic", data), r
        )
        rows[f"s{tag}_pandas"] = measure(
            f"synthetic {tag}: pandas groupby", case("pandas_synthetic", data), r
        )
        os.remove(data)
    if args.big:
        rows.update(big_case(args))
    return rows


def big_case(args: argparse.Namespace) -> dict:
    free = shutil.disk_usage(args.tmp).free
    if free < 8 * GB:
        print(f"  (skipped 50M: only {free / GB:.1f} GB free in {args.tmp}; 8 GB wanted)")
        return {}
    path = f"{args.tmp}/synthetic_50M.csv"
    made = run_process(case("write_big_csv", args.big_rows, path), "write 50M CSV")
    size = os.path.getsize(path)
    print(f"  generated {args.big_rows:,} rows, {size / GB:.2f} GB in {made['seconds']:.0f} s")
    row = measure("synthetic 50M CSV: engine out-of-core", case("engine_file", path, "duckdb"), 1)
    row["file_gb"] = round(size / GB, 2)
    os.remove(path)
    return {"s50M_outofcore": row}


def targets(rows: dict) -> list[dict]:
    out = []

    def add(name: str, value: float | None, limit: float, unit: str) -> None:
        if value is not None:
            out.append(dict(target=name, value=value, limit=limit, unit=unit, holds=value <= limit))

    def get(key: str, field: str = "seconds") -> float | None:
        return rows[key][field] if key in rows else None

    if "or_engine" in rows and "or_duckdb" in rows:
        add("online_retail engine / DuckDB", get("or_engine") / get("or_duckdb"), 2.0, "x")
    add("rfm analyze online_retail (whole process)", get("or_cli"), 2.0, "s")
    add("10M in memory: seconds", get("s10M_engine"), 3.0, "s")
    add("10M in memory: peak memory", get("s10M_engine", "peak_mb"), 3072, "MB")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="skip the 10M case")
    parser.add_argument("--big", action="store_true", help="add the 50M-row CSV out of core")
    parser.add_argument("--big-rows", type=int, default=50_000_000, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (median shown)")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "datasets"))
    args = parser.parse_args()
    info = machine()
    print(
        f"{info['cpu']}, {info['cpus']} CPUs, {info['memory_gb']} GB; Python {info['python']}, "
        f"pandas {info['pandas']}, numpy {info['numpy']}, pyarrow {info['pyarrow']}, "
        f"duckdb {info['duckdb']}\n"
    )
    with tempfile.TemporaryDirectory(prefix="rfm-bench-") as tmp:
        args.tmp = tmp
        rows = run_all(args)
    print()
    for a, b, label in (
        ("or_engine", "or_duckdb", "online_retail engine / DuckDB"),
        ("s1M_engine", "s1M_pandas", "synthetic 1M engine / pandas groupby"),
        ("s10M_engine", "s10M_pandas", "synthetic 10M engine / pandas groupby"),
    ):
        if a in rows and b in rows:
            print(f"  ratio {label:<40} {rows[a]['seconds'] / rows[b]['seconds']:6.2f}x")
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
        when=stamp, machine=info, quick=args.quick, big=args.big, cases=rows, targets=checks
    )
    target.write_text(json.dumps(report, indent=2))
    print(f"\nwritten {target.relative_to(REPO)}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
