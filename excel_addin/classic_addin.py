"""The functions for the classic xlwings add-in (Windows): ``RFM_TABLE``, ``RFM_SUMMARY`` …

The classic add-in writes one VBA function per Python function, named exactly after it, and a
VBA name cannot hold a dot; so this module holds copies of :mod:`excel_addin.functions` named
``RFM_TABLE`` … (the names of the guide, excel_addin/README.md), with the same arguments, help
texts and converters, returning plain numbers (the classic add-in shows no formatted numbers).
Point the add-in's **UDF Modules** at ``excel_addin.classic_addin``.

Only the module ``functions`` is imported here, never its functions by name: the add-in
registers every decorated function it finds in this module.
"""

from __future__ import annotations

import inspect

import xlwings as xw

from . import functions
from .number_formats import plain_cells

PREFIX = f"{functions.NAMESPACE}_"


def classic(func):
    """A copy of the xlwings Lite function ``func`` registered as ``RFM_<NAME>``."""

    def call(*args):
        return classic_names(plain_cells(func(*args)))

    call.__name__ = call.__qualname__ = PREFIX + func.__name__.upper()
    call.__doc__ = func.__doc__
    call.__signature__ = inspect.signature(func)
    for arg in reversed(func.__xlfunc__["args"]):
        call = xw.arg(arg["name"], arg["options"].get("convert"), doc=arg["doc"])(call)
    return xw.func(call)


def classic_names(value):
    """Text cells naming a function as ``=RFM.NOTES(`` name it as this add-in does,
    ``=RFM_NOTES(``."""
    if isinstance(value, str):
        return value.replace(f"={functions.NAMESPACE}.", f"={PREFIX}")
    if isinstance(value, list):
        return [classic_names(v) for v in value]
    return value


RFM_TABLE = classic(functions.table)
RFM_SUMMARY = classic(functions.summary)
RFM_SCORE = classic(functions.score)
RFM_THRESHOLDS = classic(functions.thresholds)
RFM_SEGMENT = classic(functions.segment)
RFM_RECENCY = classic(functions.recency)
RFM_SEGMENTS = classic(functions.segments)
RFM_NOTES = classic(functions.notes)
RFM_PREDICT = classic(functions.predict)
RFM_PREDICT_INFO = classic(functions.predict_info)
RFM_VERSION = classic(functions.version)

__all__ = [
    "RFM_NOTES",
    "RFM_PREDICT",
    "RFM_PREDICT_INFO",
    "RFM_RECENCY",
    "RFM_SCORE",
    "RFM_SEGMENT",
    "RFM_SEGMENTS",
    "RFM_SUMMARY",
    "RFM_TABLE",
    "RFM_THRESHOLDS",
    "RFM_VERSION",
]
