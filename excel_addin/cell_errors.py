"""Errors as cell text: a function that fails shows ``#RFM! <problem>`` in its cell.

Excel would otherwise show ``#VALUE!`` (or, in the classic add-in, a Python error box) with no
hint of what is wrong. Expected problems (an :class:`~rfm_engine.RfmError`, or a bad argument
value or type) give their own one-line message; anything else is named as unexpected so it can
be reported.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rfm_engine import RfmError

PREFIX = "#RFM!"


def error_text(exc: BaseException) -> str:
    """``#RFM! <message>`` on one line."""
    if isinstance(exc, (RfmError, ValueError, TypeError)):
        message = str(exc)
    else:
        message = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
    return f"{PREFIX} {' '.join(message.split())}"


def cell_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a custom function so that any exception becomes an error text in the cell.

    :func:`functools.wraps` keeps the name, docstring and signature that xlwings reads to
    register the function.
    """

    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        try:
            return func(*args)
        except Exception as exc:  # a cell must show a message, never raise into Excel
            return error_text(exc)

    return wrapper
