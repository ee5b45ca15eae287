"""Large delimited text files read, cleaned and totalled by DuckDB itself; Python parses only
the distinct values that need the engine's parsers.

DuckDB reads the file with the reader settings the engine detected (delimiter, header row,
skipped title rows, quoting; every cell as text), taking a 64-bit hash of each row's cells as it
reads; a file in an encoding DuckDB does not read natively is first transcoded to UTF-8 in the
run's work folder in a streaming pass (no extension is ever installed: no network). The rows go
either into a compressed table of DuckDB's own, which spills to that folder beyond DuckDB's
memory limit (out of core), or, when they fit in memory, into Arrow record batches that DuckDB
then scans in place (``arrow``: no compression to pay on every scan; about a third faster).

Each role column then takes a typed fast path in SQL where its values need no reading (ids with
nothing to strip and no missing marker or placeholder, ISO days, plain decimals); only the
distinct values outside it go to the engine's own parsers (:mod:`rfm_engine.io.parsing`), and
their readings come back as small lookup tables. Every row's fate (the rule that drops it, or
purchase / return) is one ``CASE``; one pass counts the fates and finds each rule's first rows,
one more totals the purchases and returns per order and per customer. Rule 1 is decided on the
side: rows sharing a hash are compared cell by cell, and each later copy comes off its first
row's group (same cells, same group), so no pass has to join every row against the copies.

The numbers are the in-memory engine's: rule 1 compares every source cell exactly, the decimal
separator and day order are decided from the whole column's distinct values, fallback
identifiers are linked over the whole input, money is summed as whole millionths. A file DuckDB
reads otherwise than pandas (a line of blanks, a row with an extra cell) raises
:class:`NotReadHere`, and the chunked path of :mod:`.out_of_core` reads it; order totals on line
items and customer lists are read in memory.

Why not :mod:`rfm_engine.cleaning.in_database` (the rules as ibis expressions, for tables in a
database): a file needs what a database table does not (row numbers for the examples and the
latest contact, text armour and placeholders undone as in memory, rule 1 on every source cell,
fallback keys linked), and there each rule is its own count query over the expression chain
(every lookup join re-evaluated), where here one ``CASE`` fixes every row's fate.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..cleaning.customer_key import CustomerKeys, key_warnings
from ..cleaning.report import (
    EXAMPLES_PER_RULE,
    FATE_PURCHASE,
    FATE_RETURN,
    FATE_UNCOUNTED,
    FIRST_RULE_FATE,
    RULE_KEYS,
    RULES,
    CleaningReport,
    CleaningStep,
)
from ..cleaning.rules import mostly_bad_error, rule_off_error
from ..cleaning.value_notes import amount_separator, mixed_currency_error
from ..errors import InputFileError
from ..io.parsing import (
    BLANKS,
    MISSING_MARKERS,
    amount_decimal,
    marker_uniques,
    parse_amounts,
    parse_dates,
    strip_armour,
    text_id_codes,
)
from ..io.reading import ROW_COLUMN, SOURCE_COLUMN
from ..io.text_reading import TextLayout, csv_options
from ..mapping.currencies import currency_codes
from ..mapping.customer_keys import (
    _PLACEHOLDER_SPELLINGS,
    _ZERO_SPELLINGS,
    MIN_ZERO_ROWS,
    MIN_ZERO_SHARE,
)
from ..mapping.status import cancelled_mask
from ..notes import RfmWarning
from ..options.config import (
    PLAUSIBLE_FIRST_DAY,
    PLAUSIBLE_LAST_DAY,
    PLAUSIBLE_MAX_AMOUNT,
    ColumnMap,
    RfmConfig,
)
from .arrow_text_screen import maybe_messy, short_starts
from .totals import MONEY_SCALE, CustomerTotals

Progress = Callable[[int, int], None]
_FATE = {key: FIRST_RULE_FATE + i for i, key in enumerate(RULE_KEYS)}
#: Encodings DuckDB reads as they are (others are transcoded to UTF-8 first).
NATIVE_ENCODINGS = {"utf-8", "utf_8", "utf8", "utf-8-sig", "utf_8_sig", "ascii", "us-ascii"}
#: A day in the ISO form (time allowed): DuckDB reads its first ten characters as the date.
ISO_DAY = r"(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?"
PLAIN_NUMBER = r"[+-]?[0-9]+(\.[0-9]+)?"
PLAIN_INTEGER = r"[+-]?[0-9]+"
TRANSCODE_BLOCK = 16 * 1024**2
_EPOCH_DAY = "DATE '1970-01-01'"
#: Up to this many copies (rule 1), each rule's first rows come with its count.
MANY_COPIES = 200_000


def _sql_list(values) -> str:
    return "(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in sorted(values)) + ")"


_MARKERS_SQL = _sql_list(MISSING_MARKERS)
_PLACEHOLDERS_SQL = _sql_list(_PLACEHOLDER_SPELLINGS | _ZERO_SPELLINGS)


def connect_duckdb(folder: Path, memory_limit: int) -> Any:
    """A DuckDB database in ``folder`` that never downloads an extension, its memory held to
    ``memory_limit`` bytes (see :func:`.out_of_core.duckdb_work` and ``arrow_work``) and
    spilling to ``folder`` beyond it."""
    import duckdb

    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    # In memory, spilling to ``folder`` beyond the limit: no table is written to disk whole.
    con = duckdb.connect(":memory:", config=config)
    con.execute("ATTACH ':memory:' AS work (COMPRESS)")  # text columns compressed in memory
    con.execute("USE work")
    con.execute(f"SET memory_limit = '{memory_limit // 1024**2}MB'")
    con.execute(f"SET threads = {max(1, os.cpu_count() or 1)}")
    con.execute("SET allocator_flush_threshold = '16MB'")  # freed memory goes back soon
    # and is given back to the system by a thread of its own (after reading 10M lines into
    # Arrow, 70-130 MB less held; the peak of the whole analysis ~60 MB lower).
    con.execute("SET allocator_background_threads = true")
    con.execute(f"SET temp_directory = '{_quote(str(folder / 'spill'))}'")
    return con


def _register(con: Any, name: str, data: Any) -> None:
    """``con.register``, after running to its end a result read in part (``fetchone``): newer
    DuckDB refuses to register beside one."""
    finish = getattr(con, "complete", None)
    if finish is not None:
        finish()
    con.register(name, data)


def _quote(text: str) -> str:
    return text.replace("'", "''")


@dataclasses.dataclass
class _Source:
    """The raw rows in DuckDB: table ``src`` with columns ``c0`` … in the first file's order;
    ``_pos`` is each row's position in the files and ``_h`` a hash of its cells; ``starts[i]``
    is the first position of file ``i``."""

    headers: list[str]
    names: list[str]
    starts: list[int]
    files: list[str]
    rows: int
    #: The Arrow table DuckDB scans as ``src``, or ``None`` (a table of DuckDB's own).
    arrow: Any = None

    def column(self, header: str) -> str:
        return self.names[self.headers.index(header)]

    def row_sql(self) -> str:
        """Each row's number within its file, as the in-memory reader counts them (from 1)."""
        if len(self.starts) == 1:
            return "(pos + 1)"
        cases = " ".join(f"WHEN pos >= {s} THEN pos - {s} + 1" for s in reversed(self.starts[1:]))
        return f"(CASE {cases} ELSE pos + 1 END)"

    def where(self, pos: int) -> tuple[str, int]:
        index = int(np.searchsorted(self.starts, pos, side="right")) - 1
        return self.files[index], pos - self.starts[index] + 1


