"""Command-line options → :class:`rfm_engine.RfmConfig` (flags override a ``--config`` file)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from resources import sample_orders_path
from rfm_engine import (
    AxisScoring,
    ConfigError,
    RfmConfig,
    load_scheme,
)
from rfm_engine.io import DatabaseSource, is_database_url
from rfm_engine.options import LIST_ROLES, parse_iso_date
from rfm_engine.pipeline import Source

from .language import LANGUAGES, cli_language


def add_data_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that reads sales data and scores it."""
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="sales export(s): CSV/TSV/TXT or XLSX; several files of the same "
        "layout are combined (none: the built-in sample); or a database URL "
        "(postgresql://user@host/shop, sqlite:///shop.db, duckdb:///shop.duckdb) with --table "
        "or --query",
    )
    db = parser.add_argument_group(
        "database (the password comes from RFM_DB_PASSWORD, PGPASSWORD or ~/.pgpass, never the URL)"
    )
    db.add_argument("--table", metavar="NAME", help="the orders table of the database INPUT")
    db.add_argument("--query", metavar="SQL", help="or a query giving the order rows")
    cols = parser.add_argument_group("columns (found automatically when not given)")
    cols.add_argument("--customer", metavar="COL", help="customer id column")
    cols.add_argument(
        "--customer-fallback",
        metavar="COL",
        action="append",
        help="column identifying the buyer where the customer id is blank, e.g. a phone "
        "(repeatable, best first)",
    )
    cols.add_argument("--date", metavar="COL", help="purchase date column")
    cols.add_argument("--amount", metavar="COL", help="amount column")
    cols.add_argument(
        "--quantity", metavar="COL", help="quantity column (amount = quantity × price)"
    )
    cols.add_argument("--price", metavar="COL", help="unit price column")
    cols.add_argument("--order", metavar="COL", help="order id column (frequency counts orders)")
    cols.add_argument("--status", metavar="COL", help="order status column")
    cols.add_argument(
        "--contact",
        metavar="COL",
        action="append",
        help="contact column to carry into exports (repeatable)",
    )
    cols.add_argument(
        "--table-kind",
        choices=("auto", "transactions", "customers"),
        help="what one row is: a purchase (transactions) or a customer with totals (a customer "
        "list: CRM, membership, WooCommerce Customers report); default auto",
    )
    cols.add_argument(
        "--last-purchase", metavar="COL", help="customer list: last purchase date column"
    )
    cols.add_argument(
        "--days-since",
        metavar="COL",
        help="customer list: days since the last purchase (needs --as-of, the day they were "
        "counted to)",
    )
    cols.add_argument("--order-count", metavar="COL", help="customer list: order count column")
    cols.add_argument("--total-spent", metavar="COL", help="customer list: total spent column")
    cols.add_argument(
        "--order-total",
        action="store_true",
        default=None,
        help="the amount is the order's total, repeated on its line-item rows",
    )
    read = parser.add_argument_group("reading")
    read.add_argument("--encoding", help="text encoding (default: detected)")
    read.add_argument("--sheet", help="XLSX sheet name or number (default: the first)")
    read.add_argument(
        "--delimiter", help="field delimiter of text files, e.g. ';' or 'tab' (default: detected)"
    )
    read.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help="line (or sheet row) number of the header, 1 = first (default: detected)",
    )
    read.add_argument(
        "--decimal",
        choices=(".", ",", "point", "comma"),
        help="decimal separator of amounts (default: decided per column from its values)",
    )
    read.add_argument(
        "--engine",
        choices=("auto", "memory", "duckdb"),
        help="memory: pandas; duckdb: out-of-core for files larger than memory (needs duckdb); "
        "auto (default): duckdb above 2 GB of input",
    )
    order = read.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        help="dates like 03/04/2024 are day/month/year",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="dates like 03/04/2024 are month/day/year",
    )
    period = parser.add_argument_group("period and metrics")
    period.add_argument(
        "--as-of", metavar="DATE", help="analysis date (default: the day after the latest purchase)"
    )
    period.add_argument("--start", metavar="DATE", help="ignore purchases before this date")
    period.add_argument("--frequency", choices=("orders", "days"), help="count orders or days")
    period.add_argument("--monetary", choices=("total", "mean"), help="total or mean per order")
    clean = parser.add_argument_group("cleaning")
    clean.add_argument(
        "--keep-duplicates", action="store_true", default=None, help="keep exact duplicate rows"
    )
    clean.add_argument(
        "--returns",
        choices=("drop", "net"),
        help="drop returns, or net them against monetary (default: drop)",
    )
    clean.add_argument(
        "--currency",
        metavar="CODE",
        help="amounts in several currencies: keep only this one (e.g. EUR); they are never "
        "added up",
    )
    score = parser.add_argument_group("scoring")
    score.add_argument(
        "--method",
        choices=("quantile", "fixed"),
        help="quantile cut points, or fixed thresholds on every axis",
    )
    score.add_argument("--bins", type=int, metavar="N", help="score bins, 2-9 (default 5)")
    score.add_argument("--r-breaks", metavar="a,b,..", help="recency day limits (fixed)")
    score.add_argument("--f-breaks", metavar="a,b,..", help="frequency lower bounds (fixed)")
    score.add_argument("--m-breaks", metavar="a,b,..", help="monetary lower bounds (fixed)")
    score.add_argument("--weights", metavar="r,f,m", help="weights of rfm_score (default 1,1,1)")
    score.add_argument(
        "--scheme",
        metavar="NAME|FILE.json",
        help="segment scheme: classic, seed5, cn8, activity, or a JSON file",
    )
    score.add_argument(
        "--reference",
        choices=("mean", "median"),
        help="cn8: an axis is high above the mean or the median of all customers (default mean)",
    )
    score.add_argument(
        "--basis",
        choices=("scores", "values"),
        help="cn8: compare the scores or the raw values (fewer days is high) (default scores)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of segment names and labels (default: $RFM_LANG, else the system "
        "locale: zh_CN, zh_TW or en)",
    )
    parser.add_argument("--config", metavar="FILE.json", help="settings saved by an earlier run")


