"""From per-customer totals to the result: metrics, scores, segments and the summary.

The steps after aggregation, the same for every aggregation backend.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..aggregate import CustomerTotals
from ..options import RfmConfig
from .metrics import metrics_table
from .result import RfmResult
from .scoring import score_table
from .segmentation import assign_segments
from .summary import segment_summary

Progress = Callable[[int, int], None]
#: Steps of one analysis, as ``progress(done, STEPS)`` counts them: read, clean, aggregate,
#: score and segment, summarise.
STEPS = 5


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
    customers["segment_name"] = customers["segment"].map(
        {s.key: s.name(config.lang) for s in scheme.all_segments}
    )
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
    )
