"""Engine errors and warnings in the command line's words: the engine's line, then the flag
that changes it.

The engine names the setting behind an error as a path into its configuration
(:attr:`rfm_engine.RfmError.option`); the command line names its own flags for it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rfm_engine import RfmError
from rfm_engine.notes import RfmWarning

#: Configuration paths (or call arguments) → the flags that set them.
OPTION_FLAGS: dict[str, str] = {
    "reading.dayfirst": "--dayfirst or --monthfirst",
    "reading.encoding": "--encoding",
    "reading.delimiter": "--delimiter",
    "reading.header_row": "--header-row",
    "reading.sheet": "--sheet",
    "reading.engine": "--engine memory",
    "reading.decimal": "--decimal . or --decimal ,",
    "cleaning.currency": "--currency CODE",
    "columns.customer": "--customer",
    "columns.customer_fallback": "--customer-fallback",
    "columns.date": "--date",
    "columns.amount": "--amount (or --quantity and --price)",
    "columns.order": "--order",
    "columns.status": "--status",
    "columns.contacts": "--contact",
    "columns.kind": "--table-kind transactions|customers",
    "columns.last_purchase": "--last-purchase",
    "columns.days_since": "--days-since",
    "columns.order_count": "--order-count",
    "columns.total_spent": "--total-spent",
    "period.as_of": "--as-of",
    "period.start": "--start",
    "metrics.frequency": "--frequency",
    "segments.scheme": "--scheme",
    "scoring.recency": "--r-breaks",
    "scoring.frequency": "--f-breaks",
    "scoring.monetary": "--m-breaks",
    "as_of_then": "--then or --days",
    "prediction.horizons_days": "--horizon",
    "prediction.monthly_discount": "--discount",
    "prediction.lost_below": "--lost-below",
    "prediction.holdout_days": "--holdout",
    "period": "--period",
    "weights": "--weights",
    "freeze": "--freeze",
}


def error_line(exc: RfmError) -> str:
    """``error: <the engine's line> (see <flag>)`` — the flag only where one changes it and the
    line does not already name it."""
    flags = OPTION_FLAGS.get(exc.option or "")
    line = f"error: {exc}"
    if flags and exc.code not in _NO_HINT and flags.split()[0] not in line:
        line += f" ({flags})"
    return line


#: Codes whose option is context, not a fix (a scheme file that does not parse, an output path).
_NO_HINT = {"scheme", "output_file", "output_is_input", "unencodable_output"}


def warning_line(warning: RfmWarning) -> str:
    """``warning: <what was chosen, with its evidence> (<flag that changes it>)``."""
    flags = OPTION_FLAGS.get(warning.option or "")
    if warning.code == "quantile_ties" and flags:
        flags += " " + ",".join(f"{b:g}" for b in warning.evidence["suggested_breaks"])
    line = f"warning: {warning}"
    return f"{line} ({flags})" if flags and flags.split()[0] not in line else line


def print_warnings(warnings: Iterable[RfmWarning]) -> None:
    """Each warning on its own line on stderr (stdout stays the result). Commands report
    through :meth:`rfm_cli.console.Console.warn` instead, which also fills ``--json``."""
    for warning in warnings:
        print(warning_line(warning), file=sys.stderr)
