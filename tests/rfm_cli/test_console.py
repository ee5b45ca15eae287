"""What goes to stderr: progress and colour only on a terminal (a pseudo-terminal here),
``-q`` and ``-v``, ``NO_COLOR``; stdout stays the result."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from cli_process import rfm_command, rfm_env, run_rfm

from rfm_cli.progress_bar import ANALYSIS_STAGES, ProgressBar

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def run_on_terminal(*args: str, cwd, **env: str) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal and stdout on a pipe; (status, stdout, stderr)."""
    master, slave = os.openpty()
    proc = subprocess.Popen(
        rfm_command(*args),
        cwd=cwd,
        env=rfm_env(TERM="xterm", **env),
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's last writer has gone
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    out = proc.stdout.read().decode()
    proc.stdout.close()
    return proc.wait(timeout=120), out, b"".join(chunks).decode(errors="replace")


def test_progress_shows_on_a_terminal_and_is_wiped(shop_orders, tmp_path):
    code, out, err = run_on_terminal("analyze", str(shop_orders), "--out", "o", cwd=tmp_path)
    assert code == 0
    assert "analyze [" in err and "reading" in err and "\r\x1b[K" in err
    assert "analyze [" not in out and out.startswith("RFM segments")
    # After the bar is wiped, the warning is a line of its own, in colour.
    assert "\x1b[33mwarning:\x1b[0m frequency" in err


def test_quiet_and_no_color_on_a_terminal(shop_orders, tmp_path):
    args = ("analyze", str(shop_orders), "--out", "o", "-q")
    code, out, err = run_on_terminal(*args, cwd=tmp_path, NO_COLOR="1")
    assert code == 0 and out.startswith("RFM segments")
    assert "analyze [" not in err  # no progress with -q
    assert "warning: frequency" in err and "\x1b[" not in err  # warnings stay, no colour
    code, _, err = run_on_terminal("analyze", "missing.csv", cwd=tmp_path)
    assert code == 3 and "\x1b[31merror:\x1b[0m missing.csv: no such file" in err


def test_nothing_but_warnings_on_stderr_off_a_terminal(shop_orders, tmp_path):
    proc = run_rfm("analyze", str(shop_orders), "--out", "o", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stderr.decode().splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines)


def test_verbose_names_the_columns_chosen(shop_orders, tmp_path):
    proc = run_rfm("analyze", str(shop_orders), "--out", "o", "-v", cwd=tmp_path)
    err = proc.stderr.decode()
    assert "columns: customer='customer', date='date', amount='amount', order='order'" in err
    timing = next(line for line in err.splitlines() if line.startswith("analyze: "))
    stages = [part.rsplit(" ", 2)[0] for part in timing.removeprefix("analyze: ").split(", ")]
    assert stages == ["reading", "cleaning", "customer totals", "scoring", "summary"]
    quiet_json = run_rfm("analyze", str(shop_orders), "--out", "o", "-v", "--json", cwd=tmp_path)
    assert quiet_json.returncode == 0 and quiet_json.stderr == b""


def test_the_bar_names_the_stage_for_whole_steps_and_finer_units():
    stream = io.StringIO()
    bar = ProgressBar(stream, "analyze", ANALYSIS_STAGES)
    try:
        assert "[" + "." * 24 + "] 0/5 reading" in bar.text()
        bar.update(1500, 5000)  # the out-of-core path, half-way through its chunks
        assert "analyze [" + "#" * 7 + "." * 17 + "] 30% cleaning" in bar.text()
        bar.update(3, 5)
        assert "3/5 scoring" in bar.text()
        bar.update(5, 5)
        assert "] 5/5 done" in bar.text()
    finally:
        bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")
    bar.update(4, 5)  # after close: nothing more drawn
    assert stream.getvalue().endswith("\r\x1b[K")
