"""The GitHub workflows (.github/workflows): actionlint finds no problem, and the release
workflow does what docs/releasing.md says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"


@pytest.fixture(scope="module")
def actionlint() -> str:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("actionlint", path=path)
    if not found:
        pytest.skip("actionlint is not installed (pip install -e '.[dev]' on Linux x86-64)")
    return found


def lint(actionlint: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [actionlint, "-no-color", "-oneline", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_actionlint_passes(actionlint):
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["ci.yml", "release.yml"]
    result = lint(actionlint, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(actionlint, tmp_path):
    broken = (
        (WORKFLOWS / "release.yml").read_text().replace("runs-on: ubuntu-latest", "runs_on: x", 1)
    )
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    path = tmp_path / ".github" / "workflows" / "release.yml"
    path.write_text(broken)
    result = lint(actionlint, path)
    assert result.returncode == 1 and "runs_on" in result.stdout


def test_release_workflow_steps():
    text = (WORKFLOWS / "release.yml").read_text()
    assert re.search(r"on:\s+push:\s+tags: \[\"v\*\"\]", text)
    assert "uses: ./.github/workflows/ci.yml" in text  # the tests first
    assert "python -m build" in text
    assert "pypa/gh-action-pypi-publish@" in text and "password" not in text
    # Only the publishing job may ask for an OIDC token (trusted publishing).
    assert text.count("id-token: write") == 1
    pypi_job = text[text.index("  pypi:") : text.index("  desktop:")]
    assert "id-token: write" in pypi_job
    for runner in ("windows-latest", "macos-latest", "ubuntu-latest"):
        assert f"os: {runner}" in text
    assert "pyinstaller --noconfirm --clean build.spec" in text
    assert "--selftest" in text
    assert "gh release create" in text
