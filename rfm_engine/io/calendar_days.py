"""Whole calendar days as ``datetime64[ns]`` at midnight: the form every parsed date takes.

Days beyond pandas' nanosecond range (placeholders such as ``0001-01-01`` or ``9999-12-31``)
land on :data:`TOO_EARLY_DAY` / :data:`TOO_LATE_DAY`: still implausible, so cleaning drops
them as such, and never wrapped around.
"""

from __future__ import annotations

import numpy as np

#: Where days beyond pandas' nanosecond range (1677-09-22 .. 2262-04-11) land.
TOO_EARLY_DAY = np.datetime64("1678-01-01", "D")
TOO_LATE_DAY = np.datetime64("2262-01-01", "D")

_DAY_NS = 86_400 * 10**9
_NAT = np.iinfo(np.int64).min
_FIRST = int(TOO_EARLY_DAY.astype(np.int64))
_LAST = int(TOO_LATE_DAY.astype(np.int64))


def ns_days(stamps: np.ndarray) -> np.ndarray:
    """Whole days as ``datetime64[ns]`` from any datetime64 unit, clamped to
    :data:`TOO_EARLY_DAY` .. :data:`TOO_LATE_DAY` (NaT stays NaT).

    Nanosecond stamps (what Arrow's casts and pandas give) are floored in integer arithmetic,
    a third of the time of NumPy's casts to days and back; those casts also wrap the range's
    first day (1677-09-21) around to 2262-04-11.
    """
    stamps = np.asarray(stamps)
    if stamps.dtype == np.dtype("datetime64[ns]"):
        ns = stamps.view(np.int64)
        days = ns // _DAY_NS  # floor division: the day, also before 1970
        np.clip(days, _FIRST, _LAST, out=days)
        days *= _DAY_NS
        nat = ns == _NAT
        if nat.any():
            days[nat] = _NAT
        return days.view("datetime64[ns]")
    days = stamps.astype("datetime64[D]")
    if len(days):
        nat = np.isnat(days)
        days = np.where(nat | (days >= TOO_EARLY_DAY), days, TOO_EARLY_DAY)
        days = np.where(nat | (days <= TOO_LATE_DAY), days, TOO_LATE_DAY)
    return days.astype("datetime64[ns]")
