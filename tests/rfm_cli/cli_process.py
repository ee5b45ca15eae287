"""Run the ``rfm`` command as a real process, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Variables that change what the command prints; each subprocess test sets its own.
CLEARED = ("RFM_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "NO_COLOR", "TERM")
CLEARED += ("PYTHONIOENCODING", "PYTHONUNBUFFERED", "RFM_DEBUG")


def rfm_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_rfm(*args: str, cwd: Path, env: dict[str, str] | None = None, **kwargs):
    """``python -m rfm_cli ARGS`` in ``cwd``; stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "rfm_cli", *args],
        cwd=cwd,
        env=env or rfm_env(),
        capture_output=True,
        timeout=120,
        **kwargs,
    )


def rfm_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "rfm_cli", *args]
