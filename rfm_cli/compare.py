"""``rfm compare``: each customer's segment at an earlier date and now, and who moved where."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rfm_engine import RfmError
from rfm_engine.options import parse_iso_date
from rfm_engine.outputs import mailing_list, write_csv, write_together
from rfm_engine.pipeline import compare_periods

from .export import add_output_options, print_scheme_notes, write_list
from .options import add_data_options, protected_paths
from .text_table import format_table


def add_compare_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "compare",
        help="compare segments at two dates (who moved from champions to at_risk)",
        description="Score and segment the customers at an earlier date and now (--as-of, "
        "default: the day after the latest purchase), print the migration matrix and write "
        "migration.csv and customers.csv into --dir. With --from/--to, also write the movers "
        "as a mailing list (--out, --format).",
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
    )
    print_scheme_notes(comparison.now)
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
    print(f"Segments on {comparison.then.as_of} (rows) and on {comparison.now.as_of} (columns)")
    rows = [[str(i), *(f"{v:,}" for v in r)] for i, r in named.iterrows()]
    headers = ["", *(str(c) for c in named.columns)]
    print(format_table(headers, rows, [False] + [True] * len(named.columns)))
    moved = int(comparison.customers["moved"].sum())
    print(f"\n{moved:,} of {len(comparison.customers):,} customers changed segment")
    print(f"Written to {out}{os.sep}: migration.csv, customers.csv")
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
    return 0
