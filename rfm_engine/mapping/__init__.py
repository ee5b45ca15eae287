"""Stage 2, mapping: which column is the customer, date, amount, order, status and contacts.

Modules: ``columns`` (the choice and its reasons), ``header_names`` (English and Chinese
header names), ``presets`` (shop systems recognised by their headers), ``content_sniffing``
(columns recognised by their values), ``line_items`` (quantity × price, order totals on
line items), ``status`` (which order statuses mean cancelled), ``memory`` (mappings the user
confirmed, per export layout).
"""

from .columns import ColumnChoice, choose_columns, guess_columns, resolve_columns
from .memory import header_signature, recall_mapping, remember_mapping
from .presets import PRESETS, Preset, detect_preset

__all__ = [
    "PRESETS",
    "ColumnChoice",
    "Preset",
    "choose_columns",
    "detect_preset",
    "guess_columns",
    "header_signature",
    "recall_mapping",
    "remember_mapping",
    "resolve_columns",
]
