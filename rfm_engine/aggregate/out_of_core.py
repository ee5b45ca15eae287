"""Out-of-core analysis: text files larger than memory, aggregated per customer in DuckDB.

DuckDB reads a delimited file itself where it reads it as pandas does (:mod:`.csv_in_duckdb`,
the fast path); the chunked path below takes the others.

The files are read in chunks with the engine's own reader settings and each chunk is cleaned by
the engine's own rules (:func:`~rfm_engine.cleaning.rules.clean` with ``trace=True``). What each row
became (purchase, return, or the rule that dropped it) and its standard values (customer id as
text, day, amount, order id as text, contacts) are streamed into an on-disk DuckDB database in
a temporary folder. There, rule 1 keeps the first of each set of identical source rows (by a
128-bit hash of the row, see :func:`row_hashes`), and the per-customer aggregation runs in SQL,
spilling to disk when needed. The per-customer table then goes through the same metrics,
scoring and segment code as the in-memory path, so the numbers are the same.

DuckDB is optional (``pip install rfm-segments[outofcore]``); it is imported only here.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..atomic import sweep_stale, work_folder_prefix
from ..cleaning.rules import clean
from ..cleaning.value_notes import amount_separator
from ..errors import ConfigError, InputFileError
from ..io.parsing import date_order
from ..io.reading import ROW_COLUMN, SOURCE_COLUMN, read_sample
from ..io.snapshot import refuse_nul_runs, stable_stream
from ..io.table_shape import WHITESPACE
from ..io.text_reading import TextLayout, csv_options, decoding_error, text_layout
from ..io.xlsx_reading import OLE_MAGIC, ZIP_MAGIC
from ..mapping.columns import choose_columns
from ..mapping.table_kind import detect_table_kind
from ..notes import WARNINGS, RfmWarning
from ..options.config import RfmConfig
from .chunk_store import ChunkStore
from .machine import available_memory, machine_memory
from .totals import CustomerTotals

Progress = Callable[[int, int], None]
#: Rows per chunk: about 1 GB of pandas text cells at most for a typical export.
CHUNK_ROWS = 1_000_000
#: The in-memory path's peak memory is about this many times the text it reads, plus the
#: interpreter's base (measured on the generated exports of ``benchmarks/user_files.py``:
#: 4.1 GB for 0.81 GB of CSV, 7.3 GB for 1.63 GB, 0.63 GB for 0.08 GB).
MEMORY_FACTOR = 5.0
BASE_MEMORY = 300 * 1024**2
#: From this much text ``"auto"`` lets DuckDB read the files even when memory would do: its peak
#: stays near DuckDB's limit, a third of the in-memory path's at 10M lines (1.3 GB against 3.5 GB),
#: for about a quarter more time (17.5 s against 13.9 s, idle; ``docs/performance.md``).
DUCKDB_BYTES = 256 * 1024**2
#: Arrow holds a CSV's text in about this many times its bytes (cells plus 64-bit offsets),
#: and DuckDB's work beside it is held to :data:`ARROW_WORK` (it spills beyond).
ARROW_FACTOR = 1.3
ARROW_WORK = 512 * 1024**2
ARROW_WORK_FACTOR = 0.65
#: Between steps 1 and 2 progress is reported after every chunk in thousandths of a step
#: (``progress(1000 + k, 5000)``), so that a bar moves while a large file is read and cleaned.
STEP_UNITS = 1000


def duckdb_available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


def estimated_peak(size: int) -> int:
    """The in-memory path's estimated peak memory for ``size`` bytes of text."""
    return BASE_MEMORY + int(MEMORY_FACTOR * size)


def auto_engine(size: int, available: int | None) -> str:
    """``"memory"`` for files below :data:`DUCKDB_BYTES` whose in-memory peak (estimated from
    the text's size) fits in half the memory ``available``; else ``"arrow"`` (Arrow reads the
    files into memory and DuckDB scans them there) when that fits, else ``"duckdb"`` (DuckDB
    reads the files into its own compressed tables, spilling to disk: out of core)."""
    half = None if available is None else available // 2
    if size < DUCKDB_BYTES and (half is None or estimated_peak(size) <= half):
        return "memory"
    if half is None or BASE_MEMORY + int(ARROW_FACTOR * size) + arrow_work(size) <= half:
        return "arrow"
    return "duckdb"


