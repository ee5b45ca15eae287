"""What every ``rfm`` command shows, and where: the shared output policy.

- stdout carries the result: the readable text, or with ``--json`` one JSON object
  (:mod:`rfm_cli.json_output`) and nothing else.
- stderr carries warnings and errors, and, only when it is a terminal, progress and (with
  ``-v``) notes. ``-q`` leaves warnings and errors alone there. With ``--json`` the warnings go
  into the JSON object instead, so stderr stays empty unless there is an error.
- Colour only on a terminal, and never with ``NO_COLOR`` set (https://no-color.org) or
  ``TERM=dumb``.

A command reaches its console with :meth:`Console.of` and reports through it: text with
:meth:`~Console.out`, files with :meth:`~Console.wrote`, warnings with :meth:`~Console.warn`,
JSON fields with :meth:`~Console.set`, progress with :meth:`~Console.progress`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from rfm_engine.notes import RfmWarning

from .error_text import warning_line
from .progress_bar import ProgressBar

COLOURS = {"error": "31", "warning": "33", "note": "2"}


class Console:
    """The output of one command run (see the module docstring)."""

    def __init__(
        self,
        *,
        json: bool = False,
        quiet: bool = False,
        verbose: int = 0,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        self.json = json
        self.quiet = quiet
        self.verbose = verbose
        self._stdout = stdout
        self._stderr = stderr
        env = os.environ if environ is None else environ
        self.terminal = _isatty(self.stderr)
        self.colour = self.terminal and "NO_COLOR" not in env and env.get("TERM") != "dumb"
        #: JSON fields the command set (see :mod:`rfm_cli.json_output`).
        self.fields: dict[str, Any] = {}
        self.warnings: list[RfmWarning] = []
        self.written: list[str] = []
        self._bar: ProgressBar | None = None
        self._timing: StageTimes | None = None

    @classmethod
    def of(cls, args: argparse.Namespace) -> Console:
        """The console ``main`` made for this run (a default one when called directly)."""
        console = getattr(args, "console", None)
        if console is None:
            console = cls(
                json=getattr(args, "json", False),
                quiet=getattr(args, "quiet", False),
                verbose=getattr(args, "verbose", 0) or 0,
            )
            args.console = console
        return console

    @property
    def stdout(self) -> TextIO:
        return self._stdout or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self._stderr or sys.stderr

    # -- the result ---------------------------------------------------------------------------

    def out(self, text: str = "") -> None:
        """A line of the readable result on stdout (nothing with ``--json``)."""
        if not self.json:
            self.end_progress()
            print(text, file=self.stdout)

    def set(self, **fields: Any) -> None:
        """Fields of the JSON object (ignored without ``--json``, so always safe to call)."""
        self.fields.update(fields)

    def wrote(self, *paths: str | Path) -> None:
        """Files written, listed in the JSON object's ``written``."""
        self.written.extend(str(p) for p in paths)

    # -- stderr -------------------------------------------------------------------------------

    def warn(self, warnings: Iterable[RfmWarning]) -> None:
        """Warnings: ``warning:`` lines on stderr, or the JSON object's ``warnings``."""
        for warning in warnings:
            self.warnings.append(warning)
            if not self.json:
                self._err(warning_line(warning), "warning")

    def note(self, text: str) -> None:
        """A ``note:`` line on stderr that is part of the result's meaning (a custom scheme's
        gaps): shown unless ``--json``, which carries it in ``notes``."""
        self.fields.setdefault("notes", []).append(text)
        if not self.json:
            self._err(f"note: {text}", "note")

    def info(self, text: str) -> None:
        """Detail for ``-v`` (columns chosen, timings) on stderr; with ``--json`` only when
        stderr is a terminal."""
        if self.verbose and not self.quiet and (self.terminal or not self.json):
            self._err(text, "note")

    def error(self, text: str) -> None:
        """The one ``error:`` line, always on stderr."""
        self._err(text, "error")

    def _err(self, text: str, kind: str) -> None:
        self.end_progress()
        if self.colour:
            head, sep, rest = text.partition(":")
            if sep and kind in COLOURS:
                text = f"\033[{COLOURS[kind]}m{head}:\033[0m{rest}"
        print(text, file=self.stderr)

    # -- progress -----------------------------------------------------------------------------

    def progress(self, label: str, stages: tuple[str, ...] = ()) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` callable for the engine: a bar with the current stage on
        a terminal (not with ``-q``); with ``-v``, the time of each stage afterwards."""
        self.end_progress()
        self._timing = StageTimes(label, stages)
        if self.terminal and not self.quiet:
            self._bar = ProgressBar(self.stderr, label, stages, colour=self.colour)
        bar = self._bar

        def progress(done: int, total: int) -> None:
            self._timing.update(done, total)
            if bar is not None:
                bar.update(done, total)

        return progress

    def end_progress(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        timing, self._timing = self._timing, None
        if timing is not None and timing.text():
            self.info(timing.text())


class StageTimes:
    """Seconds per stage, from the engine's whole-step progress reports (for ``-v``)."""

    def __init__(self, label: str, stages: tuple[str, ...]) -> None:
        self.label = label
        self.stages = stages
        self.start = self.last = time.perf_counter()
        self.seconds: list[float] = []

    def update(self, done: int, total: int) -> None:
        if total != len(self.stages) or done != len(self.seconds) + 1:
            return  # finer units, or a step already counted
        now = time.perf_counter()
        self.seconds.append(now - self.last)
        self.last = now

    def text(self) -> str:
        if not self.seconds:
            return ""
        parts = [f"{stage} {s:.2f} s" for stage, s in zip(self.stages, self.seconds, strict=False)]
        return f"{self.label}: " + ", ".join(parts)


def _silent(done: int, total: int) -> None:
    return None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
