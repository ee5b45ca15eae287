"""The data check shown before analysis: what was read, how, and what cleaning will do.

:func:`check_data` reads the files, chooses the columns, and runs the cleaning rules, and
returns a :class:`DataCheck` that faces show as they like (the CLI's ``rfm check``, the desktop
import wizard). Import problems in values (e.g. dates that could be day- or month-first) are
returned as ``problems`` rather than raised, so the rest of the check can still be shown;
unreadable files and missing columns raise as in :func:`rfm_engine.analyze`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..cleaning.customer_key import blank_customer_warning
from ..cleaning.customer_list import clean_customer_list
from ..cleaning.rules import CleaningReport, clean
from ..errors import DataError, InputFileError
from ..io.parsing import date_order
from ..io.reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN, SourceInfo, read_table
from ..mapping.table_kind import choose_mapping
from ..notes import RfmWarning
from ..options.config import ColumnMap, RfmConfig
from .list_and_orders import lists_note, split_sources

Source = str | Path | Sequence[str | Path] | pd.DataFrame
UNPARSEABLE_COLUMNS = ("source", "row", "column", "value", "rule")
TABLE_KIND_TEXT = {
    "transactions": "transactions (one row per purchase)",
    "customers": "customer list (one row per customer with totals)",
}
DELIMITER_NAMES = {
    ",": "comma",
    "\t": "tab",
    ";": "semicolon",
    "|": "pipe",
    "whitespace": "aligned columns",
}


@dataclass(frozen=True)
class DataCheck:
    """What an import found, as data."""

    sources: tuple[SourceInfo, ...]
    columns: ColumnMap
    #: role → given | preset | header | content
    origins: dict[str, str]
    preset: str | None
    rows_read: int
    cleaning: CleaningReport | None
    #: How ``03/04/2024``-style dates are read: day-first, month-first, ambiguous, or None.
    date_order: str | None
    problems: tuple[DataError, ...] = ()
    #: Uncertain choices of reading, mapping and cleaning (see :mod:`rfm_engine.notes`).
    warnings: tuple[RfmWarning, ...] = ()
    rows_used: int = 0
    customers: int = 0
    orders: int = 0
    total_amount: float = 0.0
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    #: Rows whose date or amount could not be read: source, row, column, value, rule.
    unparseable: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(UNPARSEABLE_COLUMNS)), repr=False
    )
    #: ``"transactions"`` (one row per purchase) or ``"customers"`` (a customer list).
    table_kind: str = "transactions"

    @property
    def ok(self) -> bool:
        """True when the analysis can run as configured."""
        return not self.problems and self.rows_used > 0

    def to_frame(self) -> pd.DataFrame:
        """The summary as ``item``/``value`` rows (files, mapping, counts, date range)."""
        items: list[tuple[str, object]] = []
        for info in self.sources:
            how = [info.kind]
            if info.encoding_label:
                how.append(info.encoding_label)
            if info.delimiter:
                how.append(DELIMITER_NAMES.get(info.delimiter, repr(info.delimiter)))
            if info.sheet:
                how.append(f"sheet {info.sheet}")
            if info.header_row:
                how.append(f"header on line {info.header_row + 1}")
            if info.encoding_basis and info.encoding_basis != "given":
                how.append(f"encoding detected: {info.encoding_certainty}")
            items.append((f"file {Path(info.path).name}", f"{info.rows:,} rows; {', '.join(how)}"))
        items.append(("export", self.preset or "not recognised (mapped by header names)"))
        items.append(("table", TABLE_KIND_TEXT.get(self.table_kind, self.table_kind)))
        for role, column in self.columns.roles.items():
            items.append((f"column {role}", f"{column} ({self.origins.get(role, 'given')})"))
        if self.columns.customer_fallback:
            fallback = ", then ".join(self.columns.customer_fallback)
            items.append(
                ("customer fallback", f"{fallback} (where {self.columns.customer} is blank)")
            )
        if self.columns.amount_is_order_total:
            items.append(("amount", "order total, counted once per order"))
        if self.date_order:
            items.append(("date order", self.date_order))
        if self.cleaning is not None:
            items += [("not applicable", f"{k}: {why}") for k, why in self.cleaning.not_applicable]
        items += [
            ("rows read", self.rows_read),
            ("rows used", self.rows_used),
            ("customers", self.customers),
            ("orders", self.orders),
            ("total amount", round(self.total_amount, 2)),
            ("first date", self.first_date),
            ("last date", self.last_date),
        ]
        items += [("problem", str(p)) for p in self.problems]
        items += [("warning", str(w)) for w in self.warnings]
        return pd.DataFrame(items, columns=["item", "value"])


def check_data(source: Source, config: RfmConfig = RfmConfig()) -> DataCheck:
    """Read ``source`` (paths or a raw DataFrame), map its columns and apply the cleaning
    rules of ``config``; return what was found without scoring anything."""
    if isinstance(source, pd.DataFrame):
        return _check_table(source, (), "", config)
    paths = [Path(p) for p in ([source] if isinstance(source, (str, Path)) else source)]
    notes: tuple[RfmWarning, ...] = ()
    try:
        raw, infos = read_table(paths, config.reading)
    except InputFileError as refusal:
        if refusal.code != "different_layouts":
            raise
        paths, lists = split_sources(paths, config, refusal)
        raw, infos = read_table(paths, config.reading)
        notes = (lists_note(lists),)
    name = str(paths[0]) + (f" (+{len(paths) - 1} more)" if len(paths) > 1 else "")
    check = _check_table(raw, infos, name, config)
    return dataclasses.replace(check, warnings=(*notes, *check.warnings)) if notes else check


def _check_table(
    raw: pd.DataFrame, infos: tuple[SourceInfo, ...], name: str, config: RfmConfig
) -> DataCheck:
    headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    choice = choose_mapping(raw, headers, config.columns, source=name)
    columns = choice.columns
    order = "day-first" if config.reading.dayfirst else None
    if config.reading.dayfirst is False:
        order = "month-first"
    date_column = columns.date if columns.kind != "customers" else columns.last_purchase
    base = dict(
        sources=infos,
        columns=columns,
        origins=choice.origins,
        preset=choice.preset.name if choice.preset else None,
        rows_read=len(raw),
        date_order=order or (date_order(raw[date_column]) if date_column else None),
        table_kind=columns.kind,
    )
    if columns.kind == "customers":
        return _check_list(raw, config, columns, choice.warnings, base)
    try:
        cleaned = clean(
            raw,
            columns,
            rules=config.cleaning,
            period=config.period,
            dayfirst=config.reading.dayfirst,
            decimal=config.reading.decimal,
        )
    except DataError as problem:
        return DataCheck(cleaning=None, problems=(problem,), warnings=choice.warnings, **base)
    bought = cleaned.purchases
    if columns.order:  # distinct orders per customer; a row without an order id is one order
        keyed = bought[bought["order_code"] >= 0]
        orders = len(keyed[["customer_id", "order_code"]].drop_duplicates()) + int(
            (bought["order_code"] < 0).sum()
        )
    else:
        orders = len(bought)
    return DataCheck(
        cleaning=cleaned.report,
        rows_used=len(bought),
        customers=int(bought["customer_id"].nunique()),
        orders=orders,
        total_amount=float(bought["amount"].sum()),
        first_date=bought["date"].min().date() if len(bought) else None,
        last_date=bought["date"].max().date() if len(bought) else None,
        unparseable=_unparseable(cleaned.report, columns),
        warnings=(
            *choice.warnings,
            *cleaned.warnings,
            *blank_customer_warning(cleaned.report, columns, config.cleaning),
        ),
        **base,
    )


def _check_list(
    raw: pd.DataFrame,
    config: RfmConfig,
    columns: ColumnMap,
    warnings: tuple[RfmWarning, ...],
    base: dict,
) -> DataCheck:
    """The data check of a customer list: customers, orders and totals as the list says."""
    try:
        listed = clean_customer_list(
            raw,
            columns,
            rules=config.cleaning,
            period=config.period,
            dayfirst=config.reading.dayfirst,
        )
    except DataError as problem:
        return DataCheck(cleaning=None, problems=(problem,), warnings=warnings, **base)
    table = listed.customers
    days = table["last_day"].to_numpy(dtype="int64")
    return DataCheck(
        cleaning=listed.report,
        rows_used=len(table),
        customers=len(table),
        orders=int(table["orders"].sum()),
        total_amount=float(table["revenue"].sum()),
        first_date=_day(days.min()) if len(days) else None,
        last_date=_day(days.max()) if len(days) else None,
        unparseable=_unparseable(listed.report, columns),
        warnings=(
            *warnings,
            *listed.warnings,
            *blank_customer_warning(listed.report, columns, config.cleaning),
        ),
        **base,
    )


def _day(day: int) -> dt.date:
    return pd.Timestamp(int(day), unit="D").date()


def _unparseable(report: CleaningReport, columns: ColumnMap) -> pd.DataFrame:
    records = []
    unread = {
        "bad_date": columns.date,
        "bad_amount": columns.amount or columns.price,
        "bad_last_purchase": columns.last_purchase,
        "bad_days_since": columns.days_since,
        "bad_count": columns.order_count,
        "bad_total": columns.total_spent,
    }
    for step in report.steps:
        if step.key not in unread:
            continue
        column = unread[step.key]
        for _, row in step.examples.iterrows():
            records.append(
                {
                    "source": row.get(SOURCE_COLUMN),
                    "row": int(row[ROW_COLUMN]),
                    "column": column,
                    "value": row.get(column),
                    "rule": step.description,
                }
            )
    return pd.DataFrame.from_records(records, columns=list(UNPARSEABLE_COLUMNS))