def arrow_work(size: int) -> int:
    """DuckDB's memory beside the Arrow rows of ``size`` bytes of text: its per-order and
    per-customer tables grow with the file (at 20M lines 512 MB ran out; 1 GB did not), and
    with its threads, one per core (measured on 2 cores; at 10M lines a third thread in the
    same memory ran out)."""
    threads = max(1, os.cpu_count() or 1)
    return int(max(ARROW_WORK, ARROW_WORK_FACTOR * size) * max(1.0, threads / 2))


def duckdb_work() -> int:
    """DuckDB's memory out of core: a quarter of the machine, at most 1 GB."""
    memory = machine_memory() or 4 * 1024**3
    return max(256 * 1024**2, min(1024**3, memory // 4))


def choose_engine(paths: list[Path], config: RfmConfig) -> str:
    """``"memory"``, ``"arrow"`` or ``"duckdb"`` for these files under
    ``config.reading.engine`` (``"auto"``: :func:`auto_engine`; without DuckDB installed,
    always memory)."""
    engine = config.reading.engine
    if engine != "auto":
        return engine
    try:
        size = sum(p.stat().st_size for p in paths)
    except OSError:
        return "memory"  # the in-memory reader names the missing file
    if not duckdb_available():
        return "memory"
    return auto_engine(size, available_memory())


def totals_out_of_core(
    paths: list[Path],
    config: RfmConfig = RfmConfig(),
    *,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
    work_dir: str | Path | None = None,
    arrow: bool = False,
) -> CustomerTotals | None:
    """The per-customer totals of CSV/TSV/TXT files of any size, or ``None`` for inputs this
    backend leaves to the in-memory one: workbooks and space-aligned text (never larger than
    memory in practice), and order totals on line items (rule 7 fills each order from its
    first non-blank line, across the whole file).

    Memory stays bounded by ``chunk_rows`` rows of text plus DuckDB's limit; the temporary
    database lives under ``work_dir`` (default: the system temp folder) and is removed after.
    ``progress`` is called with steps 1 and 2 of the analysis's five, and in between after
    each chunk with the share of the input read so far (in :data:`STEP_UNITS` per step).
    With ``arrow``, plain UTF-8 files are read into memory by Arrow and scanned there by DuckDB
    (faster, for files that fit in memory; see :func:`auto_engine`).
    """
    if not duckdb_available():
        raise ConfigError(
            "the out-of-core engine needs DuckDB: pip install duckdb "
            "(or rfm-segments[outofcore]), or choose the memory engine",
            option="reading.engine",
            value="duckdb",
            code="duckdb_missing",
        )
    layouts = [_text_layout(p, config) for p in paths]
    if any(layout is None for layout in layouts) or config.columns.amount_is_order_total:
        return None
    if config.columns.kind == "customers":
        return None  # a customer list is one row per customer: the in-memory path reads it
    report = progress or (lambda done, total: None)
    fast = _totals_read_by_duckdb(paths, layouts, config, report, work_dir, arrow)
    if fast == "out of memory":  # DuckDB's work did not fit beside the rows: out of core
        fast = _totals_read_by_duckdb(paths, layouts, config, report, work_dir, False)
    if fast is not None:
        return None if fast == "memory" else fast
    chunks = _chunks(paths, layouts, chunk_rows)
    first = next(chunks)
    headers = [c for c in first.columns if c not in (SOURCE_COLUMN, ROW_COLUMN)]
    if detect_table_kind(first, headers, config.columns)[0] == "customers":
        return None
    source_name = str(paths[0]) if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1} more)"
    choice = choose_columns(headers, config.columns, source=source_name, sample=first)
    columns = choice.columns
    if columns.amount_is_order_total:
        return None  # an order's rows may straddle chunks: rule 7 runs in memory
    dayfirst = _dayfirst(paths, layouts, columns.date, config, first, chunk_rows)
    # One decimal separator for every chunk, as the first chunk shows it.
    decimal = config.reading.decimal
    amount_column = columns.amount or columns.price
    if decimal is None:
        decimal = amount_separator(first[amount_column], amount_column, None, None)[0]
    notes: list = list(choice.warnings)
    rules = dataclasses.replace(config.cleaning, drop_duplicates=False)
    report(1, 5)
    read_share = _read_share(paths)
    rows = 0
    # Folders a killed run left behind go first (they can hold gigabytes).
    sweep_stale(Path(work_dir or tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=work_folder_prefix(), dir=work_dir) as folder:
        store = ChunkStore(Path(folder), columns, headers, dedupe=config.cleaning.drop_duplicates)
        try:
            for chunk in _prepend(first, chunks):
                chunk = chunk[[*headers, SOURCE_COLUMN, ROW_COLUMN]]
                cleaned = clean(
                    chunk,
                    columns,
                    rules=rules,
                    period=config.period,
                    dayfirst=dayfirst,
                    decimal=decimal,
                    trace=True,
                )
                notes += [w for w in cleaned.warnings if w.code not in {n.code for n in notes}]
                store.add(chunk, cleaned)
                rows += len(chunk)
                report(STEP_UNITS + round(STEP_UNITS * read_share(rows)), 5 * STEP_UNITS)
            report(2, 5)
            store.finish(lambda: _chunks(paths, layouts, chunk_rows))
            totals = store.totals(dataclasses.replace(config, columns=columns))
            if any(n.code == "key_fallback" for n in notes):
                notes.append(_chunked_links(chunk_rows))
            return dataclasses.replace(
                totals, warnings=tuple(notes) + totals.warnings, engine="duckdb-chunks"
            )
        finally:
            store.close()


#: Rows of the first file that choose the columns on the DuckDB-read path.
SAMPLE_ROWS = 100_000


def _totals_read_by_duckdb(
    paths: list[Path],
    layouts: list,
    config: RfmConfig,
    report: Progress,
    work_dir: str | Path | None,
    arrow: bool = False,
) -> CustomerTotals | str | None:
    """The totals with DuckDB reading the files itself (:mod:`.csv_in_duckdb`); ``"memory"``
    for a table the in-memory path reads (a customer list, order totals on line items);
    ``None`` where the chunked path must run (rows keyed by a fallback identifier)."""
    import duckdb

    from .csv_in_duckdb import NotReadHere, connect_duckdb, load_source, totals_from_csv

    first = next(_chunks(paths[:1], layouts[:1], SAMPLE_ROWS))
    headers = [c for c in first.columns if c not in (SOURCE_COLUMN, ROW_COLUMN)]
    if detect_table_kind(first, headers, config.columns)[0] == "customers":
        return "memory"
    source_name = str(paths[0]) if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1} more)"
    choice = choose_columns(headers, config.columns, source=source_name, sample=first)
    columns = choice.columns
    if columns.amount_is_order_total:
        return "memory"  # an order's rows are filled from its first line: rule 7 in memory
    sweep_stale(Path(work_dir or tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=work_folder_prefix(), dir=work_dir) as folder:
        limit = arrow_work(sum(p.stat().st_size for p in paths)) if arrow else duckdb_work()
        con = connect_duckdb(Path(folder), limit)
        try:
            try:
                source = load_source(con, paths, layouts, headers, Path(folder), arrow=arrow)
                report(1, 5)
                totals = totals_from_csv(
                    con, source, columns, config, list(choice.warnings), report
                )
            except NotReadHere:
                return None
            except duckdb.OutOfMemoryException:
                if arrow:
                    return "out of memory"
                raise InputFileError(
                    f"{source_name}: DuckDB ran out of memory within its limit of "
                    f"{limit // 1024**2:,} MB; close other programs and try again",
                    path=str(paths[0]),
                ) from None
            if arrow and totals is not None:
                totals = dataclasses.replace(totals, engine="arrow")
            return totals
        finally:
            con.close()


WARNINGS["chunked_key_links"] = "out of core, fallback keys are linked within each chunk only"


def _chunked_links(chunk_rows: int) -> RfmWarning:
    """Out of core, a fallback identifier (a phone) is linked to the customer (an email) seen
    beside it only within each chunk: the same person may count twice across chunks."""
    return RfmWarning(
        "chunked_key_links",
        f"rows without a customer were keyed by a fallback identifier, linked to the customer "
        f"seen beside it within each chunk of {chunk_rows:,} rows only: a person may count as "
        "two customers; analyse in memory, or name the customer column",
        option="reading.engine",
        evidence={"chunk_rows": chunk_rows},
        stage="cleaning",
    )


def _read_share(paths: list[Path]) -> Callable[[int], float]:
    """The share of the input read after ``rows`` rows, estimated from the bytes per line of
    the first file's sample (for progress only; at most 0.99 until the reading ends)."""
    sample, _ = read_sample(paths[0])
    per_row = len(sample) / max(sample.count(b"\n"), 1)
    total = sum(p.stat().st_size for p in paths)
    return lambda rows: min(rows * per_row / total, 0.99)


def _prepend(first: pd.DataFrame, rest: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield first
    yield from rest


def _text_layout(path: Path, config: RfmConfig) -> TextLayout | None:
    """The layout of a delimited text file; ``None`` for workbooks and space-aligned text."""
    sample, size = read_sample(path)
    if sample.startswith((ZIP_MAGIC, OLE_MAGIC)) or b"\x00" in sample[:4096]:
        return None  # workbooks, UTF-16 or binary: the in-memory reader handles or refuses them
    refuse_nul_runs(path, size)
    layout = text_layout(path, sample, config.reading, cut=size > len(sample))
    return None if layout.delimiter == WHITESPACE else layout


def _chunks(
    paths: list[Path], layouts: list[TextLayout | None], rows: int
) -> Iterator[pd.DataFrame]:
    """Every file's rows in chunks, with ``_source`` and ``_row`` as the in-memory reader sets
    them, and the first file's column names (files must share one layout)."""
    names: list[str] | None = None
    for path, layout in zip(paths, layouts, strict=True):
        assert layout is not None
        start = 0
        try:
            # The bytes the file had when opened; a file still growing is an error at the end.
            with stable_stream(path) as stream:
                for chunk in pd.read_csv(stream, chunksize=rows, **csv_options(layout)):
                    chunk.columns = [str(c) for c in chunk.columns]
                    if layout.header_row is None:
                        chunk.columns = [f"column {i + 1}" for i in range(chunk.shape[1])]
                    if names is None:
                        names = list(chunk.columns)
                    chunk = _same_layout(chunk, names, path, paths[0])
                    chunk[SOURCE_COLUMN] = path.name
                    chunk[ROW_COLUMN] = np.arange(start + 1, start + len(chunk) + 1)
                    start += len(chunk)
                    yield chunk
        except UnicodeDecodeError as exc:
            raise decoding_error(path, layout, exc) from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise InputFileError(
                f"{path}: rows do not fit one table ({str(exc).strip()[:200]})", path=str(path)
            ) from None
        except MemoryError:  # as the in-memory reader says it: a line no table row can be
            raise InputFileError(
                f"{path}: cannot be read as a table (a line larger than memory)", path=str(path)
            ) from None
        if start == 0:
            raise InputFileError(f"{path}: has no data rows", path=str(path))


def _same_layout(chunk: pd.DataFrame, names: list[str], path: Path, first: Path) -> pd.DataFrame:
    by_stripped = {str(c).strip(): c for c in names}
    if {str(c).strip() for c in chunk.columns} != set(by_stripped):
        raise InputFileError(
            f"{path}: its columns differ from {first} "
            f"({', '.join(map(str, list(chunk.columns)[:8]))} vs {', '.join(names[:8])}); "
            "combine only files of the same layout",
            path=str(path),
        )
    chunk.columns = [by_stripped[str(c).strip()] for c in chunk.columns]
    return chunk[names]


def _dayfirst(
    paths: list[Path],
    layouts: list[TextLayout | None],
    date_column: str,
    config: RfmConfig,
    first: pd.DataFrame,
    rows: int,
) -> bool | None:
    """Day-first or month-first for ``03/04/2024``-style dates, decided once for all chunks.

    Given in the options, it is used. Otherwise the first chunk decides when its dates tell;
    when they are all ambiguous (no part over 12), the whole date column is scanned once.
    With no such dates in the first chunk, each chunk decides for itself (only a file whose
    date style changes after the first chunk could see a difference from the in-memory path).
    """
    if config.reading.dayfirst is not None:
        return config.reading.dayfirst
    order = date_order(first[date_column])
    if order != "ambiguous":
        return {"day-first": True, "month-first": False}.get(order)
    for chunk in _chunks(paths, layouts, rows):
        found = date_order(chunk[date_column])
        if found in ("day-first", "month-first"):
            return found == "day-first"
    return None