class NotReadHere(Exception):
    """A file DuckDB does not read as the in-memory reader does (the chunked path takes it)."""


def load_source(
    con: Any,
    paths: list[Path],
    layouts: list[TextLayout],
    headers: list[str],
    folder: Path,
    *,
    arrow: bool = False,
) -> _Source:
    """Read every file into ``src`` (all text), in file order: a table of DuckDB's own
    (compressed, spilling to disk: out of core), or with ``arrow`` an Arrow table in memory
    that DuckDB scans in place (about a third faster; nothing compressed)."""
    names = [f"c{i}" for i in range(len(headers))]
    starts, rows = [], 0
    batches: list = []
    con.execute("SET preserve_insertion_order = true")  # rowid = position in the files
    for i, (path, layout) in enumerate(zip(paths, layouts, strict=True)):
        readable = _readable(path, layout, folder)
        file_headers = _file_headers(path, layout, len(headers))
        order = _column_order(file_headers, headers, path, paths[0])
        columns = "{" + ", ".join(f"'c{j}': 'VARCHAR'" for j in range(len(file_headers))) + "}"
        header = layout.header_row is not None
        skip = layout.header_row or 0
        reader = (
            f"read_csv('{_quote(str(readable))}', delim = '{_quote(layout.delimiter)}', "
            f"quote = '\"', escape = '\"', header = {str(header).lower()}, skip = {skip}, "
            f"auto_detect = false, null_padding = true, columns = {columns})"
        )
        select = ", ".join(f"c{j} AS {names[k]}" for k, j in enumerate(order))
        # A hash of the whole row, computed while the file is read, narrows rule 1 (rows
        # sharing one are compared cell by cell). In Arrow's memory 32 bits of it: 40 MB less
        # at 10M lines, for some thousand more rows compared.
        row_hash = f"hash({', '.join(f'c{j}' for j in order)})"
        select += f", ({row_hash} & 4294967295)::UINTEGER AS _h" if arrow else f", {row_hash} AS _h"
        verb = "CREATE TABLE src_t AS" if i == 0 else "INSERT INTO src_t"
        starts.append(rows)
        try:
            if arrow:
                read = con.sql(f"SELECT {select} FROM {reader}").to_arrow_table()
                batches += read.to_batches()
                total = rows + read.num_rows
                del read
            else:
                con.execute(f"{verb} SELECT {select} FROM {reader}")
                total = con.execute("SELECT count(*) FROM src_t").fetchone()[0]
        except Exception as exc:  # duckdb.Error: rows pandas reads otherwise, or refuses
            if type(exc).__name__ == "OutOfMemoryException":
                raise  # not the file's doing: the caller decides
            raise NotReadHere(path) from None
        if total == rows:
            raise InputFileError(f"{path}: has no data rows", path=str(path))
        rows = total
        if readable != path:
            readable.unlink(missing_ok=True)
    source = _Source(headers, names, starts, [p.name for p in paths], rows)
    if arrow:
        source.arrow = _register_arrow(con, batches)
        del batches
    else:
        con.execute("CREATE VIEW src AS SELECT rowid AS _pos, * FROM src_t")
    con.execute("SET preserve_insertion_order = false")
    # A line of blanks only is skipped by the in-memory reader, kept by DuckDB (as a first
    # cell of blanks): such files are left to the chunked path, which reads as pandas does.
    # Over Arrow, a later column without a blank cell rules such lines out (0.26 s at 10M).
    others_blank = not arrow or all(source.arrow.column(n).null_count for n in names[1:])
    if len(names) > 1 and others_blank:
        rest = " AND ".join(f"{n} IS NULL" for n in names[1:])
        blank = f"{names[0]} IS NOT NULL AND trim({names[0]}, '{_quote(BLANKS)}') = ''"
        if con.execute(f"SELECT count(*) FROM src WHERE {rest} AND {blank}").fetchone()[0]:
            raise NotReadHere(paths[0])
    return source


def _register_arrow(con: Any, batches: list) -> Any:
    """The record batches DuckDB read, with each row's position ``_pos``, as ``src``."""
    import pyarrow as pa

    rows = sum(b.num_rows for b in batches)
    position = np.int32 if rows < 2**31 else np.int64
    ends = np.cumsum([b.num_rows for b in batches])
    batches = [
        pa.RecordBatch.from_arrays(
            [*batch.columns, pa.array(np.arange(end - batch.num_rows, end, dtype=position))],
            names=[*batch.schema.names, "_pos"],
        )
        for batch, end in zip(batches, ends, strict=True)
    ]
    table = pa.Table.from_batches(batches)
    _register(con, "src", table)
    return table


def _readable(path: Path, layout: TextLayout, folder: Path) -> Path:
    """``path`` itself when DuckDB reads its encoding, else a UTF-8 copy in ``folder``."""
    encoding = codecs.lookup(layout.encoding).name
    if encoding in NATIVE_ENCODINGS:
        return path
    target = folder / f"transcoded-{len(list(folder.glob('transcoded-*')))}.csv"
    decoder = codecs.getincrementaldecoder(layout.encoding)(errors="strict")
    try:
        with path.open("rb") as source, target.open("w", encoding="utf-8", newline="") as out:
            while block := source.read(TRANSCODE_BLOCK):
                out.write(decoder.decode(block))
            out.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        from ..io.text_reading import decoding_error

        raise decoding_error(path, layout, exc) from None
    return target


