"""Predictions from purchase histories: the BG/NBD model (repeat purchases, probability still
active) and the Gamma-Gamma model (spend per order), fitted by maximum likelihood on scipy.

Typical use::

    from rfm_engine.prediction import PredictionOptions, analyze_with_predictions
    result, prediction = analyze_with_predictions("orders.csv", RfmConfig(), PredictionOptions())
    prediction.customers, prediction.segments, prediction.to_dict(), prediction.warnings

Importing this package does not import scipy; fitting does (see :mod:`.forecast`).
"""

from .options import PredictionOptions
from .pipeline import analyze_with_predictions, cleaned_purchases
from .report_sheet import prediction_sheet_writer
from .result import PredictionResult, prediction_columns
from .summary_data import summary_from_purchases

__all__ = [
    "PredictionOptions",
    "PredictionResult",
    "analyze_with_predictions",
    "cleaned_purchases",
    "prediction_columns",
    "prediction_sheet_writer",
    "summary_from_purchases",
]
