"""Background work: success, failure and progress reach the GUI thread; cancel drops results."""

from __future__ import annotations

import threading

from desktop.workers import Cancelled, TaskRunner


def test_success_with_progress_runs_off_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict = {"progress": []}
    gui_thread = threading.get_ident()

    def work(progress):
        seen["thread"] = threading.get_ident()
        for i in range(1, 4):
            progress(i, 3)
        return 42

    runner.run(
        work,
        lambda v: seen.setdefault("value", v),
        seen.setdefault,
        lambda d, t: seen["progress"].append((d, t)),
    )
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["thread"] != gui_thread
    qtbot.waitUntil(lambda: len(seen["progress"]) == 3)
    assert seen["progress"] == [(1, 3), (2, 3), (3, 3)]
    assert not runner.busy


def test_failure_is_delivered_not_lost(qtbot):
    runner = TaskRunner()
    errors = []

    def work(progress):
        raise ZeroDivisionError("boom")

    runner.run(work, lambda v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_failing_success_callback_goes_to_the_failure_path(qtbot):
    runner = TaskRunner()
    errors = []

    def broken(value):
        raise KeyError(value)

    runner.run(lambda progress: "x", broken, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], KeyError)


def test_cancel_stops_at_the_next_progress_call(qtbot):
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    outcome = []

    def work(progress):
        started.set()
        release.wait(5)
        try:
            progress(1, 2)
        except Cancelled:
            outcome.append("cancelled")
            raise
        return "finished"

    runner.run(work, outcome.append, outcome.append)
    assert started.wait(5)
    runner.cancel_all()
    release.set()
    runner.wait()
    qtbot.wait(50)
    assert outcome == ["cancelled"]  # neither callback ran
    assert not runner.busy
