"""The seam between aggregation and the model: per-customer totals from cleaned purchases.

Every aggregation backend (in memory with NumPy, out of core in DuckDB, and any later one)
returns a :class:`CustomerTotals`; the model (:mod:`rfm_engine.model`) turns it into metrics,
scores and segments without knowing where the totals were computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..cleaning import CleaningReport
from ..notes import RfmWarning
from ..options import ColumnMap

#: Money is summed as whole millionths of the currency unit: exactly, and so the same in every
#: backend whatever order it adds rows in (a float sum depends on the order, in the last bits).
MONEY_SCALE = 1_000_000


def money_units(amounts: np.ndarray) -> np.ndarray:
    """Amounts as whole millionths (floats holding integers, exact below 2**53)."""
    return np.rint(np.asarray(amounts, dtype=np.float64) * MONEY_SCALE)


@dataclass(frozen=True)
class CustomerTotals:
    """One entry per customer, in the order of the customer ids compared as text.

    Attributes
    ----------
    customers
        The customer ids (objects, as the ids were standardised by cleaning).
    first_day, last_day
        Days since 1970-01-01 of each customer's first and last purchase.
    orders
        Distinct orders (a purchase row without an order id is an order of its own).
    revenue
        Money spent, net of returns when returns are netted: the exact sum of the amounts
        to a millionth (see :data:`MONEY_SCALE`).
    days
        Distinct purchase days, when asked for (``frequency="days"``), else ``None``.
    contacts
        One column per contact field, row ``i`` for customer ``i`` (from the latest purchase
        that has the field); no columns when the import has no contact fields.
    cleaning
        The cleaning report of the rows aggregated.
    columns
        The columns used, as resolved from the headers.
    """

    customers: np.ndarray
    first_day: np.ndarray
    last_day: np.ndarray
    orders: np.ndarray
    revenue: np.ndarray
    days: np.ndarray | None
    contacts: pd.DataFrame = field(repr=False)
    cleaning: CleaningReport = field(repr=False)
    columns: ColumnMap
    #: Warnings of the stages so far (see :mod:`rfm_engine.notes`).
    warnings: tuple[RfmWarning, ...] = ()
    #: Which path computed the totals: ``"memory"``, ``"arrow"`` (DuckDB over the files as
    #: Arrow tables in memory), ``"duckdb"`` (DuckDB read the files into its own tables, out of
    #: core) or ``"duckdb-chunks"`` (chunks read by pandas, cleaned in Python, totalled in
    #: DuckDB).
    engine: str = "memory"

    def __len__(self) -> int:
        return len(self.customers)

    @property
    def first_purchase(self) -> dt.date:
        """The day of the earliest purchase of any customer."""
        return _date(int(self.first_day.min()))

    @property
    def last_purchase(self) -> dt.date:
        """The day of the latest purchase of any customer."""
        return _date(int(self.last_day.max()))

    def default_as_of(self) -> dt.date:
        """The day after the latest purchase (the definitions' default analysis date)."""
        return self.last_purchase + dt.timedelta(days=1)


def _date(day: int) -> dt.date:
    return np.datetime64(day, "D").astype(dt.date)
