"""Period comparison: each customer's segment at an earlier date and now, and who moved where.

Both analyses use the same data and settings; only the analysis date differs, so purchases after
the earlier date are left out of the earlier one (as the cleaning rules say) and quantile cut
points are those of the customers known then. Customers without a purchase by the earlier date
are ``new_since``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..errors import ConfigError, DataError
from ..model.result import RfmResult
from ..options.config import PLAUSIBLE_FIRST_DAY, PLAUSIBLE_LAST_DAY, RfmConfig
from .analysis import Progress, Source, analyze, load_table

NEW_SINCE = "new_since"
GONE = "gone"
#: Columns taken from each analysis, suffixed ``_then`` / ``_now``.
COMPARED = ("segment", "segment_name", "recency_days", "frequency", "monetary", "rfm_code")


@dataclass(frozen=True)
class Comparison:
    """Customers then and now, and the migration matrix.

    Attributes
    ----------
    customers
        One row per customer known now: ``customer_id``, ``segment_then``/``segment_now`` (keys;
        ``new_since`` when unknown then), names, metrics and codes then and now, ``moved``, then
        the contact columns.
    matrix
        Customers per (segment then, segment now): rows are the scheme's segments then
        ``new_since``; columns the scheme's segments.
    then, now
        The two full analyses.
    """

    customers: pd.DataFrame = field(repr=False)
    matrix: pd.DataFrame = field(repr=False)
    then: RfmResult = field(repr=False)
    now: RfmResult = field(repr=False)

    def movers(
        self, *, from_segments: Iterable[str] = (), to_segments: Iterable[str] = ()
    ) -> pd.DataFrame:
        """The current customers table (as exported) of those who moved from any of
        ``from_segments`` to any of ``to_segments`` (empty: any), with ``segment_then``.

        The result feeds :func:`rfm_engine.outputs.mailing.mailing_list` like any segment list.
        """
        keys = {s.key for s in self.now.scheme.all_segments}
        source, target = set(from_segments), set(to_segments)
        unknown = sorted((source - keys - {NEW_SINCE}) | (target - keys))
        if unknown:
            raise ConfigError(
                f"unknown segment {unknown[0]!r}; use some of: {', '.join(sorted(keys))}, "
                f"{NEW_SINCE}",
                option="segments",
                value=unknown[0],
            )
        rows = self.customers
        hit = pd.Series(True, index=rows.index)
        if source:
            hit &= rows["segment_then"].isin(source)
        if target:
            hit &= rows["segment_now"].isin(target)
        chosen = rows.loc[hit, ["customer_id", "segment_then"]]
        return self.now.customers.merge(chosen, on="customer_id", how="inner")

    def matrix_named(self, lang: str = "en") -> pd.DataFrame:
        """The matrix with segment names (rows: then, columns: now) in ``lang``."""
        scheme = self.now.scheme

        def name(key: str) -> str:
            if key == NEW_SINCE:
                return {"zh_CN": "期间新客户", "zh_TW": "期間新客戶"}.get(lang, "New since then")
            if key == GONE:
                return {"zh_CN": "不再出现", "zh_TW": "不再出現"}.get(lang, "Gone")
            return scheme.segment(key).name(lang)

        named = self.matrix.rename(index=name, columns=name)
        return named.rename_axis(index="then \\ now", columns=None)


def compare_periods(
    source: Source,
    config: RfmConfig = RfmConfig(),
    *,
    as_of_then: dt.date | None = None,
    as_of_now: dt.date | None = None,
    days: int = 90,
    progress: Progress | None = None,
) -> Comparison:
    """Analyse ``source`` at two dates and compare each customer's segment.

    Parameters
    ----------
    source
        As for :func:`rfm_engine.analyze`; read once.
    config
        Settings of both analyses (its ``period.as_of`` is replaced).
    as_of_then, as_of_now
        The two analysis dates. ``as_of_now`` defaults to the configured as_of, else the day
        after the latest purchase; ``as_of_then`` to ``days`` before it.
    """
    report = progress or (lambda done, total: None)
    raw = load_table(source, config)
    now_period = dataclasses.replace(config.period, as_of=as_of_now or config.period.as_of)
    now = analyze(raw, dataclasses.replace(config, period=now_period))
    if now.config.columns.kind == "customers":
        raise ConfigError(
            "a customer list holds each customer's totals as of its export, not the purchases "
            "behind them, so it cannot be scored at an earlier date; compare the orders export",
            value="customers",
            code="list_has_no_history",
        )
    report(1, 2)
    try:
        then_date = as_of_then or now.as_of - dt.timedelta(days=days)
    except OverflowError:  # more days back than any calendar has
        then_date = dt.date.min
    if not PLAUSIBLE_FIRST_DAY <= then_date <= PLAUSIBLE_LAST_DAY:
        raise ConfigError(
            f"the earlier date {then_date} is not a plausible day for sales (use a day from "
            f"{PLAUSIBLE_FIRST_DAY} to {PLAUSIBLE_LAST_DAY})",
            option="as_of_then",
            value=then_date,
            code="implausible_date",
        )
    if then_date >= now.as_of:
        raise ConfigError(
            f"the earlier date {then_date} must be before the later one {now.as_of}",
            option="as_of_then",
            value=then_date,
        )
    then_period = dataclasses.replace(config.period, as_of=then_date)
    try:
        then = analyze(raw, dataclasses.replace(config, period=then_period))
    except DataError as exc:
        if exc.code != "no_purchases":
            raise
        raise DataError(
            f"no purchases on or before the earlier date {then_date} (the data starts "
            f"{now.first_purchase}); choose a later earlier date",
            code="no_purchases_then",
            option="as_of_then",
        ) from None
    report(2, 2)
    customers = _joined(then, now)
    keys = [s.key for s in now.scheme.all_segments]
    rows = [*keys, NEW_SINCE]
    columns = keys + ([GONE] if (customers["segment_now"] == GONE).any() else [])
    matrix = (
        pd.crosstab(customers["segment_then"], customers["segment_now"])
        .reindex(index=rows, columns=columns, fill_value=0)
        .astype("int64")
        .rename_axis(index="segment_then", columns="segment_now")
    )
    return Comparison(customers=customers, matrix=matrix, then=then, now=now)


def _joined(then: RfmResult, now: RfmResult) -> pd.DataFrame:
    def part(result: RfmResult, suffix: str) -> pd.DataFrame:
        table = result.customers[["customer_id", *COMPARED]].set_index("customer_id")
        return table.add_suffix(suffix)

    joined = part(then, "_then").join(part(now, "_now"), how="outer").reset_index()
    for column in ("recency_days_then", "frequency_then", "recency_days_now", "frequency_now"):
        joined[column] = joined[column].astype("Int64")
    joined["segment_then"] = joined["segment_then"].fillna(NEW_SINCE)
    joined["segment_now"] = joined["segment_now"].fillna(GONE)
    joined["moved"] = joined["segment_then"] != joined["segment_now"]
    order = {c: i for i, c in enumerate(now.customers["customer_id"])}
    joined = joined.sort_values("customer_id", key=lambda s: s.map(order), kind="stable")
    contacts = now.customers[["customer_id", *now.contacts]]
    return joined.merge(contacts, on="customer_id", how="left").reset_index(drop=True)
