"""Stage 4, aggregation: per-customer totals of the cleaned purchases.

Every backend returns the same :class:`CustomerTotals` (module ``totals``): ``in_memory``
(NumPy), ``out_of_core`` (``csv_in_duckdb``: DuckDB reads the files and applies the rules
itself; ``chunk_store``: cleaned chunks streamed into an on-disk DuckDB database, for files
DuckDB reads otherwise), ``in_database`` (one query in the source's own
database) and ``customer_list`` (a customer list's own totals). ``choose_engine`` picks one for
a set of files.
"""

from .customer_list import totals_from_customer_list
from .in_database import per_customer_table, totals_in_database
from .in_memory import totals_in_memory
from .out_of_core import choose_engine, duckdb_available, totals_out_of_core
from .totals import CustomerTotals

__all__ = [
    "CustomerTotals",
    "choose_engine",
    "duckdb_available",
    "per_customer_table",
    "totals_from_customer_list",
    "totals_in_database",
    "totals_in_memory",
    "totals_out_of_core",
]
