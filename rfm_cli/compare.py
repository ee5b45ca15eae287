"""``rfm compare``: each customer's segment at an earlier date and now, and who moved where."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rfm_engine import RfmError
from rfm_engine.options import parse_iso_date
from rfm_engine.outputs import mailing_list, write_csv, write_together
from rfm_engine.pipeline import compare_periods

from .console import Console
from .export import add_output_options, print_scheme_notes, write_list
from .help_text import examples
from .json_output import result_fields
from .options import add_data_options, protected_paths, source_label
from .text_table import fit_matrix

#: ``compare_periods`` counts two steps: the analysis now, then the one at the earlier date.
STAGES = ("reading, scoring now", "scoring then")


def add_compare_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "compare",
        help="compare segments at two dates (who moved from champions to at_risk)",
        description="Score and segment the customers at an earlier date and now (--as-of, "
        "default: the day after the latest purchase), print the migration matrix and write "
        "migration.csv and customers.csv into --dir. With --from/--to, also write the movers "
        "as a mailing list (--out, --format).",
        epilog=examples(
            ("rfm compare orders.csv --days 90 --dir compare/", "now against 90 days earlier"),
            (
                "rfm compare orders.csv --then 2024-01-01 --from champions,loyal_customers "
                "--to at_risk,cant_lose --out slipping.csv",
                "who slipped from the best segments since a date, as a mailing list",
            ),
        ),
    )
    add_data_options(cmd)
    when = cmd.add_argument_group("comparison")
    then = when.add_mutually_exclusive_group()
    then.add_argument("--then", metavar="DATE", help="the earlier analysis date")
    then.add_argument(
        "--days", type=int, default=90, help="the earlier date is this many days before now (90)"
    )
    when.add_argument(
        "--dir",
        metavar="DIR",
        default="rfm_compare",
        help="folder for migration.csv and customers.csv (default: rfm_compare)",
    )
    when.add_argument(
        "--from",
        dest="from_segments",
        metavar="KEY,KEY",
        help="segments then (new_since: customers who first bought after the earlier date)",
    )
    when.add_argument("--to", dest="to_segments", metavar="KEY,KEY", help="segments now")
    add_output_options(cmd, required=False)
    cmd.set_defaults(handler=run_compare)


def _keys(text: str | None) -> list[str]:
    return [k.strip() for k in (text or "").split(",") if k.strip()]


def run_compare(args: argparse.Namespace) -> int:
    from .workspace import data_source

    console = Console.of(args)
    source, config, paths = data_source(args)
    if args.days is not None and args.days <= 0:
        raise RfmError(f"--days must be a positive number of days, not {args.days}")
    movers_wanted = bool(args.from_segments or args.to_segments)
    if movers_wanted and not args.out:
        raise RfmError("--from/--to write a list of the movers: give its file with --out")
    comparison = compare_periods(
        source,
        config,
        as_of_then=parse_iso_date(args.then, "--then") if args.then else None,
        days=args.days,
        progress=console.progress("compare", STAGES),
    )
    console.end_progress()
    print_scheme_notes(comparison.now, console)
    lang = comparison.now.config.lang
    out = Path(args.dir)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    named = comparison.matrix_named(lang)
    protected = protected_paths(args, paths)
    with write_together():  # both tables new, or both as they were
        write_csv(named.reset_index(), out / "migration.csv", inputs=protected)
        write_csv(comparison.customers, out / "customers.csv", inputs=protected)
    console.wrote(out / "migration.csv", out / "customers.csv")
    moved = int(comparison.customers["moved"].sum())
    label = source_label(paths or source)
    console.set(
        then=result_fields(comparison.then, source=label),
        now=result_fields(comparison.now, source=label),
        migration=_matrix_fields(comparison.matrix),
        customers=len(comparison.customers),
        moved=moved,
    )
    console.out(
        f"Segments on {comparison.then.as_of} (rows) and on {comparison.now.as_of} (columns)"
    )
    console.out(
        fit_matrix(
            "",
            [str(i) for i in named.index],
            [str(c) for c in named.columns],
            [[f"{v:,}" for v in row] for row in named.to_numpy().tolist()],
        )
    )
    console.out(f"\n{moved:,} of {len(comparison.customers):,} customers changed segment")
    console.out(f"Written to {out}{os.sep}: migration.csv, customers.csv")
    if movers_wanted:
        movers = comparison.movers(
            from_segments=_keys(args.from_segments), to_segments=_keys(args.to_segments)
        )
        scheme = comparison.now.scheme
        keys = [s.key for s in scheme.all_segments if s.key in set(movers["segment"])]
        write_list(
            args,
            mailing_list(movers, scheme, comparison.now.contacts, lang=lang),
            scheme=scheme,
            segments=keys,
            contacts=comparison.now.contacts,
            lang=lang,
            inputs=protected,
        )
    then_only = [w for w in comparison.then.warnings if w not in comparison.now.warnings]
    console.warn([*comparison.now.warnings, *then_only])
    return 0


def _matrix_fields(matrix) -> list[dict]:
    """The migration matrix as rows ``{"then": key, "now": key, "customers": n}`` (n > 0)."""
    return [
        {"then": str(then), "now": str(now), "customers": int(count)}
        for (then, now), count in matrix.stack().items()
        if count
    ]
