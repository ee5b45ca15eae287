"""Test set-up shared by every test package."""

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must find its platform before it loads (pytest-qt loads it at collection time).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/postgres_server.py
SHARED_DATASETS = REPO.parent / "shared" / "datasets"


@pytest.fixture(scope="session")
def shared_datasets() -> Path:
    """``../shared/datasets`` beside the clone; tests using it skip when it is absent."""
    if not SHARED_DATASETS.is_dir():
        pytest.skip("../shared/datasets is not present")
    return SHARED_DATASETS


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server of the test session's own (see tests/postgres_server.py); the
    password is in ``RFM_DB_PASSWORD`` while it runs. Skips when PostgreSQL is not installed."""
    from postgres_server import PASSWORD, binaries, postgres_server

    if binaries() is None:
        pytest.skip("PostgreSQL is not installed (scripts/bootstrap.sh installs it)")
    with postgres_server() as url:
        previous = os.environ.get("RFM_DB_PASSWORD")
        os.environ["RFM_DB_PASSWORD"] = PASSWORD
        try:
            yield url
        finally:
            if previous is None:
                os.environ.pop("RFM_DB_PASSWORD", None)
            else:
                os.environ["RFM_DB_PASSWORD"] = previous


@pytest.fixture(scope="session")
def mysql_url() -> Iterator[str]:
    """A MariaDB server (MySQL's protocol) of the test session's own (see tests/mysql_server.py);
    the password is in ``RFM_DB_PASSWORD`` while it runs. Skips when MariaDB or the driver
    ibis needs (mysqlclient) is not installed."""
    from mysql_server import PASSWORD, binaries, mysql_server

    if binaries() is None:
        pytest.skip("MariaDB is not installed (scripts/bootstrap.sh installs mariadb-server)")
    pytest.importorskip("MySQLdb", reason="mysqlclient is not installed (the databases extra)")
    with mysql_server() as url, _password(PASSWORD):
        yield url


@contextlib.contextmanager
def _password(password: str) -> Iterator[None]:
    previous = os.environ.get("RFM_DB_PASSWORD")
    os.environ["RFM_DB_PASSWORD"] = password
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("RFM_DB_PASSWORD", None)
        else:
            os.environ["RFM_DB_PASSWORD"] = previous


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One local Spark session (2 cores) for the test session; the engine finds it active.
    Tables it writes go to a temporary warehouse folder."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (scripts/bootstrap.sh installs it)")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("rfm-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("warehouse")))
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def split_by_month(source: Path, date_column: str, folder: Path, overlap_days: int = 10):
    """Monthly CSV exports of ``source`` (csv module: every cell's text kept), each one also
    holding the last ``overlap_days`` days of the month before (overlapping exports). Rows
    whose date does not parse go with the first month."""
    import csv

    import pandas as pd

    with source.open(newline="", encoding="utf-8-sig") as fh:
        header, *body = list(csv.reader(fh))
    column = header.index(date_column)
    dates = pd.to_datetime(pd.Series([r[column] for r in body]), errors="coerce", format="mixed")
    months = dates.dt.to_period("M")
    months = months.fillna(months.min())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, month in enumerate(sorted(months.unique())):
        start = month.start_time
        keep = (months == month) | (
            (dates >= start - pd.Timedelta(days=overlap_days)) & (dates < start)
        )
        path = folder / f"{source.stem}_{n:02d}_{month}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(r for r, k in zip(body, keep, strict=True) if k)
        paths.append(path)
    return paths


@pytest.fixture
def monthly_exports():
    """``split_by_month`` as a fixture."""
    return split_by_month
