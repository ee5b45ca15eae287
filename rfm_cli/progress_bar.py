"""A one-line progress bar on a terminal: ``analyze [#######.......] 3/5 scoring``.

Redrawn in place with a carriage return, only when what it shows changes, and wiped when the
work ends so that the result starts on a clean line.
"""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 24


class ProgressBar:
    def __init__(
        self, stream: TextIO, label: str, stages: tuple[str, ...] = (), *, colour: bool = False
    ) -> None:
        self.stream = stream
        self.label = label
        self.stages = stages
        self.colour = colour
        self.started = time.monotonic()
        self._shown = ""
        self._draw(0, len(stages) or 1)

    def update(self, done: int, total: int) -> None:
        """``progress(done, total)`` as the engine calls it."""
        self._draw(done, total)

    def _draw(self, done: int, total: int) -> None:
        total = max(total, 1)
        done = min(max(done, 0), total)
        filled = round(WIDTH * done / total)
        bar = "#" * filled + "." * (WIDTH - filled)
        if self.stages and total == len(self.stages):
            count = f"{done}/{total}"
            stage = self.stages[done] if done < total else "done"
        else:
            count = f"{done / total:4.0%}"
            stage = ""
        seconds = time.monotonic() - self.started
        text = f"{self.label} [{bar}] {count} {stage}".rstrip()
        if text == self._shown and seconds < 1:
            return
        self._shown = text
        self.stream.write(f"\r{text}  {seconds:.0f} s\033[K")
        self.stream.flush()

    def close(self) -> None:
        """Wipe the bar's line."""
        self.stream.write("\r\033[K")
        self.stream.flush()


#: What the engine's ``progress(done, 5)`` steps of one analysis are doing.
ANALYSIS_STAGES = ("reading", "cleaning", "customer totals", "scoring", "summary")
