"""From per-customer totals to the result: metrics, scores, segments and the summary.

The steps after aggregation, the same for every aggregation backend.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..aggregate import CustomerTotals
from ..cleaning import blank_customer_warning
from ..notes import WARNINGS, RfmWarning
from ..options import AxisScoring, RfmConfig
from .metrics import metrics_table
from .result import RfmResult
from .scoring import METRIC_OF_AXIS, AxisCuts, score_table, score_values, suggest_breaks
from .segmentation import assign_segments
from .summary import segment_summary

Progress = Callable[[int, int], None]
#: Steps of one analysis, as ``progress(done, STEPS)`` counts them: read, clean, aggregate,
#: score and segment, summarise.
STEPS = 5
WARNINGS["quantile_ties"] = (
    "ties in a metric leave quantile scores unused; fixed thresholds are suggested"
)


def score_customers(
    totals: CustomerTotals, config: RfmConfig, *, progress: Progress | None = None
) -> RfmResult:
    """Score and segment the customers of ``totals`` under ``config``.

    ``config.columns`` should be the resolved columns (as in ``totals.columns``); the analysis
    date is ``config.period.as_of``, or the day after the latest purchase. ``progress`` is
    called with steps 4 and 5 of :data:`STEPS`.
    """
    report = progress or (lambda done, total: None)
    scheme = config.segments.resolved_scheme()
    as_of = config.period.as_of or totals.default_as_of()
    customers = metrics_table(totals, as_of=as_of, config=config.metrics)
    scores, cuts = score_table(customers, config.scoring)
    customers = pd.concat([customers, scores], axis=1)
    assignment = assign_segments(
        customers, scheme, bins=config.scoring.bins, options=config.segments
    )
    customers["segment"] = assignment.keys
    # By the few distinct keys (a ``map`` hashes every customer's key: 0.6 s for 2 million).
    codes, keys = pd.factorize(assignment.keys.to_numpy(dtype=object))
    names = {s.key: s.name(config.lang) for s in scheme.all_segments}
    named = pd.array([names.get(k) for k in keys] + [None], dtype="str")  # -1: the last
    customers["segment_name"] = pd.Series(named.take(codes), index=customers.index)
    report(4, STEPS)
    summary = segment_summary(customers, scheme, lang=config.lang)
    report(5, STEPS)
    return RfmResult(
        customers=customers,
        summary=summary,
        cut_points=cuts,
        cleaning=totals.cleaning,
        as_of=as_of,
        config=config,
        scheme=scheme,
        contacts=tuple(totals.contacts.columns),
        segment_references=assignment.references,
        first_purchase=totals.first_purchase,
        last_purchase=totals.last_purchase,
        warnings=(
            *totals.warnings,
            *blank_customer_warning(totals.cleaning, config.columns, config.cleaning),
            *tie_warnings(customers, cuts),
        ),
        engine=totals.engine,
    )


def tie_warnings(customers: pd.DataFrame, cuts: dict[str, AxisCuts]) -> list[RfmWarning]:
    """A ``quantile_ties`` warning per quantile axis where ties leave scores unused, with fixed
    thresholds from the data's distinct values that use every score it allows."""
    out = []
    for axis, cut in cuts.items():
        if cut.method != "quantile" or not cut.unused_scores:
            continue
        values = customers[METRIC_OF_AXIS[axis]].to_numpy()
        distinct = len(np.unique(values))
        suggested = suggest_breaks(values, axis, cut.bins)
        _, trial = score_values(values, axis, AxisScoring("fixed", suggested), cut.bins)
        unused = ", ".join(map(str, cut.unused_scores))
        message = (
            f"{axis}: ties leave scores {unused} of {cut.bins} unused with quantile cut points "
            f"({distinct} distinct values)"
        )
        if len(trial.unused_scores) < len(cut.unused_scores):
            message += (
                f"; fixed thresholds {', '.join(f'{b:g}' for b in suggested)} would use "
                f"{cut.bins - len(trial.unused_scores)} scores"
            )
        else:  # no threshold separates customers any better
            suggested = ()
        out.append(
            RfmWarning(
                "quantile_ties",
                message,
                option=f"scoring.{axis}" if suggested else None,
                evidence={
                    "axis": axis,
                    "unused_scores": cut.unused_scores,
                    "customers_per_score": cut.counts,
                    "distinct_values": distinct,
                    "suggested_breaks": suggested,
                    "customers_per_score_suggested": trial.counts if suggested else (),
                },
                stage="model",
            )
        )
    return out
