"""The Excel functions ``RFM.TABLE``, ``RFM.SUMMARY``, ``RFM.SCORE`` … through xlwings.

Thin wrappers: each reshapes cell values (:mod:`excel_addin.cells`), calls the engine and hands
the answer back as cells. Bad input gives a text cell ``#RFM! <problem>``, never an error box.

Names: xlwings Lite and xlwings Server register a function as ``NAMESPACE.PYTHON_NAME`` in upper
case (xlwings 0.33 to 0.37 alike; only 0.37 and later also accept ``name=``), so the Python
functions are called ``table``, ``summary`` … to register as ``RFM.TABLE``, ``RFM.SUMMARY`` on
every version. The classic Windows add-in names a function exactly after its Python name and
allows no dot: :mod:`excel_addin.classic_addin` gives it ``RFM_TABLE`` … over the same code.
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pandas as pd
import xlwings as xw

from rfm_engine import (
    ConfigError,
    DataError,
    Period,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    __version__,
    analyze,
    load_scheme,
)
from rfm_engine.io import parse_dates
from rfm_engine.model import assign_segments, default_as_of, quantile_cut_points, quantile_scores

from . import cells, notes_table
from .cell_errors import cell_errors
from .number_formats import COLUMN_FORMATS, for_runtime
from .scheme_table import scheme_rules

NAMESPACE = "RFM"
TABLE_COLUMNS = cells.TABLE_COLUMNS

ORDERS_DOC = (
    "Orders with a header row (columns found as when importing a file), exactly three "
    "columns: customer, date, amount, or a customer list (last order date, orders, total spent)"
)
AS_OF_DOC = "Analysis date (default: the day after the latest purchase)"
BINS_DOC = "Number of scores per axis, 2-9 (default 5; 5 is best)"
SCHEME_DOC = "Segment scheme: classic, seed5, cn8, activity or a .json file (default classic)"
LANG_DOC = "Language of segment names: en, zh_CN or zh_TW (default en)"
NOTES_DOC = (
    "FALSE leaves out the line below the table that counts the warnings and rows left out "
    "(RFM.NOTES lists them); default TRUE"
)


class FormattedCells(xw.conversion.Converter):
    """Return converter: formatted numbers where Excel shows them (runtime 1.4+), plain
    numbers elsewhere (:mod:`excel_addin.number_formats`)."""

    @staticmethod
    def write_value(value, options):
        return for_runtime(value, options)


def _func(func):
    """Register ``func`` as ``RFM.<PYTHON NAME>`` with the formatted-number return converter."""
    return xw.func(namespace=NAMESPACE)(xw.ret(FormattedCells)(func))


def _orders_func(func, notes=True):
    """``_func`` plus the argument help shared by RFM.TABLE, RFM.SUMMARY and RFM.NOTES."""
    options = {"as_of": AS_OF_DOC, "bins": BINS_DOC, "scheme": SCHEME_DOC, "lang": LANG_DOC}
    if notes:
        options["notes"] = NOTES_DOC
    for arg, doc in options.items():
        func = xw.arg(arg, doc=doc)(func)
    func = xw.arg("orders", "raw", doc=ORDERS_DOC)(func)
    return _func(func)


def _config(as_of, bins, scheme, lang) -> RfmConfig:
    return RfmConfig(
        period=Period(as_of=cells.date_value(as_of, "as_of")),
        scoring=ScoringConfig(bins=cells.int_value(bins, "bins", 5)),
        segments=SegmentConfig(scheme=cells.text_value(scheme, "scheme", "classic")),
        lang=cells.text_value(lang, "lang", "en"),
    )


def _analyze(orders, as_of, bins, scheme, lang):
    frame, columns = cells.orders_frame(orders)
    config = dataclasses.replace(_config(as_of, bins, scheme, lang), columns=columns)
    return analyze(frame, config)


def _footed(rows, result, notes):
    """``rows`` with the line about warnings and rows left out below, unless ``notes`` is
    FALSE."""
    show = cells.is_blank(notes) or cells.bool_value(notes, "notes")
    return notes_table.with_footer(rows, result, result.config.lang, show)


@_orders_func
@cell_errors
def table(orders, as_of=None, bins=None, scheme=None, lang=None, notes=None):
    """One row per customer: recency, frequency, monetary, R F M scores, code, score and
    segment, as the desktop app and the rfm command give them; a line below says how many
    warnings and rows left out RFM.NOTES lists."""
    result = _analyze(orders, as_of, bins, scheme, lang)
    rows = cells.table_cells(result.customers[list(TABLE_COLUMNS)], COLUMN_FORMATS)
    return _footed(rows, result, notes)


@_orders_func
@cell_errors
def summary(orders, as_of=None, bins=None, scheme=None, lang=None, notes=None):
    """One row per segment: customers, shares, orders, revenue, averages and the recommended
    action; a line below says how many warnings and rows left out RFM.NOTES lists."""
    result = _analyze(orders, as_of, bins, scheme, lang)
    return _footed(cells.table_cells(result.summary, COLUMN_FORMATS), result, notes)


@functools.partial(_orders_func, notes=False)
@cell_errors
def notes(orders, as_of=None, bins=None, scheme=None, lang=None):
    """The warnings behind RFM.TABLE and RFM.SUMMARY with the same arguments, and the rows
    cleaning left out: code, meaning, details, evidence and the argument that changes each."""
    result = _analyze(orders, as_of, bins, scheme, lang)
    return notes_table.note_rows(result, result.config.lang)


@_func
@xw.arg("value", "raw", doc="The value to score, or a whole column of values (spills)")
@xw.arg("values", "raw", doc="The column it is scored within (e.g. every customer's monetary)")
@xw.arg("bins", doc=BINS_DOC)
@xw.arg("lower_is_better", doc="TRUE for recency days (fewer days score higher); default FALSE")
@cell_errors
def score(value, values, bins=None, lower_is_better=None):
    """The quantile score (1 to bins, highest best) of a value, or of every value of a column,
    within a column, by the rule of RFM.TABLE."""
    n = ScoringConfig(bins=cells.int_value(bins, "bins", 5)).bins
    axis = "recency" if cells.bool_value(lower_is_better, "lower_is_better") else "monetary"
    cuts = quantile_cut_points(cells.numbers(values, "values"), n)
    grid, given = cells.number_grid(value, "value")
    if not given.any():
        raise DataError("value: no number given", column="value")
    scores = quantile_scores(grid[given], cuts, axis, n)
    out = np.full(grid.shape, None, dtype=object)
    out[given] = scores.astype(int).tolist()
    return out[0, 0] if out.shape == (1, 1) else out.tolist()


@_func
@xw.arg("values", "raw", doc="A column of values (e.g. every customer's frequency)")
@xw.arg("bins", doc=BINS_DOC)
@cell_errors
def thresholds(values, bins=None):
    """The quantile cut points (bins - 1 of them, in a column) that RFM.SCORE and RFM.TABLE
    use for this column."""
    n = ScoringConfig(bins=cells.int_value(bins, "bins", 5)).bins
    return [[float(c)] for c in quantile_cut_points(cells.numbers(values, "values"), n)]


@_func
@xw.arg("r", "raw", doc="R score (a cell or a column)")
@xw.arg("f", "raw", doc="F score")
@xw.arg("m", "raw", doc="M score")
@xw.arg("scheme", doc="Segment scheme: classic, seed5 or a .json rule table (default classic)")
@xw.arg("lang", doc=LANG_DOC)
@cell_errors
def segment(r, f, m, scheme=None, lang=None):
    """The segment name for R, F and M scores (a single cell, or columns of scores)."""
    chosen = SegmentConfig(scheme=cells.text_value(scheme, "scheme", "classic"))
    language = RfmConfig(lang=cells.text_value(lang, "lang", "en")).lang
    rules = load_scheme(chosen.scheme)
    if not rules.rules.by_scores:
        raise ConfigError(
            f"the {rules.key!r} scheme does not segment by scores alone; use RFM.TABLE",
            option="scheme",
        )
    scores = [cells.numbers(v, axis) for v, axis in ((r, "r"), (f, "f"), (m, "m"))]
    if len({len(s) for s in scores}) != 1:
        raise DataError("r, f and m must have the same number of scores")
    bins = rules.bins or 5
    for axis, s in zip("rfm", scores, strict=True):
        bad = s[(s != np.floor(s)) | (s < 1) | (s > bins)]
        if len(bad):
            raise DataError(f"{axis}: {bad[0]:g} is not a score from 1 to {bins}")
    table = pd.DataFrame({"r_score": scores[0], "f_score": scores[1], "m_score": scores[2]})
    keys = assign_segments(table, rules, bins=bins, options=chosen).keys
    names = [rules.segment(k).name(language) for k in keys]
    return names[0] if len(names) == 1 else [[n] for n in names]


@_func
@xw.arg("last_date", "raw", doc="Date of the last purchase (a cell or a column)")
@xw.arg("as_of", doc="Analysis date (default: the day after the latest date given)")
@cell_errors
def recency(last_date, as_of=None):
    """Days from the last purchase to the analysis date (a purchase on the analysis date
    gives 0)."""
    flat = [v for row in cells.matrix(last_date) for v in row]
    given = pd.Series([None if cells.is_blank(v) else v for v in flat], dtype=object)
    dates = parse_dates(given, column="last_date")
    unread = dates.isna() & given.notna()
    if unread.any():
        bad = given[unread].iloc[0]
        raise DataError(f"last_date: cannot read {bad!r} as a date", column="last_date")
    if dates.isna().all():
        raise DataError("last_date: no date given", column="last_date")
    day = cells.date_value(as_of, "as_of") or default_as_of(pd.DataFrame({"date": dates}))
    days = (pd.Timestamp(day) - dates).dt.days
    out = [None if pd.isna(d) else int(d) for d in days]
    return out[0] if len(out) == 1 else [[d] for d in out]


@_func
@xw.arg("scheme", doc=SCHEME_DOC)
@xw.arg("lang", doc=LANG_DOC)
@cell_errors
def segments(scheme=None, lang=None):
    """The scheme's rule table: each segment with its rule and recommended action."""
    chosen = SegmentConfig(scheme=cells.text_value(scheme, "scheme", "classic"))
    language = RfmConfig(lang=cells.text_value(lang, "lang", "en")).lang
    return cells.table_cells(scheme_rules(load_scheme(chosen.scheme), language))


