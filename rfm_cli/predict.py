"""``rfm predict``: who is still a customer, what they will buy next, what each is worth
(BG/NBD and Gamma-Gamma models); and the ``--predict`` option of ``rfm analyze``.

Warnings about the limits of the numbers go to stderr as ``warning: …`` lines (and into the JSON
with ``--json``), never silently dropped.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from rfm_engine import RfmError
from rfm_engine.outputs import localized, write_csv, write_together
from rfm_engine.prediction import (
    PredictionOptions,
    PredictionResult,
    analyze_with_predictions,
)

from .console import Console
from .export import add_header_option
from .help_text import examples
from .options import add_data_options, config_from_args, input_paths, protected_paths
from .text_table import format_table


def add_prediction_options(parser: argparse.ArgumentParser) -> None:
    """``--horizon``, ``--discount``, ``--lost-below``, ``--validate``, ``--holdout``: shared by
    ``predict`` and ``analyze``."""
    group = parser.add_argument_group("predictions")
    group.add_argument(
        "--horizon",
        metavar="DAYS",
        type=int,
        action="append",
        help="predict purchases and revenue this many days ahead (repeatable; default 90 and 365)",
    )
    group.add_argument(
        "--discount",
        metavar="RATE",
        type=float,
        default=0.0,
        help="monthly discount rate for expected revenue, e.g. 0.01 (default 0)",
    )
    group.add_argument(
        "--lost-below",
        metavar="P",
        type=float,
        default=0.5,
        help="a customer whose probability of still buying is below P is likely lost (default 0.5)",
    )
    group.add_argument(
        "--validate",
        action="store_true",
        help="also fit on the earlier part of the history and compare predicted with actual "
        "purchases in the later part (the holdout check)",
    )
    group.add_argument(
        "--holdout",
        metavar="DAYS",
        type=int,
        help="length of the later part for --validate (default: half the history)",
    )


def prediction_options(args: argparse.Namespace) -> PredictionOptions:
    horizons = tuple(args.horizon) if args.horizon else (90, 365)
    return PredictionOptions(
        horizons_days=horizons, monthly_discount=args.discount, lost_below=args.lost_below
    )


def add_predict_command(commands) -> None:
    """Register ``predict`` on the ``rfm`` sub-command parser."""
    cmd = commands.add_parser(
        "predict",
        help="predict who is still active, purchases and revenue ahead, next order dates",
        description="Fit the BG/NBD (repeat purchases, probability still active) and "
        "Gamma-Gamma (spend per order) models to the purchases, and predict per customer and "
        "per segment. Time in the parameters is in weeks. With --json: parameters, fit "
        "diagnostics, totals, the per-segment table and the warnings.",
        epilog=examples(
            ("rfm predict orders.csv", "parameters, totals and the per-segment table"),
            (
                "rfm predict orders.csv --horizon 30 --validate --out predictions/",
                "30 days ahead, checked on a holdout, written per customer",
            ),
        ),
    )
    add_data_options(cmd)
    add_prediction_options(cmd)
    cmd.add_argument(
        "--out",
        metavar="DIR",
        help="also write predictions.csv (per customer) and prediction_segments.csv there",
    )
    add_header_option(cmd)
    cmd.set_defaults(handler=run_predict)


def run_predict(args: argparse.Namespace) -> int:
    console = Console.of(args)
    paths = input_paths(args)
    console.progress("predict", ("reading, scoring, fitting",))
    result, prediction = analyze_with_predictions(
        paths,
        config_from_args(args),
        prediction_options(args),
        validate=args.validate,
        holdout_days=args.holdout,
    )
    console.end_progress()
    if args.out:
        out = _out_folder(args.out)
        table = customers_with_segments(prediction, result.customers)
        protected = protected_paths(args, paths)
        with write_together():  # both new, or both as they were
            words = args.header_lang
            write_csv(localized(table, words), out / "predictions.csv", inputs=protected)
            segments = localized(prediction.segments, words)
            write_csv(segments, out / "prediction_segments.csv", inputs=protected)
        console.wrote(out / "predictions.csv", out / "prediction_segments.csv")
    console.warn([*result.warnings, *prediction.warnings])
    console.set(**prediction_fields(prediction))
    console.out(render_prediction(prediction))
    if args.out:
        console.out(f"\nWritten to {args.out}: predictions.csv, prediction_segments.csv")
    return 0


def prediction_fields(prediction: PredictionResult) -> dict:
    """The predictions as JSON fields: ``PredictionResult.to_dict()`` (its warnings go into
    the envelope's ``warnings``) and the per-segment table."""
    data = prediction.to_dict()
    data.pop("warnings", None)
    data["segments"] = _records(prediction.segments)
    return data


def customers_with_segments(prediction: PredictionResult, customers: pd.DataFrame) -> pd.DataFrame:
    """Per customer: id, segment, then the prediction columns."""
    keys = customers[["customer_id", "segment"]].astype({"customer_id": str})
    return keys.merge(prediction.customers, on="customer_id", how="left", validate="1:1")


def render_prediction(prediction: PredictionResult) -> str:
    """Parameters, totals, the per-segment table and (with --validate) the holdout check."""
    parts = [f"Predictions as of {prediction.as_of} (model time in weeks)"]
    if prediction.bgnbd is not None:
        bg = prediction.bgnbd.params
        parts.append(
            f"BG/NBD: r = {bg.r:.4g}, alpha = {bg.alpha:.4g}, a = {bg.a:.4g}, b = {bg.b:.4g} "
            f"(log-likelihood {prediction.bgnbd.diagnostics.log_likelihood:,.1f})"
        )
    if prediction.gamma_gamma is not None:
        gg = prediction.gamma_gamma.params
        parts.append(f"Gamma-Gamma: p = {gg.p:.4g}, q = {gg.q:.4g}, gamma = {gg.gamma:.4g}")
    totals = prediction.totals()
    lines = [f"Customers likely lost: {totals['likely_lost']:,} of {totals['customers']:,}"]
    for h in prediction.options.horizons_days:
        revenue = totals[f"expected_revenue_{h}d"]
        purchases = totals[f"expected_purchases_{h}d"]
        if revenue is not None:
            lines.append(f"Expected revenue next {h} days: {revenue:,.2f}")
        if purchases is not None:
            lines.append(f"Expected purchases next {h} days: {purchases:,.1f}")
    parts.append("\n".join(lines))
    if prediction.segments is not None:
        parts.append(_segment_table(prediction))
    if prediction.validation is not None:
        parts.append(_validation_text(prediction))
    return "\n\n".join(parts)


def _segment_table(prediction: PredictionResult) -> str:
    horizons = prediction.options.horizons_days
    headers = ("Segment", "Customers", "Mean P(alive)", "Likely lost")
    headers += tuple(f"Revenue {h}d" for h in horizons)
    rows = []
    for row in prediction.segments.to_dict(orient="records"):
        cells = [
            str(row["segment"]),
            f"{row['customers']:,}",
            _number(row["mean_p_alive"], "{:.2f}"),
            f"{row['likely_lost']:,}",
        ]
        cells += [_number(row[f"expected_revenue_{h}d"], "{:,.2f}") for h in horizons]
        rows.append(cells)
    return format_table(headers, rows, (False, *([True] * (len(headers) - 1))))


def _validation_text(prediction: PredictionResult) -> str:
    check = prediction.validation
    head = (
        f"Holdout check: fitted to {check.calibration_end}, predicted the next "
        f"{check.holdout_days} days to {check.holdout_end} for {check.customers:,} customers\n"
        f"Purchases predicted {check.predicted_total:,.1f}, actual {check.actual_total:,} "
        f"({check.relative_error:+.1%}); mean absolute error per customer "
        f"{check.mean_absolute_error:.3f}"
    )
    rows = [
        (
            str(r["calibration_repeat_purchases"]),
            f"{r['customers']:,}",
            f"{r['predicted_mean']:.3f}",
            f"{r['actual_mean']:.3f}",
        )
        for r in check.by_frequency.to_dict(orient="records")
    ]
    table = format_table(
        ("Repeat purchases before", "Customers", "Predicted mean", "Actual mean"),
        rows,
        (True, True, True, True),
    )
    return head + "\n\n" + table


def _number(value: float, fmt: str) -> str:
    return "" if pd.isna(value) else fmt.format(value)


def _records(frame: pd.DataFrame | None) -> list[dict] | None:
    if frame is None:
        return None
    return json.loads(frame.to_json(orient="records"))


def _out_folder(path: str) -> Path:
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise RfmError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    return out


def analyze_predictions(args: argparse.Namespace, paths, config, *, progress=None):
    """``rfm analyze``: (result, predictions or None without ``--predict``)."""
    if not args.predict:
        from rfm_engine import analyze

        return analyze(paths, config, progress=progress), None
    return analyze_with_predictions(
        paths,
        config,
        prediction_options(args),
        validate=args.validate,
        holdout_days=args.holdout,
    )


def customers_with_predictions(result, prediction: PredictionResult) -> pd.DataFrame:
    """customers.csv of ``rfm analyze --predict``: the usual columns, the prediction columns,
    then the contact columns."""
    table = result.customers_table()
    merged = table.merge(prediction.customers, on="customer_id", how="left", validate="1:1")
    contacts = list(result.contacts)
    rest = [c for c in merged.columns if c not in contacts]
    return merged[rest + contacts]


def print_prediction_summary(prediction: PredictionResult, console: Console) -> None:
    """For ``rfm analyze --predict``: the totals and the warnings."""
    console.warn(prediction.warnings)
    totals = prediction.totals()
    line = f"Predictions: customers likely lost {totals['likely_lost']:,}"
    for h in prediction.options.horizons_days:
        revenue = totals[f"expected_revenue_{h}d"]
        if revenue is not None:
            line += f"; expected revenue next {h} days {revenue:,.2f}"
    console.out(line + " (columns in customers.csv, per segment in prediction_segments.csv)")
    if prediction.validation is not None:
        console.out("\n" + _validation_text(prediction))
