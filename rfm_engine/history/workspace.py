"""A shop's workspace: one SQLite file that accumulates its sales exports.

Why SQLite: it comes with Python (nothing to install, also in Pyodide), one file holds
everything, and a transaction is all or nothing even when the process is killed mid-import
(the write-ahead log is rolled back on the next open). WAL mode lets a window read while
another one imports, and writers wait for each other (``BEGIN IMMEDIATE`` with a busy
timeout) instead of corrupting the file. The engine re-analyses the stored rows with
:func:`rfm_engine.analyze`, so a workspace gives the engine's own numbers.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import ConfigError, InputFileError
from ..io import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN
from ..notes import RfmWarning
from ..options import RfmConfig
from ..pipeline import analyze, load_table
from .notices import history_warning, warning_from_dict
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from .stored_rows import decode_rows, encode_rows, order_keys, order_label, plan_merge, row_hash

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000
Progress = Callable[[int, int], None]


def is_workspace(path: str | Path) -> bool:
    """True for an existing SQLite file (a workspace, or a database that is not one: opening it
    says so), or a new path ending in ``.rfmdb``."""
    path = Path(path)
    if path.is_file():
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    return path.suffix.lower() == ".rfmdb" and not path.exists()


@dataclass(frozen=True)
class ImportRecord:
    """One file added: name, path, SHA-256 of its bytes, rows read, rows added, rows already
    there, orders whose stored rows it replaced, when (UTC), and warnings."""

    id: int
    file: str
    path: str
    sha256: str
    rows_read: int
    rows_added: int
    rows_merged: int
    orders_replaced: int
    imported_at: str
    warnings: tuple[RfmWarning, ...] = ()


@dataclass(frozen=True)
class WorkspaceStatus:
    path: str
    schema_version: int
    columns: tuple[str, ...]
    rows: int
    imports: tuple[ImportRecord, ...]
    config: RfmConfig | None
    snapshots: tuple[tuple[str, str], ...]  # (period, period_end)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Workspace:
    """An open workspace. Use as a context manager; ``create=True`` makes a new file.

    Opening a workspace of an older schema migrates it (in one transaction); a newer one, a
    database that is not a workspace or a damaged file is an :class:`InputFileError`.
    """

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise InputFileError(
                f"{self.path}: no such workspace (adding exports to it creates it)",
                path=str(self.path),
                code="no_workspace",
            )
        if self.path.is_dir():
            raise InputFileError(f"{self.path}: is a folder, not a workspace", path=str(path))
        if self.path.exists() and self.path.stat().st_size and not is_workspace(self.path):
            raise InputFileError(
                f"{self.path}: is not a workspace database", path=str(path), code="not_a_workspace"
            )
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                self.conn.close()
            raise InputFileError(
                f"{self.path}: cannot be opened as a workspace ({exc})", path=str(self.path)
            ) from None

    # ---- opening ------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.schema_version
        app = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if version and app != APPLICATION_ID:
            raise InputFileError(
                f"{self.path}: is a database, but not a workspace", code="not_a_workspace"
            )
        if version > SCHEMA_VERSION:
            raise InputFileError(
                f"{self.path}: was made by a newer version (workspace schema {version}, this "
                f"version knows up to {SCHEMA_VERSION}); update the program",
                path=str(self.path),
                code="newer_workspace",
            )
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self.schema_version  # another process may have migrated meanwhile
            if version == 0:
                tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise InputFileError(
                        f"{self.path}: is a database, but not a workspace", code="not_a_workspace"
                    )
            if version < SCHEMA_VERSION:
                migrate(self.conn, version)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: waits for other writers, all or nothing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---- what is stored -----------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM source_columns ORDER BY position")
        return [name for (name,) in rows]

    @property
    def config(self) -> RfmConfig | None:
        """The settings in force (the latest saved), or None for an empty workspace."""
        row = self.conn.execute(
            "SELECT config_json FROM settings ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return RfmConfig.from_json(row[0]) if row else None

    def save_config(self, config: RfmConfig) -> None:
        """Record new settings in force (earlier ones stay in the settings table)."""
        with self.transaction() as conn:
            self._insert_config(conn, config)

    def update_settings(self, config: RfmConfig) -> bool:
        """Keep ``config`` as the settings in force when its scoring, segment, metric, cleaning
        or language settings differ from the stored ones; True when it did. The column mapping
        of a workspace never changes (its rows are merged by it): a different one is an error.
        """
        stored = self.config
        if stored is None:
            return False
        if config.columns != stored.columns:
            raise ConfigError(
                f"{self.path}: keeps the columns {_roles(stored)}; a workspace keeps one column "
                "mapping (other columns can be given for one analysis)",
                option="columns",
                code="workspace_columns",
            )
        same = dataclasses.replace(
            config, reading=stored.reading, period=dataclasses.replace(config.period, as_of=None)
        )
        if same == stored:
            return False
        # Refuse settings that cannot run (e.g. a 5-point scheme with 3 bins).
        same.segments.resolved_scheme().require_bins(same.scoring.bins)
        self.save_config(same)
        return True

    def _insert_config(self, conn: sqlite3.Connection, config: RfmConfig) -> None:
        stored = dataclasses.replace(config, period=dataclasses.replace(config.period, as_of=None))
        conn.execute(
            "INSERT INTO settings (saved_at, config_json) VALUES (?, ?)",
            (_now(), stored.to_json()),
        )

    def imports(self) -> tuple[ImportRecord, ...]:
        rows = self.conn.execute(
            "SELECT id, file, path, sha256, rows_read, rows_added, rows_merged, "
            "orders_replaced, imported_at, warnings_json FROM imports ORDER BY id"
        ).fetchall()
        return tuple(
            ImportRecord(*row[:9], warnings=tuple(_warning(w) for w in json.loads(row[9])))
            for row in rows
        )

    def row_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM rows").fetchone()[0])

    def status(self) -> WorkspaceStatus:
        snapshots = self.conn.execute(
            "SELECT period, period_end FROM snapshots ORDER BY period, period_end"
        ).fetchall()
        return WorkspaceStatus(
            path=str(self.path),
            schema_version=self.schema_version,
            columns=tuple(self.columns),
            rows=self.row_count(),
            imports=self.imports(),
            config=self.config,
            snapshots=tuple((p, e) for p, e in snapshots),
        )

    def table(self) -> pd.DataFrame:
        """Every stored row as a raw table (source headers, then file name and row number), as
        :func:`rfm_engine.load_table` gives a file; :func:`rfm_engine.analyze` takes it."""
        with self._read():
            headers = self.columns
            rows = self.conn.execute(
                "SELECT i.file, r.row, r.data FROM rows r JOIN imports i ON i.id = r.import_id "
                "ORDER BY r.id"
            ).fetchall()
        if not rows:
            raise InputFileError(
                f"{self.path}: the workspace holds no rows yet; add exports",
                code="empty_workspace",
            )
        frame = decode_rows([r[2] for r in rows], headers)
        frame[SOURCE_COLUMN] = pd.Categorical([r[0] for r in rows])
        frame[ROW_COLUMN] = pd.array([r[1] for r in rows], dtype="int64")
        return frame

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        """One consistent view across several queries (a concurrent import is not half seen)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    # ---- adding exports -----------------------------------------------------------------
    def add(
        self,
        paths: Sequence[str | Path],
        config: RfmConfig | None = None,
        *,
        progress: Progress | None = None,
    ) -> tuple[ImportRecord, ...]:
        """Add exports, all or nothing: every file is read before anything is written, and
        the rows go in inside one transaction.

        ``config`` gives how to read the files and, for a new workspace, the settings it keeps
        (columns resolved from the first file); default: the workspace's settings.
        """
        report = progress or (lambda done, total: None)
        paths = [Path(p) for p in paths]
        if not paths:
            raise InputFileError("no file to add")
        stored = self.config
        reading = config or stored or RfmConfig()
        frames = [load_table([p], reading) for p in paths]
        headers = self.columns or [c for c in frames[0].columns if c not in INTERNAL_COLUMNS]
        frames = [_aligned(f, headers, p) for f, p in zip(frames, paths, strict=True)]
        report(1, len(paths) + 2)
        settings = stored
        if settings is None:
            combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
            # Resolves the columns and proves the data can be analysed before anything is kept.
            settings = analyze(combined, config or RfmConfig()).config
        records = []
        with self.transaction() as conn:
            kept = self.columns
            if not kept:
                conn.executemany(
                    "INSERT INTO source_columns (position, name) VALUES (?, ?)",
                    list(enumerate(headers)),
                )
                self._insert_config(conn, settings)
            elif kept != headers:  # another window created the workspace meanwhile
                raise InputFileError(
                    f"{paths[0]}: its columns differ from the workspace's; a workspace takes "
                    "exports of one layout",
                    path=str(paths[0]),
                    code="workspace_layout",
                )
            else:
                settings = self.config or settings
            for i, (path, frame) in enumerate(zip(paths, frames, strict=True)):
                records.append(self._add_one(conn, path, frame, headers, settings))
                report(i + 2, len(paths) + 2)
        report(len(paths) + 2, len(paths) + 2)
        return tuple(records)

    def _add_one(
        self,
        conn: sqlite3.Connection,
        path: Path,
        frame: pd.DataFrame,
        headers: list[str],
        settings: RfmConfig,
    ) -> ImportRecord:
        texts = encode_rows(frame, headers)
        hashes = [row_hash(t) for t in texts]
        keys = order_keys(frame, settings.columns.customer, settings.columns.order)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS incoming (hash BLOB, okey TEXT)")
        conn.execute("DELETE FROM incoming")
        conn.executemany("INSERT INTO incoming VALUES (?, ?)", zip(hashes, keys, strict=True))
        stored = pd.DataFrame(
            conn.execute(
                "SELECT id, hash, okey FROM rows WHERE hash IN (SELECT hash FROM incoming) "
                "UNION SELECT id, hash, okey FROM rows WHERE okey IN "
                "(SELECT okey FROM incoming WHERE okey IS NOT NULL)"
            ).fetchall(),
            columns=["id", "hash", "okey"],
        )
        conn.execute("DELETE FROM incoming")
        plan = plan_merge(stored, hashes, keys)
        warnings = []
        if plan.replaced_orders:
            warnings.append(
                history_warning(
                    "orders_replaced",
                    f"{path.name}: {len(plan.replaced_orders):,} orders already in the "
                    "workspace differ in this export (e.g. "
                    f"{', '.join(order_label(k) for k in plan.replaced_orders[:3])}); its rows "
                    "replace the stored ones: the export added last is taken as the newer state",
                    file=path.name,
                    orders=[order_label(k) for k in plan.replaced_orders[:20]],
                    count=len(plan.replaced_orders),
                )
            )
        conn.executemany("DELETE FROM rows WHERE id = ?", [(i,) for i in plan.delete_ids])
        imported_at, digest = _now(), _sha256(path)
        cursor = conn.execute(
            "INSERT INTO imports (file, path, sha256, rows_read, rows_added, rows_merged, "
            "orders_replaced, imported_at, warnings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                path.name,
                str(path.resolve()),
                digest,
                len(frame),
                len(plan.add),
                plan.merged,
                len(plan.replaced_orders),
                imported_at,
                json.dumps([w.to_dict() for w in warnings], ensure_ascii=False),
            ),
        )
        import_id = cursor.lastrowid
        row_numbers = frame[ROW_COLUMN].to_numpy()
        conn.executemany(
            "INSERT INTO rows (import_id, row, hash, okey, data) VALUES (?, ?, ?, ?, ?)",
            ((import_id, int(row_numbers[i]), hashes[i], keys[i], texts[i]) for i in plan.add),
        )
        return ImportRecord(
            id=int(import_id),
            file=path.name,
            path=str(path.resolve()),
            sha256=digest,
            rows_read=len(frame),
            rows_added=len(plan.add),
            rows_merged=plan.merged,
            orders_replaced=len(plan.replaced_orders),
            imported_at=imported_at,
            warnings=tuple(warnings),
        )


def _roles(config: RfmConfig) -> str:
    return ", ".join(f"{role} = {column}" for role, column in config.columns.roles.items())


def _warning(data: dict) -> RfmWarning:
    return warning_from_dict(data)


def _aligned(frame: pd.DataFrame, headers: list[str], path: Path) -> pd.DataFrame:
    """The frame with the workspace's column names (matched ignoring surrounding spaces)."""
    cols = [c for c in frame.columns if c not in INTERNAL_COLUMNS]
    ours = {str(h).strip(): h for h in headers}
    theirs = {str(c).strip(): c for c in cols}
    if set(ours) != set(theirs):
        missing = sorted(set(ours) - set(theirs))
        extra = sorted(set(theirs) - set(ours))
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:5])}")
        if extra:
            parts.append(f"extra {', '.join(extra[:5])}")
        raise InputFileError(
            f"{path}: its columns differ from the workspace's ({'; '.join(parts)}); a workspace "
            "takes exports of one layout",
            path=str(path),
            code="workspace_layout",
        )
    return frame.rename(columns={theirs[k]: ours[k] for k in ours})
