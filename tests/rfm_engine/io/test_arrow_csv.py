"""Arrow's CSV reader gives the very table pandas' reader gives, or steps aside.

pandas' reader is the reference. For every file below, reading through the engine (Arrow when
it accepts the file) must equal reading with Arrow switched off: the same column names, rows,
cells and missing cells, or the same error message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from rfm_engine import analyze
from rfm_engine.errors import RfmError
from rfm_engine.io import text_reading
from rfm_engine.io.arrow_csv import accepts, arrow_available, read_csv_arrow
from rfm_engine.io.reading import read_source_info

pytestmark = pytest.mark.skipif(not arrow_available(), reason="pyarrow is not installed")

REPO = Path(__file__).resolve().parents[3]

#: name → (file bytes, Arrow reads it itself)
CASES: dict[str, tuple[bytes, bool]] = {
    "plain": (b"customer,date,amount\nA1,2024-01-02,10\nB2,,7.5\n", True),
    "byte order mark": (b"\xef\xbb\xbfcustomer,amount\nA,1\n", True),
    "quoted empty is missing": (b'customer,amount\n"",1\nA,""\n', True),
    "crlf": (b"customer,amount\r\nA,1\r\nB,2\r\n", True),
    "cr only": (b"customer,amount\rA,1\rB,2\r", True),
    "blank lines skipped": (b"customer,amount\n\nA,1\n\n\nB,2\n", True),
    "delimiters only": (b"customer,amount\n,\nA,1\n", True),
    "quote inside a cell": (b'customer,amount\nab"cd,2\n', True),
    "text after a closing quote": (b'customer,amount\n"ab"cd,2\n', True),
    "line break inside quotes": (b'customer,note\n"A","two\nlines"\n', True),
    "doubled quotes": (b'customer,note\nA,"he said ""hi"""\n', True),
    "NA words stay text": (b"customer,note\nNA,null\nN/A,nan\n", True),
    "no final line break": (b"customer,amount\nA,1", True),
    "outer spaces kept": (b"customer , amount\n A , 1 \n", True),
    "formula-like and long ids": (b"customer,order\n=1+2,001234567890123456789\n", True),
    "chinese utf-8": ("客户,金额\n张三,1\n李四,２\n".encode(), True),
    "semicolons": (b"customer;amount\nA;1,5\n", True),
    "tabs": (b"customer\tamount\nA\t1\n", True),
    "header only": (b"customer,amount\n", True),
    # Arrow refuses these or pandas names things its own way: pandas reads them.
    "short row": (b"customer,date,amount\nA,2024-01-02\n", False),
    "long row": (b"customer,amount\nA,1,extra\n", False),
    "trailing delimiter": (b"customer,amount,\nA,1,\n", False),
    "blank-only line": (b"customer,amount\n   \nA,1\n", False),
    "repeated header": (b"amount,amount\n1,2\n", False),
    "blank header cell": (b"customer,\nA,1\n", False),
    "unterminated quote": (b'customer,amount\n"A,1\nB,2\n', False),
    "bad utf-8": (b"customer,amount\nA\xff\xfe,1\n", False),
}


def _cells(frame: pd.DataFrame) -> tuple[list[str], list[list[object]]]:
    as_objects = frame.astype(object)
    return list(frame.columns), as_objects.where(frame.notna(), None).values.tolist()


def _read(path: Path) -> tuple[object, object]:
    try:
        frame, info = read_source_info(path)
    except RfmError as exc:
        return "error", str(exc)
    return _cells(frame), (info.encoding, info.delimiter, info.header_row)


