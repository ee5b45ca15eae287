"""``rfm export``: mailing lists of chosen segments (CSV, XLSX, Mailchimp or CRM layout)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from rfm_engine import BUILTIN_SCHEMES, RfmResult, analyze
from rfm_engine.outputs import (
    FORMATS_BY_KEY,
    HEADER_LANGS,
    LIST_FORMATS,
    MailingList,
    mailing_list,
    select_segments,
    write_mailing,
)

from .console import Console
from .help_text import examples
from .json_output import result_fields
from .options import add_data_options, protected_paths, source_label
from .progress_bar import ANALYSIS_STAGES as STAGES

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
    add_header_option(out)


def add_header_option(parser) -> None:
    """``--header-lang``: the language of the written tables' headers and sheet names."""
    parser.add_argument(
        "--header-lang",
        choices=HEADER_LANGS,
        default="en",
        help="language of the column headers and sheet names of CSV/XLSX files written for "
        "people (default: en, the identifiers scripts read; Mailchimp and CRM lists keep "
        "their own headers; --lang words the segment names)",
    )


def add_export_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "export",
        help="write mailing lists of chosen segments",
        description="Score and segment customers, then write the customers of chosen segments "
        "as a list a mailing tool or Excel can take. Invalid and duplicate emails are left out "
        "of email lists and reported; customers without contacts are listed apart.",
        epilog=examples(
            (
                "rfm export orders.csv --segments at_risk,cant_lose --format mailchimp "
                "--out winback.csv",
                "a Mailchimp audience of two segments",
            ),
            (
                "rfm export orders.csv --segments all --format xlsx --out segments.xlsx",
                "every segment on its own sheet",
            ),
            (
                "rfm export orders.csv --scheme seed5 --segments churned --out-encoding gbk "
                "--out 流失.csv",
                "a GBK list for Chinese Excel",
            ),
        ),
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
    console = Console.of(args)
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
        header_lang=args.header_lang,
    )
    console.wrote(*written)
    listed = len(mailing.emails) if args.format == "mailchimp" else len(mailing.customers)
    has_contacts = bool({"email", "phone"} & set(mailing.roles))
    console.set(
        mailing={
            "format": args.format,
            "listed": listed,
            "valid_emails": len(mailing.emails),
            "email_problems": len(mailing.problems),
            "no_contact": len(mailing.no_contact),
            "contact_columns_found": has_contacts,
        }
    )
    console.out(f"Written {listed:,} customers to {written[0]}")
    if has_contacts:
        console.out(
            f"  valid emails: {len(mailing.emails):,}; email problems (invalid or duplicate, "
            f"left out): {len(mailing.problems):,}; without email or phone: "
            f"{len(mailing.no_contact):,}"
        )
    else:
        console.out("  no contact columns (email, phone) were found; map them with --contact")
    for path in written[1:]:
        console.out(f"  also written: {path}")


def print_scheme_notes(result: RfmResult, console: Console | None = None) -> None:
    """For a custom scheme: its uncovered cells, overlaps and unreachable rules, as notes."""
    if result.scheme.key in BUILTIN_SCHEMES:
        return
    console = console or Console()
    for line in result.scheme.check(result.config.scoring.bins).lines():
        console.note(f"scheme {result.scheme.key!r}: {line}")


def run_export(args: argparse.Namespace) -> int:
    from .workspace import data_source

    console = Console.of(args)
    source, config, paths = data_source(args, databases=True)
    result = analyze(source, config, progress=console.progress("export", STAGES))
    console.end_progress()
    print_scheme_notes(result, console)
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
    fields = result_fields(result, source=source_label(paths or source))
    console.set(**fields, segments_chosen=keys)
    console.warn(result.warnings)
    return 0
