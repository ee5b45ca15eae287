"""Per-customer totals of cleaned purchase rows in memory, with NumPy (no hashing, no sort of
the rows: customers are coded once and every total is a ``bincount`` or ``ufunc.at``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cleaning import CleanedData
from ..io import ROW_COLUMN
from ..options import ColumnMap
from .totals import MONEY_SCALE, CustomerTotals, money_units


def totals_in_memory(
    cleaned: CleanedData, columns: ColumnMap, *, distinct_days: bool = False
) -> CustomerTotals:
    """The :class:`CustomerTotals` of ``cleaned.purchases`` (returns netted when present).

    ``distinct_days`` also counts each customer's distinct purchase days.
    """
    purchases, returns = cleaned.purchases, cleaned.returns
    codes, customers = _customer_codes(purchases["customer_id"])
    n = len(customers)
    day = purchases["date"].to_numpy(dtype="datetime64[D]").astype("int64")
    amount = purchases["amount"].to_numpy(dtype="float64")

    last = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last, codes, day)
    first = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first, codes, day)
    units = np.bincount(codes, weights=money_units(amount), minlength=n)

    if "order_code" in purchases.columns:
        order_codes = purchases["order_code"].to_numpy(dtype="int64")
        blank = order_codes < 0
        if blank.any():
            # A row without an order id is an order of its own.
            orders = _distinct_orders(codes[~blank], order_codes[~blank], n)
            orders = orders + np.bincount(codes[blank], minlength=n)
        else:
            orders = _distinct_orders(codes, order_codes, n)
    else:
        orders = np.bincount(codes, minlength=n)
    days = _distinct_per_customer(codes, day - day.min(initial=0), n) if distinct_days else None

    if returns is not None and len(returns):
        pos = pd.Index(customers).get_indexer(returns["customer_id"].astype(object))
        known = pos >= 0
        units = units + np.bincount(
            pos[known], weights=money_units(returns["amount"].to_numpy()[known]), minlength=n
        )
    revenue = units / MONEY_SCALE
    contacts = (
        _latest_contacts(purchases, codes, cleaned.contacts)
        if cleaned.contacts
        else pd.DataFrame(index=pd.RangeIndex(n))
    )
    return CustomerTotals(
        customers=customers,
        first_day=first,
        last_day=last,
        orders=orders,
        revenue=revenue,
        days=days,
        contacts=contacts,
        cleaning=cleaned.report,
        columns=columns,
        warnings=cleaned.warnings,
    )


def _codes_of(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 for missing) and the distinct values, cheaply for categoricals."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy().astype("int64"), np.asarray(values.cat.categories)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype("int64"), np.asarray(uniques, dtype=object)


def _customer_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..n-1 over the customers present, numbered in sorted id order."""
    codes, labels = _codes_of(values)
    present = np.bincount(codes, minlength=len(labels)) > 0
    labels = labels[present]
    order = _text_order(labels)
    renumber = np.full(len(present), -1, dtype="int64")
    renumber[np.flatnonzero(present)[order]] = np.arange(len(order))
    return renumber[codes], labels[order]


def _text_order(labels: np.ndarray) -> np.ndarray:
    """The stable order of ``labels`` compared as text (code point by code point). All-text
    labels are sorted by Arrow in C++ (UTF-8 byte order is code point order) without NumPy's
    fixed-width copy of every id; others, or text with NUL characters (which NumPy's fixed-width
    strings ignore at the end), as NumPy strings."""
    if len(labels) > 1000 and pd.api.types.infer_dtype(labels, skipna=False) == "string":
        try:
            import pyarrow as pa
            import pyarrow.compute as pc
        except ImportError:  # the desktop build
            return np.argsort(labels.astype(str), kind="stable")
        try:
            array = pa.array(labels, type=pa.string())
        except (pa.ArrowException, UnicodeError):  # e.g. lone surrogates
            array = None
        if array is not None and not pc.any(pc.match_substring(array, "\x00")).as_py():
            return pc.sort_indices(array).to_numpy().astype(np.int64)
    return np.argsort(labels.astype(str), kind="stable")


def _distinct_orders(codes: np.ndarray, order_codes: np.ndarray, n: int) -> np.ndarray:
    """Distinct orders per customer. Usually an order id belongs to one customer: then each
    order is counted for its owner in linear time; ids shared by customers are paired exactly."""
    if len(codes) == 0:
        return np.zeros(n, dtype="int64")
    owner = np.full(int(order_codes.max()) + 1, -1, dtype="int64")
    owner[order_codes[::-1]] = codes[::-1]  # the customer of each order's first row
    used = owner >= 0
    counts = np.bincount(owner[used], minlength=n)
    shared = owner[order_codes] != codes
    if shared.any():
        # Orders whose id also appears under another customer: count the extra pairs exactly.
        extra = _distinct_per_customer(codes[shared], order_codes[shared], n)
        counts = counts + extra
    return counts


def _distinct_per_customer(codes: np.ndarray, keys: np.ndarray, n: int) -> np.ndarray:
    """How many distinct non-negative ``keys`` each customer code has."""
    if len(codes) == 0:
        return np.zeros(n, dtype="int64")
    width = int(keys.max()) + 1
    pairs = pd.unique(codes.astype("int64") * width + keys.astype("int64"))
    return np.bincount(pairs // width, minlength=n)


def _latest_contacts(
    purchases: pd.DataFrame, codes: np.ndarray, contacts: tuple[str, ...]
) -> pd.DataFrame:
    """Each contact field from the customer's latest purchase that has it (row ``i`` for
    customer code ``i``)."""
    frame = purchases[list(contacts)].copy()
    frame["_c"] = codes
    frame["_d"] = purchases["date"].to_numpy()
    frame["_r"] = purchases[ROW_COLUMN].to_numpy() if ROW_COLUMN in purchases else 0
    frame = frame.sort_values(["_d", "_r"], kind="stable")
    return frame.groupby("_c", sort=True)[list(contacts)].last()