def _file_headers(path: Path, layout: TextLayout, width: int) -> list[str]:
    if layout.header_row is None:
        return [f"column {i + 1}" for i in range(width)]
    head = pd.read_csv(path, nrows=0, **csv_options(layout))
    return [str(c) for c in head.columns]


def _column_order(file_headers: list[str], headers: list[str], path: Path, first: Path):
    """For each of the first file's headers, its index in this file (by stripped name)."""
    by_stripped = {h.strip(): i for i, h in enumerate(file_headers)}
    if set(by_stripped) != {h.strip() for h in headers} or len(file_headers) != len(headers):
        raise InputFileError(
            f"{path}: its columns differ from {first} "
            f"({', '.join(file_headers[:8])} vs {', '.join(headers[:8])}); "
            "combine only files of the same layout",
            path=str(path),
        )
    return [by_stripped[h.strip()] for h in headers]


# ---- the distinct values outside the fast paths -------------------------------------------


def _distinct(
    con: Any,
    column: str,
    messy: str,
    *,
    filter_first: bool = True,
    screen: tuple[Any, Any] | None = None,
) -> pd.DataFrame:
    """Distinct values ``v`` of ``column`` where ``messy`` (SQL on ``v``) holds, with their
    rows ``n``, in the order they first appear (as ``pandas.factorize`` lists them). With
    ``filter_first`` the (cheap) test runs on every row and only the messy rows are grouped;
    else on the distinct values (for columns of few distinct values). ``screen`` (the Arrow
    table scanned as ``src``, and the ``short`` words of :func:`.arrow_text_screen.maybe_messy`)
    narrows the rows tested to those whose first and last bytes could make them messy."""
    if screen is not None:
        table, short = screen
        mask = maybe_messy(table.column(column), short)
        if mask is not None:
            import pyarrow as pa

            rows = table.select([column, "_pos"]).filter(pa.array(mask))
            _register(con, "_screened", rows)
            try:
                return con.execute(
                    f"SELECT v, count(*) AS n FROM (SELECT {column} AS v, _pos AS r FROM "
                    f"_screened) WHERE {messy} GROUP BY v ORDER BY min(r)"
                ).df()
            finally:
                con.unregister("_screened")
    if filter_first:
        return con.execute(
            f"SELECT v, count(*) AS n FROM (SELECT {column} AS v, _pos AS r FROM src WHERE "
            f"{column} IS NOT NULL) WHERE {messy} GROUP BY v ORDER BY min(r)"
        ).df()
    return con.execute(
        f"SELECT v, n FROM (SELECT {column} AS v, count(*) AS n, min(_pos) AS f FROM src "
        f"WHERE {column} IS NOT NULL GROUP BY {column}) WHERE {messy} ORDER BY f"
    ).df()


_BLANK_CODES = ", ".join(str(ord(c)) for c in BLANKS)
#: Not plain (see ``_PLAIN`` in :mod:`rfm_engine.io.parsing`): empty, a blank, quote or ``=``
#: first, or a blank last; by code points, which DuckDB compares without a regular expression
#: (the last through ``reverse``: measured a fifth faster than ``right(v, 1)``).
_NOT_PLAIN = (
    f"(v = '' OR unicode(v) IN ({_BLANK_CODES}, {ord('=')}, {ord(chr(39))}) "
    f"OR unicode(reverse(v)) IN ({_BLANK_CODES}))"
)
_MARKER_LENGTH = max(len(m) for m in MISSING_MARKERS)
#: The words an id may be blank as (see ``_id_messy``), for :func:`.arrow_text_screen.maybe_messy`.
_ID_WORDS = short_starts(MISSING_MARKERS)
_KEY_WORDS = short_starts(MISSING_MARKERS | _PLACEHOLDER_SPELLINGS | _ZERO_SPELLINGS)
#: ISO days as :data:`rfm_engine.io.parsing._ISO_DAY` reads them (RE2 measured faster than
#: GLOB patterns or string tests here).
_ISO_SQL = f"regexp_full_match(v, '{ISO_DAY}')"


def _id_messy(placeholders: bool = False) -> str:
    # ``CASE`` evaluates ``lower`` on short values only (``AND`` would on every value).
    return (
        f"({_NOT_PLAIN} OR (CASE WHEN strlen(v) <= {_MARKER_LENGTH} THEN lower(v) IN "
        f"{_MARKERS_SQL} ELSE false END)"
        + (f" OR v IN {_PLACEHOLDERS_SQL}" if placeholders else "")
        + ")"
    )


def _lookup(con: Any, name: str, raw: pd.Series, values: Any, dtype: str) -> None:
    """Register ``raw`` → ``values`` as table ``name`` (``values`` null where unreadable)."""
    frame = pd.DataFrame({"raw": raw.astype(object).to_numpy(), "val": values})
    con.execute(f"DROP TABLE IF EXISTS {name}")
    _register(con, "_lookup_frame", frame)
    con.execute(
        f"CREATE TEMP TABLE {name} AS SELECT raw::VARCHAR AS raw, val::{dtype} AS val "
        "FROM _lookup_frame"
    )
    con.unregister("_lookup_frame")


@dataclasses.dataclass
class _Role:
    """A standard column: its SQL over ``src`` (``s``) and lookup joins."""

    sql: str
    joins: list[str] = dataclasses.field(default_factory=list)


