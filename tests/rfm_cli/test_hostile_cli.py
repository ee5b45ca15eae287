"""Hostile inputs, options and faults through the real ``rfm`` command (a subprocess, so exit
status, stderr, signals and temporary files are what a user sees).

Every case is generated here (no large file is committed) and asserts: the exit status, one
``error:`` line and no traceback, inputs unchanged (hash before and after), and no stray file
in the output folder or the temporary folder.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCHEME = REPO / "rfm_engine" / "options" / "scheme_data" / "seed5.json"


def orders_csv(path: Path, rows: int = 60, customers: int = 20, extra: str = "") -> Path:
    """A plain export: customer, date, amount, order, email, phone."""
    lines = ["customer,date,amount,order,email,phone"]
    for i in range(rows):
        c = i % customers
        lines.append(
            f"c{c},2024-{i % 12 + 1:02d}-{i % 28 + 1:02d},{10 + i % 37}.5,o{i},"
            f"u{c}@example.com,+86138{c:08d}"
        )
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


@dataclass
class Run:
    code: int
    out: str
    err: str
    lines: list[str] = field(default_factory=list)


def _hashes(paths) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if Path(p).is_file()}


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


class Harness:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.work = root / "work"
        self.tmp = root / "tmp"  # the run's TMPDIR: what it leaves there is visible
        self.work.mkdir()
        self.tmp.mkdir()

    def env(self) -> dict[str, str]:
        return dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(self.tmp), RFM_DEBUG="")

    def start(self, *args: str, **kwargs) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "rfm_cli.main", *args],
            cwd=self.work,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kwargs,
        )

    def run(self, *args: str, inputs=(), timeout: float = 120, **kwargs) -> Run:
        before = _hashes(inputs)
        proc = self.start(*args, **kwargs)
        out, err = proc.communicate(timeout=timeout)
        assert _hashes(inputs) == before, "an input file was changed"
        assert "Traceback" not in err and "Exception ignored" not in err, err
        assert not list(self.tmp.iterdir()), f"left in the temp folder: {list(self.tmp.iterdir())}"
        stray = [p for p in self.work.rglob("*") if ".rfmtmp-" in p.name]
        assert not stray, f"temporary files left: {stray}"
        return Run(proc.returncode, out, err, [ln for ln in err.splitlines() if ln.strip()])

    def fails(self, *args: str, match: str, inputs=(), code: int = 3, **kwargs) -> Run:
        """Exit status 3 (a data or setting problem; 2 for a usage error) and exactly one line,
        ``error: …`` naming the problem."""
        result = self.run(*args, inputs=inputs, **kwargs)
        errors = [ln for ln in result.lines if ln.startswith("error:")]
        assert result.code == code, result.err
        assert len(errors) == 1 and match in errors[0], result.err
        assert all(ln.startswith(("error:", "warning:", "note:")) for ln in result.lines)
        return result


@pytest.fixture
def cli(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


# ---- extreme values -----------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["memory", "duckdb"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2262-04-11", "1677-09-21"])
def test_placeholder_dates_are_a_cleaning_rule(cli: Harness, day: str, engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    data = orders_csv(cli.work / "orders.csv", extra=f"zz,{day},5,x1,z@example.com,\n")
    result = cli.run("analyze", "orders.csv", "--engine", engine, "--out", "out", inputs=[data])
    assert result.code == 0, result.err
    with open(cli.work / "out" / "cleaning.csv", encoding="utf-8-sig") as fh:
        rules = {row["key"]: row for row in csv.DictReader(fh)}
    assert rules["implausible_date"]["rows"] == "1"
    assert day in rules["implausible_date"]["examples"]
    with open(cli.work / "out" / "customers.csv", encoding="utf-8-sig") as fh:
        customers = list(csv.DictReader(fh))
    assert "zz" not in {c["customer_id"] for c in customers}
    assert min(int(c["recency_days"]) for c in customers) == 1  # as of the day after 2024-12-28


@pytest.mark.parametrize("flag", ["--as-of", "--start"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_period_beyond_the_plausible_days(cli: Harness, flag: str, day: str) -> None:
    data = orders_csv(cli.work / "orders.csv")
    cli.fails("analyze", "orders.csv", flag, day, match="not a plausible day", inputs=[data])
    assert not (cli.work / "rfm_output").exists()


@pytest.mark.parametrize(
    "args", [["--then", "0001-01-01"], ["--days", "10000000"], ["--then", "9999-12-31"]]
)
def test_compare_with_an_earlier_date_beyond_range(cli: Harness, args: list[str]) -> None:
    data = orders_csv(cli.work / "orders.csv")
    cli.fails("compare", "orders.csv", *args, "--dir", "cmp", match="plausible", inputs=[data])
    assert not (cli.work / "cmp").exists()


@pytest.mark.parametrize("amount", ["inf", "Infinity", "1e309", "-inf"])
def test_infinite_amounts_are_unreadable(cli: Harness, amount: str) -> None:
    data = orders_csv(cli.work / "orders.csv", extra=f"zz,2024-05-01,{amount},x1,,\n")
    result = cli.run("analyze", "orders.csv", "--out", "out", inputs=[data])
    assert result.code == 0, result.err
    text = (cli.work / "out" / "segments.csv").read_text(encoding="utf-8-sig")
    assert "nan" not in text.lower() and "inf" not in text.lower()
    assert "bad_amount" in (cli.work / "out" / "cleaning.csv").read_text(encoding="utf-8-sig")


def test_amounts_beyond_any_sale_are_dropped(cli: Harness) -> None:
    extra = "big,2024-05-01,1e308,x1,,\nbig,2024-05-02,1e308,x2,,\n"
    data = orders_csv(cli.work / "orders.csv", extra=extra)
    result = cli.run("analyze", "orders.csv", "--out", "out", inputs=[data])
    assert result.code == 0, result.err
    cleaning = (cli.work / "out" / "cleaning.csv").read_text(encoding="utf-8-sig")
    assert "implausible_amount,amount beyond a trillion" in cleaning and "1e308" in cleaning


# ---- options and settings files ---------------------------------------------------------


def _settings(folder: Path) -> dict[str, Path]:
    nested = folder / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    gbk = folder / "gbk.json"
    gbk.write_bytes('{"lang": "中文"}'.encode("gbk"))
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    return {"nested": nested, "gbk": gbk, "fifo": fifo, "zero": Path("/dev/zero")}


@pytest.mark.parametrize("flag", ["--config", "--scheme"])
@pytest.mark.parametrize(
    ("kind", "match"),
    [
        ("nested", "levels deep"),
        ("gbk", "not UTF-8"),
        ("fifo", "not a regular file"),
        ("zero", "not a regular file"),
    ],
)
def test_hostile_settings_files(cli: Harness, flag: str, kind: str, match: str) -> None:
    data = orders_csv(cli.work / "orders.csv")
    target = _settings(cli.work)[kind]
    cli.fails("analyze", "orders.csv", flag, str(target), match=match, inputs=[data], timeout=60)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--delimiter", "||"], "one character"),
        (["--weights", "1e308,1,1"], "at most 1,000,000"),
        (["--weights", "nan,1,1"], "weights"),
    ],
)
def test_hostile_options(cli: Harness, args: list[str], match: str) -> None:
    data = orders_csv(cli.work / "orders.csv")
    cli.fails("analyze", "orders.csv", *args, match=match, inputs=[data])


# ---- inputs are never outputs -----------------------------------------------------------


def test_export_over_the_scheme_or_config_is_refused(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv")
    scheme = cli.work / "scheme.json"
    scheme.write_bytes(SCHEME.read_bytes())
    assert cli.run("analyze", "orders.csv", "--out", "res", inputs=[data]).code == 0
    config = cli.work / "res" / "config.json"
    inputs = [data, scheme, config]
    cli.fails(
        "export", "orders.csv", "--scheme", "scheme.json", "--segments", "all",
        "--out", "scheme.json", match="input file", inputs=inputs,
    )  # fmt: skip
    cli.fails(
        "export", "orders.csv", "--config", "res/config.json", "--segments", "all",
        "--out", "res/config.json", match="input file", inputs=inputs,
    )  # fmt: skip
    # analyze into the folder that holds its own --config: the whole set stays as it was.
    before = _hashes((cli.work / "res").iterdir())
    cli.fails(
        "analyze", "orders.csv", "--config", "res/config.json", "--as-of", "2025-06-01",
        "--out", "res", match="input file", inputs=inputs,
    )  # fmt: skip
    assert _hashes((cli.work / "res").iterdir()) == before


def test_output_onto_a_device_is_refused(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv")
    cli.fails(
        "export", "orders.csv", "--segments", "all", "--out", "/dev/null",
        match="not a regular file", inputs=[data],
    )  # fmt: skip
    assert Path("/dev/null").is_char_device()


# ---- write faults and result sets --------------------------------------------------------


def _file_size_limit(limit: int):
    def apply() -> None:  # in the child: writes past ``limit`` bytes fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_keeps_the_previous_result_set(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv", rows=3000, customers=1500)
    assert cli.run("analyze", "orders.csv", "--out", "res", inputs=[data]).code == 0
    before = _hashes((cli.work / "res").iterdir())
    assert (cli.work / "res" / "customers.csv").stat().st_size > 20_000
    result = cli.fails(
        "analyze", "orders.csv", "--as-of", "2025-06-01", "--out", "res",
        match="customers.csv", inputs=[data], preexec_fn=_file_size_limit(20_000),
    )  # fmt: skip
    assert "write elsewhere" in result.err
    assert _hashes((cli.work / "res").iterdir()) == before  # all old, nothing half new
    assert _tree(cli.work / "res") == {p.name for p in before}


def test_a_failure_part_way_leaves_every_file_old(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv")
    assert cli.run("analyze", "orders.csv", "--out", "res", inputs=[data]).code == 0
    before = _hashes((cli.work / "res").iterdir())
    (cli.work / "res" / "cut_points.csv").unlink()
    (cli.work / "res" / "cut_points.csv").mkdir()  # the fourth of five files cannot be written
    del before[cli.work / "res" / "cut_points.csv"]
    cli.fails(
        "analyze", "orders.csv", "--as-of", "2025-06-01", "--out", "res",
        match="cut_points.csv", inputs=[data],
    )  # fmt: skip
    assert _hashes(p for p in (cli.work / "res").iterdir() if p.is_file()) == before


def test_read_only_target_and_folder(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv")
    target = cli.work / "list.csv"
    target.write_text("old\n")
    target.chmod(0o444)
    cli.fails(
        "export", "orders.csv", "--segments", "all", "--out", "list.csv",
        match="read-only", inputs=[data, target],
    )  # fmt: skip
    locked = cli.work / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        cli.fails(
            "export", "orders.csv", "--segments", "all", "--out", "locked/list.csv",
            match="not writable", inputs=[data],
        )  # fmt: skip
    finally:
        locked.chmod(0o755)


# ---- signals and temporary files ---------------------------------------------------------


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = 60) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _ours(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if ".rfmtmp-" in p.name or p.name.startswith("rfm-")]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_mid_export_removes_the_temporary_file(cli: Harness, sig) -> None:
    data = orders_csv(cli.work / "orders.csv", rows=30_000, customers=15_000)
    before = _hashes([data])
    args = ["export", "orders.csv", "--segments", "all", "--format", "xlsx", "--out", "l.xlsx"]
    proc = cli.start(*args)
    if not _wait_for(lambda: _ours(cli.work), proc):
        proc.communicate()
        pytest.skip("the export ended before it could be interrupted")
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "error: interrupted"
    assert "Traceback" not in err and "Exception ignored" not in err
    assert not _ours(cli.work) and not (cli.work / "l.xlsx").exists()
    assert not list(cli.tmp.iterdir())  # openpyxl's spool files too
    assert _hashes([data]) == before


def test_temp_file_of_a_killed_export_is_swept_next_time(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv", rows=30_000, customers=15_000)
    args = ["export", "orders.csv", "--segments", "all", "--format", "xlsx", "--out", "l.xlsx"]
    proc = cli.start(*args)
    if not _wait_for(lambda: _ours(cli.work), proc):
        proc.communicate()
        pytest.skip("the export ended before it could be killed")
    proc.kill()
    proc.communicate()
    assert _ours(cli.work)  # SIGKILL cannot be caught: the file is left …
    small = orders_csv(cli.work / "small.csv")
    result = cli.run(
        "export", "small.csv", "--segments", "all", "--format", "xlsx", "--out", "l.xlsx",
        inputs=[data, small],
    )  # fmt: skip
    assert result.code == 0, result.err
    assert not _ours(cli.work)  # … and the next write into the folder removes it


def test_sigterm_mid_out_of_core_run_removes_its_folder(cli: Harness) -> None:
    pytest.importorskip("duckdb")
    data = orders_csv(cli.work / "orders.csv", rows=200_000, customers=50_000)
    proc = cli.start("analyze", "orders.csv", "--engine", "duckdb", "--out", "res")
    if not _wait_for(lambda: _ours(cli.tmp), proc):
        proc.communicate()
        pytest.skip("the run ended before it could be interrupted")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert not list(cli.tmp.iterdir())
    assert not (cli.work / "res" / "customers.csv").exists()
    assert data.exists()


# ---- broken files (the engine's corpus, through the command) --------------------------


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("empty.csv", b"", "is empty"),
        ("binary.csv", bytes(range(256)) * 8, "binary"),
        ("header_only.csv", b"customer,date,amount\n", "no data rows"),
        ("zip.xlsx", b"PK\x03\x04" + b"\x00" * 40, "orders"),
        (
            "nul_tail.csv",
            b"customer,date,amount\n" + b"a,2024-01-01,5\n" * 500 + b"\0" * 9000,
            "NUL",
        ),
    ],
)
def test_broken_files(cli: Harness, name: str, content: bytes, match: str) -> None:
    path = cli.work / name
    path.write_bytes(content)
    result = cli.run("analyze", name, "--out", "res", inputs=[path])
    errors = [ln for ln in result.lines if ln.startswith("error:")]
    assert result.code == 3 and len(errors) == 1, result.err
    assert name in errors[0]
    assert match in errors[0] or match == "orders"
    assert not (cli.work / "res").exists()


def test_config_written_by_analyze_is_reusable_elsewhere(cli: Harness) -> None:
    data = orders_csv(cli.work / "orders.csv")
    assert cli.run("analyze", "orders.csv", "--out", "res", inputs=[data]).code == 0
    config = cli.work / "res" / "config.json"
    result = cli.run(
        "analyze", "orders.csv", "--config", "res/config.json", "--out", "res2",
        inputs=[data, config],
    )  # fmt: skip
    assert result.code == 0, result.err
    assert json.loads((cli.work / "res2" / "config.json").read_text()) == json.loads(
        config.read_text()
    )
