"""The stages run in order: :func:`analyze` (a file to segmented customers), :func:`check_data`
(what reading, mapping and cleaning make of a file, before any scoring),
:func:`compare_periods` (the same data scored at two dates) and :func:`score_in_database`
(a database table scored where it is, its customers table written there).
"""

from .analysis import (
    Progress,
    Source,
    analyze,
    analyze_database,
    analyze_out_of_core,
    customer_totals,
    load_table,
)
from .comparison import GONE, NEW_SINCE, Comparison, compare_periods
from .data_check import DataCheck, check_data
from .database_scoring import score_in_database
from .purchases import customer_purchases

__all__ = [
    "GONE",
    "NEW_SINCE",
    "Comparison",
    "DataCheck",
    "Progress",
    "Source",
    "analyze",
    "analyze_database",
    "analyze_out_of_core",
    "check_data",
    "compare_periods",
    "customer_purchases",
    "customer_totals",
    "load_table",
    "score_in_database",
]
