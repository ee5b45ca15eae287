"""Running engine calls off the GUI thread, with progress, cancel, success and failure paths.

The engine reports progress through a plain ``progress(done, total)`` callable; here that
callable emits a Qt signal and raises :class:`Cancelled` once the user has cancelled, so the
engine stops at its next step. Every task ends in exactly one callback: success or failure
(an exception is never lost in the worker thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a task's progress callable after the user cancelled it."""


class _TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One call ``fn(progress)`` run on the thread pool."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _TaskSignals()
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:  # Qt override, runs on a pool thread
        try:
            result = self.fn(self._progress)
            if self._cancel.is_set():
                raise Cancelled()
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts tasks and tracks the one that is running; ``busy`` tells the window."""

    busy_changed = Signal(bool)
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._tasks: set[Task] = set()

    @property
    def busy(self) -> bool:
        return any(not t.cancelled for t in self._tasks)

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Progress | None = None,
    ) -> Task:
        """Run ``fn(progress)`` off the GUI thread; callbacks run on the GUI thread.

        A cancelled task calls neither callback: the user already moved on.
        """
        task = Task(fn)
        self._tasks.add(task)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._tasks.discard(task)
            try:
                self.busy_changed.emit(self.busy)
            except RuntimeError:  # the runner's window closed meanwhile (the import wizard
                return  # during its first read): nobody is left to tell
            if task.cancelled:
                return
            try:
                callback(value)
            except Exception as exc:
                if callback is on_failure:
                    raise
                on_failure(exc)

        def report(done: int, total: int) -> None:
            if task.cancelled:
                return
            self.progress.emit(done, total)
            if on_progress is not None:
                on_progress(done, total)

        task.signals.progress.connect(report)
        task.signals.succeeded.connect(lambda value: finish(on_success, value))
        task.signals.failed.connect(lambda exc: finish(on_failure, exc))
        self.busy_changed.emit(True)
        self._pool.start(task)
        return task

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self.busy_changed.emit(self.busy)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)
