"""Writing files atomically: a temporary file beside the target, then one rename.

A failure leaves no half-written file and the previous file (if any) intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from .errors import OutputFileError


def _umask_mode() -> int:
    """The mode a new file would get (mkstemp makes 0600 files)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _same_file(path: Path, source: Path) -> bool:
    """True when ``path`` names ``source`` (same file, or the same path once resolved)."""
    try:
        return path.exists() and os.path.samefile(path, source)
    except OSError:
        pass
    try:
        return path.resolve() == source.resolve()
    except OSError:
        return False


def check_target(path: Path, *, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse a folder, an input file, or a place that cannot be written, with one clear line."""
    if path.is_dir():
        raise OutputFileError(f"{path}: is a folder; give a file name", path=str(path))
    if any(_same_file(path, source) for source in inputs):
        raise OutputFileError(
            f"{path}: is an input file; refusing to overwrite it",
            path=str(path),
            code="output_is_input",
        )
    if path.exists() and not (os.access(path, os.W_OK) and path.stat().st_mode & 0o222):
        raise OutputFileError(f"{path}: is read-only; refusing to replace it", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputFileError(f"{path}: folder {parent} does not exist", path=str(path))
    if not (os.access(parent, os.W_OK) and parent.stat().st_mode & 0o222):
        raise OutputFileError(f"{path}: folder {parent} is not writable", path=str(path))


@contextlib.contextmanager
def _temp_beside(path: Path, suffix: str) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds."""
    check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent or ".")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _umask_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", **kwargs) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``."""
    with _temp_beside(path, ".tmp") as tmp, open(tmp, mode, **kwargs) as fh:
        yield fh


def write_atomic(path: Path, writer: Callable[[Path], None]) -> None:
    """Let ``writer`` write a temporary path (e.g. a library that wants a file name)."""
    with _temp_beside(path, path.suffix) as tmp:
        writer(tmp)


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
