"""Tables in a database: a shop's orders where they already live (PostgreSQL, MySQL, SQLite,
DuckDB files, Spark — see :mod:`.spark` — or any backend ibis connects to), named by a
connection URL and a table or query.

Nothing is copied out row by row: the later stages run their rules and the per-customer totals
as queries in the database (``cleaning.in_database``, ``aggregate.in_database``); only the
distinct values of messy text columns, example rows and one row per customer come back.

Credentials never appear in a URL the engine keeps or shows: a password written in the URL is
refused; it comes from the database's own means (``PGPASSWORD``, ``~/.pgpass``, MySQL's option
files) or from the environment variable ``RFM_DB_PASSWORD``. ibis is imported only here, when a
database is used (``pip install 'rfm-segments[databases]'``).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pandas as pd

from ..errors import ConfigError, InputFileError
from .spark import SPARK_SCHEMES, connect_spark, is_spark_url, open_spark_table

#: URL schemes read as databases (ibis backends); anything else is a file path.
SCHEMES = (
    "postgres",
    "postgresql",
    "mysql",
    "sqlite",
    "duckdb",
    "mssql",
    "snowflake",
    "bigquery",
    *SPARK_SCHEMES,
)
PASSWORD_VARIABLE = "RFM_DB_PASSWORD"


@dataclass(frozen=True)
class DatabaseSource:
    """A table (or the rows of a query) in a database, as an input of :func:`rfm_engine.analyze`.

    ``url`` never holds a password (see the module docstring).
    """

    url: str
    table: str | None = None
    query: str | None = None

    def __post_init__(self) -> None:
        if not is_database_url(self.url):
            raise ConfigError(
                f"not a database URL: {self.url!r} (e.g. postgresql://user@host/shop)",
                option="source",
            )
        if _password(self.url):
            raise ConfigError(
                f"{redact_url(self.url)}: put the password in {PASSWORD_VARIABLE} (or the "
                "database's own password file), not in the URL",
                option="source",
                code="password_in_url",
            )
        if (self.table is None) == (self.query is None):
            raise ConfigError(
                f"{self.url}: name a table or a query (one of them)", option="source.table"
            )

    @property
    def name(self) -> str:
        """How the source is shown: the URL with the table, or ``(query)``."""
        return f"{self.url} {self.table}" if self.table else f"{self.url} (query)"


def is_database_url(text: object) -> bool:
    """True for ``scheme://…`` with a known database scheme."""
    if not isinstance(text, str) or "://" not in text:
        return False
    return text.split("://", 1)[0].lower().split("+")[0] in SCHEMES


def redact_url(url: str) -> str:
    """The URL with any password replaced by ``***``."""
    if not _password(url):
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = quote(parts.username or "", safe="")
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def connect(source: DatabaseSource) -> Any:
    """An ibis connection to ``source.url``, with the password from ``RFM_DB_PASSWORD`` when
    set. Failures are one line that names the URL (without credentials) and the cause."""
    try:
        import ibis
    except ImportError:
        raise ConfigError(
            "reading from a database needs ibis: pip install 'rfm-segments[databases]'",
            option="source",
            code="ibis_missing",
        ) from None
    url = source.url
    if is_spark_url(url):
        try:
            return connect_spark(url)
        except ConfigError:
            raise
        except Exception as exc:  # Java missing, master unreachable…
            raise InputFileError(
                f"{url}: cannot start Spark ({_cause(exc, None)})", path=url, code="database"
            ) from None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password:
        parts = urlsplit(url)
        user = quote(parts.username or "", safe="")
        netloc = f"{user}:{quote(password, safe='')}@{parts.hostname or ''}"
        if parts.port:
            netloc += f":{parts.port}"
        url = urlunsplit(parts._replace(netloc=netloc))
    scheme = url.split("://", 1)[0].lower()
    if scheme == "postgresql":
        url = "postgres://" + url.split("://", 1)[1]
    try:
        return ibis.connect(url)
    except Exception as exc:  # drivers raise their own types; the message is what counts
        raise InputFileError(
            f"{source.url}: cannot connect ({_cause(exc, password)})",
            path=source.url,
            code="database",
        ) from None


def release(con: Any) -> None:
    """Drop the temporary tables an analysis kept on ``con`` (see
    ``cleaning.in_database``) and close it; a Spark session stays as it is."""
    for kept in con.__dict__.pop("_rfm_kept", []):
        with contextlib.suppress(Exception):  # gone with the session already
            kept.release()
    if con.name != "pyspark":
        with contextlib.suppress(Exception):
            con.disconnect()


def open_table(con: Any, source: DatabaseSource) -> Any:
    """The ibis table of ``source`` on connection ``con``."""
    try:
        if source.table and is_spark_url(source.url):
            return open_spark_table(con, source.table)
        table = con.table(source.table) if source.table else con.sql(source.query)
        return exact_text(table)
    except Exception as exc:
        what = f"table {source.table!r}" if source.table else "the query"
        raise InputFileError(
            f"{source.url}: cannot read {what} ({_cause(exc, None)})",
            path=source.url,
            code="database",
        ) from None


def exact_text(table: Any) -> Any:
    """``table`` with MySQL's text columns under a binary collation without trailing-space
    padding (any other backend's table as it is).

    MySQL and MariaDB compare text case- and accent-blind by default (``utf8mb4_general_ci``,
    and ``'a' = 'a '``): grouped by that, the customers ``Anna`` and ``anna`` would be one, and
    rows differing only in ``Ä``/``ä`` duplicates. Text is read through a collation that
    compares the characters themselves, as a file does; a temporary table the engine makes
    takes the database's default collation again, so it is read through this too."""
    import ibis

    con = ibis.get_backend(table)
    if con.name != "mysql":
        return table
    with con.raw_sql("SELECT VERSION()") as cursor:
        version = str(cursor.fetchone()[0]).lower()
    if "mariadb" in version:
        collation = "utf8mb4_nopad_bin"
    elif version[:1].isdigit() and int(version.split(".")[0]) >= 8:
        collation = "utf8mb4_0900_bin"
    else:
        collation = "utf8mb4_bin"  # older MySQL: pads, the best binary collation there
    schema = table.schema()
    parts = []
    for name in table.columns:
        quoted = "`" + name.replace("`", "``") + "`"
        if schema[name].is_string():
            parts.append(f"CONVERT({quoted} USING utf8mb4) COLLATE {collation} AS {quoted}")
        else:
            parts.append(quoted)
    inner = ibis.to_sql(table, dialect="mysql")
    # The driver reports binary-collated text as bytes: the schema says it is text.
    sql = f"SELECT {', '.join(parts)} FROM ({inner}) AS `_rfm_exact`"
    return con.sql(sql, schema=schema, dialect="mysql")


def sample_rows(table: Any, rows: int = 500) -> pd.DataFrame:
    """The first ``rows`` rows, for finding the columns by their values."""
    return table.limit(rows).to_pandas()


def _password(url: str) -> str | None:
    """The password written in ``url``; ``None`` also for URLs that are not host names
    (``spark://local[2]``)."""
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def _cause(exc: BaseException, secret: str | None) -> str:
    text = " ".join(str(exc).split())[:200] or type(exc).__name__
    return text.replace(secret, "***") if secret else text
