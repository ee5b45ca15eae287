"""``rfm history``: segments at every month (week, quarter) end, who moved where, and who
entered or left a segment in the last period, from a workspace (or files)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rfm_engine import RfmError
from rfm_engine.history import (
    PERIODS,
    Workspace,
    changes,
    compute_history,
    flows,
    sizes,
    store_history,
    timelines,
    trends_sheets,
)
from rfm_engine.options import parse_iso_date
from rfm_engine.outputs import localized, mailing_list, write_csv, write_report, write_together

from .error_text import print_warnings
from .export import add_output_options, print_scheme_notes, write_list
from .help_text import examples
from .options import add_data_options, protected_paths
from .text_table import format_table
from .workspace import data_source

OUTPUTS = ("sizes.csv", "flows.csv", "timelines.csv", "entered.csv", "left.csv")


def add_history_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "history",
        help="segments at every month end: sizes over time, flows, timelines, who entered/left",
        description="Analyse the data at every period end (as 'rfm analyze --as-of END' would), "
        "print the segment sizes over time and write sizes.csv, flows.csv (customers between "
        "the segments of consecutive periods), timelines.csv (each customer's segments), "
        "entered.csv and left.csv (who changed segment in the last period) into --dir. A "
        "workspace keeps the snapshots.",
        epilog=examples(
            ("rfm history shop.rfmdb --dir trends/", "sizes, flows and timelines per month"),
            (
                "rfm history shop.rfmdb --left champions --out left.csv --format mailchimp",
                "who left the champions last month, as a mailing list",
            ),
            ("rfm history orders.csv --period quarter --report trends.xlsx", "from files"),
        ),
    )
    add_data_options(cmd)
    when = cmd.add_argument_group("history")
    when.add_argument("--period", choices=PERIODS, default="month", help="default: month")
    when.add_argument(
        "--freeze",
        metavar="DATE",
        help="use the quantile cut points of the period holding DATE as fixed thresholds in "
        "every period (default: cut points per period: each period ranks its own customers)",
    )
    when.add_argument(
        "--dir", metavar="DIR", default="rfm_history", help="output folder (default: rfm_history)"
    )
    when.add_argument(
        "--entered", metavar="KEY,KEY", help="entered.csv: only customers now in these segments"
    )
    when.add_argument(
        "--left", metavar="KEY,KEY", help="left.csv: only customers who were in these segments"
    )
    when.add_argument(
        "--report",
        metavar="PATH.xlsx",
        help="also write the report workbook of the last period with a Trends sheet",
    )
    add_output_options(cmd, required=False)
    cmd.set_defaults(handler=run_history)


def _keys(text: str | None) -> list[str]:
    return [k.strip() for k in (text or "").split(",") if k.strip()]


def run_history(args: argparse.Namespace) -> int:
    source, config, paths = data_source(args)
    out = Path(args.dir)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder")
    freeze = parse_iso_date(args.freeze, "--freeze") if args.freeze else None
    table = source if not isinstance(source, list) else _load(source, config)
    history = compute_history(table, config, period=args.period, freeze=freeze)
    print_scheme_notes(history.results[-1])
    print_warnings([*history.results[-1].warnings, *history.warnings])
    entered, left = _keys(args.entered), _keys(args.left)
    entered_table = changes(history, entered=entered)
    left_table = changes(history, left=left)
    out.mkdir(parents=True, exist_ok=True)
    protected = protected_paths(args, paths)
    with write_together():  # the five tables new, or all as they were
        words, contacts = args.header_lang, history.results[-1].contacts
        write_csv(localized(sizes(history), words), out / "sizes.csv", inputs=protected)
        write_csv(localized(flows(history), words), out / "flows.csv", inputs=protected)
        write_csv(localized(timelines(history), words), out / "timelines.csv", inputs=protected)
        for name, table in (("entered.csv", entered_table), ("left.csv", left_table)):
            write_csv(localized(table, words, keep=contacts), out / name, inputs=protected)
    if paths and not isinstance(source, list):
        with Workspace(paths[0]) as workspace:
            store_history(workspace, history)
    if args.report:
        source = ", ".join(p.name for p in paths)
        write_report(
            history.results[-1],
            Path(args.report),
            source=source,
            inputs=protected,
            extra_sheets=[trends_sheets(history)],
        )
    _print(history)
    print(f"\nWritten to {out}{os.sep}: {', '.join(OUTPUTS)}")
    if args.report:
        print(f"Report workbook: {args.report}")
    if args.out:
        movers = changes(history, entered=entered, left=left)
        last = history.results[-1]
        keys = [s.key for s in last.scheme.all_segments if s.key in set(movers["segment"])]
        write_list(
            args,
            mailing_list(movers, last.scheme, last.contacts, lang=last.config.lang),
            scheme=last.scheme,
            segments=keys,
            contacts=last.contacts,
            lang=last.config.lang,
            inputs=protected,
        )
    return 0


def _load(paths: list[Path], config):
    from rfm_engine import load_table

    return load_table(paths, config)


def _print(history) -> None:
    lang = history.config.lang
    scheme = history.results[-1].scheme
    table = sizes(history)
    keys = [s.key for s in scheme.all_segments]
    wide = table.pivot(index="period_end", columns="segment", values="customers")
    wide = wide.reindex(columns=keys, fill_value=0)
    cuts = "frozen from " + str(history.frozen_from) if history.frozen_from else "per period"
    print(f"Customers per segment at each {history.period} end (cut points {cuts})")
    headers = ["period end", *(scheme.segment(k).name(lang) for k in keys)]
    rows = [[str(end), *(f"{int(v):,}" for v in row)] for end, row in wide.iterrows()]
    print(format_table(headers, rows, [False] + [True] * len(keys)))
    if len(history.ends) > 1:
        moved = changes(history)
        new = int((moved["segment_before"] == "new_since").sum())
        print(
            f"\n{history.ends[-2]} -> {history.ends[-1]}: {len(moved) - new:,} customers changed "
            f"segment, {new:,} new customers"
        )
