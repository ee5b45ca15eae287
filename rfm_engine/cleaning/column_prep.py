"""The role columns the rules read, prepared together before the rules run.

Dates and amounts that are plain throughout are read whole by Arrow's casts
(:mod:`rfm_engine.io.arrow_typed`); every other role column is factorized once
(:func:`~rfm_engine.io.parsing.factorize_text`), its codes shared by rule 1 and the parsers.
Both are whole-column work in C++ that releases the GIL, so on a large Arrow-read table they
run side by side in threads: the casts and the codes of the columns that are never cast
(customer, order, status …) at once, then the codes of any column a cast refused. On
online_retail (536,000 rows, 2 cores) the casts alone took 0.04 s one after the other
before the codes were started.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pandas as pd

from ..io.arrow_typed import iso_days, plain_amounts
from ..io.parsing import PARALLEL_MIN_ROWS, Factorized, factorize_text
from ..options.config import ColumnMap


def prepare_columns(
    raw: pd.DataFrame, columns: ColumnMap, decimal: str | None, *, cast: bool = True
) -> tuple[dict[str, np.ndarray], dict[str, Factorized | None]]:
    """``(typed, coded)``: the date and amount columns Arrow reads whole (column → days as
    ``datetime64[ns]``, or floats), and the codes of every other role column. ``cast=False``
    casts nothing (order totals are filled in from other rows first). A decimal comma asked
    for is never plain. Order ids are only told apart: their distinct values stay in Arrow."""
    roles = [c for c in dict.fromkeys(columns.roles.values()) if c]
    other_roles = {c for r, c in columns.roles.items() if r != "order"}
    order_only = {columns.order} - other_roles if columns.order else set()
    casts = _casts(columns, decimal) if cast else {}

    def code(name: str) -> Factorized | None:
        return factorize_text(raw[name], objects=name not in order_only)

    arrow = {c for c in roles if getattr(raw[c].dtype, "storage", None) == "pyarrow"}
    workers = min(len(arrow), os.cpu_count() or 1, 4)
    if workers < 2 or len(raw) < PARALLEL_MIN_ROWS:
        typed = _typed(raw, casts)
        return typed, {c: code(c) for c in roles if c not in typed}
    with ThreadPoolExecutor(workers) as pool:
        reading = {name: pool.submit(_cast, raw[name], readers) for name, readers in casts.items()}
        started: dict[str, Future] = {}
        for name in roles:  # never cast: coded at once, beside the casts
            if name in arrow and name not in casts:
                started[name] = pool.submit(code, name)
        typed = {}
        for name, future in reading.items():
            values = future.result()
            if values is not None:
                typed[name] = values
        for name in roles:  # the columns a cast refused
            if name in arrow and name not in typed and name not in started:
                started[name] = pool.submit(code, name)
        coded = {name: future.result() for name, future in started.items()}
    return typed, {c: coded[c] if c in coded else code(c) for c in roles if c not in typed}


Reader = Callable[[pd.Series], "np.ndarray | None"]


def _casts(columns: ColumnMap, decimal: str | None) -> dict[str, tuple[Reader, ...]]:
    """Column → the casts that may read it whole, tried in order: days for the date, numbers
    for the amounts (a column in both roles is read as a date first)."""
    out: dict[str, tuple[Reader, ...]] = {}
    if columns.date:
        out[columns.date] = (iso_days,)
    if decimal != ",":
        for name in (columns.amount, columns.quantity, columns.price):
            if name and plain_amounts not in out.get(name, ()):
                out[name] = (*out.get(name, ()), plain_amounts)
    return out


def _cast(values: pd.Series, readers: tuple[Reader, ...]) -> np.ndarray | None:
    for read in readers:
        out = read(values)
        if out is not None:
            return out
    return None


def _typed(raw: pd.DataFrame, casts: dict[str, tuple[Reader, ...]]) -> dict[str, np.ndarray]:
    """The casts one after the other (small tables, one core)."""
    out: dict[str, np.ndarray] = {}
    for name, readers in casts.items():
        values = _cast(raw[name], readers)
        if values is not None:
            out[name] = values
    return out
