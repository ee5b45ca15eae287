"""The committed sample is exactly what the seeded generator makes, and it is realistic."""

import subprocess
import sys

import pandas as pd

from resources import sample_orders_path
from rfm_engine import analyze

REPO = sample_orders_path().parents[2]


def test_sample_is_reproducible_from_the_committed_script(tmp_path):
    out = tmp_path / "sample.csv"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_sample_data.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == sample_orders_path().read_bytes()


def test_sample_has_what_a_real_shop_export_has():
    raw = pd.read_csv(sample_orders_path(), dtype=str)
    amounts = pd.to_numeric(raw["amount"], errors="coerce")
    assert (amounts < 0).sum() > 50  # returns
    assert raw.duplicated().sum() >= 2  # dirty rows
    assert raw["name"].str.contains(r"[\u4e00-\u9fff]", na=False).mean() > 0.3  # Chinese names
    assert raw["name"].str.contains(r"^[A-Z][a-z]+ ", na=False).mean() > 0.3  # English names
    dates = pd.to_datetime(raw["order_date"], errors="coerce")
    assert (dates.max() - dates.min()).days > 700  # about two years
    by_month = dates.dt.to_period("M").value_counts()
    assert by_month["2025-12"] > by_month["2025-11"] * 1.3  # Christmas
    assert by_month["2026-06"] > by_month["2026-05"] * 1.3  # 618
    result = analyze(sample_orders_path())
    freq = result.customers["frequency"]
    assert 2000 <= len(freq) <= 4000
    assert (freq == 1).mean() > 0.4 and (freq >= 5).sum() > 50  # one-off and repeat buyers
    assert {"blank_customer", "bad_date", "duplicates", "cancelled"} <= {
        s.key for s in result.cleaning.steps
    }
