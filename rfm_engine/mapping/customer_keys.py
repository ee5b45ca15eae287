"""Which identifiers key a customer, and what to do where the customer cell says nothing.

An export's customer column is not always filled: Shopify leaves ``Email`` blank on guest
orders that carry a ``Phone``, Stripe leaves ``Customer ID`` blank on guest charges that carry
a ``Customer Email``, WooCommerce writes ``Customer ID`` ``0`` for every guest. So the key is
per row: the customer column where it holds a real identifier, else the first fallback
identifier that does (:func:`fallback_columns` chooses them). A placeholder (``0``, ``guest``)
or a missing marker (``NA``) is no identifier. A key column with (nearly) one value is no key
at all: :func:`check_key_column` skips it for a fallback, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..io.parsing import text_id_codes
from ..notes import WARNINGS, RfmWarning
from .header_names import FALLBACK_KEY_NAMES, normalize_header
from .presets import Preset, pick

#: Key values that stand for "no customer" (compared in lower case): guest checkouts.
PLACEHOLDER_KEYS = frozenset(
    {"guest", "anonymous", "unknown", "guest customer", "访客", "游客", "匿名", "匿名用户"}
)
#: ``0`` is a placeholder only where it keys this many rows and this share of them (a guest
#: checkout's id); once or twice it may be a buyer's real name.
MIN_ZERO_ROWS, MIN_ZERO_SHARE = 5, 0.01
#: A key column needs this many rows before one value across all of them means "no key".
MIN_ROWS_DEGENERATE = 10

WARNINGS["degenerate_key"] = "the customer column holds (nearly) one value; another key was used"
WARNINGS["key_fallback"] = "rows with a blank customer were keyed by another identifier"
WARNINGS["placeholder_keys"] = "customer values such as 0 or guest were read as blank"


_PLACEHOLDER_SPELLINGS = frozenset(
    {v for word in PLACEHOLDER_KEYS for v in (word, word.upper(), word.title())}
)
_ZERO_SPELLINGS = frozenset("0" * n for n in range(1, 21))


def is_placeholder(labels: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """True for key labels that are placeholders: ``guest`` and the like, and ``0``/``000``
    where it keys many rows (see :data:`MIN_ZERO_ROWS`). Hash look-ups only: a million
    labels cost milliseconds."""
    text = pd.Series(labels, dtype=object)
    fake = text.isin(_PLACEHOLDER_SPELLINGS).to_numpy(dtype=bool, copy=True)
    zeros = text.isin(_ZERO_SPELLINGS).to_numpy(dtype=bool, copy=True)
    if zeros.any():
        rows = np.bincount(codes[codes >= 0], minlength=len(labels))
        zeros &= (rows >= MIN_ZERO_ROWS) & (rows >= MIN_ZERO_SHARE * len(codes))
    return fake | zeros


def key_codes(values: pd.Series, factorized=None) -> tuple[np.ndarray, np.ndarray, int]:
    """:func:`~rfm_engine.io.parsing.text_id_codes` of a key column with placeholders blank:
    ``(codes, labels, rows that held a placeholder)``."""
    codes, labels = text_id_codes(values, factorized=factorized)
    fake = is_placeholder(labels, codes)
    if not fake.any():
        return codes, labels, 0
    keep = ~fake
    renumber = np.append(np.cumsum(keep) - 1, -1)  # index -1 (blank rows) → -1
    renumber[:-1][fake] = -1
    placeholders = int(np.isin(codes, np.flatnonzero(fake)).sum())
    return renumber[codes], labels[keep], placeholders


def fallback_columns(
    headers: Sequence[str], customer: str, preset: Preset | None, taken: set[str]
) -> tuple[str, ...]:
    """Identifiers after ``customer``: the preset's later candidates, or else the email and
    phone columns found by header name."""
    free = [h for h in headers if h not in taken and h != customer]
    if preset is not None and preset.customer:
        names = list(preset.customer)
        if customer in names:
            names = names[names.index(customer) + 1 :]
        found = [pick(free, [n]) for n in names]
        return tuple(dict.fromkeys(f for f in found if f))
    wanted = {normalize_header(n) for n in FALLBACK_KEY_NAMES}
    by_rank = sorted(
        (h for h in free if normalize_header(h) in wanted),
        key=lambda h: FALLBACK_KEY_NAMES.index(
            next(n for n in FALLBACK_KEY_NAMES if normalize_header(n) == normalize_header(h))
        ),
    )
    return tuple(by_rank)


def check_key_column(
    data: pd.DataFrame | None, customer: str, fallbacks: tuple[str, ...]
) -> tuple[str, tuple[str, ...], tuple[RfmWarning, ...]]:
    """``(customer, fallbacks, warnings)``: a customer column whose real identifiers are one
    value (or fewer than half the rows) is replaced by the first fallback that is a real key."""
    if data is None or customer not in data.columns or len(data) < MIN_ROWS_DEGENERATE:
        return customer, fallbacks, ()
    if _profile(data[customer].iloc[:1000])["distinct"] > 1:
        return customer, fallbacks, ()  # two identifiers in the first rows: a real key
    profile = _profile(data[customer])
    if profile["distinct"] > 1:
        # A real key, perhaps sparse: its blanks and placeholders fall back row by row.
        return customer, fallbacks, ()
    usable = [f for f in fallbacks if f in data.columns and _profile(data[f])["distinct"] > 1]
    evidence = {"column": customer, **profile}
    if not usable:
        shown = f"{profile['top_value']!r}" if profile["top_value"] is not None else "blank"
        warning = RfmWarning(
            "degenerate_key",
            f"customer column {customer!r} is {shown} on {profile['top_rows']} of "
            f"{profile['rows']} rows and there is no other identifier: its rows are one "
            "customer at most; name the real customer column",
            option="columns.customer",
            evidence=evidence,
            stage="mapping",
        )
        return customer, fallbacks, (warning,)
    chosen = usable[0]
    rest = tuple(f for f in fallbacks if f != chosen)
    shown = f"{profile['top_value']!r}" if profile["top_value"] is not None else "blank"
    warning = RfmWarning(
        "degenerate_key",
        f"customer column {customer!r} is {shown} on {profile['top_rows']} of {profile['rows']} "
        f"rows (guest checkout?): customers are keyed by {chosen!r} instead",
        option="columns.customer",
        evidence={**evidence, "used": chosen},
        stage="mapping",
    )
    return chosen, rest, (warning,)


def _profile(values: pd.Series) -> dict:
    codes, labels = text_id_codes(values)
    fake = is_placeholder(labels, codes)
    real_codes = codes[(codes >= 0) & ~fake[np.maximum(codes, 0)]]
    counts = pd.Series(codes[codes >= 0]).value_counts()
    top = counts.index[0] if len(counts) else None
    return {
        "rows": len(values),
        "distinct": len(np.unique(real_codes)),
        "real_share": len(real_codes) / max(len(values), 1),
        "top_value": None if top is None else str(labels[top]),
        "top_rows": int(counts.iloc[0]) if len(counts) else int((codes < 0).sum()),
    }
