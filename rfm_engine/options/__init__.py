"""Stage 0, what the user declares: every option of a run (frozen dataclasses, saved and loaded
as JSON) and the segment schemes (rule tables shipped as data in ``scheme_data/``).

Modules: ``config`` (the option dataclasses), ``schemes`` (schemes and their loading),
``scheme_kinds`` (one class per kind of rule table), ``scheme_check`` (coverage findings).
"""

from .config import (
    LIST_ROLES,
    PLAUSIBLE_FIRST_DAY,
    PLAUSIBLE_LAST_DAY,
    PLAUSIBLE_MAX_AMOUNT,
    TABLE_KINDS,
    AxisScoring,
    CleaningRules,
    ColumnMap,
    MetricsConfig,
    Period,
    ReadOptions,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    parse_iso_date,
)
from .scheme_check import SchemeCheck
from .scheme_kinds import KINDS, SchemeKind
from .schemes import BUILTIN_SCHEMES, LANGS, SegmentScheme, check_scheme, load_scheme
from .segment_rules import Segment

__all__ = [
    "BUILTIN_SCHEMES",
    "KINDS",
    "LANGS",
    "LIST_ROLES",
    "PLAUSIBLE_FIRST_DAY",
    "PLAUSIBLE_LAST_DAY",
    "PLAUSIBLE_MAX_AMOUNT",
    "TABLE_KINDS",
    "AxisScoring",
    "CleaningRules",
    "ColumnMap",
    "MetricsConfig",
    "Period",
    "ReadOptions",
    "RfmConfig",
    "SchemeCheck",
    "SchemeKind",
    "ScoringConfig",
    "Segment",
    "SegmentConfig",
    "SegmentScheme",
    "check_scheme",
    "load_scheme",
    "parse_iso_date",
]
