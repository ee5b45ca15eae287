"""The cleaning rules as queries in a database (for :mod:`rfm_engine.io.database` sources).

The same rules, in the same order and counted the same way as :func:`~.rules.clean`: every
rule is a filter on the rows the earlier rules kept, its count is the difference, and its
examples are a few of the rows it drops. Only the distinct values of text columns that need the
engine's own parsers (dates, amounts, statuses) come back to Python; their readings go back as
a small lookup table joined in the database.

Differences from files, by nature of the source: rows have no row numbers (examples name the
table); customer and order ids are trimmed in SQL (text armour such as ``="…"`` is a file
export's habit and not undone); order totals on line items (rule 7) are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ConfigError
from ..io.database import exact_text
from ..io.parsing import MISSING_MARKERS, parse_amounts, parse_dates
from ..io.reading import ROW_COLUMN, SOURCE_COLUMN
from ..mapping.customer_keys import PLACEHOLDER_KEYS
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
from .order_totals_in_database import collapse_order_totals
from .report import EXAMPLES_PER_RULE, RULES, CleaningReport, CleaningStep
from .rules import mostly_bad_error, rule_off_error
from .value_notes import mixed_currency_error

_LARGEST_FLOAT = float(np.finfo(np.float64).max)
#: Standard columns the cleaned tables carry (beside the contact columns).
CUSTOMER, DAY, AMOUNT, ORDER = "_rfm_customer", "_rfm_day", "_rfm_amount", "_rfm_order"


@dataclass(frozen=True)
class CleanedTable:
    """Purchase rows (and return rows when netted) as ibis tables with the standard columns
    ``_rfm_customer`` (text), ``_rfm_day`` (date), ``_rfm_amount``, ``_rfm_order`` (text or
    null when no order column), then the contact columns; and the cleaning report."""

    purchases: Any
    returns: Any | None
    report: CleaningReport
    contacts: tuple[str, ...]
    warnings: tuple[RfmWarning, ...] = field(default=())


def clean_in_database(
    table: Any,
    columns: ColumnMap,
    *,
    rules: CleaningRules = CleaningRules(),
    period: Period = Period(),
    dayfirst: bool | None = None,
    source_name: str = "",
) -> CleanedTable:
    """Apply the cleaning rules to an ibis ``table`` in its own database."""
    import ibis

    source_columns = list(table.columns)
    steps = _Steps(source_name, source_columns)
    rows_read = int(table.count().execute())
    work = table
    if rules.drop_duplicates:
        work = _kept(table.distinct())
        duplicates = rows_read - int(work.count().execute())
        if duplicates:
            repeated = (
                table.group_by(source_columns)
                .aggregate(_rfm_copies=table.count())
                .filter(lambda t: t._rfm_copies > 1)
            )
            steps.record("duplicates", duplicates, repeated.select(source_columns))

    spark = ibis.get_backend(table).name == "pyspark"
    if columns.amount_is_order_total and columns.order:
        order, order_type = columns.order, table.schema()[columns.order]
        work = collapse_order_totals(
            work, columns, lambda t: _text_id(t[order], order_type, spark), steps.record
        )
    schema = work.schema()
    keys = [_key(work[c], schema[c], spark) for c in columns.key_columns if c in source_columns]
    if len(keys) > 1:
        _refuse_linked_keys(work, keys, columns)
    work = work.mutate(**{CUSTOMER: ibis.coalesce(*keys) if len(keys) > 1 else keys[0]})
    if columns.order:
        work = work.mutate(**{ORDER: _text_id(work[columns.order], schema[columns.order], spark)})
    else:
        work = work.mutate(**{ORDER: ibis.null().cast("string")})
    work = _with_parsed(work, columns.date, DAY, lambda v: _days(v, dayfirst, columns.date))
    if columns.amount:
        work = _with_parsed(work, columns.amount, AMOUNT, _amounts)
    else:
        work = _with_parsed(work, columns.quantity, "_rfm_quantity", _amounts)
        work = _with_parsed(work, columns.price, "_rfm_price", _amounts)
        work = work.mutate(**{AMOUNT: work._rfm_quantity * work._rfm_price})

    alive = _kept(work)
    alive = steps.apply(
        "blank_customer",
        alive,
        alive[CUSTOMER].isnull(),
        rules.drop_blank_customer,
        columns.customer,
    )
    amount_column = columns.amount or columns.price
    live = int(alive.count().execute())
    for column, what, standard in (
        (columns.date, "date", DAY),
        (amount_column, "amount", AMOUNT),
    ):
        failed = alive.filter(alive[standard].isnull())
        count = int(failed.count().execute())
        if live and count > rules.max_unparseable_share * live:
            shown = failed.filter(failed[column].notnull()).select(column).limit(EXAMPLES_PER_RULE)
            examples = tuple(shown.to_pandas()[column])
            raise mostly_bad_error(column, what, count, live, examples, ())
    alive = steps.apply(
        "bad_date", alive, alive[DAY].isnull(), rules.drop_unparseable, columns.date
    )
    alive = steps.apply(
        "bad_amount", alive, alive[AMOUNT].isnull(), rules.drop_unparseable, amount_column
    )
    alive = steps.apply(
        "implausible_amount",
        alive,
        alive[AMOUNT].abs() > PLAUSIBLE_MAX_AMOUNT,
        rules.drop_unparseable,
        amount_column,
    )
    first, last = (ibis.literal(d, type="date") for d in (PLAUSIBLE_FIRST_DAY, PLAUSIBLE_LAST_DAY))
    alive = steps.apply(
        "implausible_date",
        alive,
        (alive[DAY] < first) | (alive[DAY] > last),
        rules.drop_unparseable,
        columns.date,
    )

    if columns.currency:
        code = _text(alive[columns.currency]).strip().upper()
        if rules.currency:
            chosen = rules.currency.strip().upper()
            alive = steps.apply(
                "other_currency", alive, code.fill_null("") != chosen, True, columns.currency
            )
        else:
            counts = alive.filter(code.notnull()).group_by(code.name("c")).aggregate(n=code.count())
            shares = counts.to_pandas().set_index("c")["n"]
            if len(shares) > 1:
                shares = (shares / shares.sum()).sort_values(ascending=False)
                raise mixed_currency_error(columns.currency, shares)

    returns = None
    if rules.returns == "drop":
        alive = steps.apply("non_positive", alive, alive[AMOUNT] <= 0, True, amount_column)
    elif rules.returns == "net":
        alive = steps.apply("non_positive", alive, alive[AMOUNT] == 0, True, amount_column)
        returns = alive.filter(alive[AMOUNT] < 0)
        alive = alive.filter(alive[AMOUNT] >= 0)

    for key, option_day, later in (
        ("after_as_of", period.as_of, True),
        ("before_start", period.start, False),
    ):
        if option_day is None:
            continue
        day = ibis.literal(option_day, type="date")

        def outside(t: Any, day: Any = day, later: bool = later) -> Any:
            return t[DAY] > day if later else t[DAY] < day

        alive = steps.apply(key, alive, outside(alive), rules.drop_outside_period, columns.date)
        if returns is not None:
            returns = returns.filter(~outside(returns))

    if columns.status and rules.drop_cancelled:
        statuses = work.select(columns.status).distinct().to_pandas()[columns.status]
        cancelled = statuses[cancelled_mask(statuses).to_numpy()].tolist()
        if cancelled:

            def is_cancelled(t: Any) -> Any:
                return t[columns.status].isin(cancelled).fill_null(False)

            alive = steps.apply("cancelled", alive, is_cancelled(alive), True, columns.status)
            if returns is not None:
                returns = returns.filter(~is_cancelled(returns))

    if columns.cancelled_at and rules.drop_cancelled:

        def was_cancelled(t: Any) -> Any:
            return _text(t[columns.cancelled_at]).strip().nullif("").notnull()

        alive = steps.apply("cancelled_at", alive, was_cancelled(alive), True, columns.cancelled_at)
        if returns is not None:
            returns = returns.filter(~was_cancelled(returns))

    contacts = tuple(c for c in columns.contacts if c in source_columns)
    keep = [CUSTOMER, DAY, AMOUNT, ORDER]
    purchases = alive.select(*keep, *[_text(alive[c]).name(c) for c in contacts])
    rows_used = int(purchases.count().execute())
    netted = 0
    if returns is not None:
        returns = returns.select(*keep)
        netted = int(returns.count().execute())
    report = CleaningReport(
        rows_read=rows_read,
        rows_used=rows_used,
        steps=tuple(steps.steps),
        returns_netted=netted,
    )
    return CleanedTable(purchases, returns, report, contacts)


class _Steps:
    """Counts each rule's rows and keeps a few of them as examples."""

    def __init__(self, source_name: str, source_columns: list[str]) -> None:
        self.source_name = source_name
        self.source_columns = source_columns
        self.steps: list[CleaningStep] = []

    def record(self, key: str, rows: int, dropped: Any) -> None:
        examples = dropped.select(self.source_columns).limit(EXAMPLES_PER_RULE).to_pandas()
        examples[SOURCE_COLUMN] = self.source_name
        examples[ROW_COLUMN] = pd.NA
        rule, description = RULES[key]
        self.steps.append(CleaningStep(key, rule, description, rows, examples))

    def apply(self, key: str, alive: Any, mask: Any, enabled: bool, column: str | None) -> Any:
        """Drop the rows of ``alive`` where ``mask`` (null counts as false), or, with the rule
        off, refuse them as :func:`~.rules.clean` does."""
        hit = mask.fill_null(False)
        dropped = alive.filter(hit)
        count = int(dropped.count().execute())
        if count and not enabled:
            first = dropped.select(self.source_columns).limit(EXAMPLES_PER_RULE).to_pandas()
            value = first[column].iloc[0] if column else None
            examples = tuple(first[column]) if column else ()
            raise rule_off_error(self.source_name, key, column, value, count, examples=examples)
        if count:
            self.record(key, count, dropped)
        return alive.filter(~hit)


