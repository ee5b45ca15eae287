"""Writing files atomically: a temporary file beside the target, then one rename.

A failure leaves no half-written file and the previous file (if any) intact. Inside
:func:`write_together`, a set of files (``analyze``'s five tables, a report) is staged and
only swapped in once every one is written, so the set is all old or all new.

Temporary names carry this process's id (``.NAME.rfmtmp-PID-XXXX.ext``); a process killed
mid-write (SIGKILL, a power cut) leaves one behind, and the next write into that folder
removes those whose process is gone (:func:`sweep_stale`). A failure to write is one
:class:`OutputFileError` line naming the path and what to do (disk full, read-only, locked
by another program such as Excel), never an ``OSError`` traceback.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from .errors import OutputFileError

#: Marks our temporary files (and the out-of-core engine's folders) for the sweep.
TEMP_TAG = "rfmtmp"
_OURS = re.compile(rf"^\..+\.{TEMP_TAG}-(\d+)-[^/]*$")
#: The out-of-core engine's working folders (in the system temp folder by default).
_OUR_FOLDERS = re.compile(rf"^rfm-{TEMP_TAG}-(\d+)-[^/]*$")
#: A temporary file this old is stale even when its process id is in use again.
STALE_AFTER_S = 24 * 3600

#: errno → (reason code, what to do), for the one-line write errors.
_WRITE_FAULTS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("disk_full", "the disk is full; free some space or write to another disk"),
    errno.EDQUOT: ("disk_full", "the disk quota is used up; free some space or write elsewhere"),
    errno.EFBIG: ("disk_full", "the file grew beyond the size this system allows; write elsewhere"),
    errno.EROFS: ("read_only", "the disk is read-only; write to another folder"),
    errno.EACCES: (
        "permission_denied",
        "permission denied; if the file is open in Excel or another program, close it, "
        "or write to another folder",
    ),
    errno.EPERM: (
        "permission_denied",
        "permission denied; if the file is open in another program, close it, "
        "or write to another folder",
    ),
    errno.EBUSY: ("locked", "the file is in use; close it in the program that has it open"),
    errno.ENAMETOOLONG: ("bad_name", "the name is too long; choose a shorter one"),
}


def output_error(path: Path | str, exc: OSError) -> OutputFileError:
    """One line naming ``path`` and what to do, for an ``OSError`` met while writing it."""
    if isinstance(exc, OutputFileError):
        return exc
    code, advice = _WRITE_FAULTS.get(
        exc.errno or 0, ("output_file", f"cannot be written ({exc.strerror or exc})")
    )
    if getattr(exc, "winerror", None) in (32, 33):  # sharing/lock violation on Windows
        code, advice = "locked", "the file is open in another program (Excel?); close it there"
    return OutputFileError(f"{path}: {advice}", path=str(path), code=code)


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
    if path.exists() and not path.is_file():
        # A device (/dev/full), pipe or socket: replacing it would remove it, not write to it.
        raise OutputFileError(
            f"{path}: is not a regular file (a device or a pipe); give a file name",
            path=str(path),
            code="not_a_file",
        )
    if any(_same_file(path, source) for source in inputs):
        raise OutputFileError(
            f"{path}: is an input file; refusing to overwrite it",
            path=str(path),
            code="output_is_input",
        )
    if path.exists() and not (os.access(path, os.W_OK) and path.stat().st_mode & 0o222):
        raise OutputFileError(
            f"{path}: is read-only; refusing to replace it",
            path=str(path),
            code="read_only",
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputFileError(f"{path}: folder {parent} does not exist", path=str(path))
    if not (os.access(parent, os.W_OK) and parent.stat().st_mode & 0o222):
        raise OutputFileError(
            f"{path}: folder {parent} is not writable; write to another folder",
            path=str(path),
            code="read_only",
        )


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its files alone
    return True


def sweep_stale(folder: Path) -> list[Path]:
    """Remove our temporary files in ``folder`` whose process is gone (killed mid-write)."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _OURS.match(entry.name) or _OUR_FOLDERS.match(entry.name)
        if not match:
            continue
        with contextlib.suppress(OSError):
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
            if not (old or not _alive(int(match.group(1)))):
                continue
            if entry.is_dir(follow_symlinks=False):
                if _OUR_FOLDERS.match(entry.name):
                    shutil.rmtree(entry.path, ignore_errors=True)
                    removed.append(Path(entry.path))
            elif _OURS.match(entry.name):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def work_folder_prefix() -> str:
    """The prefix of this process's out-of-core working folders (swept like temp files)."""
    return f"rfm-{TEMP_TAG}-{os.getpid()}-"


def temp_name_prefix(name: str) -> str:
    """The prefix of this process's temporary files for a target named ``name``."""
    return f".{name}.{TEMP_TAG}-{os.getpid()}-"


class _Staged:
    """Files written to temporary names, swapped in together by :meth:`commit`."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []  # (temporary, target)

    def commit(self) -> None:
        backups: list[tuple[Path, Path | None]] = []
        try:
            for tmp, target in self.pending:
                backup = None
                if target.exists():
                    backup = tmp.with_name(tmp.name + ".old")
                    try:
                        os.link(target, backup)
                    except OSError:
                        backup = None
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    if backup is not None:
                        with contextlib.suppress(OSError):
                            os.unlink(backup)
                    raise output_error(target, exc) from None
                backups.append((target, backup))
        except BaseException:
            # Put back the files already swapped, so the set stays all old.
            for target, backup in reversed(backups):
                with contextlib.suppress(OSError):
                    if backup is not None:
                        os.replace(backup, target)
                    else:
                        os.unlink(target)
            self.discard()
            raise
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
        self.pending.clear()

    def discard(self) -> None:
        for tmp, _ in self.pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self.pending.clear()


_STAGED: contextvars.ContextVar[_Staged | None] = contextvars.ContextVar("staged", default=None)


@contextlib.contextmanager
def write_together() -> Iterator[None]:
    """Files written atomically inside the block replace their targets only when the whole
    block succeeds; any failure (or an interrupt) leaves every target as it was."""
    if _STAGED.get() is not None:  # nested: the outer block decides
        yield
        return
    staged = _Staged()
    token = _STAGED.set(staged)
    try:
        yield
    except BaseException:
        staged.discard()
        raise
    finally:
        _STAGED.reset(token)
    staged.commit()


@contextlib.contextmanager
def _temp_beside(path: Path, suffix: str) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds."""
    check_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    sweep_stale(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_name_prefix(path.name), suffix=suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise output_error(path, exc) from None
    staged = _STAGED.get()
    try:
        yield Path(tmp)
        os.chmod(tmp, _umask_mode())
        if staged is not None:
            staged.pending.append((Path(tmp), path))
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputFileError):
            raise output_error(path, exc) from None
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
