"""RFM customer segmentation engine: import, cleaning, metrics, scores, segments, summaries.

Imports only pandas and numpy; no user interface. Typical use::

    from rfm_engine import RfmConfig, analyze
    result = analyze("orders.csv", RfmConfig())
    result.customers_table(), result.summary, result.cut_points

The data path, one subpackage per stage; each stage imports only the stages above it in this
list (an import-linter ``layers`` contract keeps it so), and each ``__init__`` names its
public surface:

``options``    what the user declares: :class:`RfmConfig` and the segment schemes
``io``         files (CSV, TSV, space-aligned text, XLSX; any encoding) → one raw table
``mapping``    which column is the customer, date, amount, order, status, contacts
``cleaning``   the rules of ``docs/rules.md``, each counted with example rows
``aggregate``  per-customer totals (:class:`CustomerTotals`): in memory, or out of core
``model``      recency/frequency/monetary, scores, segments, summary → :class:`RfmResult`
``outputs``    Excel-safe CSV/XLSX, mailing lists, the report workbook (written atomically)
``pipeline``   the stages in order: :func:`analyze`, :func:`check_data`, :func:`compare_periods`
``history``    a shop's exports in a workspace database, snapshots at period ends, movement

Below them all: ``errors`` (the :class:`RfmError` family, with reason codes), ``atomic``
(files written whole) and ``version``.
"""

from .aggregate import CustomerTotals
from .cleaning import CleaningReport
from .errors import (
    ColumnError,
    ConfigError,
    DataError,
    InputFileError,
    OutputFileError,
    RfmError,
    SchemeError,
)
from .io import DatabaseSource
from .model import CUSTOMER_COLUMNS, AxisCuts, DatabaseScores, RfmResult
from .options import (
    BUILTIN_SCHEMES,
    AxisScoring,
    CleaningRules,
    ColumnMap,
    MetricsConfig,
    Period,
    ReadOptions,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    SegmentScheme,
    load_scheme,
)
from .pipeline import (
    Comparison,
    DataCheck,
    analyze,
    check_data,
    compare_periods,
    load_table,
    score_in_database,
)
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
    "Comparison",
    "ConfigError",
    "CustomerTotals",
    "DataCheck",
    "DataError",
    "DatabaseScores",
    "DatabaseSource",
    "InputFileError",
    "MetricsConfig",
    "OutputFileError",
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
    "compare_periods",
    "load_scheme",
    "load_table",
    "score_in_database",
]