HORIZON_DOC = "Days ahead to predict purchases and revenue (default 90)"
DISCOUNT_DOC = "Monthly discount rate for expected revenue, e.g. 0.01 (default 0)"


def _predict(orders, as_of, horizon, discount):
    from rfm_engine.prediction import PredictionOptions, analyze_with_predictions

    frame, columns = cells.orders_frame(orders)
    config = dataclasses.replace(_config(as_of, None, None, None), columns=columns)
    options = PredictionOptions(
        horizons_days=(cells.int_value(horizon, "horizon", 90),),
        monthly_discount=0.0
        if cells.is_blank(discount)
        else cells.numbers(discount, "discount")[0],
    )
    return analyze_with_predictions(frame, config, options)


@_func
@xw.arg("orders", "raw", doc=ORDERS_DOC)
@xw.arg("as_of", doc=AS_OF_DOC)
@xw.arg("horizon", doc=HORIZON_DOC)
@xw.arg("discount", doc=DISCOUNT_DOC)
@cell_errors
def predict(orders, as_of=None, horizon=None, discount=None):
    """One row per customer: probability still active, likely lost, expected purchases, spend
    per order and revenue over the horizon, expected next order date (BG/NBD and Gamma-Gamma
    models); the warnings about the numbers (the analysis', then the models') follow the
    table, in its last column."""
    result, prediction = _predict(orders, as_of, horizon, discount)
    names = result.customers.set_index(result.customers["customer_id"].astype(str))
    table = prediction.customers.copy()
    table.insert(1, "segment_name", names["segment_name"].reindex(table["customer_id"]).to_numpy())
    rows = cells.table_cells(table)
    warnings = [*result.warnings, *prediction.warnings]
    if warnings:
        width = len(table.columns)
        rows.append([None] * width)
        # In the last column, as the line below RFM.TABLE: from there a line reads on to the
        # right instead of being cut at the first column's width.
        rows += [
            notes_table.safe_row([None] * (width - 1) + [f"warning: {w.message}"]) for w in warnings
        ]
    return rows


