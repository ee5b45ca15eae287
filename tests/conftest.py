"""Test set-up shared by every test package."""

import os
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
