"""The workspace database layout and its migrations.

``PRAGMA user_version`` is the schema version; ``PRAGMA application_id`` marks the file as a
workspace. Version 0 is an empty database. Each migration runs in the transaction that opens
an older workspace, so a failed migration leaves the file as it was.

- 1: source columns, settings, imports, source rows (the import and row number they came
  from, a hash of their cells, their order key, the cells as a JSON array).
- 2: imports record rows merged, orders replaced and warnings; snapshots of the analysis at
  period ends with their settings, per-customer rows and segment summary.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x52464D31  # "RFM1"

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE source_columns (position INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE settings (
        id INTEGER PRIMARY KEY, saved_at TEXT NOT NULL, config_json TEXT NOT NULL);
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY, file TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
        rows_read INTEGER NOT NULL, rows_added INTEGER NOT NULL, imported_at TEXT NOT NULL);
    CREATE TABLE rows (
        id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id),
        row INTEGER NOT NULL, hash BLOB NOT NULL, okey TEXT, data TEXT NOT NULL);
    CREATE INDEX rows_hash ON rows(hash);
    CREATE INDEX rows_okey ON rows(okey) WHERE okey IS NOT NULL;
    """,
    2: """
    ALTER TABLE imports ADD COLUMN rows_merged INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE imports ADD COLUMN orders_replaced INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE imports ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY, period TEXT NOT NULL, period_end TEXT NOT NULL,
        cut_points TEXT NOT NULL, settings_json TEXT NOT NULL, cut_points_json TEXT NOT NULL,
        summary_json TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (period, period_end));
    CREATE TABLE snapshot_customers (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL, recency_days INTEGER, frequency INTEGER, monetary REAL,
        r_score INTEGER, f_score INTEGER, m_score INTEGER, rfm_code TEXT, rfm_score REAL,
        segment TEXT NOT NULL, PRIMARY KEY (snapshot_id, customer_id));
    """,
}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, version: int, target: int = SCHEMA_VERSION) -> None:
    """Run the migrations after ``version`` up to ``target`` (inside the caller's transaction;
    the statements are run one by one, ``executescript`` would commit)."""
    for step in range(version + 1, target + 1):
        for statement in MIGRATIONS[step].split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {int(target)}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