@_func
@xw.arg("orders", "raw", doc=ORDERS_DOC)
@xw.arg("as_of", doc=AS_OF_DOC)
@xw.arg("horizon", doc=HORIZON_DOC)
@xw.arg("discount", doc=DISCOUNT_DOC)
@cell_errors
def predict_info(orders, as_of=None, horizon=None, discount=None):
    """Two columns: the fitted parameters (time in weeks), fit diagnostics, totals (expected
    revenue, customers likely lost) and the warnings of RFM.PREDICT (the analysis' first)."""
    result, prediction = _predict(orders, as_of, horizon, discount)
    data = prediction.to_dict()
    rows: list[list[object]] = [
        ["item", "value"],
        ["as_of", prediction.as_of],
        ["time_unit", data["time_unit"]],
    ]
    for model in ("bgnbd", "gamma_gamma"):
        if data[model] is None:
            continue
        rows += [[f"{model}.{k}", v] for k, v in data[model]["params"].items()]
        diagnostics = data[model]["diagnostics"]
        rows += [[f"{model}.{k}", diagnostics[k]] for k in ("log_likelihood", "converged")]
    rows += [[k, v] for k, v in data["totals"].items()]
    rows += [["warning", w.message] for w in result.warnings]
    rows += [["warning", w["message"]] for w in data["warnings"]]
    return [notes_table.safe_row(r) for r in rows]


@_func
@cell_errors
def version():
    """The version of the RFM engine behind these functions."""
    return __version__


#: The Python names of the functions (registered as ``RFM.<NAME>``).
__all__ = [
    "notes",
    "predict",
    "predict_info",
    "recency",
    "score",
    "segment",
    "segments",
    "summary",
    "table",
    "thresholds",
    "version",
]
