"""``rfm export``: mailing lists of chosen segments (CSV, XLSX, Mailchimp or CRM layout)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from rfm_engine import BUILTIN_SCHEMES, RfmResult, analyze
from rfm_engine.outputs import (
    FORMATS_BY_KEY,
    LIST_FORMATS,
    MailingList,
    mailing_list,
    select_segments,
    write_mailing,
)

from .error_text import print_warnings
from .options import add_data_options, protected_paths

ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gbk"}


def add_output_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """``--format``, ``--out-encoding`` and ``--out``, shared with ``rfm compare``."""
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=LIST_FORMATS,
        default="csv",
        help="; ".join(f"{k}: {FORMATS_BY_KEY[k].description}" for k in LIST_FORMATS)
        + " (default: csv)",
    )
    out.add_argument(
        "--out-encoding",
        choices=tuple(ENCODINGS),
        default="utf-8",
        help="CSV encoding: utf-8 (with BOM, for Excel) or gbk (default: utf-8)",
    )
    out.add_argument(
        "--out", metavar="PATH", required=required, help="file to write (.csv or .xlsx)"
    )


def add_export_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "export",
        help="write mailing lists of chosen segments",
        description="Score and segment customers, then write the customers of chosen segments "
        "as a list a mailing tool or Excel can take. Invalid and duplicate emails are left out "
        "of email lists and reported; customers without contacts are listed apart.",
    )
    add_data_options(cmd)
    cmd.add_argument(
        "--segments",
        metavar="KEY,KEY|all",
        default="all",
        help="segment keys of the scheme, comma-separated, or all (default: all)",
    )
    add_output_options(cmd, required=True)
    cmd.set_defaults(handler=run_export)


def write_list(
    args: argparse.Namespace,
    mailing: MailingList,
    *,
    scheme,
    segments: Iterable[str],
    contacts: tuple[str, ...],
    lang: str,
    inputs: list[Path],
) -> None:
    """Write ``mailing`` as the options say and print what was written."""
    written = write_mailing(
        mailing,
        Path(args.out),
        fmt=args.format,
        scheme=scheme,
        segments=segments,
        contacts=contacts,
        lang=lang,
        encoding=ENCODINGS[args.out_encoding],
        inputs=inputs,
    )
    listed = len(mailing.emails) if args.format == "mailchimp" else len(mailing.customers)
    print(f"Written {listed:,} customers to {written[0]}")
    if {"email", "phone"} & set(mailing.roles):
        print(
            f"  valid emails: {len(mailing.emails):,}; email problems (invalid or duplicate, "
            f"left out): {len(mailing.problems):,}; without email or phone: "
            f"{len(mailing.no_contact):,}"
        )
    else:
        print("  no contact columns (email, phone) were found; map them with --contact")
    for path in written[1:]:
        print(f"  also written: {path}")


def print_scheme_notes(result: RfmResult) -> None:
    """For a custom scheme: its uncovered cells, overlaps and unreachable rules, on stderr."""
    if result.scheme.key in BUILTIN_SCHEMES:
        return
    for line in result.scheme.check(result.config.scoring.bins).lines():
        print(f"note: scheme {result.scheme.key!r}: {line}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from .workspace import data_source

    source, config, paths = data_source(args, databases=True)
    result = analyze(source, config)
    print_scheme_notes(result)
    chosen = select_segments(result.customers, result.scheme, args.segments)
    keys = [s.key for s in result.scheme.all_segments if s.key in set(chosen["segment"])]
    if args.segments.strip() != "all":
        keys = [k.strip() for k in args.segments.split(",") if k.strip()]
    mailing = mailing_list(chosen, result.scheme, result.contacts, lang=result.config.lang)
    write_list(
        args,
        mailing,
        scheme=result.scheme,
        segments=keys,
        contacts=result.contacts,
        lang=result.config.lang,
        inputs=protected_paths(args, paths),
    )
    print_warnings(result.warnings)
    return 0
