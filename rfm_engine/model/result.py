"""The result of one analysis: the answer together with everything used to get it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..cleaning.rules import CleaningReport
from ..notes import RfmWarning
from ..options.config import RfmConfig
from ..options.schemes import SegmentScheme
from .scoring import AxisCuts

#: Columns of the customers table as exported, in order; contact columns follow.
CUSTOMER_COLUMNS = (
    "customer_id",
    "recency_days",
    "frequency",
    "monetary",
    "r_score",
    "f_score",
    "m_score",
    "rfm_code",
    "rfm_score",
    "segment",
    "segment_name",
)


@dataclass(frozen=True, kw_only=True)
class ScoredSummary:
    """What describes one analysis, wherever its customers are: the segment summary, the cut
    points used, the cleaning report, the analysis date and the configuration (columns
    resolved) used."""

    summary: pd.DataFrame = field(repr=False)
    cut_points: dict[str, AxisCuts]
    cleaning: CleaningReport = field(repr=False)
    as_of: dt.date
    config: RfmConfig
    scheme: SegmentScheme = field(repr=False)
    contacts: tuple[str, ...] = ()
    segment_references: dict[str, float] | None = None
    first_purchase: dt.date | None = None
    last_purchase: dt.date | None = None
    #: Every uncertain choice made on the way and every limit of the result, in stage order
    #: (see :mod:`rfm_engine.notes`); each face shows them.
    warnings: tuple[RfmWarning, ...] = ()
    #: The path that computed the per-customer totals (see :class:`CustomerTotals`):
    #: ``"memory"``, ``"arrow"``, ``"duckdb"``, ``"duckdb-chunks"`` or ``"database"``.
    engine: str = "memory"

    def cut_points_table(self) -> pd.DataFrame:
        """One row per axis: method, bins, cut points and customers per score."""
        return cut_points_frame(self.cut_points)


@dataclass(frozen=True, kw_only=True)
class RfmResult(ScoredSummary):
    """Customers with metrics, scores and segments, with all that describes them."""

    customers: pd.DataFrame = field(repr=False)

    @property
    def customer_count(self) -> int:
        return len(self.customers)

    def customers_table(self) -> pd.DataFrame:
        """The customers table as exported: :data:`CUSTOMER_COLUMNS`, then contact columns."""
        return self.customers[[*CUSTOMER_COLUMNS, *self.contacts]]


@dataclass(frozen=True, kw_only=True)
class DatabaseScores(ScoredSummary):
    """An analysis scored where the data is: the database wrote the customers table
    (:data:`CUSTOMER_COLUMNS`, then contact columns) into its table ``table``; only what
    describes it came back."""

    table: str
    customer_count: int
    engine: str = "database"


def cut_points_frame(cut_points: dict[str, AxisCuts]) -> pd.DataFrame:
    """One row per axis: method, bins, cut points and customers per score."""
    return pd.DataFrame.from_records(
        [
            {
                "axis": c.axis,
                "method": c.method,
                "bins": c.bins,
                "cut_points": " | ".join(f"{x:g}" for x in c.cut_points),
                "customers_per_score": " | ".join(str(n) for n in c.counts),
                "unused_scores": " ".join(str(s) for s in c.unused_scores),
            }
            for c in cut_points.values()
        ]
    )
