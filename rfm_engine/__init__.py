"""RFM customer segmentation engine: import, cleaning, metrics, scores, segments, summaries.

Imports only pandas and numpy; no user interface. Typical use::

    from rfm_engine import RfmConfig, analyze
    result = analyze("orders.csv", RfmConfig())
    result.customers_table(), result.summary, result.cut_points
"""

from .analysis import analyze, load_table
from .cleaning import CleaningReport
from .config import (
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
from .data_check import DataCheck, check_data
from .errors import ColumnError, ConfigError, DataError, InputFileError, RfmError, SchemeError
from .result import CUSTOMER_COLUMNS, RfmResult
from .schemes import BUILTIN_SCHEMES, SegmentScheme, load_scheme
from .scoring import AxisCuts
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