def _numbers(text: str, option: str) -> tuple[float, ...]:
    try:
        return tuple(float(p) for p in text.replace(";", ",").split(",") if p.strip())
    except ValueError:
        raise ConfigError(
            f"{option}: {text!r} is not a list of numbers like 30,60,90,120",
            option=option,
            value=text,
        ) from None


def config_from_args(args: argparse.Namespace, base: RfmConfig | None = None) -> RfmConfig:
    """The configuration of a run: ``--config`` (else ``base``, e.g. a workspace's settings,
    else defaults), then the flags given."""
    base = RfmConfig.load(args.config) if args.config else base or RfmConfig()
    rep = dataclasses.replace

    roles = {
        k: getattr(args, k)
        for k in ("customer", "date", "amount", "quantity", "price", "order", "status")
    }
    columns = base.columns
    if roles["amount"]:
        columns = rep(columns, quantity=None, price=None)
    if roles["quantity"] or roles["price"]:
        columns = rep(columns, amount=None)
    changes = {k: v for k, v in roles.items() if v}
    if args.contact:
        changes["contacts"] = tuple(args.contact)
    if getattr(args, "customer_fallback", None):
        changes["customer_fallback"] = tuple(args.customer_fallback)
    if args.order_total:
        changes["amount_is_order_total"] = True
    for role in LIST_ROLES:
        if getattr(args, role, None):
            changes[role] = getattr(args, role)
    if args.last_purchase:
        changes["days_since"] = None
    if args.days_since:
        changes["last_purchase"] = None
    if args.table_kind:
        changes["kind"] = args.table_kind
    columns = rep(columns, **changes)

    reading = base.reading
    # A name, or a number counted from 1: the engine prefers a sheet of that name ("2019").
    sheet = args.sheet
    reading = rep(
        reading,
        **{
            k: v
            for k, v in (
                ("encoding", args.encoding),
                ("sheet", sheet),
                ("dayfirst", args.dayfirst),
                ("engine", getattr(args, "engine", None)),
                ("decimal", _DECIMALS.get(getattr(args, "decimal", None) or "")),
            )
            if v is not None
        },
    )
    reading = _reading_layout(reading, args)

    cleaning = base.cleaning
    if args.keep_duplicates:
        cleaning = rep(cleaning, drop_duplicates=False)
    if args.returns:
        cleaning = rep(cleaning, returns=args.returns)
    if getattr(args, "currency", None):
        cleaning = rep(cleaning, currency=args.currency.strip().upper())

    period = base.period
    if args.as_of:
        period = rep(period, as_of=parse_iso_date(args.as_of, "--as-of"))
    if args.start:
        period = rep(period, start=parse_iso_date(args.start, "--start"))

    metrics = base.metrics
    if args.frequency:
        metrics = rep(metrics, frequency=args.frequency)
    if args.monetary:
        metrics = rep(metrics, monetary=args.monetary)

    scoring = _scoring(base, args)
    segments = base.segments
    if args.scheme:
        scheme = (
            args.scheme
            if args.scheme in ("classic", "seed5", "cn8", "activity")
            else load_scheme(args.scheme)
        )
        segments = rep(segments, scheme=scheme)
    if args.reference:
        segments = rep(segments, reference=args.reference)
    if args.basis:
        segments = rep(segments, basis=args.basis)
    return rep(
        base,
        columns=columns,
        reading=reading,
        cleaning=cleaning,
        period=period,
        metrics=metrics,
        scoring=scoring,
        segments=segments,
        lang=args.lang or (base.lang if args.config else cli_language(None)),
    )


