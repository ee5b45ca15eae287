"""Stage 2, mapping: which column is the customer, date, amount, order, status and contacts.

Modules: ``columns`` (the choice and its reasons), ``header_names`` (English and Chinese
header names), ``presets`` (shop systems recognised by their headers), ``content_sniffing``
(columns recognised by their values), ``line_items`` (quantity × price, order totals on
line items), ``status`` (which order statuses mean cancelled), ``memory`` (mappings the user
confirmed, per export layout), ``table_kind`` (transactions or a customer list, and the
columns of a list).
"""

from .columns import ColumnChoice, choose_columns, guess_columns, resolve_columns
from .memory import header_signature, recall_mapping, remember_mapping
from .presets import PRESETS, Preset, detect_preset
from .table_kind import choose_list_columns, choose_mapping, detect_table_kind

__all__ = [
    "PRESETS",
    "ColumnChoice",
    "Preset",
    "choose_columns",
    "choose_list_columns",
    "choose_mapping",
    "detect_preset",
    "detect_table_kind",
    "guess_columns",
    "header_signature",
    "recall_mapping",
    "remember_mapping",
    "resolve_columns",
]
