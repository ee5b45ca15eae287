"""Work around a reference-count bug of PySide6 6.12 on CPython 3.11.

PySide6 6.12 hands ``None``, ``True`` and ``False`` back to Python without taking a reference
(safe on CPython 3.12+, where those objects are immortal). On 3.11 every such call — a signal
``emit()``, a slot returning ``None``, a virtual override returning a bool — lowers their
reference count by one, and after enough calls the interpreter aborts with "Fatal Python error:
none_dealloc" / "bool_dealloc". Measured here: 100 ``emit()`` calls take 100 references from
``True``; 100 ``setVisible()`` calls take 100 from ``None``.

:func:`guard` gives those three objects the effectively infinite reference count that CPython
3.12 gives them (PEP 683), so the missing references can never free them. It does nothing on
3.12+ or on other interpreters.
"""

from __future__ import annotations

import ctypes
import platform
import sys

#: Added to each object's count: never reached by any number of lost references.
HEADROOM = 1 << 40
_done = False


def guard() -> bool:
    """Apply the work-around once; True when it was needed and applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (release builds).
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _done = True
    return True
