"""The log of unexpected errors: written with its traceback, rotated, data errors left out."""

from __future__ import annotations

from desktop import error_log
from desktop.error_dialog import show_error
from rfm_engine import RfmError


def fail(message: str) -> BaseException:
    try:
        raise ValueError(message)
    except ValueError as exc:
        return exc


def test_an_error_is_appended_with_its_traceback(tmp_path):
    path = error_log.log_error(fail("first"))
    error_log.log_error(fail("second"))
    assert path == tmp_path / "log" / "rfm-desktop.log"
    text = path.read_text(encoding="utf-8")
    assert text.index("ValueError: first") < text.index("ValueError: second")
    assert "Traceback (most recent call last)" in text and "raise ValueError(message)" in text


def test_a_full_log_is_kept_as_log_1(tmp_path, monkeypatch):
    monkeypatch.setattr(error_log, "MAX_BYTES", 100)
    path = error_log.log_error(fail("x" * 200))
    error_log.log_error(fail("new"))
    assert "x" * 200 in (path.parent / "rfm-desktop.log.1").read_text(encoding="utf-8")
    assert "ValueError: new" in path.read_text(encoding="utf-8")
    assert "x" * 200 not in path.read_text(encoding="utf-8")


def test_an_unwritable_log_is_no_second_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(error_log, "directory", blocker / "sub")
    assert error_log.log_error(fail("lost")) is None


def test_the_error_dialog_logs_unexpected_errors_only(qtbot, tmp_path):
    show_error(None, RfmError("orders.csv: no customer column"))
    assert not (tmp_path / "log" / "rfm-desktop.log").exists()
    show_error(None, fail("bug"))
    assert "ValueError: bug" in (tmp_path / "log" / "rfm-desktop.log").read_text(encoding="utf-8")
