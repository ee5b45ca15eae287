"""How customers move between the segments of consecutive snapshots.

Customers are never lost between snapshots (each one counts all purchases up to its date);
a customer whose first purchase falls in a period comes from ``new_since`` in the flows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pandas as pd

from ..errors import ConfigError
from ..model import CUSTOMER_COLUMNS
from ..pipeline import NEW_SINCE
from .snapshots import History


def sizes(history: History) -> pd.DataFrame:
    """Per period end and segment: customers, shares, orders, revenue (the summary of each
    snapshot), scheme order within each period."""
    pairs = zip(history.ends, history.results, strict=True)
    parts = [r.summary.assign(period_end=end) for end, r in pairs]
    table = pd.concat(parts, ignore_index=True)
    return table[["period_end", *[c for c in table.columns if c != "period_end"]]]


def flows(history: History) -> pd.DataFrame:
    """Customers per (segment before, segment after) between consecutive period ends: the data
    of a Sankey or alluvial chart. ``segment_from`` is ``new_since`` for customers whose first
    purchase falls in the later period. Pairs without customers are left out."""
    frames = []
    for i in range(1, len(history.ends)):
        before = history.results[i - 1].customers.set_index("customer_id")["segment"]
        after = history.results[i].customers.set_index("customer_id")["segment"]
        pair = pd.DataFrame(
            {"segment_from": before.reindex(after.index).fillna(NEW_SINCE), "segment_to": after}
        )
        counted = pair.groupby(["segment_from", "segment_to"], sort=False).size()
        counted = counted.rename("customers").reset_index()
        counted.insert(0, "period_to", history.ends[i])
        counted.insert(0, "period_from", history.ends[i - 1])
        frames.append(counted)
    columns = ["period_from", "period_to", "segment_from", "segment_to", "customers"]
    if not frames:
        return pd.DataFrame(columns=columns)
    order = {k: n for n, k in enumerate([*_keys(history), NEW_SINCE])}
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(
        ["period_to", "segment_from", "segment_to"],
        key=lambda s: s.map(order) if s.name != "period_to" else s,
        kind="stable",
    ).reset_index(drop=True)[columns]


def timelines(history: History) -> pd.DataFrame:
    """One row per customer: the segment key at each period end (a column per end, ISO date;
    empty before the first purchase), then the number of changes."""
    long = history.long()
    wide = long.pivot(index="customer_id", columns="period_end", values="segment")
    wide = wide.reindex(columns=list(history.ends))
    changes = wide.apply(lambda row: _changes(row.dropna().tolist()), axis=1)
    wide.columns = [str(c) for c in wide.columns]
    order = history.results[-1].customers["customer_id"]
    wide = wide.reindex(order).fillna("")
    wide["changes"] = changes.reindex(order).astype("int64")
    return wide.reset_index()


def _changes(path: list[str]) -> int:
    return sum(1 for a, b in itertools.pairwise(path) if a != b)


def changes(
    history: History, *, entered: Iterable[str] = (), left: Iterable[str] = ()
) -> pd.DataFrame:
    """Customers whose segment changed in the last period: the latest customers table (as
    exported, with contacts) and ``segment_before`` (``new_since`` for new customers).

    ``entered``: keep those now in one of these segments; ``left``: those that were in one of
    these before. Both empty: every customer who changed. A list for
    :func:`rfm_engine.mailing.mailing_list`.
    """
    keys = set(_keys(history))
    entered, left = set(entered), set(left)
    unknown = sorted((entered - keys) | (left - keys - {NEW_SINCE}))
    if unknown:
        raise ConfigError(
            f"unknown segment {unknown[0]!r}; use some of: {', '.join(_keys(history))}",
            option="segments",
            value=unknown[0],
        )
    last = history.results[-1]
    now = last.customers[[*CUSTOMER_COLUMNS, *last.contacts]]
    if len(history.results) > 1:
        before = history.results[-2].customers.set_index("customer_id")["segment"]
        segment_before = now["customer_id"].map(before).fillna(NEW_SINCE)
    else:
        segment_before = pd.Series(NEW_SINCE, index=now.index)
    table = now.assign(segment_before=segment_before.to_numpy())
    hit = table["segment"] != table["segment_before"]
    if entered:
        hit &= table["segment"].isin(entered)
    if left:
        hit &= table["segment_before"].isin(left)
    return table[hit].reset_index(drop=True)


def _keys(history: History) -> list[str]:
    return [s.key for s in history.results[-1].scheme.all_segments]
