"""Ctrl+C in the first second or two of ``rfm``, while it imports pandas and the engine: exit
status 130 and the one line ``error: interrupted``, never a Python traceback.

Each run is a real process sent SIGINT as soon as it has loaded numpy's compiled core (read
from ``/proc/<pid>/maps``), which is when the imports are under way: pandas and the engine
are still to come, and the command (``analyze`` of a file that does not exist, which would
end at once with status 3) has not started.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from cli_process import REPO, rfm_env

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/maps").exists(), reason="needs /proc to see the imports under way"
)


def entry_point() -> str:
    """The ``rfm`` script's entry point as pyproject.toml declares it (``module:function``)."""
    with open(REPO / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["scripts"]["rfm"]


def launchers() -> dict[str, list[str]]:
    module, function = entry_point().split(":")
    # What pip's generated ``rfm`` script does with the entry point.
    script = f"import sys; from {module} import {function}; sys.exit({function}())"
    return {
        "rfm script": [sys.executable, "-c", script],
        "python -m rfm_cli": [sys.executable, "-m", "rfm_cli"],
    }


def _wait_until_loaded(proc: subprocess.Popen, library: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"rfm ended before loading {library}: {proc.communicate()}")
        try:
            if library in Path(f"/proc/{proc.pid}/maps").read_text():
                return
        except OSError:
            pass
        time.sleep(0.002)
    pytest.fail(f"rfm never loaded {library}")


@pytest.mark.parametrize("launcher", ["rfm script", "python -m rfm_cli"])
def test_ctrl_c_while_importing_gives_one_line_and_status_130(tmp_path, launcher):
    command = [*launchers()[launcher], "analyze", "missing.csv"]
    proc = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=rfm_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until_loaded(proc, "_multiarray_umath")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.splitlines() == ["error: interrupted"]
    assert out == ""


def test_without_ctrl_c_the_command_runs(tmp_path):
    """The same launch, left alone, reaches the command (and its own error for the file)."""
    result = subprocess.run(
        [*launchers()["rfm script"], "analyze", "missing.csv"],
        cwd=tmp_path,
        env=rfm_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3
    assert result.stderr.startswith("error: ") and "missing.csv" in result.stderr
