"""Reading a file as it was when opened: a file still being downloaded or saved grows (or is
rewritten) while it is read, which can crash a multi-threaded reader or mix old and new rows.

:func:`stable_stream` gives a binary stream of the bytes the file had when it was opened, no
more, and says (an :class:`InputFileError`) when the file changed meanwhile;
:func:`stable_arrow_stream` is the same as an Arrow stream, read in C++ without the GIL.
:func:`refuse_nul_runs` finds the runs of NUL bytes a preallocated, unfinished download or a
damaged file holds (a sparse "hole" is read as NULs), before a reader swallows gigabytes of
them.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputFileError

_BUFFER = 1 << 20
#: A run this long of NUL bytes is no text: UTF-16 has NULs between characters, not in runs.
NUL_RUN = 256
_PROBES = 16


class _Bounded(io.RawIOBase):
    """The first ``limit`` bytes of an open file."""

    def __init__(self, fh, limit: int) -> None:
        self._fh, self._left = fh, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer)[: self._left]
        n = self._fh.readinto(view) or 0
        self._left -= n
        return n


def changed_error(path: Path) -> InputFileError:
    return InputFileError(
        f"{path}: changed while it was read (still being downloaded or saved?); "
        "wait until it is complete, then run again",
        path=str(path),
        code="input_changed",
    )


@contextlib.contextmanager
def stable_stream(path: Path) -> Iterator[io.BufferedReader]:
    """A binary stream of ``path``'s bytes at opening; :func:`changed_error` if, once read,
    the file's size or modification time differ from what they were then."""
    with open(path, "rb", buffering=0) as fh:
        before = os.fstat(fh.fileno())
        yield io.BufferedReader(_Bounded(fh, before.st_size), buffer_size=_BUFFER)
        after = os.fstat(fh.fileno())
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise changed_error(path)


@contextlib.contextmanager
def stable_arrow_stream(path: Path) -> Iterator[object]:
    """:func:`stable_stream` as an Arrow input stream (pyarrow imported here, when used): the
    file's first ``size`` bytes at opening, read by Arrow's own file reads. A Python stream
    makes Arrow's reader call back into Python for every block, with the GIL: on
    online_retail (45 MB) 0.25 s against 0.13 s for the read in a fresh process."""
    import pyarrow as pa

    with pa.OSFile(str(path)) as fh:
        before = os.fstat(fh.fileno())
        # A segment of the file: reads stop at the size at opening, and a file cut shorter
        # meanwhile only ends the stream early (then the check below names the change).
        yield fh.get_stream(0, before.st_size)
        after = os.fstat(fh.fileno())
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise changed_error(path)


def refuse_nul_runs(path: Path, size: int) -> None:
    """An :class:`InputFileError` naming the byte where a run of NUL bytes starts (sparse
    holes first, then probes spread over the file); cheap: a few small reads."""
    offset = _first_hole(path, size)
    if offset is None:
        offset = _probe(path, size)
    if offset is not None:
        raise InputFileError(
            f"{path}: holds empty (NUL) bytes from byte {offset:,} on; it is damaged or not "
            "completely downloaded yet",
            path=str(path),
            code="damaged_file",
        )


def _first_hole(path: Path, size: int) -> int | None:
    seek_hole = getattr(os, "SEEK_HOLE", None)
    if seek_hole is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        hole = os.lseek(fd, 0, seek_hole)
    except OSError:
        return None
    finally:
        os.close(fd)
    return hole if hole < size else None


def _probe(path: Path, size: int) -> int | None:
    step = max(size // _PROBES, 1)
    needle = b"\x00" * NUL_RUN
    with open(path, "rb") as fh:
        for start in range(0, size, step):
            fh.seek(start)
            chunk = fh.read(4 * NUL_RUN)
            at = chunk.find(needle)
            if at >= 0:
                return start + at
    return None
