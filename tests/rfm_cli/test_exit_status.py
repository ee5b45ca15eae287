"""Exit statuses and failure paths of the real process: 2 usage, 3 data, 130 interrupted,
141 closed pipe; never a traceback."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_process import rfm_command, rfm_env, run_rfm

from rfm_cli.exit_status import EXIT_CODES_HELP


def test_usage_is_2_and_data_problems_are_3(shop_orders, tmp_path):
    usage = run_rfm("analyze", "--bins", "many", cwd=tmp_path)
    assert usage.returncode == 2 and usage.stderr.startswith(b"error: argument --bins")
    data = run_rfm("analyze", str(shop_orders), "--customer", "nobody", cwd=tmp_path)
    assert data.returncode == 3
    assert data.stderr.decode().splitlines() == [
        line for line in data.stderr.decode().splitlines() if line.startswith("error: ")
    ]
    assert b"nobody" in data.stderr and b"Traceback" not in data.stderr


def test_exit_codes_are_in_the_help(tmp_path):
    text = run_rfm("--help", cwd=tmp_path).stdout.decode()
    assert EXIT_CODES_HELP in text
    for code in ("0", "1", "2", "3", "130", "141"):
        assert f"\n  {code} " in EXIT_CODES_HELP


def test_a_closed_pipe_ends_quietly_with_141(shop_orders, tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (like `head`) is gone before anything is written
    proc = subprocess.run(
        rfm_command("analyze", str(shop_orders), "--out", "out"),
        cwd=tmp_path,
        env=rfm_env(),
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    os.close(write_end)
    assert proc.returncode == 141
    lines = proc.stderr.decode().splitlines()  # no BrokenPipeError, no "Exception ignored"
    assert lines and all(line.startswith("warning: ") for line in lines)  # still shown
    assert (tmp_path / "out" / "customers.csv").exists()  # the tables came first


def test_help_into_a_closed_pipe_is_quiet_too(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = subprocess.run(
        rfm_command("analyze", "--help"),
        cwd=tmp_path,
        env=rfm_env(),
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    os.close(write_end)
    assert proc.returncode == 141 and proc.stderr == b""


def test_chinese_names_on_a_cp1252_console_do_not_crash(shop_orders, tmp_path):
    env = rfm_env(PYTHONIOENCODING="cp1252")
    proc = run_rfm(
        "analyze", str(shop_orders), "--out", "o", "--lang", "zh_CN", cwd=tmp_path, env=env
    )
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("cp1252")
    assert "Customers" not in text and "?" in text  # Chinese labels, shown as ? by cp1252
    names = (tmp_path / "o" / "segments.csv").read_text(encoding="utf-8-sig")
    assert "客户" in names or "价值" in names or "流失" in names  # files keep the real text


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    """Ctrl+C while the command reads a large export (settings files may not be FIFOs, so the
    command is caught mid-read: once it has the file open, the signal comes)."""
    big = tmp_path / "big.csv"
    rows = "".join(
        f"c{i % 90_000},2024-01-{i % 28 + 1:02d},{i % 97 + 1}.5\n" for i in range(400_000)
    )
    big.write_text("customer,date,amount\n" + rows * 8)
    proc = subprocess.Popen(
        rfm_command("analyze", str(big), "--engine", "memory", "--out", "out"),
        cwd=tmp_path,
        env=rfm_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_open(proc, big)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.decode().splitlines() == ["error: interrupted"]


def _wait_until_open(proc, path: Path, timeout: float = 60) -> None:
    """Until process ``proc`` has ``path`` open (read through /proc)."""
    deadline = time.monotonic() + timeout
    target = str(path.resolve())
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"rfm ended before reading: {proc.communicate()}")
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{proc.pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) == target:
                        return
        time.sleep(0.01)
    pytest.fail("rfm never opened the export")


def _open_when_read(fifo, proc, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
        if proc.poll() is not None:
            pytest.fail(f"rfm ended before reading: {proc.communicate()}")
        time.sleep(0.05)
    proc.kill()
    pytest.fail("rfm never opened its --config file")


def _without_root_override() -> None:
    """In the child: drop root's right to ignore file permissions (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH) from the bounding set, so chmod 000 locks the file as for a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


@pytest.mark.skipif(sys.platform != "linux", reason="file locking is simulated with chmod")
def test_a_locked_file_is_one_line(shop_orders, tmp_path):
    shop_orders.chmod(0)
    try:
        proc = subprocess.run(
            rfm_command("analyze", str(shop_orders), "--out", "out"),
            cwd=tmp_path,
            env=rfm_env(),
            capture_output=True,
            timeout=120,
            preexec_fn=_without_root_override if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError as exc:  # prctl refused: a container without CAP_SETPCAP
        pytest.skip(f"cannot drop root's file access here: {exc}")
    finally:
        shop_orders.chmod(0o644)
    assert proc.returncode == 3
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {shop_orders}: permission denied")
    assert "please report" not in lines[0]
