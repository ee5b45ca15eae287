"""A file still being written is read as it was when opened, and said to have changed; runs of
NUL bytes (a sparse or preallocated, unfinished download) are refused before any reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rfm_engine import InputFileError, RfmConfig, analyze
from rfm_engine.io.snapshot import refuse_nul_runs, stable_arrow_stream, stable_stream

ROWS = "customer,date,amount\n" + "".join(
    f"c{i},2024-01-{i % 28 + 1:02d},{i}\n" for i in range(1000)
)


def test_stream_stops_at_the_size_at_opening(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    changed = pytest.raises(InputFileError, match="changed while it was read")
    with changed as info, stable_stream(path) as stream:
        first = stream.read(10)
        with open(path, "a") as fh:  # the download goes on
            fh.write("late,2024-02-01,1\n" * 100)
        rest = stream.read()
    assert info.value.code == "input_changed"
    assert (first + rest).decode() == ROWS  # nothing of what came later


def test_arrow_stream_stops_at_the_size_at_opening(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    changed = pytest.raises(InputFileError, match="changed while it was read")
    with changed as info, stable_arrow_stream(path) as stream:
        first = stream.read(10)
        with open(path, "a") as fh:  # the download goes on
            fh.write("late,2024-02-01,1\n" * 100)
        rest = stream.read()
    assert info.value.code == "input_changed"
    assert (first + rest).decode() == ROWS


def test_file_growing_while_arrow_reads_it_is_an_error(tmp_path: Path) -> None:
    """The whole path: the table read so far is never used when the file changed."""
    pytest.importorskip("pyarrow")
    from rfm_engine.io import arrow_csv

    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    read = arrow_csv.read_csv_arrow

    def read_then_grow(*args, **kwargs):
        out = read(*args, **kwargs)
        with open(path, "a") as fh:
            fh.write("late,2024-02-01,1\n")
        return out

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("rfm_engine.io.text_reading.read_csv_arrow", read_then_grow)
        with pytest.raises(InputFileError, match="changed while it was read"):
            analyze(path, RfmConfig.from_dict({"reading": {"engine": "memory"}}))


def test_unchanged_file_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    with stable_stream(path) as stream:
        assert stream.read().decode() == ROWS


def test_unchanged_file_reads_whole_as_arrow_stream(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    with stable_arrow_stream(path) as stream:
        assert stream.read().decode() == ROWS


@pytest.mark.parametrize("engine", ["memory", "duckdb"])
def test_sparse_hole_is_refused_at_once(tmp_path: Path, engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    path = tmp_path / "orders.csv"
    path.write_text(ROWS)
    os.truncate(path, 2 * 1024**3)  # 2 GB on paper, no disk used: a hole of NULs
    with pytest.raises(InputFileError, match="NUL") as info:
        analyze(path, RfmConfig.from_dict({"reading": {"engine": engine}}))
    assert info.value.code == "damaged_file"


def test_preallocated_zeros_are_found_by_probing(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(ROWS.encode() + b"\x00" * 200_000)  # written zeros: no hole
    with pytest.raises(InputFileError, match=f"byte {len(ROWS.encode()):,}|NUL"):
        refuse_nul_runs(path, path.stat().st_size)
    path.write_text(ROWS)
    refuse_nul_runs(path, path.stat().st_size)  # plain text passes