def _kept(table: Any) -> Any:
    """``table`` computed once and kept for the rules' counts (a temporary table, or Spark's
    memory; the database drops it with the session). Otherwise every count recomputes the
    whole plan: the distinct rows and the joins with the parsed values (MySQL took seconds per
    count on a thousand rows, Spark minutes in all). ibis 12's Spark ``cache`` does not
    register the lookup tables first, so that is done here."""
    import ibis

    backend = ibis.get_backend(table)
    backend._run_pre_execute_hooks(table)
    cached = table.cache()
    # ibis drops the temporary table when its expression is collected; MySQL's is read through
    # another expression (exact_text), so the connection holds it for the analysis.
    backend.__dict__.setdefault("_rfm_kept", []).append(cached)
    return exact_text(cached)


def _text(column: Any) -> Any:
    return column if column.type().is_string() else column.cast("string")


def _text_id(column: Any, dtype: Any, spark: bool = False) -> Any:
    """Ids as text: integers as digits, whole floats without ``.0``, text trimmed; blank→null.

    On Spark, ibis (12) trims with the literal ``' \\t\\n\\r\\v\\f'``, which Spark SQL reads as
    blanks and the letters ``v`` and ``f`` (``Wolff`` became ``Wol``): a regular expression
    trims the same six blanks there instead."""
    import ibis

    if dtype.is_integer():
        return column.cast("string")
    if dtype.is_floating():
        whole = column == column.floor()
        return ibis.ifelse(whole, column.cast("int64").cast("string"), column.cast("string"))
    text = _text(column)
    trimmed = text.re_replace(r"^\s+|\s+$", "") if spark else text.strip()
    return trimmed.nullif("")


