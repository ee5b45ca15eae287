"""Source rows as a workspace stores them, and how a new export merges with those already there.

Each row is kept as a JSON array of its cells in the workspace's column order: text stays text
(every cell of a CSV), workbook numbers stay numbers, dates become ISO text, blanks ``null``.
Two rows are *identical* when these arrays are equal, i.e. the same cells in every source column
(file name and row number aside): the same source row seen in two overlapping monthly exports.

Merging a new export, in this order:

1. Orders (customer + order id, when the workspace has an order column): when an order already
   stored has a row the new export does not have (changed status, amount or lines), the export
   added last is taken as the newer state and its rows replace the stored rows of that order,
   so the order never counts twice. Each such order is reported.
2. Identical rows: a row that occurs k times in the new export and m times in the workspace is
   added k − m times (never fewer than 0): overlapping exports count each source row once, while
   rows repeated inside one export stay as often as they were (cleaning rule 1 decides on them
   as it would for the whole file).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=True)


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, np.generic):
        return _cell(value.item())
    if isinstance(value, pd.Timestamp):
        return str(value.tz_localize(None) if value.tzinfo else value)
    return str(value)


def _column_cells(series: pd.Series) -> list[object]:
    if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
        return series.astype(object).where(series.notna(), None).tolist()
    return [_cell(v) for v in series.astype(object).tolist()]


def encode_rows(frame: pd.DataFrame, headers: list[str]) -> list[str]:
    """One JSON text per row, cells in the order of ``headers`` (the workspace's columns)."""
    columns = [_column_cells(frame[h]) for h in headers]
    return [JSON.encode(list(cells)) for cells in zip(*columns, strict=True)]


def row_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def order_keys(frame: pd.DataFrame, customer: str | None, order: str | None) -> list[str | None]:
    """``[customer, order]`` as JSON per row; ``None`` where there is no order id."""
    if order is None or order not in frame.columns:
        return [None] * len(frame)
    orders = _column_cells(frame[order])
    customers = _column_cells(frame[customer]) if customer in frame.columns else [None] * len(frame)
    return [
        None if o is None or (isinstance(o, str) and not o.strip()) else JSON.encode([c, o])
        for c, o in zip(customers, orders, strict=True)
    ]


def decode_rows(texts: list[str], headers: list[str]) -> pd.DataFrame:
    """The raw table back: text columns as pandas text (as a reader gives them), others as
    Python values."""
    frame = pd.DataFrame([json.loads(t) for t in texts], columns=headers, dtype=object)
    if frame.empty:
        return frame.astype("str")
    for name in headers:
        if pd.api.types.infer_dtype(frame[name], skipna=True) in ("string", "empty"):
            frame[name] = frame[name].astype("str")
    return frame


@dataclass(frozen=True)
class MergePlan:
    """What one export changes: positions of its rows to add, stored row ids to delete, rows
    already there, and the orders whose stored rows it replaces."""

    add: np.ndarray
    delete_ids: tuple[int, ...]
    merged: int
    replaced_orders: tuple[str, ...]


def plan_merge(stored: pd.DataFrame, hashes: list[bytes], keys: list[str | None]) -> MergePlan:
    """Merge rules of this module. ``stored`` has ``id``, ``hash`` and ``okey`` of the stored
    rows that share a hash or an order key with the new rows (plain counting: the rows that
    overlap are few next to an export's size)."""
    keyed = stored[stored["okey"].notna()]
    replaced: set[str] = set()
    if len(keyed):
        old = Counter(zip(keyed["okey"], keyed["hash"], strict=True))
        known = set(keyed["okey"])
        ours = Counter((k, h) for k, h in zip(keys, hashes, strict=True) if k in known)
        replaced = {k for (k, h), n in old.items() if n > ours.get((k, h), 0)}
    gone = keyed["okey"].isin(list(replaced)) if replaced else pd.Series(False, index=keyed.index)
    delete = [int(i) for i in keyed.loc[gone, "id"]]
    deleted = set(delete)
    # Each stored copy of a row absorbs one occurrence in the export; the rest are added.
    copies = Counter(
        h for i, h in zip(stored["id"], stored["hash"], strict=True) if i not in deleted
    )
    add = []
    for position, digest in enumerate(hashes):
        left = copies.get(digest, 0)
        if left:
            copies[digest] = left - 1
        else:
            add.append(position)
    return MergePlan(
        add=np.asarray(add, dtype=np.int64),
        delete_ids=tuple(delete),
        merged=len(hashes) - len(add),
        replaced_orders=tuple(sorted(replaced)),
    )


def order_label(key: str) -> str:
    """``customer/order`` of an order key, for messages."""
    customer, order = json.loads(key)
    return f"{customer}/{order}"