class _Roles:
    def __init__(self, con: Any, source: _Source, columns: ColumnMap, config: RfmConfig):
        self.con, self.source, self.columns, self.config = con, source, columns, config
        self.warnings: list[RfmWarning] = []
        self.marker_rows: dict[str, int] = {}
        self.marker_examples: dict[str, str] = {}
        self.count = 0

    def _note_markers(self, header: str, distinct: pd.DataFrame) -> None:
        if distinct.empty or header in self.marker_rows:
            return
        marker = marker_uniques(distinct["v"].astype(object)).to_numpy(dtype=bool)
        if marker.any():
            self.marker_rows[header] = int(distinct["n"].to_numpy()[marker].sum())
            self.marker_examples[header] = str(distinct["v"].to_numpy()[marker][0])

    def _screen(self, words: tuple[Any, int] | None) -> tuple[Any, Any] | None:
        """Over Arrow rows, the screen :func:`_distinct` narrows its rows by."""
        return None if self.source.arrow is None else (self.source.arrow, words)

    def _join(self, name: str, column: str) -> str:
        return f"LEFT JOIN {name} ON s.{column} = {name}.raw"

    def key(self, header: str | None = None, name: str = "lk_key") -> tuple[_Role, CustomerKeys]:
        """A key column's ids (the customer's, or a fallback's) as text; blanks, markers and
        placeholders null (the placeholder rows counted in the :class:`CustomerKeys`)."""
        header = header or self.columns.customer
        column = self.source.column(header)
        distinct = _distinct(
            self.con, column, _id_messy(placeholders=True), screen=self._screen(_KEY_WORDS)
        )
        self._note_markers(header, distinct)
        keys = CustomerKeys(np.empty(0, dtype=np.int64), np.empty(0, dtype=object))
        if distinct.empty:
            return _Role(f"s.{column}"), keys
        codes, labels = text_id_codes(distinct["v"].astype(object))
        label = np.append(np.asarray(labels, dtype=object), None)[codes]  # -1: blank
        text = pd.Series(label, dtype=object)
        fake = text.isin(_PLACEHOLDER_SPELLINGS).to_numpy(dtype=bool, copy=True)
        zeros = text.isin(_ZERO_SPELLINGS).to_numpy(dtype=bool, copy=True)
        counts = distinct["n"].to_numpy(dtype=np.int64)
        if zeros.any():
            per_label = pd.Series(counts[zeros]).groupby(text[zeros].to_numpy()).transform("sum")
            enough = (per_label >= MIN_ZERO_ROWS) & (per_label >= MIN_ZERO_SHARE * self.source.rows)
            zeros[np.flatnonzero(zeros)] = enough.to_numpy(dtype=bool)
        placeholder = fake | zeros
        if placeholder.any():
            keys.placeholders = {header: int(counts[placeholder].sum())}
        label[placeholder] = None
        _lookup(self.con, name, distinct["v"], label, "VARCHAR")
        return _Role(
            f"CASE WHEN {name}.raw IS NULL THEN s.{column} ELSE {name}.val END",
            [self._join(name, column)],
        ), keys

    def linked_key(
        self, key: _Role, keys: CustomerKeys, fallbacks: list[str]
    ) -> tuple[_Role, CustomerKeys]:
        """The key with fallback identifiers, as :func:`~rfm_engine.cleaning.customer_key.
        customer_keys` makes it: a row without a customer is keyed by its first fallback value;
        a value also seen beside a customer stands for the customer seen with it most often
        (ties: the smallest id), so one person stays one customer."""
        con, joins, sql = self.con, list(key.joins), key.sql
        keyed = con.execute(
            f"SELECT count(*) FROM src s {' '.join(joins)} WHERE ({sql}) IS NOT NULL"
        ).fetchone()[0]
        keys.keyed_by = {self.columns.customer: int(keyed)}
        for i, header in enumerate(fallbacks):
            role, found = self.key(header, f"lk_fallback{i}")
            keys.placeholders.update(found.placeholders)
            joins += role.joins
            value = role.sql
            where = f"FROM src s {' '.join(dict.fromkeys(joins))}"
            link = f"lk_link{i}"
            con.execute(
                f"CREATE TEMP TABLE {link} AS SELECT f, k FROM (SELECT {value} AS f, {sql} AS k, "
                f"count(*) AS n {where} WHERE ({value}) IS NOT NULL AND ({sql}) IS NOT NULL "
                "GROUP BY ALL) QUALIFY row_number() OVER (PARTITION BY f ORDER BY n DESC, k) = 1"
            )
            blank = f"({sql}) IS NULL AND ({value}) IS NOT NULL"
            counts = con.execute(
                f"SELECT count(*) FILTER (WHERE {link}.k IS NOT NULL), count(*) FILTER (WHERE "
                f"{link}.k IS NULL) {where} LEFT JOIN {link} ON ({value}) = {link}.f "
                f"WHERE {blank}"
            ).fetchone()
            if not counts[0] + counts[1]:
                continue
            keys.linked += int(counts[0])
            keys.keyed_by[header] = int(counts[1])
            first = con.execute(
                f"SELECT {value} {where} WHERE {blank} ORDER BY s._pos LIMIT 50"
            ).fetchall()
            keys.examples[header] = tuple(dict.fromkeys(v for (v,) in first))[:3]
            joins.append(f"LEFT JOIN {link} ON ({value}) = {link}.f")
            sql = (
                f"CASE WHEN ({sql}) IS NOT NULL THEN ({sql}) WHEN ({value}) IS NOT NULL THEN "
                f"coalesce({link}.k, {value}) END"
            )
        return _Role(sql, list(dict.fromkeys(joins))), keys

    def text_id(self, header: str, name: str) -> _Role:
        """An order id (or a cancellation stamp) as text, blank → null."""
        column = self.source.column(header)
        distinct = _distinct(self.con, column, _id_messy(), screen=self._screen(_ID_WORDS))
        if distinct.empty:
            return _Role(f"s.{column}")
        codes, labels = text_id_codes(distinct["v"].astype(object))
        label = np.append(np.asarray(labels, dtype=object), None)[codes]  # -1: blank
        _lookup(self.con, name, distinct["v"], label, "VARCHAR")
        return _Role(
            f"CASE WHEN {name}.raw IS NULL THEN s.{column} ELSE {name}.val END",
            [self._join(name, column)],
        )

    def contact(self, header: str, name: str) -> _Role:
        column = self.source.column(header)
        distinct = _distinct(self.con, column, _NOT_PLAIN, screen=self._screen(None))
        if distinct.empty:
            return _Role(f"s.{column}")
        stripped = strip_armour(distinct["v"].astype(object)).astype(object)
        _lookup(self.con, name, distinct["v"], stripped.where(stripped.notna(), None), "VARCHAR")
        return _Role(
            f"CASE WHEN {name}.raw IS NULL THEN s.{column} ELSE {name}.val END",
            [self._join(name, column)],
        )

    def day(self) -> _Role:
        """Days since 1970-01-01: ISO days read by DuckDB, the rest by :func:`parse_dates`."""
        header = self.columns.date
        column = self.source.column(header)
        distinct = _distinct(self.con, column, f"NOT {_ISO_SQL}")
        self._note_markers(header, distinct)
        fast = f"(TRY_CAST(substr(s.{column}, 1, 10) AS DATE) - {_EPOCH_DAY})"
        if distinct.empty:
            return _Role(fast)
        parsed = parse_dates(
            distinct["v"].astype(object), dayfirst=self.config.reading.dayfirst, column=header
        ).to_numpy()
        days = parsed.astype("datetime64[D]").astype(np.int64)
        values = pd.array(np.where(np.isnat(parsed), 0, days), dtype="Int64")
        values[np.isnat(parsed)] = pd.NA
        _lookup(self.con, "lk_day", distinct["v"], values, "INTEGER")
        return _Role(
            f"CASE WHEN lk_day.raw IS NULL THEN {fast} ELSE lk_day.val END",
            [self._join("lk_day", column)],
        )

    def number(self, header: str, name: str, *, decimal: str | None, warn: bool) -> _Role:
        """An amount (or quantity, price): plain decimals cast by DuckDB (unless the column's
        decimal separator is a comma), the rest read by :func:`parse_amounts`."""
        column = self.source.column(header)
        # Every value that could tell the separator (plain integers cannot).
        telling = _distinct(
            self.con, column, f"NOT regexp_full_match(v, '{PLAIN_INTEGER}')", filter_first=False
        )
        self._note_markers(header, telling)
        text = telling["v"].astype(object)
        if warn:
            separator, found = amount_separator(text, header, decimal, None)
            self.warnings += found
        else:
            separator = amount_decimal(text)[0] if len(text) else None
        fast = f"TRY_CAST(s.{column} AS DOUBLE)"
        if separator == ",":
            distinct = _distinct(self.con, column, "true", filter_first=False)
        else:
            plain = telling["v"].str.fullmatch(PLAIN_NUMBER).fillna(False).to_numpy(dtype=bool)
            distinct = telling[~plain]
        if distinct.empty:
            return _Role(f"(CASE WHEN isinf({fast}) THEN NULL ELSE {fast} END)")
        values = parse_amounts(
            distinct["v"].astype(object), decimal=separator, decide=False
        ).to_numpy(dtype=np.float64)
        readable = pd.array(values, dtype="Float64")
        readable[np.isnan(values)] = pd.NA
        _lookup(self.con, name, distinct["v"], readable, "DOUBLE")
        return _Role(
            f"CASE WHEN {name}.raw IS NULL THEN (CASE WHEN isinf({fast}) THEN NULL ELSE {fast} "
            f"END) ELSE {name}.val END",
            [self._join(name, column)],
        )

    def cancelled(self) -> _Role:
        column = self.source.column(self.columns.status)
        distinct = _distinct(self.con, column, "true", filter_first=False)
        if distinct.empty:
            return _Role("false")
        hit = cancelled_mask(distinct["v"].astype(object)).to_numpy(dtype=bool)
        _lookup(self.con, "lk_status", distinct["v"], hit, "BOOLEAN")
        return _Role("coalesce(lk_status.val, false)", [self._join("lk_status", column)])

    def currency(self) -> _Role:
        column = self.source.column(self.columns.currency)
        distinct = _distinct(self.con, column, "true", filter_first=False)
        codes = currency_codes(distinct["v"].astype(object))
        _lookup(self.con, "lk_currency", distinct["v"], codes.where(codes.notna(), None), "VARCHAR")
        return _Role("lk_currency.val", [self._join("lk_currency", column)])

    def marker_warning(self) -> tuple[RfmWarning, ...]:
        """``missing_markers``, as :func:`~rfm_engine.cleaning.value_notes.marker_warning`."""
        amount = self.columns.amount or self.columns.price
        names = [*self.columns.key_columns, self.columns.date, amount]
        counts = {n: self.marker_rows[n] for n in dict.fromkeys(names) if n in self.marker_rows}
        if not counts:
            return ()
        examples = {n: self.marker_examples[n] for n in counts}
        parts = ", ".join(f"{n} in {c!r} (e.g. {examples[c]!r})" for c, n in counts.items())
        return (
            RfmWarning(
                "missing_markers",
                f"cells that mean 'no value' were read as blank: {parts}",
                option=None,
                evidence={"rows": counts, "examples": examples},
                stage="cleaning",
            ),
        )


