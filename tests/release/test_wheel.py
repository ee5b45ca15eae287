"""The release as users get it: the wheel and sdist built by ``python -m build`` (as the release
workflow does), the wheel installed into a fresh virtual environment with only the xlwings Lite
package set (pandas, numpy, openpyxl, defusedxml, xlwings and what they need; no pyarrow, no
python-calamine), and the Excel functions, the Lite main.py and the "analyse_this_sheet" script
run through xlwings' call path on the oldest xlwings the guide names and on the newest.

Needs the ``build`` package and PyPI (or pip's cache) for the packages; about a minute.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: The oldest xlwings that excel_addin/README.md names (the line of xlwings Lite workbooks made
#: since mid-2025); also tested: the line of excel_addin/lite/requirements.txt and the newest
#: (the one of this environment).
OLDEST_XLWINGS = "0.33.15"
REQUIREMENTS = REPO / "excel_addin" / "lite" / "requirements.txt"


def requirement_lines() -> list[str]:
    text = REQUIREMENTS.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


PINNED_XLWINGS = requirement_lines()[0].removeprefix("xlwings==")
XLWINGS_VERSIONS = sorted(
    {OLDEST_XLWINGS, PINNED_XLWINGS, importlib.metadata.version("xlwings")},
    key=lambda v: tuple(int(p) for p in v.split(".")),
)
#: What xlwings Lite installs for ``rfm-segments`` (besides xlwings): the engine's dependencies
#: without the ones marked not for Pyodide, and theirs.
LITE_PACKAGES = ("pandas", "numpy", "python-dateutil", "tzdata", "openpyxl", "et-xmlfile")
LITE_PACKAGES += ("defusedxml", "scipy")  # scipy: RFM.PREDICT (Pyodide has it)
# Worked by hand in tests/excel_addin/test_excel_table.py (as_of 2024-01-12, bins 5).
ORDERS = [
    ["Customer", "Order date", "Amount"],
    ["a", 45292.0, 10.0],
    ["a", 45302.0, 5.0],
    ["b", 45297.0, 20.0],
    ["c", 45302.0, 30.0],
    ["c", 45292.0, 40.0],
    ["c", 45297.0, 50.0],
]

pytestmark = pytest.mark.release


#: This environment less what would make the new one see this checkout (PYTHONPATH: pip would
#: take the checkout's egg-info for an installed rfm-segments) or xlwings' server mode.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "XLWINGS_ON_SERVER")}


def run(*args, cwd=None):
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=600, cwd=cwd, env=CLEAN_ENV
    )
    if result.returncode:
        output = result.stdout[-3000:] + result.stderr[-3000:]
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{output}")
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build package is not installed (pip install -e '.[dev]')")
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", str(out), str(REPO))
    return out


@pytest.fixture(scope="module")
def venv(dist, tmp_path_factory):
    """A fresh virtual environment with the wheel and the Lite package set only."""
    home = tmp_path_factory.mktemp("lite-venv")
    run(sys.executable, "-m", "venv", str(home))
    python = home / "bin" / "python"
    (wheel,) = dist.glob("*.whl")
    pins = [f"{name}=={importlib.metadata.version(name)}" for name in LITE_PACKAGES]
    run(python, "-m", "pip", "install", "-q", "--no-deps", str(wheel), *pins)
    return python


def lite_run(python: Path, xlwings_version: str, cwd: Path) -> dict:
    run(python, "-m", "pip", "install", "-q", "--no-deps", f"xlwings=={xlwings_version}")
    main_py = REPO / "excel_addin" / "lite" / "main.py"
    script = Path(__file__).with_name("lite_check.py")
    out = run(python, str(script), str(main_py), json.dumps(ORDERS), cwd=cwd)
    return json.loads(out.strip().splitlines()[-1])


def test_wheel_and_sdist(dist):
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    assert wheel.name.endswith("-py3-none-any.whl")  # pure Python: installs everywhere
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "rfm_engine/__init__.py",
        "rfm_engine/options/scheme_data/classic.json",
        "rfm_cli/main.py",
        "excel_addin/functions.py",
        "excel_addin/classic_addin.py",
        "excel_addin/sheet_script.py",
        "resources/sample/sample_orders.csv",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("tests/")]
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA")))
    text = metadata.decode()
    assert "Name: rfm-segments" in text and "License-Expression: MIT" in text
    assert 'Requires-Dist: pyarrow>=14; sys_platform != "emscripten"' in text
    assert "Provides-Extra: desktop" in text and "Provides-Extra: excel" in text
    with tarfile.open(sdist) as archive:
        members = {Path(m).name for m in archive.getnames()}
    assert {"pyproject.toml", "README.md", "LICENSE", "functions.py"} <= members


def test_the_guide_and_requirements_name_the_tested_versions():
    assert requirement_lines() == [f"xlwings=={PINNED_XLWINGS}", "rfm-segments"]
    guide = (REPO / "excel_addin" / "README.md").read_text(encoding="utf-8")
    assert f"**The functions need xlwings {OLDEST_XLWINGS} or later**" in guide
    assert f"xlwings=={PINNED_XLWINGS}\n   rfm-segments" in guide


def test_the_commands_from_the_wheel(venv, tmp_path):
    """``rfm`` analyses the sample without pyarrow or python-calamine; ``rfm-desktop`` without
    Qt says in one line how to install it (exit status 2), never a traceback."""
    bin_dir = venv.parent
    result = subprocess.run(
        [bin_dir / "rfm", "analyze", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=CLEAN_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "customers.csv").stat().st_size > 10_000
    result = subprocess.run(
        [bin_dir / "rfm-desktop"], capture_output=True, text=True, timeout=60, env=CLEAN_ENV
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        'rfm-desktop: the desktop app needs Qt (PySide6): pip install "rfm-segments[desktop]"'
    )


@pytest.mark.parametrize("version", XLWINGS_VERSIONS)
def test_excel_functions_from_the_wheel_with_only_the_lite_packages(venv, tmp_path, version):
    got = lite_run(venv, version, tmp_path)
    assert got["xlwings"] == version
    assert str(venv.parents[1]) in got["engine_file"]  # the installed wheel, not this checkout
    assert got["missing"] == ["pyarrow", "python_calamine"]
    assert got["names"] == [
        "RFM.NOTES",
        "RFM.PREDICT",
        "RFM.PREDICT_INFO",
        "RFM.RECENCY",
        "RFM.SCORE",
        "RFM.SEGMENT",
        "RFM.SEGMENTS",
        "RFM.SUMMARY",
        "RFM.TABLE",
        "RFM.THRESHOLDS",
        "RFM.VERSION",
    ]
    table = got["table"]
    plain = [[v["basicValue"] if isinstance(v, dict) else v for v in row] for row in table]
    # Three customers leave scores unused on each axis: the line below the table says so.
    assert plain[4:] == [
        [""] * 11,
        [""] * 10 + ["3 warnings: see =RFM.NOTES() with the same arguments"],
    ]
    assert [row[0] for row in got["notes"][1:]] == ["quantile_ties"] * 3
    assert [row[:10] for row in plain[1:4]] == [
        ["a", 1, 2, 15.0, 5, 3, 1, "531", 9, "New Customers"],
        ["b", 6, 1, 20.0, 1, 1, 3, "113", 5, "Lost"],
        ["c", 1, 3, 120.0, 5, 5, 5, "555", 15, "Champions"],
    ]
    assert table[1][3] == {
        "type": "FormattedNumber",
        "basicValue": 15.0,
        "numberFormat": "#,##0.00",
    }
    champions = next(row for row in got["summary"][1:] if row[0] == "champions")
    assert champions[2] == 1 and champions[3]["numberFormat"] == "0.0%"
    assert got["score"] == [[1], [3], [5]]
    assert got["version"] == [[importlib.metadata.version("rfm-segments")]]
    assert got["predict"][0][:2] == ["item", "value"] and len(got["predict"]) > 5
    assert got["script"][:3] == ["addSheet", "setValues", "addTable"]
    assert got["script"].count("addTable") == 3  # Customers, Segments, RFM Notes
    # Charts arrived in xlwings 0.37; older versions get the tables and a note in the log.
    assert ("addChart" in got["script"]) == (tuple(map(int, version.split("."))) >= (0, 37))
