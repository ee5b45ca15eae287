"""RFM customer segmentation engine: import, cleaning, metrics, scores, segments, summaries.

Imports only pandas and numpy; no user interface. Typical use::

    from rfm_engine import RfmConfig, analyze
    result = analyze("orders.csv", RfmConfig())
    result.customers_table(), result.summary, result.cut_points
"""

from .cleaning.rules import CleaningReport
from .errors import ColumnError, ConfigError, DataError, InputFileError, RfmError, SchemeError
from .model.result import CUSTOMER_COLUMNS, RfmResult
from .model.scoring import AxisCuts
from .options.config import (
    AxisScoring,
    CleaningRules,
    ColumnMap,
    MetricsConfig,
    Period,
    ReadOptions,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
)
from .options.schemes import BUILTIN_SCHEMES, SegmentScheme, load_scheme
from .pipeline.analysis import analyze, load_table
from .pipeline.data_check import DataCheck, check_data
from .version import __version__

__all__ = [
    "BUILTIN_SCHEMES",
    "CUSTOMER_COLUMNS",
    "AxisCuts",
    "AxisScoring",
    "CleaningReport",
    "CleaningRules",
    "ColumnError",
    "ColumnMap",
    "ConfigError",
    "DataCheck",
    "DataError",
    "InputFileError",
    "MetricsConfig",
    "Period",
    "ReadOptions",
    "RfmConfig",
    "RfmError",
    "RfmResult",
    "SchemeError",
    "ScoringConfig",
    "SegmentConfig",
    "SegmentScheme",
    "__version__",
    "analyze",
    "check_data",
    "load_scheme",
    "load_table",
]