# ---- the whole path -----------------------------------------------------------------------


def totals_from_csv(
    con: Any,
    source: _Source,
    columns: ColumnMap,
    config: RfmConfig,
    notes: list[RfmWarning],
    report: Progress,
) -> CustomerTotals | None:
    """The per-customer totals of ``src`` (``None``: rows need a fallback key; see module)."""
    roles = _Roles(con, source, columns, config)
    rules = config.cleaning
    key, keys = roles.key()
    fallbacks = [c for c in columns.customer_fallback if c in source.headers]
    if fallbacks:
        blank = con.execute(
            f"SELECT count(*) FROM src s {' '.join(key.joins)} WHERE ({key.sql}) IS NULL"
        ).fetchone()[0]
        if blank:  # rows keyed by a fallback identifier, linked over the whole input
            key, keys = roles.linked_key(key, keys, fallbacks)
        for column in fallbacks:  # their markers are counted as in memory
            roles._note_markers(column, _distinct(con, source.column(column), _id_messy()))
    parts: dict[str, _Role] = {"customer": key, "day": roles.day()}
    decimal = config.reading.decimal
    if columns.amount:
        parts["amount"] = roles.number(columns.amount, "lk_amount", decimal=decimal, warn=True)
    else:
        quantity = roles.number(columns.quantity, "lk_quantity", decimal=None, warn=False)
        price = roles.number(columns.price, "lk_price", decimal=decimal, warn=True)
        parts["amount"] = _Role(f"({quantity.sql}) * ({price.sql})", quantity.joins + price.joins)
    if columns.order:
        parts["order_id"] = roles.text_id(columns.order, "lk_order")
    cancel_sql = []
    if columns.status and rules.drop_cancelled:
        parts["cancelled"] = roles.cancelled()
        cancel_sql.append(("cancelled", "cancelled"))
    if columns.cancelled_at and rules.drop_cancelled:
        stamp = roles.text_id(columns.cancelled_at, "lk_cancelled_at")
        parts["cancelled_at"] = _Role(f"({stamp.sql}) IS NOT NULL", stamp.joins)
        cancel_sql.append(("cancelled_at", "cancelled_at"))
    if columns.currency:
        parts["currency"] = roles.currency()
    contacts = [c for c in columns.contacts if c in source.headers]
    for i, name in enumerate(contacts):
        parts[f"c{i}"] = roles.contact(name, f"lk_contact{i}")
    notes += roles.marker_warning()
    notes += key_warnings(keys, columns)
    notes += roles.warnings

    # Rule 1: every source cell equal (NULL equal to NULL, as pandas' blanks are). Rows sharing
    # a 64-bit hash of all cells are the candidates, compared cell by cell; every identical row
    # after the first is a copy.
    con.execute("CREATE TEMP TABLE copies (pos BIGINT)")
    if rules.drop_duplicates:
        _find_copies(con, source)

    joins = " ".join(dict.fromkeys(j for role in parts.values() for j in role.joins))
    select = ", ".join(f"{role.sql} AS {name}" for name, role in parts.items())
    fate = _fate_sql(parts, config, cancel_sql)

    def rows_of(sources: str) -> str:
        """Every row's standard values and fate as if it had no copy (``fate``: the first rule
        that drops it), for the rows of ``sources`` (``src s``, maybe joined)."""
        return (
            f"SELECT *, {fate} AS fate FROM (SELECT s._pos AS pos, {select} FROM {sources} {joins})"
        )

    con.execute(f"CREATE VIEW rows_all AS {rows_of('src s')}")
    # ``rows``: the same with rule 1 first, for the rare queries that need it.
    con.execute(
        f"CREATE VIEW rows AS SELECT r.* REPLACE ((CASE WHEN copies.pos IS NULL THEN r.fate "
        f"ELSE {_FATE['duplicates']} END)::TINYINT AS fate) FROM rows_all r "
        "LEFT JOIN copies ON r.pos = copies.pos"
    )
    groups = _Groups(con, source, parts, rows_of, len(contacts))
    report(2, 5)
    counts = groups.counts
    cleaning = _report(con, source, counts, groups.firsts, rules)
    _refuse_mostly_bad(con, source, columns, counts, rules.max_unparseable_share)
    _refuse_rules_off(con, source, columns, counts, groups.firsts, config)
    if columns.currency and not rules.currency:
        _refuse_mixed_currency(con, columns)
    table = groups.customers(config.metrics.frequency == "days")
    con.close()  # DuckDB's memory goes back before Python makes its objects of the ids
    customers = table.column("customer").to_numpy(zero_copy_only=False)
    contact_frame = pd.DataFrame(
        {
            name: pd.array(
                table.column(f"c{i}").to_numpy(zero_copy_only=False).astype(object),
                dtype="string",
            )
            for i, name in enumerate(contacts)
        },
        index=pd.RangeIndex(len(table)),
    )

    def numbers(name: str, dtype) -> np.ndarray:
        return table.column(name).to_numpy().astype(dtype, copy=False)

    return CustomerTotals(
        customers=customers.astype(object, copy=False),
        first_day=numbers("first_day", np.int64),
        last_day=numbers("last_day", np.int64),
        orders=numbers("orders", np.int64),
        revenue=numbers("revenue", np.float64),
        days=numbers("days", np.int64) if "days" in table.column_names else None,
        contacts=contact_frame,
        cleaning=cleaning,
        columns=columns,
        warnings=tuple(notes),
        engine="duckdb",
    )


