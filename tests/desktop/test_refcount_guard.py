"""The PySide6 6.12 / CPython 3.11 reference-count work-around keeps None and bools alive."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from desktop.refcount_guard import HEADROOM


class _Emitter(QObject):
    fired = Signal(bool)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal objects since 3.12")
def test_many_emits_cannot_free_true_or_none():
    assert sys.getrefcount(None) > HEADROOM // 2
    assert sys.getrefcount(True) > HEADROOM // 2
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(20_000):  # more than True's own count in a fresh interpreter
        emitter.fired.emit(True)
    assert sys.getrefcount(True) > HEADROOM // 2 and before - sys.getrefcount(True) <= 20_000
