"""The default cleaning rules of the definitions, each counted with example rows.

:func:`clean` turns a raw table plus a resolved :class:`ColumnMap` into purchase rows with
standard columns (``customer_id``, ``date``, ``amount``, ``order_id``), the return rows when
returns are netted, and a :class:`CleaningReport`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError
from ..io.parsing import (
    Factorized,
    factorize_text,
    parse_amounts,
    parse_dates,
    strip_armour,
    text_id_codes,
)
from ..io.reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN
from ..io.row_take import take_rows
from ..mapping.status import cancelled_mask
from ..notes import RfmWarning
from ..options.config import (
    PLAUSIBLE_FIRST_DAY,
    PLAUSIBLE_LAST_DAY,
    PLAUSIBLE_MAX_AMOUNT,
    CleaningRules,
    ColumnMap,
    Period,
)
from .column_prep import prepare_columns
from .customer_key import customer_keys, key_warnings
from .duplicates import duplicate_rows
from .report import (
    EXAMPLES_PER_RULE,
    FATE_RETURN,
    FATE_UNCOUNTED,
    FIRST_RULE_FATE,
    RULE_KEYS,
    RULES,
    CleanedData,
    CleaningReport,
    CleaningStep,
    RowTrace,
)
from .row_hashing import row_hashes
from .value_notes import amount_separator, currency_rows, marker_warning

_FIRST_DAY = np.datetime64(PLAUSIBLE_FIRST_DAY, "ns")
_LAST_DAY = np.datetime64(PLAUSIBLE_LAST_DAY, "ns")


class _Steps:
    """Applies rules to a positional ``alive`` mask over the raw rows, recording each one."""

    def __init__(self, raw: pd.DataFrame, trace: bool = False) -> None:
        self.raw = raw
        self._steps: list[tuple[str, int, str, int]] = []
        self._example_rows: list[np.ndarray] = []
        self.alive = np.ones(len(raw), dtype=bool)
        self.fate = np.zeros(len(raw), dtype=np.int8) if trace else None

    def drop(self, key: str, mask: np.ndarray) -> None:
        """Drop the live rows where ``mask`` is true, counted under rule ``key``."""
        hit = np.asarray(mask, dtype=bool) & self.alive
        count = int(hit.sum())
        if count:
            rule, description = RULES[key]
            self._steps.append((key, rule, description, count))
            self._example_rows.append(np.flatnonzero(hit)[:EXAMPLES_PER_RULE])
            self.alive &= ~hit
            if self.fate is not None:
                self.fate[hit] = FIRST_RULE_FATE + RULE_KEYS.index(key)

    def finish(self) -> tuple[CleaningStep, ...]:
        """The steps, each with its example rows (taken from the raw table in one go: with
        Arrow-backed columns each selection copies whole columns, see :func:`take_rows`)."""
        if not self._steps:
            return ()
        picked = np.concatenate(self._example_rows)
        examples = take_rows(self.raw, picked).reset_index(drop=True)
        ends = np.cumsum([len(rows) for rows in self._example_rows])
        return tuple(
            CleaningStep(*step, examples.iloc[end - len(rows) : end].reset_index(drop=True))
            for step, rows, end in zip(self._steps, self._example_rows, ends, strict=True)
        )

    def strict(self, key: str, mask: np.ndarray, column: str | None) -> None:
        """A rule that is switched off: rows it would drop are an error naming the first one."""
        hit = np.flatnonzero(np.asarray(mask, dtype=bool) & self.alive)
        if not len(hit):
            return
        first = self.raw.iloc[hit[0]]
        value = first.get(column) if column else None
        where = f"row {first.get(ROW_COLUMN)}"
        if first.get(SOURCE_COLUMN) is not None:
            where = f"{first.get(SOURCE_COLUMN)}, {where}"
        shown = self.raw.iloc[hit[:EXAMPLES_PER_RULE]]
        raise rule_off_error(
            where,
            key,
            column,
            value,
            len(hit),
            rows=tuple(int(r) for r in shown[ROW_COLUMN]),
            examples=tuple(shown[column]) if column else (),
        )

    def apply(self, key: str, mask: np.ndarray, enabled: bool, column: str | None) -> None:
        if enabled:
            self.drop(key, mask)
        else:
            self.strict(key, mask, column)


def clean(
    raw: pd.DataFrame,
    columns: ColumnMap,
    *,
    rules: CleaningRules = CleaningRules(),
    period: Period = Period(),
    dayfirst: bool | None = None,
    decimal: str | None = None,
    trace: bool = False,
) -> CleanedData:
    """Apply the cleaning rules in the order of the definitions.

    Every column is parsed once for all rows; the rules then narrow one positional mask, so
    millions of rows are never copied rule by rule. With ``trace`` (one chunk of a larger
    input), the result also says what became of each row, and the "most rows fail" check is
    left to the caller, who sees all chunks. ``decimal`` is the amounts' decimal separator
    (``None``: decided from the whole column, with a ``decimal_separator`` warning where
    values such as ``1.234`` depend on it).
    """
    raw = raw.reset_index(drop=True)
    if ROW_COLUMN not in raw.columns:
        raw[ROW_COLUMN] = np.arange(1, len(raw) + 1)
    source_columns = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    steps = _Steps(raw, trace)
    # Each text column is factorized once; rule 1 and the parsers share the codes.
    coded: dict[str, Factorized | None] = {}

    def codes_of(name: str) -> Factorized | None:
        if name not in coded:
            coded[name] = factorize_text(raw[name])
        return coded[name]

    # All-ISO dates and plain-number amounts are read whole by Arrow (io.arrow_typed) and
    # never factorized: no marker or separator question can arise in them. The other role
    # columns are coded up front, beside those casts (in threads where that helps).
    collapsing = columns.amount_is_order_total and columns.order
    typed, role_codes = prepare_columns(raw, columns, decimal, cast=not collapsing)
    coded.update(role_codes)
    warnings: list[RfmWarning] = []
    value_columns = [*columns.key_columns, columns.date, columns.amount or columns.price]
    value_columns = [c for c in value_columns if c and c not in typed]
    warnings += marker_warning(raw, value_columns, codes_of)

    # Ids are coded once, before rule 1: rows unique by customer or order cannot be duplicates.
    key = customer_keys(raw, columns, codes_of(columns.customer))
    customer_codes, customer_labels = key.codes, key.labels
    order_codes = None
    if columns.order:
        order_codes = text_id_codes(
            raw[columns.order], labels=False, factorized=codes_of(columns.order)
        )[0]

    # Rule 1: exact duplicate source rows (every source column equal; the file name not counted).
    if rules.drop_duplicates:
        # Order ids first: they cut most (an order's rows are few, a customer's many).
        keys = ([order_codes] if order_codes is not None else []) + [customer_codes]
        for name in (columns.date, columns.amount, columns.quantity, columns.price):
            if name and name not in typed:
                codes_of(name)  # parsed later anyway; coded now, they narrow rule 1 first
        # Read values are equal where the cells are: they narrow rule 1 as hints.
        hints = {name: values.view(np.int64) for name, values in typed.items()}
        dupes = duplicate_rows(raw[source_columns], keys, coded, hints)
        steps.drop("duplicates", dupes.to_numpy())

    # Rule 7 (order totals): one row per order, each field its first non-blank value.
    work = raw
    if collapsing:
        work, extra = _collapse_order_totals(raw, columns, steps.alive)
        steps.drop("order_lines", extra)
        key = customer_keys(work, columns)
        customer_codes, customer_labels = key.codes, key.labels
        order_codes = text_id_codes(work[columns.order], labels=False)[0]
        coded.update(dict.fromkeys(work.columns))  # the filled cells differ from raw's: none

    # Rule 2: blank customer id (and no fallback identifier either).
    steps.apply("blank_customer", customer_codes < 0, rules.drop_blank_customer, columns.customer)
    warnings += key_warnings(key, columns)

    # Rule 3: date or amount missing or unreadable.
    if columns.date in typed:
        dates = typed[columns.date]  # whole days, clamped as all are (io.calendar_days)
    else:
        dates = parse_dates(
            work[columns.date],
            dayfirst=dayfirst,
            column=columns.date,
            factorized=codes_of(columns.date),
        ).to_numpy()
    if columns.amount in typed:
        amounts = typed[columns.amount]
    elif columns.amount:
        separator, found = amount_separator(
            work[columns.amount], columns.amount, decimal, codes_of(columns.amount)
        )
        warnings += found
        amounts = parse_amounts(
            work[columns.amount],
            factorized=codes_of(columns.amount),
            decimal=separator,
            decide=False,
        ).to_numpy()
    else:
        if columns.price in typed:
            price = typed[columns.price]
        else:
            separator, found = amount_separator(
                work[columns.price], columns.price, decimal, codes_of(columns.price)
            )
            warnings += found
            price = parse_amounts(
                work[columns.price],
                factorized=codes_of(columns.price),
                decimal=separator,
                decide=False,
            ).to_numpy()
        quantity = typed.get(columns.quantity)
        if quantity is None:
            quantity = parse_amounts(
                work[columns.quantity], factorized=codes_of(columns.quantity)
            ).to_numpy()
        amounts = quantity * price
    bad_date = np.isnat(dates)
    amount_col = columns.amount or columns.price
    if not trace:
        share = rules.max_unparseable_share
        _refuse_mostly_bad(work, steps.alive, bad_date, columns.date, "date", share)
        _refuse_mostly_bad(work, steps.alive, np.isnan(amounts), amount_col, "amount", share)
    steps.apply("bad_date", bad_date, rules.drop_unparseable, columns.date)
    steps.apply("bad_amount", np.isnan(amounts), rules.drop_unparseable, amount_col)
    with np.errstate(invalid="ignore"):
        huge = np.abs(amounts) > PLAUSIBLE_MAX_AMOUNT  # NaN compares false
    steps.apply("implausible_amount", huge, rules.drop_unparseable, amount_col)
    implausible = ~bad_date & ((dates < _FIRST_DAY) | (dates > _LAST_DAY))
    steps.apply("implausible_date", implausible, rules.drop_unparseable, columns.date)

    # Amounts in several currencies are never added up: keep the chosen one, or stop.
    if columns.currency:
        other = currency_rows(work, columns.currency, steps.alive, rules.currency)
        steps.drop("other_currency", other)

    # Rule 4: amount <= 0 is not a purchase; in "net" mode negative rows are returns that
    # reduce monetary (never orders) and only zero rows are dropped.
    returned = np.zeros(len(raw), dtype=bool)
    if rules.returns == "drop":
        steps.drop("non_positive", amounts <= 0)
    elif rules.returns == "net":
        steps.drop("non_positive", amounts == 0)
        returned = steps.alive & (amounts < 0)
        steps.alive &= ~returned
        if steps.fate is not None:
            steps.fate[returned] = FATE_RETURN

    # Rule 5: the analysis period (returns follow the same period).
    for key, option_day, later in (
        ("after_as_of", period.as_of, True),
        ("before_start", period.start, False),
    ):
        if option_day is None:
            continue
        day = np.datetime64(option_day, "D")
        outside = dates > day if later else dates < day
        steps.apply(key, outside, rules.drop_outside_period, columns.date)
        returned &= ~outside

    # Rule 6: cancelled / closed / refunded / unpaid orders by status.
    if columns.status and rules.drop_cancelled:
        cancelled = cancelled_mask(work[columns.status]).to_numpy()
        steps.drop("cancelled", cancelled)
        returned &= ~cancelled
    if columns.cancelled_at and rules.drop_cancelled:
        cancelled = text_id_codes(work[columns.cancelled_at], labels=False)[0] >= 0
        steps.drop("cancelled_at", cancelled)
        returned &= ~cancelled

    contacts = tuple(c for c in columns.contacts if c in work.columns)

    # One dtype for purchases and returns: its categories are checked for uniqueness once.
    customer_dtype = _categories(customer_labels)

    def rows(mask: np.ndarray, with_contacts: bool) -> pd.DataFrame:
        idx = mask  # boolean selection: no index array to allocate
        data = {
            "customer_id": pd.Categorical.from_codes(
                customer_codes[idx], dtype=customer_dtype, validate=False
            ),
            "date": dates[idx],
            "amount": amounts[idx],
        }
        if order_codes is not None:
            # Only distinctness matters for frequency: integer codes, -1 for a blank order id.
            data["order_code"] = order_codes[idx]
        data[ROW_COLUMN] = raw[ROW_COLUMN].to_numpy()[idx]
        if SOURCE_COLUMN in raw.columns:
            data[SOURCE_COLUMN] = raw[SOURCE_COLUMN].array[idx]
        if with_contacts:
            for name in contacts:
                data[name] = strip_armour(work[name].iloc[idx]).to_numpy()
        return pd.DataFrame(data, copy=False)  # the arrays are fresh: no copy, no consolidation

    purchases = rows(steps.alive, True)
    returns = rows(returned, False)
    report = CleaningReport(
        rows_read=len(raw),
        rows_used=len(purchases),
        steps=steps.finish(),
        returns_netted=len(returns),
    )
    row_trace = None
    if steps.fate is not None:
        # Returns that a later rule removed are counted nowhere, as in the report.
        steps.fate[(steps.fate == FATE_RETURN) & ~returned] = FATE_UNCOUNTED
        row_trace = RowTrace(
            fate=steps.fate,
            amount_bad=np.isnan(amounts),
            row_hash=row_hashes(raw[source_columns], coded),
        )
    return CleanedData(
        purchases=purchases,
        returns=returns,
        report=report,
        contacts=contacts,
        trace=row_trace,
        warnings=tuple(warnings),
    )


def _categories(labels: np.ndarray) -> pd.CategoricalDtype:
    """The dtype of distinct labels (unique by construction: pandas' uniqueness check of a
    million labels is skipped where pandas offers its fast path)."""
    index = pd.Index(labels, dtype=object)
    fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    try:
        return fast(index, False) if fast else pd.CategoricalDtype(index)
    except TypeError:
        return pd.CategoricalDtype(index)


def _refuse_mostly_bad(
    frame: pd.DataFrame,
    alive: np.ndarray,
    bad: np.ndarray,
    column: str,
    what: str,
    share: float,
) -> None:
    """If most live rows fail, the column or its format is wrong: an import error."""
    live = int(alive.sum())
    failed = alive & bad
    if live == 0 or failed.sum() <= share * live:
        return
    values = frame[column]
    shown_idx = np.flatnonzero(failed & values.notna().to_numpy())[:EXAMPLES_PER_RULE]
    examples = tuple(values.iloc[shown_idx])
    rows = tuple(int(r) for r in frame[ROW_COLUMN].iloc[shown_idx])
    raise mostly_bad_error(column, what, int(failed.sum()), live, examples, rows)


def rule_off_error(
    where: str,
    key: str,
    column: str | None,
    value: object,
    count: int,
    *,
    rows: tuple[int, ...] = (),
    examples: tuple = (),
) -> DataError:
    """The error for rows a switched-off rule would have dropped (strict mode)."""
    return DataError(
        f"{where}: {RULES[key][1]}"
        + (f" in column {column!r} ({value!r})" if column else "")
        + f"; {count} such rows, and the rule that drops them is off",
        code="rule_off",
        column=column,
        rows=rows,
        examples=examples,
    )


def mostly_bad_error(
    column: str, what: str, failed: int, live: int, examples: tuple, rows: tuple[int, ...]
) -> DataError:
    """The import error for a column where most rows have no readable date or amount."""
    shown = f", e.g. {examples[0]!r} in row {rows[0]}" if examples else " (they are blank)"
    return DataError(
        f"column {column!r}: {failed} of {live} rows have no readable {what}"
        f"{shown}; is it the right column?",
        code="mostly_unreadable",
        option="columns.date" if what == "date" else "columns.amount",
        column=column,
        rows=rows,
        examples=examples,
    )


def _collapse_order_totals(
    raw: pd.DataFrame, columns: ColumnMap, alive: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Fill each live order's role cells from its first non-blank value; mark its extra lines."""
    codes = text_id_codes(raw[columns.order], labels=False)[0]
    keyed = alive & (codes >= 0)
    extra = np.zeros(len(raw), dtype=bool)
    if not keyed.any():
        return raw, extra
    idx = np.flatnonzero(keyed)
    names = [*columns.roles.values(), *columns.customer_fallback, *columns.contacts]
    roles = [c for c in dict.fromkeys(names) if c in raw.columns]
    firsts = raw.iloc[idx][roles].groupby(codes[idx], sort=False).transform("first")
    filled = raw.copy()
    for role in roles:
        column = filled[role].astype(object)
        column.iloc[idx] = firsts[role].to_numpy()
        filled[role] = column
    extra[idx] = pd.Series(codes[idx]).duplicated().to_numpy()
    return filled, extra
