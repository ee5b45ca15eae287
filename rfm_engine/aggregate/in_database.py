"""Per-customer totals computed by the database itself (one query; one row per customer back).

The same totals as the in-memory backend: last and first purchase day, distinct orders (a row
without an order id is an order of its own), revenue net of returns when netted, distinct days,
and each contact field from the customer's latest purchase that has it (between two purchases
on that same day with different values the database takes the largest; a file keeps the later
row).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..cleaning.in_database import AMOUNT, CUSTOMER, DAY, ORDER, CleanedTable
from ..options import ColumnMap
from .totals import MONEY_SCALE, CustomerTotals


def totals_in_database(
    cleaned: CleanedTable, columns: ColumnMap, *, distinct_days: bool = False
) -> CustomerTotals:
    """The :class:`CustomerTotals` of ``cleaned.purchases``, aggregated in the database."""
    per_customer = per_customer_table(cleaned, columns, distinct_days=distinct_days)
    table = per_customer.to_pandas()
    ids = table[CUSTOMER].to_numpy(dtype=object)
    order = np.argsort(ids.astype(str), kind="stable")  # ids compared as text, as in memory
    table = table.iloc[order].reset_index(drop=True)
    contacts = pd.DataFrame(
        {
            name: pd.array(table[f"_rfm_c{i}"].to_numpy(dtype=object), dtype="string")
            for i, name in enumerate(cleaned.contacts)
        },
        index=pd.RangeIndex(len(table)),
    )
    return CustomerTotals(
        customers=table[CUSTOMER].to_numpy(dtype=object),
        first_day=_days(table["first_day"]),
        last_day=_days(table["last_day"]),
        orders=table["orders"].to_numpy(dtype=np.int64),
        revenue=table["revenue"].to_numpy(dtype=np.float64) / MONEY_SCALE,
        days=table["days"].to_numpy(dtype=np.int64) if distinct_days else None,
        contacts=contacts,
        cleaning=cleaned.report,
        columns=columns,
        warnings=cleaned.warnings,
    )


def per_customer_table(
    cleaned: CleanedTable, columns: ColumnMap, *, distinct_days: bool = False
) -> Any:
    """One row per customer as an ibis expression, still in the database: ``_rfm_customer``,
    ``first_day``, ``last_day``, ``revenue`` (whole millionths, an integer), ``orders``,
    ``days`` (with ``distinct_days``), then the contact columns ``_rfm_c0`` …"""
    p = cleaned.purchases
    parts: dict[str, Any] = {
        "first_day": p[DAY].min(),
        "last_day": p[DAY].max(),
        "revenue": _units(p[AMOUNT]).sum(),
    }
    if columns.order:
        parts["orders"] = p[ORDER].nunique() + p[ORDER].isnull().sum()
    else:
        parts["orders"] = p.count()
    if distinct_days:
        parts["days"] = p[DAY].nunique()
    per_customer = p.group_by(CUSTOMER).aggregate(**parts)
    for i, name in enumerate(cleaned.contacts):
        latest = _latest_value(p, name).rename({f"_rfm_c{i}": name})
        per_customer = per_customer.left_join(latest, CUSTOMER).drop(f"{CUSTOMER}_right")
    if cleaned.returns is not None:
        r = cleaned.returns
        returned = r.group_by(CUSTOMER).aggregate(_rfm_returned=_units(r[AMOUNT]).sum())
        per_customer = per_customer.left_join(returned, CUSTOMER).drop(f"{CUSTOMER}_right")
        per_customer = per_customer.mutate(
            revenue=per_customer.revenue + per_customer._rfm_returned.fill_null(0)
        ).drop("_rfm_returned")
    return per_customer


def _latest_value(purchases: Any, name: str) -> Any:
    """Per customer, ``name`` on the latest day that has it (between several values on that day,
    the largest: a database has no row order; a file keeps the later row). Joins and groups
    only, so that every backend runs it (MySQL and others have no ``arg_max``)."""
    have = purchases.filter(purchases[name].notnull())
    last = have.group_by(CUSTOMER).aggregate(_rfm_last=have[DAY].max())
    on_last = have.join(last, [CUSTOMER, have[DAY] == last._rfm_last])
    return on_last.group_by(CUSTOMER).aggregate(**{name: on_last[name].max()})


def _units(amount: Any) -> Any:
    """Whole millionths, summed exactly as integers by the database."""
    return (amount * MONEY_SCALE).round().cast("int64")


def _days(values: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 of a date column as the driver returns it."""
    return pd.to_datetime(values).to_numpy().astype("datetime64[D]").astype(np.int64)
