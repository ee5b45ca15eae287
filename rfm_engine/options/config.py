"""One frozen object holds every option of a run, and round-trips through JSON.

Change options with :func:`dataclasses.replace`; every class validates itself in
``__post_init__`` and raises :class:`~rfm_engine.errors.ConfigError` naming the option.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import math
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..atomic import check_target, write_text_atomic
from ..errors import ConfigError
from .schemes import SegmentScheme, load_scheme
from .settings_files import SettingsFileProblem, read_settings_json

CONFIG_VERSION = 1
LANGUAGES = ("en", "zh_CN", "zh_TW")
MIN_BINS, MAX_BINS = 2, 9
TABLE_KINDS = ("auto", "transactions", "customers")
#: The roles of a customer list (one row per customer with totals).
LIST_ROLES = ("last_purchase", "days_since", "order_count", "total_spent")


def _choice(option: str, value: Any, allowed: tuple[Any, ...]) -> None:
    if value not in allowed:
        shown = ", ".join(str(a) for a in allowed)
        raise ConfigError(
            f"{option} must be one of {shown}, not {value!r}", option=option, value=value
        )


@dataclass(frozen=True)
class ColumnMap:
    """Which source column plays which role. ``None`` means "find it automatically".

    ``amount`` or ``quantity`` × ``price`` gives the purchase amount. ``amount_is_order_total``
    says the amount column holds the order's total on its rows (line-item exports), so it counts
    once per order. ``contacts`` are carried through to exports unchanged.

    ``kind`` says what one row is: a purchase (``"transactions"``), a customer with totals
    (``"customers"``: a CRM or membership list, a shop's customer report) or ``"auto"``
    (decided from the headers and whether the customer key repeats; see
    :mod:`rfm_engine.mapping.table_kind`). A customer list uses ``last_purchase`` (or
    ``days_since``, days from the last purchase to the analysis date), ``order_count`` and
    ``total_spent`` instead of ``date`` and ``amount``.

    ``customer_fallback`` names further identifiers (e.g. Shopify's ``Phone`` beside ``Email``)
    that key a row whose customer cell is blank; ``cancelled_at`` is a column filled only on
    cancelled orders (Shopify's ``Cancelled at``); ``currency`` holds each row's currency code.
    """

    customer: str | None = None
    date: str | None = None
    amount: str | None = None
    quantity: str | None = None
    price: str | None = None
    order: str | None = None
    status: str | None = None
    contacts: tuple[str, ...] = ()
    amount_is_order_total: bool = False
    kind: Literal["auto", "transactions", "customers"] = "auto"
    last_purchase: str | None = None
    days_since: str | None = None
    order_count: str | None = None
    total_spent: str | None = None
    customer_fallback: tuple[str, ...] = ()
    cancelled_at: str | None = None
    currency: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "contacts", tuple(self.contacts))
        object.__setattr__(self, "customer_fallback", tuple(self.customer_fallback))
        _choice("columns.kind", self.kind, TABLE_KINDS)
        if self.last_purchase and self.days_since:
            raise ConfigError(
                "give either a last-purchase date column or a days-since column, not both",
                option="columns.days_since",
                value=self.days_since,
            )
        if self.amount and (self.quantity or self.price):
            raise ConfigError(
                "give either an amount column or quantity and price columns, not both",
                option="columns.amount",
                value=self.amount,
            )
        if bool(self.quantity) != bool(self.price):
            raise ConfigError(
                "quantity and price columns go together: give both or neither",
                option="columns.quantity" if not self.quantity else "columns.price",
                value=self.quantity or self.price,
            )
        if self.amount_is_order_total and self.order is None:
            raise ConfigError(
                "an order-total amount needs an order column to count each order once",
                option="columns.order",
            )

    @property
    def roles(self) -> dict[str, str]:
        """Role → column for the roles that are set (contacts excluded)."""
        names = ("customer", "date", "amount", "quantity", "price", "order", "status", *LIST_ROLES)
        names += ("cancelled_at", "currency")
        return {n: getattr(self, n) for n in names if getattr(self, n)}

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The customer column, then its fallbacks, best first."""
        return tuple(c for c in (self.customer, *self.customer_fallback) if c)


@dataclass(frozen=True)
class ReadOptions:
    """How files are read. ``None`` means "detect"."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | int | None = None
    header_row: int | None = None
    dayfirst: bool | None = None
    #: The decimal separator of amounts, ``"."`` or ``","``; ``None``: decided per column.
    decimal: str | None = None
    #: ``"memory"`` (pandas), ``"duckdb"`` (out-of-core: per-customer aggregation streamed
    #: into DuckDB, for text files larger than memory) or ``"auto"`` (by file size).
    engine: Literal["auto", "memory", "duckdb"] = "auto"

    def __post_init__(self) -> None:
        _choice("reading.engine", self.engine, ("auto", "memory", "duckdb"))
        if self.decimal is not None:
            _choice("reading.decimal", self.decimal, (".", ","))
        delimiter = self.delimiter
        if (
            delimiter is not None
            and delimiter != "whitespace"
            and (not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in "\r\n\"'")
        ):
            raise ConfigError(
                f"the delimiter must be one character (such as ',' ';' '|' or a tab), "
                f"not {delimiter!r}",
                option="reading.delimiter",
                value=delimiter,
            )
        if self.header_row is not None and self.header_row < 0:
            raise ConfigError("header_row must be 0 or more", option="reading.header_row")


@dataclass(frozen=True)
class CleaningRules:
    """The default cleaning rules of the definitions; each can be switched off.

    A rule that is off and would have dropped rows makes the analysis fail with a data error
    naming the first such row (strict mode), except ``drop_duplicates`` (duplicates are kept),
    ``drop_cancelled`` (those orders are kept) and ``returns="keep"`` (non-positive amounts are
    ordinary purchases).
    """

    drop_duplicates: bool = True
    drop_blank_customer: bool = True
    drop_unparseable: bool = True
    returns: Literal["drop", "net", "keep"] = "drop"
    drop_outside_period: bool = True
    drop_cancelled: bool = True
    #: Share of rows (after rules 1-2) whose date or amount may fail before it is an import error.
    max_unparseable_share: float = 0.5
    #: Share of the rows read without any customer id (dropped by rule 2) from which a
    #: ``many_blank_customers`` warning says so; 1 never warns.
    blank_customer_warning_share: float = 0.1
    #: With amounts in several currencies: keep only the rows in this one (e.g. ``"EUR"``).
    currency: str | None = None

    def __post_init__(self) -> None:
        _choice("cleaning.returns", self.returns, ("drop", "net", "keep"))
        for name in ("max_unparseable_share", "blank_customer_warning_share"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ConfigError(
                    f"cleaning.{name} must be between 0 and 1",
                    option=f"cleaning.{name}",
                    value=value,
                )


#: Sales dates outside these days are placeholders or typos (``9999-12-31``, ``0001-01-01``):
#: cleaning drops them as implausible (with examples), and the period must lie within them.
#: No single sale is larger (in any currency): a larger amount is a misread column or a
#: placeholder (``999999999999999``), dropped by cleaning; it also keeps every amount exact in
#: the millionths that totals are summed in.
PLAUSIBLE_MAX_AMOUNT = 1e12
#: Weights beyond this say nothing more than smaller ones and overflow integer scores.
MAX_WEIGHT = 1_000_000
PLAUSIBLE_FIRST_DAY = dt.date(1900, 1, 1)
PLAUSIBLE_LAST_DAY = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class Period:
    """Analysis date and optional start of the analysis period (both whole days), each within
    the plausible days :data:`PLAUSIBLE_FIRST_DAY` .. :data:`PLAUSIBLE_LAST_DAY`."""

    as_of: dt.date | None = None
    start: dt.date | None = None

    def __post_init__(self) -> None:
        for name in ("as_of", "start"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime):
                object.__setattr__(self, name, value.date())
            elif isinstance(value, str):
                object.__setattr__(self, name, parse_iso_date(value, f"period.{name}"))
            elif value is not None and not isinstance(value, dt.date):
                raise ConfigError(f"period.{name} must be a date", option=f"period.{name}")
            value = getattr(self, name)
            if value is not None and not PLAUSIBLE_FIRST_DAY <= value <= PLAUSIBLE_LAST_DAY:
                raise ConfigError(
                    f"the {'analysis date' if name == 'as_of' else 'period start'} {value} "
                    "is not a plausible day for sales (use a day from "
                    f"{PLAUSIBLE_FIRST_DAY} to {PLAUSIBLE_LAST_DAY})",
                    option=f"period.{name}",
                    value=value,
                    code="implausible_date",
                )
        if self.as_of and self.start and self.start > self.as_of:
            raise ConfigError(
                f"the period start {self.start} is after the analysis date {self.as_of}",
                option="period.start",
                value=self.start,
            )


@dataclass(frozen=True)
class MetricsConfig:
    """``frequency``: count distinct orders or distinct purchase days.
    ``monetary``: total spent, or mean amount per order."""

    frequency: Literal["orders", "days"] = "orders"
    monetary: Literal["total", "mean"] = "total"

    def __post_init__(self) -> None:
        _choice("metrics.frequency", self.frequency, ("orders", "days"))
        _choice("metrics.monetary", self.monetary, ("total", "mean"))


@dataclass(frozen=True)
class AxisScoring:
    """Scoring of one axis: quantile cut points, or fixed thresholds (``bins - 1`` numbers).

    For frequency and monetary the thresholds are lower bounds of scores 2..n; for recency they
    are day limits (within ``breaks[0]`` days scores n).
    """

    method: Literal["quantile", "fixed"] = "quantile"
    breaks: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        _choice("scoring.method", self.method, ("quantile", "fixed"))
        breaks = tuple(float(b) for b in self.breaks)
        object.__setattr__(self, "breaks", breaks)
        if self.method == "quantile" and breaks:
            raise ConfigError("thresholds are given but the method is quantile", option="breaks")
        if any(not math.isfinite(b) for b in breaks):
            raise ConfigError("thresholds must be finite numbers", option="breaks", value=breaks)
        if any(b2 <= b1 for b1, b2 in itertools.pairwise(breaks)):
            raise ConfigError(
                f"thresholds must be strictly ascending: {', '.join(f'{b:g}' for b in breaks)}",
                option="breaks",
                value=breaks,
                code="thresholds_order",
            )


AXES = ("recency", "frequency", "monetary")


@dataclass(frozen=True)
class ScoringConfig:
    """Bins (2..9, 5 is best), per-axis method, and weights for ``rfm_score``."""

    bins: int = 5
    recency: AxisScoring = field(default_factory=AxisScoring)
    frequency: AxisScoring = field(default_factory=AxisScoring)
    monetary: AxisScoring = field(default_factory=AxisScoring)
    weights: tuple[float, float, float] = (1, 1, 1)

    def __post_init__(self) -> None:
        if isinstance(self.bins, bool) or not isinstance(self.bins, int):
            raise ConfigError(f"bins must be a whole number, not {self.bins!r}", option="bins")
        if not MIN_BINS <= self.bins <= MAX_BINS:
            raise ConfigError(
                f"bins must be between {MIN_BINS} and {MAX_BINS}, not {self.bins}",
                option="bins",
                value=self.bins,
            )
        for axis in AXES:
            spec: AxisScoring = getattr(self, axis)
            if spec.method == "fixed" and len(spec.breaks) != self.bins - 1:
                raise ConfigError(
                    f"{axis} thresholds: {self.bins} bins need {self.bins - 1} numbers, "
                    f"got {len(spec.breaks)}",
                    option=f"scoring.{axis}.breaks",
                    value=spec.breaks,
                )
        weights = tuple(self.weights)
        if len(weights) != 3 or any(
            isinstance(w, bool)
            or not isinstance(w, (int, float))
            or not math.isfinite(w)
            or abs(w) > MAX_WEIGHT
            for w in weights
        ):
            raise ConfigError(
                f"weights must be three numbers (r, f, m) of at most {MAX_WEIGHT:,} each, "
                f"not {', '.join(_short(w) for w in self.weights)}",
                option="weights",
                value=self.weights,
            )
        if any(w < 0 for w in weights) or not any(weights):
            raise ConfigError(
                f"weights must not be negative and at least one must be above 0, not "
                f"{', '.join(f'{w:g}' for w in weights)}",
                option="weights",
                value=self.weights,
                code="weights_zero",
            )
        object.__setattr__(self, "weights", weights)

    def axis(self, name: str) -> AxisScoring:
        return getattr(self, name)


@dataclass(frozen=True)
class SegmentConfig:
    """The segment scheme: a built-in name or a full scheme (custom), plus ``cn8`` options."""

    scheme: str | SegmentScheme = "classic"
    #: cn8: compare each axis with the ``mean`` or ``median`` over all customers ...
    reference: Literal["mean", "median"] = "mean"
    #: ... of the ``scores`` or of the raw ``values``.
    basis: Literal["scores", "values"] = "scores"

    def __post_init__(self) -> None:
        _choice("segments.reference", self.reference, ("mean", "median"))
        _choice("segments.basis", self.basis, ("scores", "values"))
        if not isinstance(self.scheme, (str, SegmentScheme)):
            raise ConfigError("segments.scheme must be a scheme name or a scheme", option="scheme")

    def resolved_scheme(self) -> SegmentScheme:
        """The scheme itself: ``scheme`` when it is one, else the built-in or file it names."""
        return self.scheme if isinstance(self.scheme, SegmentScheme) else load_scheme(self.scheme)


@dataclass(frozen=True)
class RfmConfig:
    """Every option of one analysis. ``RfmConfig()`` is the default rules of the definitions."""

    columns: ColumnMap = field(default_factory=ColumnMap)
    reading: ReadOptions = field(default_factory=ReadOptions)
    cleaning: CleaningRules = field(default_factory=CleaningRules)
    period: Period = field(default_factory=Period)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    segments: SegmentConfig = field(default_factory=SegmentConfig)
    lang: Literal["en", "zh_CN", "zh_TW"] = "en"

    def __post_init__(self) -> None:
        _choice("lang", self.lang, LANGUAGES)

    # ---- JSON -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = _to_plain(self)
        data["rfm_config_version"] = CONFIG_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RfmConfig:
        if not isinstance(data, dict):
            raise ConfigError("a configuration must be a JSON object", option="config")
        data = dict(data)
        version = data.pop("rfm_config_version", CONFIG_VERSION)
        if version != CONFIG_VERSION:
            raise ConfigError(
                f"configuration version {version} is not supported (expected {CONFIG_VERSION})",
                option="rfm_config_version",
                value=version,
            )
        return _from_plain(cls, data, "config")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> RfmConfig:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"configuration is not valid JSON: {exc}", option="config") from None
        except RecursionError:
            raise ConfigError("configuration nests too deeply to read", option="config") from None
        return cls.from_dict(data)

    def save(self, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> None:
        """Write the settings as JSON (atomically; never over one of ``inputs``)."""
        check_target(Path(path), inputs=tuple(Path(p) for p in inputs))
        write_text_atomic(Path(path), self.to_json() + "\n")

    @classmethod
    def load(cls, path: str | Path) -> RfmConfig:
        path = Path(path)
        try:
            data = read_settings_json(path)
        except OSError as exc:
            raise ConfigError(
                f"cannot read configuration {path}: {exc.strerror}", option="config"
            ) from None
        except SettingsFileProblem as exc:
            raise ConfigError(f"configuration {path} {exc}", option="config") from None
        try:
            return cls.from_dict(data)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}", option=exc.option, value=exc.value) from None


def _short(value: Any) -> str:
    """A value for an error line: numbers in ``%g`` form, never a 300-digit integer."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return f"{float(value):g}"
        except OverflowError:
            return "an enormous number"
    return repr(value)[:40]


def parse_iso_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ConfigError(
            f"{option}: {text!r} is not a date (use YYYY-MM-DD)", option=option, value=text
        ) from None


def _to_plain(value: Any) -> Any:
    if isinstance(value, SegmentScheme):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_plain(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{where} must be an object", option=where)
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"{where}: unknown option {unknown[0]!r}", option=f"{where}.{unknown[0]}")
    kwargs = {name: _convert(hints[name], value, f"{where}.{name}") for name, value in data.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ConfigError(f"{where}: {exc}", option=where) from None


def _convert(hint: Any, value: Any, where: str) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if SegmentScheme in args:
            return value if isinstance(value, str) else SegmentScheme.from_dict(value)
        non_none = [a for a in args if a is not type(None)]
        if dt.date in non_none and isinstance(value, str):
            return parse_iso_date(value, where)
        return value
    if dataclasses.is_dataclass(hint):
        return _from_plain(hint, value, where)
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{where} must be a list", option=where, value=value)
        return tuple(value)
    return value
