"""The installed PySide6 keeps Python's reference counts right (6.12.0 on 3.11 did not)."""

from desktop.selftest import pyside_loses_references


def test_signal_emits_give_back_their_references():
    assert not pyside_loses_references(emits=500)
