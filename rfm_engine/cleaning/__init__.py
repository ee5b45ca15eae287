"""Stage 3, cleaning: the rules of ``docs/rules.md`` applied to the raw rows, each counted with
example rows.

Modules: ``rules`` (:func:`clean`), ``duplicates`` and ``row_hashing`` (rule 1, exact
duplicate rows), ``report`` (what each rule dropped).
"""

from .duplicates import duplicate_rows
from .report import RULES, CleanedData, CleaningReport, CleaningStep
from .rules import clean

__all__ = ["RULES", "CleanedData", "CleaningReport", "CleaningStep", "clean", "duplicate_rows"]
