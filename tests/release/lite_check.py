"""Run inside a fresh virtual environment holding only the installed wheel and the xlwings Lite
package set (see test_wheel.py): prints, as JSON, what the functions give through xlwings' call
path. Not a test module itself: test_wheel.py runs it with that environment's Python."""

import asyncio
import copy
import importlib.util
import json
import os
import runpy
import sys

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # xlwings' noncommercial key

import xlwings as xw
from xlwings import server


def call(module, func_name, *args):
    payload = {
        "func_name": func_name,
        "args": list(args),
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "culture_info_name": "en-US",
        "date_format": "yyyy-mm-dd",
        "caller_address": "Sheet1!Z1",
    }
    return asyncio.run(server.custom_functions_call(payload, module))


def script_actions(module, orders):
    sheet = {"name": "Orders", "values": orders, "pictures": [], "shapes": [], "charts": []}
    sheet.update({"tables": [], "notes": [], "pivot_tables": []})
    book = xw.Book(
        json={
            "client": "Office.js",
            "version": xw.__version__,
            "book": {"name": "orders.xlsx", "active_sheet_index": 0, "selection": "A1"},
            "names": [],
            "sheets": [copy.deepcopy(sheet)],
        }
    )
    hints = {xw.Book: book}
    asyncio.run(server.custom_scripts_call(module, "analyse_this_sheet", typehint_to_value=hints))
    return [action["func"] for action in book.json()["actions"]]


def main(main_py, orders_json):
    orders = json.loads(orders_json)
    import excel_addin.functions as functions
    import rfm_engine

    lite = type(sys)("lite_main")
    lite.__dict__.update(runpy.run_path(main_py))
    meta = server.custom_functions_meta(lite)
    out = {
        "xlwings": xw.__version__,
        "engine_file": rfm_engine.__file__,
        "missing": [m for m in ("pyarrow", "python_calamine") if not importlib.util.find_spec(m)],
        "names": sorted(f["name"] for f in meta["functions"]),
        "table": call(lite, "table", orders),
        "summary": call(functions, "summary", orders),
        "notes": call(lite, "notes", orders),
        "score": call(lite, "score", [[15.0], [20.0], [120.0]], [[15.0], [20.0], [120.0]]),
        "version": call(lite, "version"),
        "predict": call(lite, "predict_info", orders),
        "script": script_actions(lite, orders),
    }
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
