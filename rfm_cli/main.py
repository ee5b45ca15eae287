"""``rfm``: RFM segments from a sales export, from the command line.

Expected problems (bad file, unknown column, bad option) print one line ``error: …`` on stderr
and exit with status 2; nothing is written then, and earlier output stays as it was.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path

from rfm_engine import RfmError, __version__
from rfm_engine.io import DatabaseSource
from rfm_engine.outputs import (
    check_table_name,
    write_csv,
    write_customers_table,
    write_report,
    write_together,
)
from rfm_engine.prediction import prediction_sheet_writer

from .check import add_check_command
from .compare import add_compare_command
from .error_text import error_line, print_warnings
from .export import add_export_command, print_scheme_notes
from .history import add_history_command
from .options import add_data_options, protected_paths, source_label
from .predict import (
    add_predict_command,
    add_prediction_options,
    analyze_predictions,
    customers_with_predictions,
    print_prediction_summary,
)
from .report import render_summary
from .report_command import add_report_command
from .workspace import add_workspace_command, data_source

EXIT_USAGE = 2
EXIT_INTERNAL = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line ``error: …`` and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rfm", description="RFM customer segmentation for shop sales exports.")
    parser.add_argument("--version", action="version", version=f"rfm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    analyze_cmd = commands.add_parser(
        "analyze",
        help="score and segment customers; print a summary and write tables",
        description="Score and segment the customers of a sales export. With no INPUT, runs on "
        "the built-in sample.",
    )
    add_data_options(analyze_cmd)
    analyze_cmd.add_argument(
        "--out",
        metavar="DIR",
        default="rfm_output",
        help="folder for customers.csv, segments.csv, cleaning.csv, "
        "cut_points.csv and config.json (default: rfm_output)",
    )
    analyze_cmd.add_argument(
        "--report",
        metavar="PATH.xlsx",
        help="also write a report workbook: summary with charts, customers, R×F grid, "
        "cut points and settings, cleaning",
    )
    analyze_cmd.add_argument(
        "--write-table",
        metavar="NAME",
        help="with a database INPUT: also write the customers table into that database",
    )
    analyze_cmd.add_argument(
        "--predict",
        action="store_true",
        help="add prediction columns (probability still active, expected purchases and "
        "revenue, next order date) and write prediction_segments.csv; see 'rfm predict'",
    )
    add_prediction_options(analyze_cmd)
    analyze_cmd.set_defaults(handler=run_analyze)
    add_predict_command(commands)
    add_export_command(commands)
    add_compare_command(commands)
    add_check_command(commands)
    add_workspace_command(commands)
    add_history_command(commands)

    add_report_command(commands)
    return parser


def run_analyze(args: argparse.Namespace) -> int:
    source, config, paths = data_source(args, databases=True)
    if args.write_table:
        if not isinstance(source, DatabaseSource):
            raise RfmError("--write-table needs a database URL as INPUT")
        check_table_name(source, args.write_table)
    if args.predict and isinstance(source, DatabaseSource):
        raise RfmError("--predict needs every purchase day in memory: not for a database INPUT yet")
    result, prediction = analyze_predictions(args, source, config)
    print_scheme_notes(result)
    protected = protected_paths(args, paths)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    with write_together():  # every file new, or (on any failure) every file as it was
        if args.report:
            extra = [prediction_sheet_writer(prediction)] if prediction is not None else []
            write_report(
                result,
                Path(args.report),
                source=source_label(paths or source),
                inputs=protected,
                extra_sheets=extra,
            )
        customers = result.customers_table()
        if prediction is not None:
            customers = customers_with_predictions(result, prediction)
            write_csv(prediction.segments, out / "prediction_segments.csv", inputs=protected)
        write_csv(customers, out / "customers.csv", inputs=protected)
        write_csv(result.summary, out / "segments.csv", inputs=protected)
        write_csv(result.cleaning.to_frame(), out / "cleaning.csv", inputs=protected)
        write_csv(result.cut_points_table(), out / "cut_points.csv", inputs=protected)
        result.config.save(out / "config.json", inputs=protected)
    if args.write_table:
        write_customers_table(result, source, args.write_table)
    print(render_summary(result, source=source_label(paths or source)))
    print(
        f"\nWritten to {out}{os.sep}: customers.csv, segments.csv, cleaning.csv, cut_points.csv, "
        "config.json"
    )
    if args.report:
        print(f"Report workbook: {args.report}")
    if args.write_table:
        print(f"Table {args.write_table} written in {source.url}")
    print_warnings(result.warnings)
    if prediction is not None:
        print_prediction_summary(prediction)
    return 0


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM unwinds like an interrupt, so temporary files are removed on the way out."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = _on_sigterm(_terminated)
    try:
        return args.handler(args)
    except RfmError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("RFM_DEBUG"):
            traceback.print_exc()
        print(
            f"error: unexpected failure ({type(exc).__name__}: {exc}); "
            "set RFM_DEBUG=1 for details and please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        _on_sigterm(previous)


def _on_sigterm(handler):
    """Install ``handler`` for SIGTERM (main thread only); return the one it replaces."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