def _find_copies(con: Any, source: _Source) -> None:
    """Rule 1 into table ``copies``: the rows sharing a hash are compared cell by cell, and
    every row identical to an earlier one is a copy. Over Arrow the shared hashes are found
    by sorting them (0.4 s at 10M rows against 1 s for DuckDB's grouping, whose table holds
    every distinct hash) and the rows sharing one taken out to compare."""
    cells = ", ".join(source.names)
    copies = (
        f"INSERT INTO copies SELECT unnest(list(_pos ORDER BY _pos)[2:]) FROM {{}} "
        f"GROUP BY {cells} HAVING count(*) > 1"
    )
    if source.arrow is None:
        con.execute(
            "CREATE TEMP TABLE shared AS SELECT _h FROM src GROUP BY _h HAVING count(*) > 1"
        )
        con.execute(copies.format("(SELECT * FROM src WHERE _h IN (SELECT _h FROM shared))"))
        return
    import pyarrow as pa
    import pyarrow.compute as pc

    # numpy's own copy (Arrow's pool would keep the memory after it is let go), sorted in place.
    hashes = np.concatenate([c.to_numpy() for c in source.arrow.column("_h").chunks])
    hashes.sort()
    shared = np.unique(hashes[1:][hashes[1:] == hashes[:-1]])
    del hashes
    if len(shared):
        rows = source.arrow.filter(pc.is_in(source.arrow.column("_h"), pa.array(shared)))
        _register(con, "_sharing", rows)
        con.execute(copies.format("_sharing"))
        con.unregister("_sharing")


def _fate_sql(parts: dict[str, _Role], config: RfmConfig, cancel: list) -> str:
    """Every row's fate in one ``CASE``, the rules in the order of :func:`~.rules.clean`."""
    rules, period = config.cleaning, config.period
    first = (np.datetime64(PLAUSIBLE_FIRST_DAY, "D") - np.datetime64(0, "D")).astype(int)
    last = (np.datetime64(PLAUSIBLE_LAST_DAY, "D") - np.datetime64(0, "D")).astype(int)
    f = _FATE
    when = [
        f"WHEN customer IS NULL THEN {f['blank_customer']}",
        f"WHEN day IS NULL THEN {f['bad_date']}",
        f"WHEN amount IS NULL THEN {f['bad_amount']}",
        f"WHEN abs(amount) > {PLAUSIBLE_MAX_AMOUNT!r} THEN {f['implausible_amount']}",
        f"WHEN day < {first} OR day > {last} THEN {f['implausible_date']}",
    ]
    if "currency" in parts and rules.currency:
        chosen = _quote(rules.currency.strip().upper())
        when.append(f"WHEN coalesce(currency, '') <> '{chosen}' THEN {f['other_currency']}")
    later = []  # the rules after rule 4, which returns follow too
    bounds = (("after_as_of", period.as_of, ">"), ("before_start", period.start, "<"))
    for key, option_day, sign in bounds:
        if option_day is not None:
            day = (np.datetime64(option_day, "D") - np.datetime64(0, "D")).astype(int)
            later.append((f"day {sign} {day}", f[key]))
    later += [(name, f[key]) for key, name in cancel]
    outside = " OR ".join(cond for cond, _ in later) or "false"
    if rules.returns == "drop":
        when.append(f"WHEN amount <= 0 THEN {f['non_positive']}")
    elif rules.returns == "net":
        when.append(f"WHEN amount = 0 THEN {f['non_positive']}")
        when.append(
            f"WHEN amount < 0 THEN (CASE WHEN {outside} THEN {FATE_UNCOUNTED} ELSE {FATE_RETURN} "
            "END)"
        )
    when += [f"WHEN {cond} THEN {fate}" for cond, fate in later]
    return f"(CASE {' '.join(when)} ELSE {FATE_PURCHASE} END)::TINYINT"


