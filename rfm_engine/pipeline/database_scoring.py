"""An analysis scored in the database the data lives in: the rules, the per-customer totals,
the exact quantile cut points, the scores and the segments all run there as queries; the
customers table is written there by the database itself, and only its description (segment
summary, cut points, cleaning counts, dates, warnings) comes back to Python.

The numbers are the in-memory engine's: cut points from row numbers and NumPy's own
interpolation (:mod:`rfm_engine.model.in_database`), monetary from whole millionths, the
first matching segment rule first. What the database cannot give exactly is refused with the
option to change: monetary as the mean per order, high/low segments on raw values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..aggregate import per_customer_table
from ..aggregate.totals import MONEY_SCALE
from ..cleaning import blank_customer_warning
from ..errors import ConfigError
from ..io import DatabaseSource
from ..io.database import connect, open_table, release
from ..model import CUSTOMER_COLUMNS, METRIC_OF_AXIS, STEPS, AxisCuts, DatabaseScores
from ..model.in_database import (
    cut_points_in_database,
    metric_expressions,
    score_expressions,
    segment_expressions,
    summary_in_database,
)
from ..model.score_customers import tie_warnings
from ..model.scoring import SCORE_COLUMNS
from ..options import RfmConfig
from ..options.config import AXES
from ..outputs import check_table_name, create_table_in_database
from .analysis import Progress, clean_database_table


def score_in_database(
    source: DatabaseSource,
    table: str,
    config: RfmConfig = RfmConfig(),
    *,
    progress: Progress | None = None,
) -> DatabaseScores:
    """Analyse ``source`` where it is and write its customers table into table ``table`` of
    the same database (replaced if it exists; never the input table)."""
    check_table_name(source, table)
    report = progress or (lambda done, total: None)
    con = connect(source)
    try:
        return _score(con, source, table, config, report)
    finally:
        release(con)


def _score(
    con: Any, source: DatabaseSource, name: str, config: RfmConfig, report: Progress
) -> DatabaseScores:
    cleaned, config = clean_database_table(open_table(con, source), source, config, report)
    if cleaned is None:
        raise ConfigError(
            f"{source.name}: holds one row per customer (a customer list); a list is scored "
            "in memory, not in the database"
        )
    columns = config.columns
    scheme = config.segments.resolved_scheme()
    scheme.require_bins(config.scoring.bins)
    # One row per customer, totalled once into a temporary table: the span, each quantile
    # axis's cut points, the written table and the summary all read it (the database drops it
    # with the session).
    per_customer = per_customer_table(
        cleaned, columns, distinct_days=config.metrics.frequency == "days"
    ).cache()
    span = per_customer.aggregate(
        first=per_customer.first_day.min(), last=per_customer.last_day.max()
    ).to_pandas()
    first, last = (_day(span[c].iloc[0]) for c in ("first", "last"))
    as_of = config.period.as_of or last + dt.timedelta(days=1)
    report(3, STEPS)

    cuts = cut_points_in_database(per_customer, config, as_of)
    scored = score_expressions(per_customer, config, as_of, cuts)
    metrics = metric_expressions(scored, config, as_of)
    scored = scored.mutate(
        customer_id=scored._rfm_customer.cast("string"),
        recency_days=metrics["recency"],
        frequency=metrics["frequency"],
        monetary=scored.revenue.cast("float64") / MONEY_SCALE,
    )
    scored, references = segment_expressions(scored, config, as_of, scheme)
    contacts = {name: scored[f"_rfm_c{i}"] for i, name in enumerate(cleaned.contacts)}
    customers = scored.select(*CUSTOMER_COLUMNS, **contacts)
    create_table_in_database(con, source, name, customers)
    report(4, STEPS)

    written = con.table(name)
    count, per_score = _score_counts(written, config.scoring.bins)
    cut_points = {
        axis: AxisCuts(
            axis,
            config.scoring.axis(axis).method,
            config.scoring.bins,
            tuple(cuts[axis]) if axis in cuts else tuple(config.scoring.axis(axis).breaks),
            per_score[axis],
        )
        for axis in AXES
    }
    summary = summary_in_database(scored, scheme, config.lang)
    report(5, STEPS)
    return DatabaseScores(
        table=name,
        customer_count=count,
        summary=summary,
        cut_points=cut_points,
        cleaning=cleaned.report,
        as_of=as_of,
        config=config,
        scheme=scheme,
        contacts=tuple(cleaned.contacts),
        segment_references=references,
        first_purchase=first,
        last_purchase=last,
        warnings=(
            *cleaned.warnings,
            *blank_customer_warning(cleaned.report, columns, config.cleaning),
            *tie_warnings(_tied_metrics(written, cut_points), cut_points),
        ),
    )


def _day(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


def _score_counts(written: Any, bins: int) -> tuple[int, dict[str, tuple[int, ...]]]:
    """Customers in the written table, and per axis how many got each score (one query)."""
    parts = {
        f"{axis}_{score}": (written[SCORE_COLUMNS[axis]] == score).ifelse(1, 0).sum()
        for axis in AXES
        for score in range(1, bins + 1)
    }
    row = written.aggregate(_rfm_n=written.count(), **parts).to_pandas().iloc[0]
    counts = {
        axis: tuple(int(_zero(row[f"{axis}_{s}"])) for s in range(1, bins + 1)) for axis in AXES
    }
    return int(row["_rfm_n"]), counts


def _zero(value: Any) -> Any:
    return 0 if pd.isna(value) else value


def _tied_metrics(written: Any, cut_points: dict[str, AxisCuts]) -> pd.DataFrame:
    """The metric of each quantile axis with unused scores, rebuilt from its distinct values
    and their counts (for :func:`tie_warnings`' suggested thresholds)."""
    frame = {}
    for axis, cut in cut_points.items():
        if cut.method != "quantile" or not cut.unused_scores:
            continue
        column = METRIC_OF_AXIS[axis]
        counts = written.group_by(column).aggregate(_rfm_n=written.count()).to_pandas()
        values = counts[column].to_numpy(dtype=np.float64)
        frame[column] = np.repeat(values, counts["_rfm_n"].to_numpy(dtype=np.int64))
    return pd.DataFrame({k: pd.Series(v) for k, v in frame.items()})
