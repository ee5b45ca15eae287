"""Number formats on returned cells: shares as ``12.3%``, money as ``1,234.50``.

A custom function cannot format its cells, but since Excel's custom-functions runtime 1.4 it
can return a *formatted number*, ``{"type": "FormattedNumber", "basicValue": 0.123,
"numberFormat": "0.0%"}``, which Excel shows with that format (xlwings returns dates this way).
The functions build such cells with :func:`formatted`; their return converter
(:func:`for_runtime`) keeps them for runtime 1.4 and later and turns them back into plain
numbers for older runtimes and for the classic add-in (which has no runtime).
"""

from __future__ import annotations

from typing import Any

SHARE = "0.0%"
MONEY = "#,##0.00"
DECIMAL = "0.0"

#: Formats of the engine's summary and customer columns, by column name.
COLUMN_FORMATS = {
    "customer_share": SHARE,
    "revenue_share": SHARE,
    "revenue": MONEY,
    "monetary": MONEY,
    "mean_monetary": MONEY,
    "avg_order_value": MONEY,
    "mean_recency": DECIMAL,
    "mean_frequency": DECIMAL,
}
FIRST_RUNTIME = 1.4  # the custom-functions runtime that shows formatted numbers


def formatted(value: Any, number_format: str) -> Any:
    """``value`` as a formatted-number cell (an empty cell stays empty)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    return {"type": "FormattedNumber", "basicValue": value, "numberFormat": number_format}


def plain(value: Any) -> Any:
    """A formatted-number cell's value; any other value unchanged."""
    if isinstance(value, dict) and value.get("type") == "FormattedNumber":
        return value["basicValue"]
    return value


def plain_cells(value: Any) -> Any:
    """A result (a scalar or a 2D list) with every formatted number made plain."""
    if isinstance(value, list):
        return [[plain(v) for v in row] if isinstance(row, list) else plain(row) for row in value]
    return plain(value)


def for_runtime(value: Any, options: dict[str, Any]) -> Any:
    """``value`` as it can be returned to the Excel that called: formatted numbers stay only
    when the converter ``options`` name custom-functions runtime 1.4 or later."""
    try:
        shows = float(options.get("runtime") or 0) >= FIRST_RUNTIME
    except (TypeError, ValueError):
        shows = False
    return value if shows else plain_cells(value)
