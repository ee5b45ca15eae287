"""``rfm check INPUT...``: show how the files are read and mapped, and what cleaning drops,
before any scoring (the same data check the desktop import wizard shows)."""

from __future__ import annotations

import argparse
import math

from rfm_engine import check_data
from rfm_engine.pipeline import DataCheck

from .console import Console
from .error_text import error_line
from .exit_status import DATA
from .help_text import examples
from .json_output import cleaning_steps, plain
from .options import add_data_options
from .text_table import format_table


def add_check_command(commands) -> None:
    """Register ``check`` on the ``rfm`` sub-command parser."""
    check_cmd = commands.add_parser(
        "check",
        help="show how the files are read and mapped and what cleaning drops; score nothing",
        description="Read the sales export(s), show the encoding, delimiter, sheet and header row "
        "found, the columns chosen (and why), rows per cleaning rule, unreadable values with "
        "their row numbers, the date range, customers and totals. Exit status 3 when the "
        "data cannot be analysed as configured.",
        epilog=examples(
            ("rfm check orders.csv", "what was found, and the rows each rule drops"),
            (
                "rfm check export.txt --delimiter ';' --header-row 3 --dayfirst",
                "read an unusual file differently",
            ),
            ("rfm check *.csv --json", "the same as JSON, for a script"),
        ),
    )
    add_data_options(check_cmd)
    check_cmd.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    from .workspace import data_source

    console = Console.of(args)
    source, config, _ = data_source(args)
    check = check_data(source, config)
    console.set(**check_fields(check))
    console.out(render_check(check))
    console.warn(check.warnings)
    return 0 if check.ok else DATA


def check_fields(check: DataCheck) -> dict:
    """The check as JSON fields (warnings go in the envelope's ``warnings``)."""
    return {
        "data_ok": check.ok,
        "problems": [
            {"message": str(p), "code": p.code, "option": p.option} for p in check.problems
        ],
        "items": [
            {"item": str(i), "value": plain(v)}
            for i, v in check.to_frame().itertuples(index=False)
            if i not in ("problem", "warning")
        ],
        "rows": {"read": check.rows_read, "used": check.rows_used},
        "customers": check.customers,
        "orders": check.orders,
        "total_amount": check.total_amount,
        "first_purchase": check.first_date,
        "last_purchase": check.last_date,
        "cleaning": cleaning_steps(check.cleaning) if check.cleaning is not None else [],
        "unreadable_values": [
            {k: plain(v) for k, v in r.items()} for r in check.unparseable.to_dict("records")
        ],
    }


def render_check(check: DataCheck) -> str:
    """The check as aligned text: summary, cleaning rules, unreadable values, problems."""
    summary = check.to_frame()
    problems = summary["item"].isin(["problem", "warning"])
    parts = [
        format_table(
            ("Item", "Value"),
            [(str(i), _text(v)) for i, v in summary.loc[~problems].itertuples(index=False)],
            (False, False),
        )
    ]
    if check.cleaning is not None and check.cleaning.steps:
        rows = [(str(s.rule), s.description, f"{s.rows:,}") for s in check.cleaning.steps]
        parts.append(format_table(("Rule", "Dropped because", "Rows"), rows, (True, False, True)))
    if len(check.unparseable):
        rows = [
            (str(r.source), str(r.row), str(r.column), _text(r.value) or "(blank)")
            for r in check.unparseable.itertuples(index=False)
        ]
        parts.append(
            format_table(
                ("File", "Row", "Column", "Unreadable value"), rows, (False, True, False, False)
            )
        )
    # Each problem with the flag that changes it, as errors are printed.
    parts += ["problem: " + error_line(p).removeprefix("error: ") for p in check.problems]
    return "\n\n".join(parts)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
