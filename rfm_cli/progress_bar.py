"""A one-line progress bar on a terminal: ``analyze [#######.......] 3/5 scoring  12 s``.

Redrawn in place with a carriage return when the engine reports a step, and once a second
in between (so that a long read still shows its time going up), and wiped when the work ends
so that the result starts on a clean line.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO

WIDTH = 24
TICK = 1.0

#: What the engine's ``progress(done, 5)`` steps of one analysis are doing.
ANALYSIS_STAGES = ("reading", "cleaning", "customer totals", "scoring", "summary")


class ProgressBar:
    def __init__(
        self, stream: TextIO, label: str, stages: tuple[str, ...] = (), *, colour: bool = False
    ) -> None:
        self.stream = stream
        self.label = label
        self.stages = stages
        self.colour = colour
        self.started = time.monotonic()
        self._state = (0, len(stages) or 1)
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._draw()
        self._ticker = threading.Thread(target=self._tick, name="rfm-progress", daemon=True)
        self._ticker.start()

    def update(self, done: int, total: int) -> None:
        """``progress(done, total)`` as the engine calls it."""
        self._state = (done, total)
        self._draw()

    def text(self) -> str:
        done, total = self._state
        total = max(total, 1)
        done = min(max(done, 0), total)
        filled = round(WIDTH * done / total)
        bar = "#" * filled + "." * (WIDTH - filled)
        steps = len(self.stages)
        if steps and total % steps == 0:  # whole steps, or finer units of them
            step = done * steps // total
            stage = self.stages[step] if step < steps else "done"
            count = f"{step}/{steps}" if total == steps else f"{done / total:.0%}"
        else:
            count = f"{done / total:.0%}"
            stage = ""
        seconds = time.monotonic() - self.started
        return f"{self.label} [{bar}] {count} {stage}".rstrip() + f"  {seconds:.0f} s"

    def _draw(self) -> None:
        with self._lock:
            if self._closed.is_set():
                return
            self.stream.write(f"\r{self.text()}\033[K")
            self.stream.flush()

    def _tick(self) -> None:
        while not self._closed.wait(TICK):
            try:
                self._draw()
            except (OSError, ValueError):  # the terminal went away
                return

    def close(self) -> None:
        """Stop and wipe the bar's line."""
        with self._lock:
            if self._closed.is_set():
                return
            self._closed.set()
            self.stream.write("\r\033[K")
            self.stream.flush()
