"""Cleaning a customer list (one row per customer with totals), rule by rule with examples.

Rules that still make sense apply as for transactions (exact duplicate rows, blank customer,
unreadable values, non-positive totals, the analysis date); a row whose order count is 0 is a
customer who registered and never bought, reported apart. Rules about single purchases (order
status, line items, the period start, netting returns) cannot be applied to totals: they are
listed as not applicable in the report, and a period start is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ConfigError, DataError
from ..io.parsing import parse_amounts, parse_dates, strip_armour, text_id_codes
from ..io.reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN
from ..notes import RfmWarning
from ..options.config import CleaningRules, ColumnMap, Period
from .report import EXAMPLES_PER_RULE, CleaningReport
from .rules import _refuse_mostly_bad, _Steps

#: Rules of the definitions that a customer list cannot honour, and why.
NOT_APPLICABLE: dict[str, str] = {
    "order_lines": "a customer list has no order lines",
    "cancelled": "a customer list has no order statuses; its totals are as the system counted",
    "before_start": "a customer list's totals cover all its history",
    "returns_netted": "a customer list's total is used as it is (returns as the system counted)",
}


@dataclass(frozen=True)
class CleanedList:
    """The customers left after cleaning a list: ``customer_id`` (text), ``last_day`` (days
    since 1970-01-01 of the last purchase), ``orders``, ``revenue``, then the contact columns."""

    customers: pd.DataFrame
    report: CleaningReport
    contacts: tuple[str, ...]
    warnings: tuple[RfmWarning, ...] = field(default=())


def clean_customer_list(
    raw: pd.DataFrame,
    columns: ColumnMap,
    *,
    rules: CleaningRules = CleaningRules(),
    period: Period = Period(),
    dayfirst: bool | None = None,
) -> CleanedList:
    """Apply the rules that fit a customer list; see the module docstring."""
    if period.start is not None:
        raise ConfigError(
            f"a customer list holds each customer's totals over all time, so a period start "
            f"({period.start}) cannot be applied; analyse the orders export for a period",
            option="period.start",
            value=period.start,
        )
    if columns.days_since and period.as_of is None:
        raise ConfigError(
            f"column {columns.days_since!r} counts days up to the day the list was exported: "
            "give that day as the analysis date",
            option="period.as_of",
            code="needs_as_of",
        )
    raw = raw.reset_index(drop=True)
    if ROW_COLUMN not in raw.columns:
        raw[ROW_COLUMN] = np.arange(1, len(raw) + 1)
    source_columns = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    steps = _Steps(raw)

    if rules.drop_duplicates:
        steps.drop("duplicates", raw[source_columns].astype(str).duplicated().to_numpy())
    codes, labels = text_id_codes(raw[columns.customer])
    steps.apply("blank_customer", codes < 0, rules.drop_blank_customer, columns.customer)

    counts = parse_amounts(raw[columns.order_count]).to_numpy(dtype="float64")
    bad_count = ~_whole(counts)
    steps.apply("bad_count", bad_count, rules.drop_unparseable, columns.order_count)
    steps.drop("never_bought", counts == 0)

    if columns.last_purchase:
        day_column = columns.last_purchase
        dates = parse_dates(raw[day_column], dayfirst=dayfirst, column=day_column).to_numpy()
        days = dates.astype("datetime64[D]").astype("int64")
        bad_day = np.isnat(dates)
        key = "bad_last_purchase"
    else:
        day_column = columns.days_since
        since = parse_amounts(raw[day_column]).to_numpy(dtype="float64")
        bad_day = ~_whole(since)
        as_of = np.datetime64(period.as_of, "D").astype("int64")
        days = as_of - np.nan_to_num(since).astype("int64")
        key = "bad_days_since"
    totals = parse_amounts(raw[columns.total_spent]).to_numpy(dtype="float64")
    share = rules.max_unparseable_share
    _refuse_mostly_bad(raw, steps.alive, bad_day, day_column, "date", share)
    _refuse_mostly_bad(raw, steps.alive, np.isnan(totals), columns.total_spent, "amount", share)
    steps.apply(key, bad_day, rules.drop_unparseable, day_column)
    steps.apply("bad_total", np.isnan(totals), rules.drop_unparseable, columns.total_spent)
    if rules.returns != "keep":
        steps.drop("non_positive_total", np.nan_to_num(totals, nan=1.0) <= 0)
    if period.as_of is not None and columns.last_purchase:
        later = days > np.datetime64(period.as_of, "D").astype("int64")
        steps.apply("after_as_of", later, rules.drop_outside_period, day_column)

    alive = steps.alive
    _refuse_repeated_keys(raw, codes, alive, columns.customer)
    contacts = tuple(c for c in columns.contacts if c in raw.columns)
    customers = pd.DataFrame(
        {
            "customer_id": labels[codes[alive]],
            "last_day": days[alive].astype("int64"),
            "orders": counts[alive].astype("int64"),
            "revenue": totals[alive].astype("float64"),
        }
    )
    for name in contacts:
        customers[name] = strip_armour(raw[name].iloc[np.flatnonzero(alive)]).to_numpy()
    not_applicable = [(k, why) for k, why in NOT_APPLICABLE.items() if k != "returns_netted"]
    if rules.returns == "net":
        not_applicable.append(("returns_netted", NOT_APPLICABLE["returns_netted"]))
    report = CleaningReport(
        rows_read=len(raw),
        rows_used=len(customers),
        steps=steps.finish(),
        not_applicable=tuple(not_applicable),
        table_kind="customers",
    )
    return CleanedList(customers=customers, report=report, contacts=contacts)


def _whole(values: np.ndarray) -> np.ndarray:
    """True where a value is a whole number, 0 or more."""
    finite = np.isfinite(values)
    out = np.zeros(len(values), dtype=bool)
    out[finite] = (values[finite] >= 0) & (np.floor(values[finite]) == values[finite])
    return out


def _refuse_repeated_keys(
    raw: pd.DataFrame, codes: np.ndarray, alive: np.ndarray, column: str
) -> None:
    """A customer on two rows of a list (not exact duplicates): which totals hold is unknown."""
    live = codes[alive]
    repeated = pd.Series(live).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    rows_idx = np.flatnonzero(alive)[repeated][:EXAMPLES_PER_RULE]
    first = raw.iloc[rows_idx[0]]
    where = f"row {first[ROW_COLUMN]}"
    if first.get(SOURCE_COLUMN) is not None:
        where = f"{first.get(SOURCE_COLUMN)}, {where}"
    raise DataError(
        f"{where}: customer {first[column]!r} appears on {int(repeated.sum())} rows of a "
        "customer list with different totals; is it a list of orders?",
        code="repeated_customer",
        option="columns.kind",
        column=column,
        rows=tuple(int(r) for r in raw[ROW_COLUMN].iloc[rows_idx]),
        examples=tuple(raw[column].iloc[rows_idx]),
    )
