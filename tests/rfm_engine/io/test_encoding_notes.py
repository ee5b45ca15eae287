"""An encoding decided by letter statistics alone is a guess that can garble names and ids:
every analysis of such a file says so (``encoding_guess``, with the file, the encoding and the
option that changes it), in memory and out of core; a certain or likely encoding, or one the
user gave, says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rfm_engine import ReadOptions, RfmConfig, analyze
from rfm_engine.io import encoding_notes

ROWS = ["Kunde;Datum;Betrag"] + [
    f"Müller-Lüdenscheidt {i % 7};2024-03-{i % 28 + 1:02d};{i},50" for i in range(40)
]


def _write(path: Path, encoding: str) -> Path:
    path.write_bytes(("\n".join(ROWS) + "\n").encode(encoding))
    return path


@pytest.mark.parametrize("engine", ["memory", "duckdb"])
def test_a_guessed_encoding_is_a_warning(tmp_path: Path, engine: str) -> None:
    if engine == "duckdb":
        pytest.importorskip("duckdb")
    path = _write(tmp_path / "kunden.csv", "cp1252")
    result = analyze(path, RfmConfig(reading=ReadOptions(engine=engine)))
    notes = [w for w in result.warnings if w.code == "encoding_guess"]
    assert len(notes) == 1
    note = notes[0]
    assert note.option == "reading.encoding" and note.stage == "reading"
    assert note.evidence["path"] == str(path) and note.evidence["encoding"] == "cp1252"
    assert "kunden.csv" in note.message and "Windows-1252" in note.message
    assert "Müller-Lüdenscheidt 1" in set(result.customers["customer_id"])  # read right


def test_certain_likely_or_given_encodings_say_nothing(tmp_path: Path) -> None:
    guessed = _write(tmp_path / "guessed.csv", "cp1252")
    assert [n.code for n in encoding_notes([guessed], ReadOptions())] == ["encoding_guess"]
    assert encoding_notes([guessed], ReadOptions(encoding="cp1252")) == ()
    utf8 = _write(tmp_path / "utf8.csv", "utf-8")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(
        "买家,付款时间,实付金额\n张三,2024-01-05,12.50\n李四,2024-01-06,8\n".encode("gbk")
    )
    assert encoding_notes([utf8, gbk], ReadOptions()) == ()
    both = encoding_notes([utf8, guessed], ReadOptions())
    assert [n.evidence["path"] for n in both] == [str(guessed)]