_DECIMALS = {".": ".", ",": ",", "point": ".", "comma": ","}


def _reading_layout(reading, args: argparse.Namespace):
    """``--delimiter`` and ``--header-row`` (1-based on the command line, 0-based in options)."""
    changes = {}
    delimiter = getattr(args, "delimiter", None)
    if delimiter:
        changes["delimiter"] = {"tab": "\t", "\\t": "\t", "space": "whitespace"}.get(
            delimiter.lower(), delimiter
        )
    header_row = getattr(args, "header_row", None)
    if header_row is not None:
        if header_row < 1:
            raise ConfigError("--header-row counts from 1", option="--header-row", value=header_row)
        changes["header_row"] = header_row - 1
    return dataclasses.replace(reading, **changes) if changes else reading


def _scoring(base: RfmConfig, args: argparse.Namespace):
    rep = dataclasses.replace
    scoring = base.scoring
    bins = args.bins if args.bins is not None else scoring.bins
    breaks = {
        "recency": args.r_breaks,
        "frequency": args.f_breaks,
        "monetary": args.m_breaks,
    }
    axes = {}
    for axis, text in breaks.items():
        current = scoring.axis(axis)
        if text:
            axes[axis] = AxisScoring("fixed", _numbers(text, f"--{axis[0]}-breaks"))
        elif args.method == "fixed":
            if current.method != "fixed":
                raise ConfigError(
                    f"--method fixed needs thresholds for every axis: give --{axis[0]}-breaks",
                    option=f"--{axis[0]}-breaks",
                )
            axes[axis] = current
        elif args.method == "quantile":
            axes[axis] = AxisScoring()
        else:
            axes[axis] = current
    if args.method == "quantile" and any(breaks.values()):
        raise ConfigError(
            "--method quantile contradicts the --r/f/m-breaks thresholds given", option="--method"
        )
    weights = scoring.weights
    if args.weights:
        weights = _numbers(args.weights, "--weights")
        if len(weights) != 3:
            raise ConfigError(
                f"--weights needs three numbers r,f,m, not {args.weights!r}", option="--weights"
            )
        weights = tuple(int(w) if w.is_integer() and abs(w) < 2**53 else w for w in weights)
    return rep(scoring, bins=bins, weights=weights, **axes)


def protected_paths(args: argparse.Namespace, paths: list[Path]) -> list[Path]:
    """Every file the run reads (the data ``paths``, ``--config``, a ``--scheme`` file): no
    output may replace one of them."""
    protected = list(paths)
    for name in ("config", "scheme"):
        value = getattr(args, name, None)
        if value and Path(value).is_file():
            protected.append(Path(value))
    return protected


def input_paths(args: argparse.Namespace) -> list[Path]:
    if args.inputs:
        return [Path(p) for p in args.inputs]
    return [sample_orders_path()]


def input_source(args: argparse.Namespace) -> tuple[Source, list[Path]]:
    """What to analyse, and the files that must never be overwritten: the files (or the
    built-in sample), or a database table named by a URL with ``--table``/``--query``."""
    table, query = getattr(args, "table", None), getattr(args, "query", None)
    if len(args.inputs) == 1 and is_database_url(args.inputs[0]):
        return DatabaseSource(args.inputs[0], table=table, query=query), []
    if table or query:
        raise ConfigError(
            "--table and --query go with a database URL as INPUT (e.g. postgresql://host/shop)",
            option="--table",
        )
    paths = input_paths(args)
    return paths, paths


def source_label(source: Source) -> str:
    """How the input is named in printed summaries and reports."""
    if isinstance(source, DatabaseSource):
        return source.name
    return ", ".join(Path(p).name for p in source)
