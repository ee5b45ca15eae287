"""The default cleaning rules of the definitions, each counted with example rows.

:func:`clean` turns a raw table plus a resolved :class:`ColumnMap` into purchase rows with
standard columns (``customer_id``, ``date``, ``amount``, ``order_id``), the return rows when
returns are netted, and a :class:`CleaningReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .config import CleaningRules, ColumnMap, Period
from .errors import DataError
from .parsing import parse_amounts, parse_dates, strip_armour, text_id_codes, to_text_ids
from .reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN
from .status import cancelled_mask

EXAMPLES_PER_RULE = 5

#: key → (rule number in the definitions, description)
RULES: dict[str, tuple[int, str]] = {
    "duplicates": (1, "exact duplicate rows"),
    "order_lines": (7, "extra line-item rows of an order with an order total (counted once)"),
    "blank_customer": (2, "blank customer id"),
    "bad_date": (3, "date missing or unreadable"),
    "bad_amount": (3, "amount missing or unreadable"),
    "non_positive": (4, "amount zero or negative (returns, cancellations, free)"),
    "after_as_of": (5, "dated after the analysis date"),
    "before_start": (5, "dated before the period start"),
    "cancelled": (6, "order status cancelled, closed, refunded or unpaid"),
}


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
        records.append(
            {
                "rule": 0,
                "key": "rows_used",
                "description": "purchase rows used",
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


@dataclass(frozen=True)
class CleanedData:
    purchases: pd.DataFrame
    returns: pd.DataFrame
    report: CleaningReport
    contacts: tuple[str, ...]


class _Steps:
    def __init__(self, raw_columns: list[str]) -> None:
        self.steps: list[CleaningStep] = []
        self.raw_columns = raw_columns

    def add(self, key: str, frame: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
        """Record the rows where ``mask`` is true as dropped by rule ``key``; return the rest."""
        count = int(mask.sum())
        rule, description = RULES[key]
        if count:
            examples = frame.loc[mask, self.raw_columns].head(EXAMPLES_PER_RULE)
            self.steps.append(
                CleaningStep(key, rule, description, count, examples.reset_index(drop=True))
            )
            return frame.loc[~mask]
        return frame


def _strict(key: str, frame: pd.DataFrame, mask: pd.Series, column: str | None) -> None:
    """A rule that is switched off: rows it would drop are an error naming the first one."""
    if not mask.any():
        return
    first = frame.loc[mask].iloc[0]
    value = first.get(column) if column else None
    where = f"row {first.get(ROW_COLUMN)}"
    if first.get(SOURCE_COLUMN) is not None:
        where = f"{first.get(SOURCE_COLUMN)}, {where}"
    raise DataError(
        f"{where}: {RULES[key][1]}"
        + (f" in column {column!r} ({value!r})" if column else "")
        + f"; {int(mask.sum())} such rows, and the rule that drops them is off",
        column=column,
        rows=tuple(int(r) for r in frame.loc[mask, ROW_COLUMN].head(EXAMPLES_PER_RULE)),
        examples=tuple(frame.loc[mask, column].head(EXAMPLES_PER_RULE)) if column else (),
    )


def clean(
    raw: pd.DataFrame,
    columns: ColumnMap,
    *,
    rules: CleaningRules = CleaningRules(),
    period: Period = Period(),
    dayfirst: bool | None = None,
) -> CleanedData:
    """Apply the cleaning rules in the order of the definitions."""
    raw = raw.copy(deep=False)
    if ROW_COLUMN not in raw.columns:
        raw[ROW_COLUMN] = np.arange(1, len(raw) + 1)
    raw_columns = [c for c in raw.columns]
    source_columns = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    steps = _Steps(raw_columns)
    rows_read = len(raw)
    frame = raw

    # Rule 1: exact duplicate source rows (every source column equal; the file name not counted).
    if rules.drop_duplicates:
        frame = steps.add("duplicates", frame, duplicate_rows(frame[source_columns]))

    # Rule 7 (order totals): one row per order, each field its first non-blank value.
    if columns.amount_is_order_total and columns.order:
        frame = _collapse_order_totals(frame, columns, steps)

    # Rule 2: blank customer id.
    customer = to_text_ids(frame[columns.customer])
    blank = customer.isna()
    if rules.drop_blank_customer:
        frame = steps.add("blank_customer", frame, blank)
        customer = customer[~blank]
    else:
        _strict("blank_customer", frame, blank, columns.customer)

    # Rule 3: date or amount missing or unreadable.
    dates = parse_dates(frame[columns.date], dayfirst=dayfirst, column=columns.date)
    if columns.amount:
        amounts = parse_amounts(frame[columns.amount])
    else:
        amounts = parse_amounts(frame[columns.quantity]) * parse_amounts(frame[columns.price])
    bad_date = dates.isna()
    bad_amount = amounts.isna() & ~bad_date
    _refuse_mostly_bad(frame, bad_date, columns.date, "date")
    amount_col = columns.amount or columns.price
    _refuse_mostly_bad(frame, amounts.isna(), amount_col, "amount")
    if rules.drop_unparseable:
        frame = steps.add("bad_date", frame, bad_date)
        frame = steps.add("bad_amount", frame, bad_amount.loc[frame.index])
    else:
        _strict("bad_date", frame, bad_date, columns.date)
        _strict("bad_amount", frame, bad_amount, amount_col)
    keep = frame.index
    data = pd.DataFrame(
        {"customer_id": customer.loc[keep], "date": dates.loc[keep], "amount": amounts.loc[keep]},
        index=keep,
    )
    if columns.order:
        # Only distinctness matters for frequency: integer codes, -1 for a blank order id.
        data["order_code"] = text_id_codes(frame[columns.order], labels=False)[0]
    data[ROW_COLUMN] = frame[ROW_COLUMN]
    if SOURCE_COLUMN in frame.columns:
        data[SOURCE_COLUMN] = frame[SOURCE_COLUMN]

    # Rule 4: amount <= 0 is not a purchase; in "net" mode negative rows are returns that
    # reduce monetary (never orders) and only zero rows are dropped.
    returns = data.iloc[0:0]
    if rules.returns == "drop":
        frame = steps.add("non_positive", frame, data["amount"] <= 0)
    elif rules.returns == "net":
        returns = data.loc[data["amount"] < 0]
        frame = steps.add("non_positive", frame, data["amount"] == 0)
        frame = frame.loc[~frame.index.isin(returns.index)]
    data = data.loc[frame.index]

    # Rule 5: the analysis period.
    for key, option_day, later in (
        ("after_as_of", period.as_of, True),
        ("before_start", period.start, False),
    ):
        if option_day is None:
            continue
        day = pd.Timestamp(option_day)
        outside = data["date"] > day if later else data["date"] < day
        if rules.drop_outside_period:
            frame = steps.add(key, frame, outside)
            data = data.loc[frame.index]
            returns = returns.loc[(returns["date"] <= day) if later else (returns["date"] >= day)]
        else:
            _strict(key, frame, outside, columns.date)

    # Rule 6: cancelled / closed / refunded / unpaid orders by status.
    if columns.status and rules.drop_cancelled:
        frame = steps.add("cancelled", frame, cancelled_mask(frame[columns.status]))
        data = data.loc[frame.index]
        if len(returns):
            returned = raw.loc[returns.index, columns.status]
            returns = returns.loc[~cancelled_mask(returned)]

    contacts = tuple(c for c in columns.contacts if c in frame.columns)
    for name in contacts:
        data[name] = strip_armour(frame[name].astype("string"))
    report = CleaningReport(
        rows_read=rows_read,
        rows_used=len(data),
        steps=tuple(steps.steps),
        returns_netted=len(returns),
    )
    return CleanedData(purchases=data, returns=returns, report=report, contacts=contacts)


def duplicate_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows identical in every column to an earlier row (exact, like ``DataFrame.duplicated``).

    One 64-bit hash per row finds the candidates in a single pass; only those candidates and
    the rows they may repeat are then compared exactly, so a hash collision cannot drop a row.
    """
    if frame.empty:
        return pd.Series(False, index=frame.index)
    hashes = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    ordered = np.sort(hashes)  # sorting beats a 10M-entry hash table on cache misses
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if len(repeated) == 0:
        return pd.Series(False, index=frame.index)
    candidates = pd.Series(hashes).isin(repeated).to_numpy()
    subset = frame.loc[candidates]
    exact = subset.duplicated()
    out = pd.Series(False, index=frame.index)
    out.loc[exact.index[exact.to_numpy()]] = True
    return out