def _arrow_rows(table: Any, positions: list[int]) -> Any:
    """The rows of ``table`` at ``positions``, each sliced from its record batch (a ``take``
    on the whole table would first join every batch into one)."""
    import pyarrow as pa

    batches = table.to_batches()
    starts = np.cumsum([0] + [b.num_rows for b in batches])
    rows = []
    for pos in positions:
        i = int(np.searchsorted(starts, pos, side="right")) - 1
        rows.append(batches[i].slice(pos - int(starts[i]), 1))
    return pa.Table.from_batches(rows, schema=table.schema)


def _examples(con: Any, source: _Source, positions: list[int]) -> pd.DataFrame:
    """The source rows at ``positions``, as the in-memory reader gives them."""
    if not positions:
        return pd.DataFrame(columns=[*source.headers, SOURCE_COLUMN, ROW_COLUMN])
    positions = sorted(int(p) for p in positions)
    if source.arrow is not None:  # the position is the row of the Arrow table
        frame = _arrow_rows(source.arrow, positions).select([*source.names, "_pos"]).to_pandas()
    else:
        listed = ", ".join(map(str, positions))
        frame = con.execute(
            f"SELECT _pos, {', '.join(source.names)} FROM src WHERE _pos IN ({listed}) "
            "ORDER BY _pos"
        ).df()
    out = pd.DataFrame(
        {
            h: frame[n].astype(object).where(frame[n].notna(), np.nan)
            for h, n in zip(source.headers, source.names, strict=True)
        }
    )
    where = [source.where(int(p)) for p in frame["_pos"]]
    out[SOURCE_COLUMN] = [w[0] for w in where]
    out[ROW_COLUMN] = np.array([w[1] for w in where], dtype=np.int64)
    return out


class _Groups:
    """Every row's fate counted once, with the first rows of each, and the per-customer totals
    in one more pass, both less the rows rule 1 drops: a copy has its first's cells, so it
    falls in its first's order and leaves the order's days and the customer's contact as they
    are; only its count and money come off (from the copies' own rows, read by position)."""

    def __init__(
        self,
        con: Any,
        source: _Source,
        parts: dict[str, _Role],
        rows_of: Callable[[str], str],
        contacts: int,
    ):
        self.con, self.source, self.contacts = con, source, contacts
        self.units = (
            f"CASE WHEN fate IN ({FATE_PURCHASE}, {FATE_RETURN}) THEN round(amount * "
            f"{MONEY_SCALE})::BIGINT END"
        )
        self.order = "order_id" if "order_id" in parts else "NULL::VARCHAR AS order_id"
        copied = con.execute("SELECT count(*) FROM copies").fetchone()[0]
        # Copies are not among their fate's first rows: the first ``k + copies`` are enough
        # (with very many copies, the first rows are looked up on their own).
        first = EXAMPLES_PER_RULE + (int(copied) if copied <= MANY_COPIES else 0)
        found = con.execute(
            f"SELECT fate, count(*), min(pos, {first}) FROM rows_all GROUP BY fate"
        ).fetchall()
        con.execute(
            f"CREATE TEMP TABLE gc AS SELECT customer, {self.order}, fate, count(*) AS n, "
            f"sum({self.units}) AS u FROM ({rows_of('src s JOIN copies ON s._pos = copies.pos')}) "
            "GROUP BY ALL"
        )
        less = dict(con.execute("SELECT fate, sum(n) FROM gc GROUP BY fate").fetchall())
        copies = {int(p) for (p,) in con.execute("SELECT pos FROM copies").fetchall()}
        counts: dict[int, int] = {}
        firsts: dict[int, list[int]] = {}
        for fate, n, positions in found:
            fate, n = int(fate), int(n) - int(less.get(fate, 0))
            if n:
                counts[fate] = n
            if fate >= FIRST_RULE_FATE:
                kept = [int(p) for p in sorted(positions) if int(p) not in copies]
                firsts[fate] = kept[:EXAMPLES_PER_RULE]
        if copied > MANY_COPIES:
            firsts = _first_of_each_fate(con)
        if copies:
            counts[_FATE["duplicates"]] = len(copies)
            firsts[_FATE["duplicates"]] = sorted(copies)[:EXAMPLES_PER_RULE]
        self.counts, self.firsts = counts, firsts

    def customers(self, days: bool) -> Any:
        """Per-customer totals (an Arrow table), sorted by customer id as text (as in
        metrics); the raw rows are let go as soon as they are read."""
        con, contacts = self.con, self.contacts
        buy, kept = f"fate = {FATE_PURCHASE}", f"({FATE_PURCHASE}, {FATE_RETURN})"
        key = f"{{'d': day, 'r': {self.source.row_sql()}, 'p': pos}}"
        latest = "".join(
            f", max({key}) FILTER (WHERE c{i} IS NOT NULL) AS k{i}, arg_max(c{i}, {key}) "
            f"FILTER (WHERE c{i} IS NOT NULL) AS c{i}"
            for i in range(contacts)
        )
        # Per order (and fate, purchases and returns), then the copies' groups taken off with
        # negative counts and money.
        orders = (
            f"SELECT customer, {self.order}, fate, min(day) AS fd, max(day) AS ld, "
            f"sum({self.units}) AS u, count(*) AS n{latest} FROM rows_all WHERE fate IN {kept} "
            "GROUP BY ALL UNION ALL BY NAME SELECT customer, order_id, fate, -u AS u, -n AS n "
            f"FROM gc WHERE fate IN {kept}"
        )
        select = [
            "customer",
            f"min(fd) FILTER (WHERE {buy}) AS first_day",
            f"max(ld) FILTER (WHERE {buy}) AS last_day",
            # BIGINT: a sum is HUGEINT, which Arrow hands over as decimals (0.44 s at 2M).
            f"(count(order_id) FILTER (WHERE {buy} AND n > 0) + coalesce(sum(n) FILTER (WHERE "
            f"{buy} AND order_id IS NULL), 0))::BIGINT AS orders",
            f"sum(u)::DOUBLE / {MONEY_SCALE} AS revenue",
        ]
        select += [
            f"arg_max(c{i}, k{i}) FILTER (WHERE {buy} AND k{i} IS NOT NULL) AS c{i}"
            for i in range(contacts)
        ]
        having = f"HAVING count(*) FILTER (WHERE {buy} AND n > 0) > 0"
        query = "SELECT t.* FROM totals t"
        if days:
            con.execute(
                "CREATE TEMP TABLE d AS SELECT customer, count(*) AS days FROM (SELECT "
                f"DISTINCT customer, day FROM rows_all WHERE {buy}) GROUP BY customer"
            )
            query = "SELECT t.*, d.days FROM totals t JOIN d USING (customer)"
        # Each step a table: tables spill beyond DuckDB's memory limit, a result being sorted
        # into Arrow does not. Out of core, per order first, then (the raw rows let go) per
        # customer: two aggregates feeding each other ran out of 1 GB at 50M lines. Over Arrow
        # one step (a second costs a second at 10M lines; running out falls back to out of core).
        if self.source.arrow is None:
            con.execute(f"CREATE TEMP TABLE o AS {orders}")
            self._let_go()
            orders = "o"
        else:
            orders = f"({orders})"
        con.execute(
            f"CREATE TEMP TABLE totals AS SELECT {', '.join(select)} FROM {orders} "
            f"GROUP BY customer {having}"
        )
        if self.source.arrow is None:
            con.execute("DROP TABLE o")
        else:
            self._let_go()
        # UTF-8 bytes sort as code points do: the order of Python's ``sorted`` on the ids.
        return con.sql(f"{query} ORDER BY customer").to_arrow_table()

    def _let_go(self) -> None:
        con = self.con
        for name in ("rows", "rows_all"):
            con.execute(f"DROP VIEW {name}")
        if self.source.arrow is None:
            con.execute("DROP VIEW src")
            con.execute("DROP TABLE src_t")
        else:
            con.unregister("src")
            self.source.arrow = None


