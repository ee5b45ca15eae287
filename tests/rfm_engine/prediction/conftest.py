"""The CDNOW sample of the BG/NBD literature, read from the installed lifetimes package (a dev
dependency that ships it as package data); tests using it skip when lifetimes is absent."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

#: End of the 39-week calibration period of Fader, Hardie & Lee (2005).
CALIBRATION_END = dt.date(1997, 9, 30)
#: End of the whole CDNOW sample (78 weeks).
SAMPLE_END = dt.date(1998, 6, 30)


def lifetimes_datasets() -> Path | None:
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "datasets"
    return folder if (folder / "CDNOW_sample.txt").is_file() else None


@pytest.fixture(scope="session")
def cdnow_folder() -> Path:
    folder = lifetimes_datasets()
    if folder is None:
        pytest.skip("the lifetimes package (with its CDNOW sample) is not installed")
    return folder


@pytest.fixture(scope="session")
def cdnow_orders(cdnow_folder: Path) -> pd.DataFrame:
    """The 6,919 purchase rows of the 2,357 sampled customers, as an export would have them:
    customer id (the sample's own id, text), ISO date, quantity and amount in dollars."""
    raw = pd.read_csv(
        cdnow_folder / "CDNOW_sample.txt",
        sep=r"\s+",
        header=None,
        names=["master_id", "customer", "date", "quantity", "amount"],
        dtype={"master_id": str, "customer": str, "date": str},
    )
    dates = raw["date"].str.slice(0, 4) + "-" + raw["date"].str.slice(4, 6) + "-"
    return pd.DataFrame(
        {
            "customer": raw["customer"],
            "date": dates + raw["date"].str.slice(6, 8),
            "quantity": raw["quantity"].astype(str),
            "amount": raw["amount"].astype(str),
        }
    )


@pytest.fixture(scope="session")
def published_summary(cdnow_folder: Path) -> pd.DataFrame:
    """Fader & Hardie's own per-customer summary (x, t_x, T in weeks to 2 decimals, zbar)."""
    table = pd.read_csv(
        cdnow_folder / "cdnow_customers_summary_with_transactions.csv", dtype={"ID": str}
    )
    table.index = table.pop("ID").str.zfill(4)
    return table