def _key(column: Any, dtype: Any, spark: bool = False) -> Any:
    """A key column's ids as text, with missing markers (``NA``, ``null`` …) and placeholder
    words (``guest``) null, as the in-memory key reads them."""
    import ibis

    text = _text_id(column, dtype, spark)
    if dtype.is_numeric():
        return text
    blank = text.lower().isin(sorted(MISSING_MARKERS | PLACEHOLDER_KEYS))
    return ibis.ifelse(blank, ibis.null().cast("string"), text)


def _refuse_linked_keys(table: Any, keys: list, columns: ColumnMap) -> None:
    """A fallback value that also appears beside a customer value stands for that customer in
    memory; that link is not made in a database yet, so such data is refused, never miscounted."""
    for fallback in keys[1:]:
        seen = table.filter(keys[0].notnull() & fallback.notnull()).select(v=fallback).distinct()
        alone = table.filter(keys[0].isnull() & fallback.notnull()).select(v=fallback).distinct()
        if int(alone.join(seen, "v").count().execute()):
            raise ConfigError(
                f"rows without {columns.customer!r} carry an identifier also seen beside a "
                f"{columns.customer!r}; linking them is not done in a database yet: name the "
                "customer column (no fallback), or analyse an export of the table",
                option="columns.customer",
            )


def _with_parsed(table: Any, column: str, name: str, parse) -> Any:
    """``table`` with ``name``: ``column`` read as a typed value. Typed columns are cast in the
    database; text columns are read by the engine's parser on their distinct values, which go
    back as a lookup table."""
    import ibis

    dtype = table.schema()[column]
    if name == DAY and dtype.is_temporal():
        return table.mutate(**{name: table[column].cast("date")})
    if name != DAY and dtype.is_numeric():
        number = table[column].cast("float64")
        # Infinite amounts are unreadable, as in files (a float column can hold them).
        finite = ibis.ifelse(number.abs() > _LARGEST_FLOAT, ibis.null("float64"), number)
        return table.mutate(**{name: finite})
    distinct = table.select(column).distinct().to_pandas()[column]
    distinct = distinct[distinct.notna()].reset_index(drop=True)
    raw_name = f"{name}_raw"
    frame = pd.DataFrame({raw_name: distinct.astype(object), name: parse(distinct)})
    schema = {raw_name: table.schema()[column], name: "date" if name == DAY else "float64"}
    lookup = ibis.memtable(frame, schema=schema)
    joined = table.left_join(lookup, table[column] == lookup[raw_name])
    return joined.drop(raw_name)


def _days(values: pd.Series, dayfirst: bool | None, column: str) -> pd.Series:
    """Days as ``datetime.date`` objects, ``None`` where unreadable (every driver binds these)."""
    parsed = parse_dates(values.astype(object), dayfirst=dayfirst, column=column)
    days = parsed.to_numpy().astype("datetime64[D]")
    return pd.Series([None if np.isnat(d) else d.astype(dt.date) for d in days], dtype=object)


def _amounts(values: pd.Series) -> pd.Series:
    """Amounts as floats, ``None`` (not NaN, which a database keeps as a number) where
    unreadable."""
    parsed = parse_amounts(values.astype(object)).to_numpy(dtype=np.float64)
    return pd.Series([None if np.isnan(a) else float(a) for a in parsed], dtype=object)
