"""Stage 5, the model: recency, frequency and monetary from the totals, scores, segments and
the summary, in one :class:`RfmResult` that carries the settings and cut points used.

Modules: ``metrics``, ``scoring`` (quantile and fixed cut points), ``segmentation``,
``summary``, ``grid`` (the R×F grid), ``result``, and ``score_customers`` (the steps in order).
"""

from .grid import rf_grid, rf_grid_pivot
from .metrics import default_as_of, metrics_table
from .result import CUSTOMER_COLUMNS, DatabaseScores, RfmResult
from .score_customers import STEPS, score_customers
from .scoring import (
    METRIC_OF_AXIS,
    AxisCuts,
    quantile_cut_points,
    quantile_scores,
    score_values,
    suggest_breaks,
)
from .segmentation import assign_segments
from .summary import SUMMARY_COLUMNS, segment_summary

__all__ = [
    "CUSTOMER_COLUMNS",
    "METRIC_OF_AXIS",
    "STEPS",
    "SUMMARY_COLUMNS",
    "AxisCuts",
    "DatabaseScores",
    "RfmResult",
    "assign_segments",
    "default_as_of",
    "metrics_table",
    "quantile_cut_points",
    "quantile_scores",
    "rf_grid",
    "rf_grid_pivot",
    "score_customers",
    "score_values",
    "segment_summary",
    "suggest_breaks",
]