def _first_of_each_fate(con: Any) -> dict[int, list[int]]:
    found = con.execute(
        f"SELECT fate, pos FROM rows WHERE fate >= {FIRST_RULE_FATE} QUALIFY row_number() "
        f"OVER (PARTITION BY fate ORDER BY pos) <= {EXAMPLES_PER_RULE} ORDER BY fate, pos"
    ).fetchall()
    out: dict[int, list[int]] = {}
    for fate, pos in found:
        out.setdefault(int(fate), []).append(int(pos))
    return out


def _report(con: Any, source: _Source, counts: dict, firsts: dict, rules) -> CleaningReport:
    steps = []
    for key in RULE_KEYS:
        count = int(counts.get(_FATE[key], 0))
        if not count:
            continue
        rule, description = RULES[key]
        examples = _examples(con, source, firsts.get(_FATE[key], []))
        steps.append(CleaningStep(key, rule, description, count, examples))
    return CleaningReport(
        rows_read=source.rows,
        rows_used=int(counts.get(FATE_PURCHASE, 0)),
        steps=tuple(steps),
        returns_netted=int(counts.get(FATE_RETURN, 0)),
    )


def _refuse_mostly_bad(con, source: _Source, columns: ColumnMap, counts: dict, share: float):
    """The in-memory "most rows fail" import error (live rows: after rules 1 and 2)."""
    dropped = (_FATE["duplicates"], _FATE["blank_customer"])
    live = sum(int(n) for f, n in counts.items() if f not in dropped)
    if not live:
        return
    amount_column = columns.amount or columns.price
    # Rows without a date are those rule 3 drops for it; without an amount, at most those
    # rule 3 drops for either (counted exactly only then).
    bad_date = counts.get(_FATE["bad_date"], 0)
    at_most = (bad_date, bad_date + counts.get(_FATE["bad_amount"], 0))
    for (column, what, bad), most in zip(
        ((columns.date, "date", "day IS NULL"), (amount_column, "amount", "amount IS NULL")),
        at_most,
        strict=True,
    ):
        if most <= share * live:
            continue
        live_sql = f"fate NOT IN {tuple(dropped)}"
        failed = con.execute(f"SELECT count(*) FROM rows WHERE {live_sql} AND {bad}").fetchone()[0]
        if failed <= share * live:
            continue
        cell = source.column(column)
        positions = [
            p
            for (p,) in con.execute(
                f"SELECT r.pos FROM rows r JOIN src s ON s._pos = r.pos WHERE {live_sql} AND "
                f"{bad} AND s.{cell} IS NOT NULL ORDER BY r.pos LIMIT {EXAMPLES_PER_RULE}"
            ).fetchall()
        ]
        shown = _examples(con, source, positions)
        raise mostly_bad_error(
            column,
            what,
            int(failed),
            live,
            tuple(shown[column]),
            tuple(int(r) for r in shown[ROW_COLUMN]),
        )


def _refuse_rules_off(
    con, source: _Source, columns: ColumnMap, counts: dict, firsts: dict, config
) -> None:
    """A switched-off rule with rows to drop: the error :func:`~.rules.clean` raises."""
    rules = config.cleaning
    amount_column = columns.amount or columns.price
    off = [("blank_customer", not rules.drop_blank_customer, columns.customer)]
    for key, column in (
        ("bad_date", columns.date),
        ("bad_amount", amount_column),
        ("implausible_amount", amount_column),
        ("implausible_date", columns.date),
    ):
        off.append((key, not rules.drop_unparseable, column))
    for key in ("after_as_of", "before_start"):
        off.append((key, not rules.drop_outside_period, columns.date))
    for key, enabled_off, column in off:
        if not enabled_off or not counts.get(_FATE[key]):
            continue
        shown = _examples(con, source, firsts.get(_FATE[key], []))
        first = shown.iloc[0]
        raise rule_off_error(
            f"{first[SOURCE_COLUMN]}, row {first[ROW_COLUMN]}",
            key,
            column,
            first.get(column),
            int(counts[_FATE[key]]),
            rows=tuple(int(r) for r in shown[ROW_COLUMN]),
            examples=tuple(shown[column]),
        )


def _refuse_mixed_currency(con: Any, columns: ColumnMap) -> None:
    earlier = [_FATE[k] for k in RULE_KEYS[: RULE_KEYS.index("other_currency")]]
    shares = con.execute(
        f"SELECT currency, count(*) AS n FROM rows WHERE fate NOT IN "
        f"({', '.join(map(str, earlier))}) AND currency IS NOT NULL GROUP BY currency "
        "ORDER BY n DESC, currency"
    ).df()
    if len(shares) > 1:
        series = pd.Series(shares["n"].to_numpy(), index=shares["currency"].to_numpy())
        raise mixed_currency_error(columns.currency, series / series.sum())