def _refuse_mostly_bad(
    frame: pd.DataFrame, bad: pd.Series, column: str, what: str, share: float = 0.5
) -> None:
    """If most rows fail, the column or its format is wrong: an import error, not cleaning."""
    if len(frame) == 0 or bad.mean() <= share:
        return
    failed = frame.loc[bad & frame[column].notna()]
    examples = tuple(failed[column].head(EXAMPLES_PER_RULE))
    rows = tuple(int(r) for r in failed[ROW_COLUMN].head(EXAMPLES_PER_RULE))
    shown = f", e.g. {examples[0]!r} in row {rows[0]}" if examples else " (they are blank)"
    raise DataError(
        f"column {column!r}: {int(bad.sum())} of {len(frame)} rows have no readable {what}"
        f"{shown}; is it the right column?",
        column=column,
        rows=rows,
        examples=examples,
    )


def _collapse_order_totals(frame: pd.DataFrame, columns: ColumnMap, steps: _Steps) -> pd.DataFrame:
    order = pd.Series(text_id_codes(frame[columns.order], labels=False)[0], index=frame.index)
    keyed = frame.loc[order >= 0]
    if keyed.empty:
        return frame
    roles = [c for c in {*columns.roles.values(), *columns.contacts} if c in frame.columns]
    firsts = keyed.groupby(order.loc[keyed.index], sort=False)[roles].transform("first")
    filled = frame.copy()
    filled.loc[keyed.index, roles] = firsts
    extra = (order >= 0) & order.duplicated()
    return steps.add("order_lines", filled, extra)
