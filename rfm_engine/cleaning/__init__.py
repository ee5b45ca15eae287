"""Stage 3, cleaning: the rules of ``docs/rules.md`` applied to the raw rows, each counted with
example rows.

Modules: ``rules`` (:func:`clean`), ``customer_list`` (:func:`clean_customer_list`, for a
table of one row per customer with totals), ``duplicates`` and ``row_hashing`` (rule 1, exact
duplicate rows), ``report`` (what each rule dropped), ``in_database`` (the same rules as
queries in a database).
"""

from .customer_key import blank_customer_warning
from .customer_list import NOT_APPLICABLE, CleanedList, clean_customer_list
from .duplicates import duplicate_rows
from .in_database import CleanedTable, clean_in_database
from .report import RULES, CleanedData, CleaningReport, CleaningStep
from .rules import clean

__all__ = [
    "NOT_APPLICABLE",
    "RULES",
    "CleanedData",
    "CleanedList",
    "CleanedTable",
    "CleaningReport",
    "CleaningStep",
    "blank_customer_warning",
    "clean",
    "clean_customer_list",
    "clean_in_database",
    "duplicate_rows",
]
