"""Atomic writes: faults are one line naming the path and what to do, sets of files are all
old or all new, and temporary files of killed runs are swept."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rfm_engine import OutputFileError
from rfm_engine.atomic import (
    output_error,
    sweep_stale,
    temp_name_prefix,
    write_atomic,
    write_text_atomic,
    write_together,
)


@pytest.mark.parametrize(
    ("number", "code", "advice"),
    [
        (errno.ENOSPC, "disk_full", "free some space"),
        (errno.EFBIG, "disk_full", "write elsewhere"),
        (errno.EROFS, "read_only", "another folder"),
        (errno.EACCES, "permission_denied", "open in Excel"),
        (errno.EBUSY, "locked", "close it"),
        (errno.EIO, "output_file", "cannot be written"),
    ],
)
def test_write_faults_name_the_path_and_what_to_do(number: int, code: str, advice: str) -> None:
    error = output_error("out/customers.csv", OSError(number, os.strerror(number)))
    assert isinstance(error, OutputFileError)
    assert error.code == code and error.path == "out/customers.csv"
    assert str(error).startswith("out/customers.csv: ") and advice in str(error)
    assert "\n" not in str(error)


def test_a_lock_on_windows_says_to_close_the_file() -> None:
    locked = PermissionError(errno.EACCES, "The process cannot access the file")
    locked.winerror = 32  # what Windows reports for a workbook open in Excel
    assert output_error("list.xlsx", locked).code == "locked"
    assert "close it" in str(output_error("list.xlsx", locked))


def _ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".rfmtmp-" in p.name)


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    target.write_text("old")

    def full_disk(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputFileError, match="disk is full") as info:
        write_atomic(target, full_disk)
    assert info.value.code == "disk_full"
    assert target.read_text() == "old" and not _ours(tmp_path)


def test_set_is_all_old_when_a_later_file_fails(tmp_path: Path) -> None:
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("old")
    with pytest.raises(OutputFileError), write_together():
        write_text_atomic(tmp_path / "a.csv", "new")
        write_atomic(tmp_path / "b.csv", lambda tmp: (_ for _ in ()).throw(OSError(errno.EIO, "")))
    assert (tmp_path / "a.csv").read_text() == "old"
    assert (tmp_path / "b.csv").read_text() == "old"
    assert not _ours(tmp_path)


def test_set_is_all_new_only_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old")
    with write_together():
        write_text_atomic(tmp_path / "a.csv", "new")
        write_text_atomic(tmp_path / "b.csv", "new")
        assert (tmp_path / "a.csv").read_text() == "old"  # nothing swapped in yet
        assert not (tmp_path / "b.csv").exists()
    assert [(tmp_path / n).read_text() for n in ("a.csv", "b.csv")] == ["new", "new"]
    assert not _ours(tmp_path)


def test_a_swap_that_fails_puts_back_the_files_already_swapped(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("old")
    with pytest.raises(OutputFileError, match=r"b\.csv"), write_together():
        write_text_atomic(tmp_path / "a.csv", "new")
        write_text_atomic(tmp_path / "b.csv", "new")
        (tmp_path / "b.csv").mkdir()  # appears between staging and swapping
        (tmp_path / "b.csv" / "keep").write_text("x")
    assert (tmp_path / "a.csv").read_text() == "old"
    assert not _ours(tmp_path)


def test_interrupt_inside_a_set_discards_it(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), write_together():
        write_text_atomic(tmp_path / "a.csv", "new")
        raise KeyboardInterrupt
    assert not (tmp_path / "a.csv").exists() and not _ours(tmp_path)


def test_sweep_removes_only_files_of_dead_processes(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f".list.xlsx.rfmtmp-{gone.stdout.strip()}-abc.xlsx"
    dead_folder = tmp_path / f"rfm-rfmtmp-{gone.stdout.strip()}-xyz"
    mine = tmp_path / f"{temp_name_prefix('list.xlsx')}def.xlsx"
    other = tmp_path / ".list.xlsx.abc.xlsx"  # not ours by name: left alone
    for path in (dead, mine, other):
        path.write_text("x")
    dead_folder.mkdir()
    (dead_folder / "rows.duckdb").write_text("x")
    removed = sweep_stale(tmp_path)
    assert sorted(removed) == sorted([dead, dead_folder])
    assert mine.exists() and other.exists() and not dead.exists() and not dead_folder.exists()
