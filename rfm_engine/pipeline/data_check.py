"""The data check shown before analysis: what was read, how, and what cleaning will do.

:func:`check_data` reads the files, chooses the columns, and runs the cleaning rules, and
returns a :class:`DataCheck` that faces show as they like (the CLI's ``rfm check``, the desktop
import wizard). Import problems in values (e.g. dates that could be day- or month-first) are
returned as ``problems`` rather than raised, so the rest of the check can still be shown;
unreadable files and missing columns raise as in :func:`rfm_engine.analyze`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..cleaning.rules import CleaningReport, clean
from ..errors import DataError
from ..io.parsing import date_order
from ..io.reading import INTERNAL_COLUMNS, ROW_COLUMN, SOURCE_COLUMN, SourceInfo, read_table
from ..mapping.columns import choose_columns
from ..notes import RfmWarning
from ..options.config import ColumnMap, RfmConfig

Source = str | Path | Sequence[str | Path] | pd.DataFrame
UNPARSEABLE_COLUMNS = ("source", "row", "column", "value", "rule")
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
            items.append((f"file {Path(info.path).name}", f"{info.rows:,} rows; {', '.join(how)}"))
        items.append(("export", self.preset or "not recognised (mapped by header names)"))
        for role, column in self.columns.roles.items():
            items.append((f"column {role}", f"{column} ({self.origins.get(role, 'given')})"))
        if self.columns.amount_is_order_total:
            items.append(("amount", "order total, counted once per order"))
        if self.date_order:
            items.append(("date order", self.date_order))
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
        raw, infos, name = source, (), ""
    else:
        paths = [source] if isinstance(source, (str, Path)) else list(source)
        raw, infos = read_table([Path(p) for p in paths], config.reading)
        name = str(paths[0]) + (f" (+{len(paths) - 1} more)" if len(paths) > 1 else "")
    headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
    choice = choose_columns(headers, config.columns, source=name, sample=raw.head(500))
    columns = choice.columns
    order = "day-first" if config.reading.dayfirst else None
    if config.reading.dayfirst is False:
        order = "month-first"
    base = dict(
        sources=infos,
        columns=columns,
        origins=choice.origins,
        preset=choice.preset.name if choice.preset else None,
        rows_read=len(raw),
        date_order=order or date_order(raw[columns.date]),
    )
    try:
        cleaned = clean(
            raw,
            columns,
            rules=config.cleaning,
            period=config.period,
            dayfirst=config.reading.dayfirst,
        )
    except DataError as problem:
        return DataCheck(cleaning=None, problems=(problem,), **base)
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
        warnings=cleaned.warnings,
        **base,
    )


def _unparseable(report: CleaningReport, columns: ColumnMap) -> pd.DataFrame:
    records = []
    for step in report.steps:
        if step.key not in ("bad_date", "bad_amount"):
            continue
        column = columns.date if step.key == "bad_date" else (columns.amount or columns.price)
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
