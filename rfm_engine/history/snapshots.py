"""The analysis at every period end across a shop's whole history.

Each snapshot is :func:`rfm_engine.analyze` of all stored rows with ``period.as_of`` set to the
period end (a month's last day, a week's Sunday, a quarter's last day), so it equals
``rfm analyze --as-of END`` on the same data: purchases after the end are left out, recency
counts days to the end, frequency and monetary add up everything bought until then.

Cut points: per period by default. Quantile scores rank each customer among the customers of
that date, so "Champions" keeps meaning the best fifth then; frozen cut points would drift
(frequency and monetary only grow as history accumulates, so later periods would fill the top
scores). ``freeze=END`` takes the quantile cut points of that period and applies them as fixed
thresholds to every period, for sizes in absolute terms (same days, orders and money limits).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ConfigError
from ..model import CUSTOMER_COLUMNS, RfmResult
from ..notes import RfmWarning
from ..options import AxisScoring, RfmConfig, ScoringConfig
from ..pipeline import analyze
from .notices import history_warning

PERIODS = ("month", "week", "quarter")
_FREQ = {"month": "M", "week": "W-SUN", "quarter": "Q-DEC"}
Progress = Callable[[int, int], None]


def period_ends(first: dt.date, last: dt.date, period: str = "month") -> list[dt.date]:
    """The ends of the periods from the one holding ``first`` to the one holding ``last``."""
    if period not in PERIODS:
        raise ConfigError(
            f"period must be one of {', '.join(PERIODS)}, not {period!r}",
            option="period",
            value=period,
        )
    spans = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq=_FREQ[period])
    return [p.end_time.date() for p in spans]


@dataclass(frozen=True)
class History:
    """Snapshots at each period end, with the settings used and what was decided.

    ``results[i]`` is the analysis at ``ends[i]``; ``config`` the settings of every snapshot
    (scoring frozen when ``frozen_from`` is set).
    """

    period: str
    ends: tuple[dt.date, ...]
    results: tuple[RfmResult, ...] = field(repr=False)
    config: RfmConfig
    frozen_from: dt.date | None = None
    warnings: tuple[RfmWarning, ...] = ()

    @property
    def cut_points_label(self) -> str:
        return f"frozen:{self.frozen_from}" if self.frozen_from else "per_period"

    def long(self) -> pd.DataFrame:
        """One row per (period end, customer): the customers table without contacts."""
        parts = [
            r.customers[list(CUSTOMER_COLUMNS)].assign(period_end=end)
            for end, r in zip(self.ends, self.results, strict=True)
        ]
        table = pd.concat(parts, ignore_index=True)
        return table[["period_end", *CUSTOMER_COLUMNS]]


def frozen_scoring(result: RfmResult) -> tuple[ScoringConfig, bool]:
    """Fixed thresholds that give exactly the quantile scores of ``result`` on its own data.

    Quantile F/M scores count cut points strictly below the value, fixed ones thresholds at or
    below it: the next float above each cut point turns one into the other. Recency uses the
    same comparison in both. Tied cut points (heavy ties) are nudged apart by one float step,
    which changes no whole number of days or orders; the flag says it happened.
    """
    scoring = result.config.scoring
    axes: dict[str, AxisScoring] = {}
    nudged = False
    for axis in ("recency", "frequency", "monetary"):
        spec = scoring.axis(axis)
        if spec.method == "fixed":
            axes[axis] = spec
            continue
        cuts = np.array(result.cut_points[axis].cut_points, dtype="float64")
        if axis != "recency":
            cuts = np.nextafter(cuts, np.inf)
        for i in range(1, len(cuts)):
            if cuts[i] <= cuts[i - 1]:
                cuts[i] = np.nextafter(cuts[i - 1], np.inf)
                nudged = True
        axes[axis] = AxisScoring("fixed", tuple(float(c) for c in cuts))
    return dataclasses.replace(scoring, **axes), nudged


def _at(config: RfmConfig, end: dt.date) -> RfmConfig:
    return dataclasses.replace(config, period=dataclasses.replace(config.period, as_of=end))


def compute_history(
    table: pd.DataFrame,
    config: RfmConfig,
    *,
    period: str = "month",
    freeze: dt.date | None = None,
    progress: Progress | None = None,
) -> History:
    """Analyse ``table`` (e.g. :meth:`Workspace.table`) at every period end.

    Parameters
    ----------
    table
        Raw rows as :func:`rfm_engine.load_table` gives them.
    config
        Settings of every snapshot (its ``period.as_of`` is replaced per snapshot).
    period
        ``month`` (default), ``week`` (ending Sunday) or ``quarter``.
    freeze
        A period end (or any day in that period): take its quantile cut points as fixed
        thresholds for all periods. Default: cut points per period.
    """
    report = progress or (lambda done, total: None)
    whole = analyze(table, config)
    first = whole.first_purchase or whole.as_of
    ends = period_ends(first, whole.last_purchase or whole.as_of, period)
    if config.period.as_of:
        ends = [e for e in ends if e < config.period.as_of] + [config.period.as_of]
    warnings = []
    if whole.last_purchase and ends[-1] > whole.last_purchase:
        warnings.append(
            history_warning(
                "last_period_open",
                f"the last period ends {ends[-1]}, after the latest purchase "
                f"({whole.last_purchase}): its recency counts the days to {ends[-1]}; weeks end "
                "closer, newer exports fill it",
                option="period",
                period_end=ends[-1],
                last_purchase=whole.last_purchase,
            )
        )
    frozen_from = None
    if freeze is not None:
        frozen_from = next((e for e in ends if e >= freeze), None)
        if frozen_from is None or freeze < first:
            raise ConfigError(
                f"the freeze date {freeze} is outside the history ({first} to {ends[-1]})",
                option="freeze",
                value=freeze,
            )
        base = analyze(table, _at(config, frozen_from))
        scoring, nudged = frozen_scoring(base)
        config = dataclasses.replace(config, scoring=scoring)
        if nudged:
            warnings.append(
                history_warning(
                    "frozen_ties",
                    f"cut points of {frozen_from} have ties; the tied thresholds were set one "
                    "float step apart (same scores for whole days and orders)",
                    option="freeze",
                    period_end=frozen_from,
                    cut_points={a: list(c.cut_points) for a, c in base.cut_points.items()},
                )
            )
    results = []
    for i, end in enumerate(ends):
        results.append(analyze(table, _at(config, end)))
        report(i + 1, len(ends))
    return History(
        period=period,
        ends=tuple(ends),
        results=tuple(results),
        config=config,
        frozen_from=frozen_from,
        warnings=tuple(warnings),
    )
