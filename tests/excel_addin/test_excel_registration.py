"""What xlwings registers with Excel: names under ``RFM.``, descriptions, optional arguments."""

from __future__ import annotations

import runpy
from pathlib import Path

from excel_addin import functions

REPO = Path(__file__).resolve().parents[2]

EXPECTED = {
    "RFM.TABLE": (["orders"], ["as_of", "bins", "scheme", "lang", "notes"]),
    "RFM.SUMMARY": (["orders"], ["as_of", "bins", "scheme", "lang", "notes"]),
    "RFM.NOTES": (["orders"], ["as_of", "bins", "scheme", "lang"]),
    "RFM.SCORE": (["value", "values"], ["bins", "lower_is_better"]),
    "RFM.THRESHOLDS": (["values"], ["bins"]),
    "RFM.SEGMENT": (["r", "f", "m"], ["scheme", "lang"]),
    "RFM.RECENCY": (["last_date"], ["as_of"]),
    "RFM.SEGMENTS": ([], ["scheme", "lang"]),
    "RFM.VERSION": ([], []),
    "RFM.PREDICT": (["orders"], ["as_of", "horizon", "discount"]),
    "RFM.PREDICT_INFO": (["orders"], ["as_of", "horizon", "discount"]),
}


def test_every_function_is_registered_under_the_rfm_namespace(addin_meta):
    names = {f["name"] for f in addin_meta["functions"]}
    assert names == set(EXPECTED)
    ids = {f["id"] for f in addin_meta["functions"]}
    assert ids == {name.upper() for name in functions.__all__}


def test_required_and_optional_arguments(addin_meta):
    for func in addin_meta["functions"]:
        required, optional = EXPECTED[func["name"]]
        params = func["parameters"]
        assert [p["name"] for p in params] == required + optional, func["name"]
        assert [p["name"] for p in params if p.get("optional")] == optional, func["name"]


def test_functions_and_arguments_carry_help_text(addin_meta):
    for func in addin_meta["functions"]:
        assert len(func["description"]) > 20, func["name"]
        assert not func["description"].startswith("Python function"), func["name"]
        for param in func["parameters"]:
            assert not param["description"].startswith("Positional argument"), (
                func["name"],
                param["name"],
            )
    table = next(f for f in addin_meta["functions"] if f["name"] == "RFM.TABLE")
    assert "header row" in table["parameters"][0]["description"]
    assert "2-9" in table["parameters"][2]["description"]


def test_results_spill_as_matrices(addin_meta):
    for func in addin_meta["functions"]:
        assert func["result"] == {"dimensionality": "matrix", "type": "any"}


def test_the_lite_main_py_registers_the_same_functions(addin_meta):
    """``excel_addin/lite/main.py`` is what users paste into xlwings Lite."""
    namespace = runpy.run_path(str(REPO / "excel_addin" / "lite" / "main.py"))
    module = type(functions)("lite_main")
    module.__dict__.update(namespace)
    from xlwings.server import custom_functions_meta

    lite = custom_functions_meta(module)
    assert lite == addin_meta


def test_the_lite_main_py_registers_the_analyse_script():
    namespace = runpy.run_path(str(REPO / "excel_addin" / "lite" / "main.py"))
    module = type(functions)("lite_main")
    module.__dict__.update(namespace)
    from xlwings.server import custom_scripts_meta

    assert [s["function_name"] for s in custom_scripts_meta(module)] == ["analyse_this_sheet"]


def test_python_names_give_the_excel_names_on_every_xlwings_version():
    """xlwings before 0.37 ignores ``name=``: it registers NAMESPACE.PYTHON_NAME in upper case,
    so each Python name must be the Excel name after the dot."""
    for name in functions.__all__:
        func = getattr(functions, name)
        assert func.__xlfunc__["name"] == name
        assert func.__xlfunc__.get("excel_name") is None
        assert f"RFM.{name.upper()}" in EXPECTED
