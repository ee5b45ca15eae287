"""``rfm analyze``: score and segment customers, print a summary, write the tables."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rfm_engine import RfmError, score_in_database
from rfm_engine.io import DatabaseSource
from rfm_engine.outputs import (
    check_table_name,
    localized,
    write_csv,
    write_customers_table,
    write_report,
    write_together,
)
from rfm_engine.prediction import prediction_sheet_writer

from .console import Console
from .export import add_header_option, print_scheme_notes
from .help_text import examples
from .json_output import result_fields
from .options import add_data_options, protected_paths, source_label
from .predict import (
    add_prediction_options,
    analyze_predictions,
    customers_with_predictions,
    prediction_fields,
    print_prediction_summary,
)
from .progress_bar import ANALYSIS_STAGES as STAGES
from .report import render_summary
from .workspace import data_source

#: ``-v``: which path computed the per-customer totals (``RfmResult.engine``).
ENGINE_TEXT = {
    "memory": "in memory",
    "arrow": "DuckDB, the files read into Arrow batches in memory",
    "duckdb": "DuckDB, reading the files itself (out of core)",
    "duckdb-chunks": "DuckDB, the files read in chunks (out of core)",
    "database": "the database itself (scored where the data is)",
}

TABLES = ("customers.csv", "segments.csv", "cleaning.csv", "cut_points.csv", "config.json")


def add_analyze_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "analyze",
        help="score and segment customers; print a summary and write tables",
        description="Score and segment the customers of a sales export. With no INPUT, runs on "
        "the built-in sample.",
        epilog=examples(
            ("rfm analyze orders.csv --out results/", "analyse one export"),
            ("rfm analyze 2018.xlsx 2019.xlsx --lang zh_CN", "two files as one, Chinese names"),
            (
                "rfm analyze online_retail.csv --customer CustomerID --date InvoiceDate "
                "--order InvoiceNo --quantity Quantity --price UnitPrice",
                "name the columns",
            ),
            ("rfm analyze --config results/config.json new.csv", "the same settings again"),
            ("rfm analyze orders.csv --json | jq .segments", "the summary as JSON"),
        ),
    )
    add_data_options(cmd)
    cmd.add_argument(
        "--out",
        metavar="DIR",
        default="rfm_output",
        help="folder for customers.csv, segments.csv, cleaning.csv, "
        "cut_points.csv and config.json (default: rfm_output)",
    )
    cmd.add_argument(
        "--report",
        metavar="PATH.xlsx",
        help="also write a report workbook: summary with charts, customers, R×F grid, "
        "cut points and settings, cleaning",
    )
    cmd.add_argument(
        "--write-table",
        metavar="NAME",
        help="with a database INPUT: also write the customers table into that database",
    )
    cmd.add_argument(
        "--in-database",
        action="store_true",
        help="with a database INPUT and --write-table: score and segment in the database; "
        "it writes the customers table itself and only the summary comes back (no "
        "customers.csv)",
    )
    cmd.add_argument(
        "--predict",
        action="store_true",
        help="add prediction columns (probability still active, expected purchases and "
        "revenue, next order date) and write prediction_segments.csv; see 'rfm predict'",
    )
    add_header_option(cmd)
    add_prediction_options(cmd)
    cmd.set_defaults(handler=run_analyze)


def run_analyze(args: argparse.Namespace) -> int:
    console = Console.of(args)
    source, config, paths = data_source(args, databases=True)
    if args.write_table:
        if not isinstance(source, DatabaseSource):
            raise RfmError("--write-table needs a database URL as INPUT")
        check_table_name(source, args.write_table)
    if args.in_database:
        return _run_in_database(args, console, source, config)
    if args.predict and isinstance(source, DatabaseSource):
        raise RfmError("--predict needs every purchase day in memory: not for a database INPUT yet")
    stages = ("reading, scoring, predicting",) if args.predict else STAGES
    progress = console.progress("analyze", stages)
    result, prediction = analyze_predictions(args, source, config, progress=progress)
    console.end_progress()
    console.info(f"columns: {_columns_text(result)}")
    console.info(f"engine: {ENGINE_TEXT.get(result.engine, result.engine)}")
    print_scheme_notes(result, console)
    label = source_label(paths or source)
    protected = protected_paths(args, paths)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder", code="output_file")
    out.mkdir(parents=True, exist_ok=True)
    with write_together():  # every file new, or (on any failure) every file as it was
        if args.report:
            extra = [prediction_sheet_writer(prediction)] if prediction is not None else []
            write_report(
                result,
                Path(args.report),
                source=label,
                inputs=protected,
                extra_sheets=extra,
                header_lang=args.header_lang,
            )
        customers = result.customers_table()
        if prediction is not None:
            customers = customers_with_predictions(result, prediction)
            segments = localized(prediction.segments, args.header_lang)
            write_csv(segments, out / "prediction_segments.csv", inputs=protected)
        words = args.header_lang
        write_csv(
            localized(customers, words, keep=result.contacts),
            out / "customers.csv",
            inputs=protected,
        )
        write_csv(localized(result.summary, words), out / "segments.csv", inputs=protected)
        cleaning = localized(result.cleaning.to_frame(), words)
        write_csv(cleaning, out / "cleaning.csv", inputs=protected)
        cuts = localized(result.cut_points_table(), words)
        write_csv(cuts, out / "cut_points.csv", inputs=protected)
        result.config.save(out / "config.json", inputs=protected)
    if args.report:
        console.wrote(args.report)
    if prediction is not None:
        console.wrote(out / "prediction_segments.csv")
        console.set(prediction=prediction_fields(prediction))
    console.wrote(*(out / name for name in TABLES))
    if args.write_table:
        write_customers_table(result, source, args.write_table)
        console.set(table_written=args.write_table)
    console.set(**result_fields(result, source=label))
    console.out(render_summary(result, source=label))
    console.out(f"\nWritten to {out}{os.sep}: {', '.join(TABLES)}")
    if args.report:
        console.out(f"Report workbook: {args.report}")
    if args.write_table:
        console.out(f"Table {args.write_table} written in {source.url}")
    console.warn(result.warnings)
    if prediction is not None:
        print_prediction_summary(prediction, console)
    return 0


def _run_in_database(args: argparse.Namespace, console: Console, source, config) -> int:
    """``--in-database``: the customers table written by the database, the rest to --out."""
    if not isinstance(source, DatabaseSource) or not args.write_table:
        raise RfmError("--in-database needs a database URL as INPUT and --write-table NAME")
    if args.report or args.predict:
        raise RfmError("--in-database writes no customers to Python: leave out --report/--predict")
    progress = console.progress("analyze", STAGES)
    result = score_in_database(source, args.write_table, config, progress=progress)
    console.end_progress()
    console.info(f"columns: {_columns_text(result)}")
    console.info(f"engine: {ENGINE_TEXT['database']}")
    print_scheme_notes(result, console)
    label = source_label(source)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder", code="output_file")
    out.mkdir(parents=True, exist_ok=True)
    names = TABLES[1:]
    with write_together():
        words = args.header_lang
        write_csv(localized(result.summary, words), out / "segments.csv")
        write_csv(localized(result.cleaning.to_frame(), words), out / "cleaning.csv")
        write_csv(localized(result.cut_points_table(), words), out / "cut_points.csv")
        result.config.save(out / "config.json")
    console.wrote(*(out / name for name in names))
    console.set(table_written=args.write_table)
    console.set(**result_fields(result, source=label))
    console.out(render_summary(result, source=label))
    console.out(f"\nWritten to {out}{os.sep}: {', '.join(names)}")
    console.out(f"Table {args.write_table} written in {source.url} by the database")
    console.warn(result.warnings)
    return 0


def _columns_text(result) -> str:
    columns = result.config.columns
    roles = ("customer", "date", "amount", "quantity", "price", "order", "status")
    return ", ".join(f"{r}={getattr(columns, r)!r}" for r in roles if getattr(columns, r))
