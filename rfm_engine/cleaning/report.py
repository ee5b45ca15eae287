"""What cleaning did: each rule's key, number and description, the rows it dropped with
examples, and what became of each raw row (for the out-of-core path)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..io.reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN
from ..notes import RfmWarning

EXAMPLES_PER_RULE = 5

#: key → (rule number in the definitions, description)
RULES: dict[str, tuple[int, str]] = {
    "duplicates": (1, "exact duplicate rows"),
    "order_lines": (7, "extra line-item rows of an order with an order total (counted once)"),
    "blank_customer": (2, "blank customer id"),
    "bad_date": (3, "date missing or unreadable"),
    "bad_amount": (3, "amount missing or unreadable"),
    "implausible_amount": (3, "amount beyond a trillion (no single sale is that large)"),
    "implausible_date": (3, "date before 1900 or after 2100 (a placeholder such as 9999-12-31)"),
    "non_positive": (4, "amount zero or negative (returns, cancellations, free)"),
    "after_as_of": (5, "dated after the analysis date"),
    "before_start": (5, "dated before the period start"),
    "cancelled": (6, "order status cancelled, closed, refunded or unpaid"),
    # Customer lists (one row per customer with totals):
    "bad_count": (3, "order count missing or not a whole number"),
    "never_bought": (4, "order count 0: registered, never bought"),
    "bad_last_purchase": (3, "last purchase date missing or unreadable"),
    "bad_days_since": (3, "days since the last purchase missing or not a whole number"),
    "bad_total": (3, "total spent missing or unreadable"),
    "non_positive_total": (4, "total spent zero or negative"),
    "cancelled_at": (6, "order cancelled (a cancellation date is set)"),
    "other_currency": (3, "amount in another currency than the one chosen"),
}
#: What one row is, by the kind of table (for the report's "rows used" line).
ROW_UNITS = {"transactions": "purchase rows", "customers": "customer rows"}


@dataclass(frozen=True)
class CleaningStep:
    key: str
    rule: int
    description: str
    rows: int
    examples: pd.DataFrame = field(repr=False, compare=False)


@dataclass(frozen=True)
class CleaningReport:
    """What cleaning did: rows read and used, and per rule the rows dropped with examples."""

    rows_read: int
    rows_used: int
    steps: tuple[CleaningStep, ...]
    returns_netted: int = 0
    #: Rules that cannot apply to this kind of table: ``(key, why)`` (see ``RULES``).
    not_applicable: tuple[tuple[str, str], ...] = ()
    #: ``"transactions"`` or ``"customers"`` (a customer list).
    table_kind: str = "transactions"

    def rows_dropped(self, key: str) -> int:
        return sum(s.rows for s in self.steps if s.key == key)

    def to_frame(self) -> pd.DataFrame:
        """One row per rule: rule number, key, description, rows, examples as text."""
        records = [
            {
                "rule": s.rule,
                "key": s.key,
                "description": s.description,
                "rows": s.rows,
                "examples": "; ".join(_example_text(s.examples)),
            }
            for s in self.steps
        ]
        records.append(
            {
                "rule": 0,
                "key": "rows_read",
                "description": "rows read",
                "rows": self.rows_read,
                "examples": "",
            }
        )
        if self.returns_netted:
            records.append(
                {
                    "rule": 4,
                    "key": "returns_netted",
                    "description": "return rows netted against monetary",
                    "rows": self.returns_netted,
                    "examples": "",
                }
            )
        for key, why in self.not_applicable:
            records.append(
                {
                    "rule": RULES.get(key, (4, ""))[0],
                    "key": "not_applicable",
                    "description": f"not applicable ({key}): {why}",
                    "rows": 0,
                    "examples": "",
                }
            )
        records.append(
            {
                "rule": 0,
                "key": "rows_used" if self.table_kind == "transactions" else "customer_rows_used",
                "description": f"{ROW_UNITS.get(self.table_kind, 'rows')} used",
                "rows": self.rows_used,
                "examples": "",
            }
        )
        return pd.DataFrame.from_records(
            records, columns=["rule", "key", "description", "rows", "examples"]
        )


def _example_text(examples: pd.DataFrame) -> list[str]:
    out = []
    for _, row in examples.iterrows():
        cells = {k: v for k, v in row.items() if k not in INTERNAL_COLUMNS and pd.notna(v)}
        where = f"row {row.get(ROW_COLUMN)}"
        if row.get(SOURCE_COLUMN) is not None:
            where += f" of {row.get(SOURCE_COLUMN)}"
        shown = ", ".join(f"{k}={v}" for k, v in list(cells.items())[:6])
        out.append(f"{where}: {shown}")
    return out


#: Row fates in a :class:`RowTrace`: kept as a purchase, netted as a return, dropped by the
#: rule ``RULE_KEYS[fate - FIRST_RULE_FATE]``, or a return a later rule removed (uncounted).
FATE_UNCOUNTED, FATE_PURCHASE, FATE_RETURN, FIRST_RULE_FATE = -1, 0, 1, 2
RULE_KEYS = tuple(RULES)


@dataclass(frozen=True)
class RowTrace:
    """What became of each raw row (for the out-of-core path, which merges chunks).

    ``fate`` per row (see ``FATE_*``); ``amount_bad``: the amount is missing or unreadable
    (whatever the row's fate), as the "most rows fail" check counts it; ``row_hash``: two
    64-bit hashes of each whole source row (:func:`~rfm_engine.cleaning.row_hashing.row_hashes`).
    """

    fate: np.ndarray
    amount_bad: np.ndarray
    row_hash: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class CleanedData:
    purchases: pd.DataFrame
    returns: pd.DataFrame
    report: CleaningReport
    contacts: tuple[str, ...]
    trace: RowTrace | None = field(default=None, repr=False, compare=False)
    #: Uncertain choices of reading, mapping and cleaning (see :mod:`rfm_engine.notes`).
    warnings: tuple[RfmWarning, ...] = ()
