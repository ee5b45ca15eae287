"""``rfm workspace add|status``: a shop's exports accumulated in one database file, and the
workspace as INPUT of the other commands (``rfm analyze SHOP.rfmdb``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rfm_engine import InputFileError, RfmConfig
from rfm_engine.history import Workspace, is_workspace
from rfm_engine.pipeline import Source

from .error_text import print_warnings, warning_line
from .help_text import examples
from .options import add_data_options, config_from_args, input_paths, input_source
from .text_table import format_table


def add_workspace_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "workspace",
        help="accumulate exports in a workspace file (add, status)",
        description="A workspace (SHOP.rfmdb, one SQLite file) accumulates a shop's exports: "
        "overlapping files are merged without counting an order twice, and each import is "
        "recorded. Give it to analyze, export, compare or history in place of the files.",
        epilog=examples(
            ("rfm workspace add shop.rfmdb orders_2024-01.csv orders_2024-02.csv", "create it"),
            ("rfm workspace add shop.rfmdb orders_2024-03.csv", "add next month's export"),
            ("rfm workspace status shop.rfmdb", "what it holds, import by import"),
        ),
    )
    # The same parser class as the other commands: a usage error is one line, exit status 2.
    actions = cmd.add_subparsers(
        dest="action", metavar="ACTION", parser_class=commands._parser_class
    )
    actions.required = True
    add = actions.add_parser(
        "add",
        help="add exports (creates the workspace when new)",
        description="Add sales exports to the workspace, all or nothing. A new workspace keeps "
        "the column mapping and scoring settings of this command (found from the headers when "
        "not given); later commands use them unless overridden by their own flags.",
    )
    add.add_argument("workspace", metavar="SHOP.rfmdb", help="the workspace file")
    add_data_options(add)
    add.set_defaults(handler=run_add)
    status = actions.add_parser("status", help="show what the workspace holds")
    status.add_argument("workspace", metavar="SHOP.rfmdb", help="the workspace file")
    status.set_defaults(handler=run_status)


def run_add(args: argparse.Namespace) -> int:
    if not args.inputs:
        raise InputFileError("give the export files to add after the workspace")
    path = Path(args.workspace)
    if path.exists() and not is_workspace(path):
        raise InputFileError(f"{path}: is not a workspace database")
    new = not path.exists() or path.stat().st_size == 0
    with Workspace(path, create=True) as workspace:
        config = config_from_args(args, base=workspace.config)
        updated = workspace.update_settings(config)
        records = workspace.add([Path(p) for p in args.inputs], config)
        for record in records:
            print(
                f"{record.file}: {record.rows_read:,} rows read, {record.rows_added:,} added, "
                f"{record.rows_merged:,} already in the workspace, "
                f"{record.orders_replaced:,} orders replaced"
            )
            print_warnings(record.warnings)
        if updated:
            print("Settings updated: later commands use the options given here")
        if new or updated:
            roles = workspace.config.columns.roles
            print("Columns: " + ", ".join(f"{role} = {col}" for role, col in roles.items()))
        imports = len(workspace.imports())
        print(
            f"{'Created' if new else 'Updated'} {path}: {workspace.row_count():,} rows from "
            f"{imports:,} imports"
        )
    return 0


def run_status(args: argparse.Namespace) -> int:
    with Workspace(args.workspace) as workspace:
        status = workspace.status()
    print(f"Workspace {status.path} (schema {status.schema_version})")
    print(f"Rows: {status.rows:,}; imports: {len(status.imports):,}")
    if status.config is not None:
        roles = status.config.columns.roles
        print("Columns: " + ", ".join(f"{role} = {col}" for role, col in roles.items()))
        scoring = status.config.scoring
        methods = "/".join(scoring.axis(a).method for a in ("recency", "frequency", "monetary"))
        scheme = status.config.segments.scheme
        scheme = scheme if isinstance(scheme, str) else scheme.key
        print(f"Settings: {scoring.bins} bins, {methods}, scheme {scheme}")
    if status.imports:
        rows = [
            [
                str(r.id),
                r.file,
                r.imported_at.replace("T", " ")[:19],
                f"{r.rows_read:,}",
                f"{r.rows_added:,}",
                f"{r.rows_merged:,}",
                f"{r.orders_replaced:,}",
                r.sha256[:12],
            ]
            for r in status.imports
        ]
        headers = ["#", "file", "imported (UTC)", "read", "added", "merged", "replaced", "sha256"]
        print(format_table(headers, rows, [True, False, False, True, True, True, True, False]))
    for record in status.imports:
        for warning in record.warnings:
            print(f"import {record.id}: {warning_line(warning)}")
    if status.snapshots:
        periods = sorted({p for p, _ in status.snapshots})
        for period in periods:
            ends = [e for p, e in status.snapshots if p == period]
            print(f"Snapshots ({period}): {len(ends)}, {ends[0]} to {ends[-1]}")
    return 0


def data_source(
    args: argparse.Namespace, *, databases: bool = False
) -> tuple[Source, RfmConfig, list[Path]]:
    """What a command analyses: a workspace's rows and settings (flags override them) when its
    only INPUT is a workspace, else the files (none: the built-in sample) or, with
    ``databases``, a database table. Also the paths no output may overwrite."""
    if len(args.inputs or ()) == 1 and is_workspace(args.inputs[0]):
        path = Path(args.inputs[0])
        with Workspace(path) as workspace:
            table = workspace.table()
            stored = workspace.config
        return table, config_from_args(args, base=stored), [path]
    if databases:
        source, paths = input_source(args)
        return source, config_from_args(args), paths
    paths = input_paths(args)
    return paths, config_from_args(args), paths
