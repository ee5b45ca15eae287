"""Each row's customer key: the customer column, else a fallback identifier, one person one key.

Where the customer cell is blank, a missing marker or a placeholder (``0``, ``guest``), the
row is keyed by the first fallback identifier it carries (:attr:`ColumnMap.customer_fallback`).
A fallback value seen elsewhere beside a customer value stands for that customer (a phone
written on an order that also has the email is that email's customer), so one person stays one
customer; otherwise the fallback value itself is the key. Every choice is counted for the
``key_fallback`` and ``placeholder_keys`` warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..io.reading import ROW_COLUMN
from ..mapping.customer_keys import key_codes
from ..notes import WARNINGS, RfmWarning
from ..options.config import CleaningRules, ColumnMap
from .report import CleaningReport

WARNINGS["many_blank_customers"] = (
    "a large share of rows has no customer id and is left out "
    "(threshold: cleaning.blank_customer_warning_share)"
)


@dataclass
class CustomerKeys:
    codes: np.ndarray
    labels: np.ndarray
    #: column → rows keyed by it directly; ``linked`` rows keyed by a customer value via a
    #: fallback; ``placeholders`` rows whose key column held ``0``/``guest``.
    keyed_by: dict[str, int] = field(default_factory=dict)
    linked: int = 0
    placeholders: dict[str, int] = field(default_factory=dict)
    examples: dict[str, tuple] = field(default_factory=dict)


def customer_keys(frame: pd.DataFrame, columns: ColumnMap, factorized=None) -> CustomerKeys:
    """The customer code of each row of ``frame`` (-1: no identifier at all)."""
    codes, labels, fake = key_codes(frame[columns.customer], factorized=factorized)
    keys = CustomerKeys(codes, labels, placeholders={columns.customer: fake} if fake else {})
    fallbacks = [c for c in columns.customer_fallback if c in frame.columns]
    if not fallbacks or (codes >= 0).all():
        keys.keyed_by = {columns.customer: int((codes >= 0).sum())}
        return keys
    key = np.full(len(frame), None, dtype=object)
    key[codes >= 0] = labels[codes[codes >= 0]]
    keys.keyed_by[columns.customer] = int((codes >= 0).sum())
    for column in fallbacks:
        f_codes, f_labels, f_fake = key_codes(frame[column])
        if f_fake:
            keys.placeholders[column] = f_fake
        has = f_codes >= 0
        link = _links(f_codes[has & (key != None)], key[has & (key != None)])  # noqa: E711
        blank = has & (key == None)  # noqa: E711
        if not blank.any():
            continue
        values = f_labels[f_codes[blank]]
        linked = np.array([link.get(c) for c in f_codes[blank]], dtype=object)
        is_linked = linked != None  # noqa: E711
        keys.linked += int(is_linked.sum())
        keys.keyed_by[column] = int((~is_linked).sum())
        keys.examples[column] = tuple(dict.fromkeys(values[:50]))[:3]
        key[blank] = np.where(is_linked, linked, values)
    filled = key != None  # noqa: E711
    out = np.full(len(frame), -1, dtype=np.int64)
    coded, uniques = pd.factorize(key[filled], sort=False)
    out[filled] = coded
    keys.codes, keys.labels = out, np.asarray(uniques, dtype=object)
    return keys


def _links(fallback_codes: np.ndarray, customers: np.ndarray) -> dict[int, object]:
    """Fallback code → the customer seen with it most often (ties: the smallest key, so row
    order never matters)."""
    if not len(fallback_codes):
        return {}
    pairs = pd.DataFrame({"f": fallback_codes, "c": customers.astype(str)})
    counts = pairs.value_counts().reset_index(name="n")
    counts = counts.sort_values(["f", "n", "c"], ascending=[True, False, True])
    best = counts.drop_duplicates("f")
    return dict(zip(best["f"].tolist(), best["c"].tolist(), strict=True))


def key_warnings(keys: CustomerKeys, columns: ColumnMap) -> tuple[RfmWarning, ...]:
    """``key_fallback`` (rows keyed by another identifier) and ``placeholder_keys``."""
    out = []
    fell = {c: n for c, n in keys.keyed_by.items() if c != columns.customer and n}
    if fell or keys.linked:
        parts = [f"{n} by {c!r}" for c, n in fell.items()]
        if keys.linked:
            parts.append(f"{keys.linked} by a fallback value seen beside a {columns.customer!r}")
        out.append(
            RfmWarning(
                "key_fallback",
                f"{sum(fell.values()) + keys.linked} rows have no {columns.customer!r}: "
                f"keyed {', '.join(parts)} ({keys.keyed_by.get(columns.customer, 0)} rows "
                f"by {columns.customer!r})",
                option="columns.customer",
                evidence={
                    "keyed_by": dict(keys.keyed_by),
                    "linked": keys.linked,
                    "examples": dict(keys.examples),
                },
                stage="cleaning",
            )
        )
    if keys.placeholders:
        parts = ", ".join(f"{n} rows of {c!r}" for c, n in keys.placeholders.items())
        out.append(
            RfmWarning(
                "placeholder_keys",
                f"customer values such as 0 or 'guest' are no customer ({parts}): read as blank",
                option="columns.customer",
                evidence={"rows": dict(keys.placeholders)},
                stage="cleaning",
            )
        )
    return tuple(out)


def blank_customer_warning(
    report: CleaningReport, columns: ColumnMap, rules: CleaningRules
) -> tuple[RfmWarning, ...]:
    """``many_blank_customers`` when rule 2 dropped at least
    ``rules.blank_customer_warning_share`` of the rows read: those purchases count for nobody,
    which a shop owner must hear (e.g. guest checkouts that another column, such as a phone or
    an e-mail, could identify: option ``columns.customer_fallback``)."""
    dropped, read = report.rows_dropped("blank_customer"), report.rows_read
    if not dropped or not read or dropped < rules.blank_customer_warning_share * read:
        return ()
    step = next(s for s in report.steps if s.key == "blank_customer")
    rows = tuple(int(r) for r in step.examples.get(ROW_COLUMN, ()) if pd.notna(r))
    keys = " or ".join(repr(c) for c in columns.key_columns) or "customer id"
    return (
        RfmWarning(
            "many_blank_customers",
            f"{dropped:,} of {read:,} rows ({dropped / read:.0%}) have no {keys}: they count "
            "for no customer; if another column identifies those buyers (a phone or an "
            "e-mail), give it as the customer fallback",
            option="columns.customer_fallback",
            evidence={
                "column": columns.customer,
                "rows": dropped,
                "rows_read": read,
                "share": round(dropped / read, 4),
                "threshold": rules.blank_customer_warning_share,
                "fallback": tuple(columns.customer_fallback),
                "example_rows": rows,
            },
            stage="cleaning",
        ),
    )
