"""Orders in a Spark cluster (or Spark in local mode): ``spark://local[2]``, ``spark://host:7077``.

The URL names the Spark master: ``spark://local[N]`` (or ``pyspark://``, which is
``local[*]``) runs Spark inside this process's JVM on N cores; ``spark://host:port`` is a
standalone cluster. ``table`` is a catalog table (``shop.orders``) or a path Spark can read:
Parquet (``.parquet`` or a folder of them) or CSV (``.csv``, headers in the first line, every
cell read as text so that ids such as ``00123`` keep their zeros, as from a file). An active
Spark session in the process (a notebook's, a test's) is used as it is.

PySpark and Java are needed only here (``pip install 'rfm-segments[spark]'``; Java 17).
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError

SPARK_SCHEMES = ("spark", "pyspark")
DEFAULT_MASTER = "local[*]"


def is_spark_url(url: str) -> bool:
    return url.split("://", 1)[0].lower() in SPARK_SCHEMES


def spark_master(url: str) -> str:
    """The Spark master of a ``spark://`` URL: ``local[2]``, or ``spark://host:port``."""
    rest = url.split("://", 1)[1].strip("/")
    if not rest:
        return DEFAULT_MASTER
    return rest if rest.startswith("local") else f"spark://{rest}"


def connect_spark(url: str) -> Any:
    """An ibis connection on the active Spark session, or on a new one for ``url``'s master
    (UTC session time zone, so dates are read as written; no web UI)."""
    try:
        import ibis
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError(
            "reading from Spark needs PySpark and ibis: pip install 'rfm-segments[spark]'",
            option="source",
            code="spark_missing",
        ) from None
    session = SparkSession.getActiveSession()
    if session is None:
        session = (
            SparkSession.builder.master(spark_master(url))
            .appName("rfm-segments")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
    return ibis.pyspark.connect(session)


def open_spark_table(con: Any, table: str) -> Any:
    """A catalog table, or a Parquet/CSV path registered as a temporary view."""
    lowered = table.lower().rstrip("/")
    if lowered.endswith(".csv") or lowered.endswith(".csv.gz"):
        # Every cell as text: the engine reads ids, dates and amounts as it does from a file.
        return con.read_csv(table, header=True, inferSchema=False)
    if lowered.endswith(".parquet") or "/" in table:
        return con.read_parquet(table)
    return con.table(table)