def _read_with_pandas(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    with monkeypatch.context() as patch:
        patch.setattr(text_reading, "arrow_available", lambda: False)
        return _read(path)


@pytest.mark.parametrize("name", list(CASES))
def test_same_table_as_pandas(name: str, tmp_path: Path, monkeypatch) -> None:
    data, arrow_reads_it = CASES[name]
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    assert _read(path) == _read_with_pandas(path, monkeypatch)
    delimiter = {"semicolons": ";", "tabs": "\t"}.get(name, ",")
    assert (read_csv_arrow(path, delimiter, header=True) is not None) == arrow_reads_it


def test_cells_are_text_with_missing_blanks(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_bytes(b"customer,order,amount\n00123,17000000000000000001,1.50\n,,\n")
    frame, longest = read_csv_arrow(path, ",", header=True)
    assert [str(t) for t in frame.dtypes] == ["str", "str", "str"]
    assert frame.iloc[0].tolist() == ["00123", "17000000000000000001", "1.50"]
    assert frame.iloc[1].isna().all()
    assert longest == len("17000000000000000001")


@pytest.mark.parametrize("header", [True, False])
def test_longest_cell_counts_bytes_in_every_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: bool
) -> None:
    from rfm_engine.io import arrow_csv

    monkeypatch.setattr(arrow_csv, "_BLOCK_BYTES", 1024)  # many chunks, the first one sliced
    rows = [f"c{i},2024-01-{1 + i % 28:02d},{i}.5" for i in range(400)]
    rows[333] = "客户" * 40 + ",2024-02-01,7"  # 240 bytes of UTF-8, in a late chunk
    path = tmp_path / "orders.csv"
    head = ("h" * 300 + ",date,amount\n") * header  # longer than any cell, but no cell
    path.write_text(head + "\n".join(rows), encoding="utf-8")
    frame, longest = read_csv_arrow(path, ",", header=header)
    assert frame.shape == (400, 3)
    assert longest == len(("客户" * 40).encode())


def test_without_header_columns_are_numbered(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_bytes(b"A1,2024-01-02,10\nB2,2024-01-03,7\n")
    frame, _ = read_csv_arrow(path, ",", header=False)
    assert frame.shape == (2, 3)
    assert frame.iloc[0].tolist() == ["A1", "2024-01-02", "10"]


@pytest.mark.parametrize(
    "layout, expected",
    [
        ((",", "utf-8", 0), True),
        ((",", "utf-8-sig", 0), True),
        ((";", "ascii", None), True),
        ((",", "gb18030", 0), False),  # Arrow would transcode through Python's codecs
        ((",", "utf-8", 2), False),  # title rows above the header
        (("whitespace", "utf-8", 0), False),  # space-aligned text
        ((",", "no-such-codec", 0), False),
    ],
)
def test_accepts_only_what_it_reads_like_pandas(layout, expected) -> None:
    delimiter, encoding, header_row = layout
    if delimiter == "whitespace":
        from rfm_engine.io.table_shape import WHITESPACE

        delimiter = WHITESPACE
    assert accepts(delimiter, encoding, header_row) is expected


def test_shared_csv_exports_read_the_same(shared_datasets: Path, monkeypatch) -> None:
    files = sorted(shared_datasets.glob("*/*.csv"))
    files = [f for f in files if not f.name.startswith("reference")]
    assert files
    for path in files:
        assert _read(path) == _read_with_pandas(path, monkeypatch), path.name


def _customers_without_pyarrow(paths: list[Path]) -> dict:
    """Customers tables from a fresh interpreter where ``import pyarrow`` fails, as in the
    desktop build, which leaves pyarrow out."""
    script = (
        "import sys, json\n"
        "sys.modules['pyarrow'] = None\n"  # any import of pyarrow now fails
        "from rfm_engine import analyze\n"
        "from rfm_engine.io.arrow_csv import arrow_available\n"
        "tables = {p: analyze(p).customers.to_csv(index=False) for p in sys.argv[1:]}\n"
        "print(json.dumps({'arrow': arrow_available(), 'tables': tables}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    return json.loads(run.stdout)


def test_same_numbers_without_pyarrow() -> None:
    sample = REPO / "resources" / "sample" / "sample_orders.csv"
    without = _customers_without_pyarrow([sample])
    assert without["arrow"] is False
    with_arrow = analyze(sample).customers.to_csv(index=False)
    assert with_arrow.count("\n") > 1000
    assert without["tables"][str(sample)] == with_arrow


def test_same_numbers_without_pyarrow_on_shared_csv(shared_datasets: Path) -> None:
    paths = [
        shared_datasets / "online_retail" / "online_retail.csv",
        shared_datasets / "rfm_r_sample" / "rfm_data_orders.csv",
        shared_datasets / "taobao_toy_shop_2017" / "orders_utf8.csv",
    ]
    without = _customers_without_pyarrow(paths)
    for path in paths:
        assert without["tables"][str(path)] == analyze(path).customers.to_csv(index=False)
