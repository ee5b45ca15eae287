"""Run the Excel functions the way Excel does, through xlwings' own call path.

On Linux ``xw.func``/``xw.arg`` only register a function when ``XLWINGS_ON_SERVER=true`` is set
before xlwings is first imported; that path (xlwings Server, the same one xlwings Lite uses)
checks for a license key, and ``noncommercial`` is xlwings' key for noncommercial use such as
this test suite. Both are set here, before any test module imports xlwings.
"""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

if "xlwings" in sys.modules and os.environ.get("XLWINGS_ON_SERVER") != "true":
    raise RuntimeError("xlwings was imported before tests/excel_addin/conftest.py set it up")
os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

xlwings = pytest.importorskip("xlwings")
server = pytest.importorskip("xlwings.server")

from excel_addin import functions  # noqa: E402  (needs the environment above)
from excel_addin.number_formats import plain_cells  # noqa: E402


def call_excel(
    func_name: str,
    *args,
    runtime: str = "1.4",
    date_format: str | None = None,
    formats: bool = False,
    module=functions,
):
    """Call ``func_name`` as Excel does: every argument a 2D matrix (or ``None`` when omitted),
    through :func:`xlwings.server.custom_functions_call`; returns the 2D result Excel gets,
    with formatted numbers as their plain values unless ``formats``."""
    payload = {
        "func_name": func_name,
        "args": list(args),
        "version": xlwings.__version__,
        "client": "Office.js",
        "runtime": runtime,
        "culture_info_name": "en-US",
        "date_format": date_format,
        "caller_address": "Sheet1!Z1",
    }
    result = asyncio.run(server.custom_functions_call(payload, module))
    return result if formats else plain_cells(result)


def split_footer(result):
    """An RFM.TABLE or RFM.SUMMARY result as (the table, header first; the line below it, or
    ``None``): the line is the only text after one empty row, in the last column (so that it
    runs on to the right), and points to RFM.NOTES (or RFM_NOTES, in the classic add-in)."""
    empty = [i for i, row in enumerate(result) if all(v in (None, "") for v in row)]
    if not empty:
        return result, None
    at = empty[0]
    assert len(result) == at + 2, result[at:]
    *rest, line = result[at + 1]
    assert all(v in (None, "") for v in rest), rest
    assert "=RFM.NOTES()" in line or "=RFM_NOTES()" in line, line
    return result[:at], line


@pytest.fixture(name="split_footer")
def split_footer_fixture():
    """The :func:`split_footer` helper."""
    return split_footer


@pytest.fixture
def excel():
    """The :func:`call_excel` helper."""
    return call_excel


@pytest.fixture(scope="session")
def addin_meta():
    """The metadata xlwings registers with Excel for :mod:`excel_addin.functions`."""
    return server.custom_functions_meta(functions)
