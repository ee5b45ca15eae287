"""Whole days from stamps: the date part of each stamp, clamped to the nanosecond range."""

from __future__ import annotations

import numpy as np
import pytest

from rfm_engine.io.calendar_days import TOO_EARLY_DAY, TOO_LATE_DAY, ns_days


def test_days_are_the_date_part_also_before_1970() -> None:
    stamps = np.array(
        [
            "2011-12-09T12:50:00",
            "2011-12-09T00:00:00",
            "1969-12-31T23:59:59.999999999",
            "1900-02-28T00:00:01",
            "NaT",
        ],
        dtype="datetime64[ns]",
    )
    expected = np.array(
        ["2011-12-09", "2011-12-09", "1969-12-31", "1900-02-28", "NaT"], dtype="datetime64[ns]"
    )
    np.testing.assert_array_equal(ns_days(stamps), expected)
    assert ns_days(stamps).dtype == np.dtype("datetime64[ns]")


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_days_beyond_the_nanosecond_range_are_clamped_never_wrapped(unit: str) -> None:
    # The range's first day: NumPy's cast to days wraps it around to 2262-04-11.
    first = "1677-09-21T00:12:43.145224193" if unit == "ns" else "1677-09-21T00:13"
    stamps = np.array(
        [first, "1677-09-22T03:00", "2262-04-11T23:47:16"], dtype=f"datetime64[{unit}]"
    )
    days = ns_days(stamps)
    assert list(days) == [
        TOO_EARLY_DAY.astype("datetime64[ns]"),
        TOO_EARLY_DAY.astype("datetime64[ns]"),
        TOO_LATE_DAY.astype("datetime64[ns]"),
    ]


def test_random_stamps_match_numpys_day_cast() -> None:
    rng = np.random.default_rng(4)
    ns = rng.integers(-(2**62), 2**62, 100_000)
    stamps = ns.view("datetime64[ns]")
    stamps[::97] = np.datetime64("NaT")
    expected = stamps.astype("datetime64[D]").astype("datetime64[ns]")  # inside 1824..2116
    np.testing.assert_array_equal(ns_days(stamps), expected)
