"""Amounts in several currencies are never added up.

An export with a currency column (Stripe, Shopify, PayPal) may hold several currencies. When a
column of amounts already converted to one currency sits beside it (Stripe's ``Converted
Amount``), :func:`choose_amount_currency` uses that column and says so; otherwise cleaning stops
with the currencies and their shares unless the user keeps one
(``cleaning.currency``, see :func:`currency_codes`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..io.parsing import text_id_codes
from ..notes import WARNINGS, RfmWarning
from .presets import Preset, pick

WARNINGS["currency_column"] = "amounts are in several currencies; a converted column was used"

#: Amounts converted to one currency, and that currency, when no preset names them.
CONVERTED_AMOUNT_NAMES = ("converted amount", "amount (converted)", "converted_amount")
CONVERTED_CURRENCY_NAMES = ("converted currency", "converted_currency")


def currency_codes(values: pd.Series) -> pd.Series:
    """Each row's currency as an upper-case code (``<NA>`` where blank)."""
    codes, labels = text_id_codes(values)
    upper = pd.Series(labels, dtype=object).str.strip().str.upper().to_numpy()
    out = pd.Series(pd.NA, index=values.index, dtype=object)
    filled = codes >= 0
    out[filled] = upper[codes[filled]]
    return out


def currency_shares(values: pd.Series) -> dict[str, float]:
    """Currency → share of the rows that name one, largest first."""
    shares = currency_codes(values).dropna().value_counts(normalize=True)
    return {str(k): round(float(v), 4) for k, v in shares.items()}


def choose_amount_currency(
    data: pd.DataFrame | None,
    headers: Sequence[str],
    merged: dict,
    origins: dict,
    preset: Preset | None,
) -> tuple[RfmWarning, ...]:
    """Where the currency column holds several currencies and the amount was not named by the
    user, switch ``merged`` to a converted single-currency amount column when there is one."""
    currency = merged.get("currency")
    if data is None or not currency or currency not in data.columns:
        return ()
    shares = currency_shares(data[currency])
    if len(shares) <= 1 or origins.get("amount") == "given" or merged.get("quantity"):
        return ()
    taken = {c for c in merged.values() if c}
    free = [h for h in headers if h not in taken]
    names = (preset.converted_amount if preset else ()) + CONVERTED_AMOUNT_NAMES
    converted = pick(free, names)
    if converted is None:
        return ()
    names = (preset.converted_currency if preset else ()) + CONVERTED_CURRENCY_NAMES
    converted_currency = pick(free, names)
    target = None
    if converted_currency is not None:
        target_shares = currency_shares(data[converted_currency])
        if len(target_shares) > 1:
            return ()
        target = next(iter(target_shares), None)
    original = merged["amount"]
    merged["amount"], origins["amount"] = converted, "preset" if preset else "header"
    merged["currency"] = converted_currency
    listed = ", ".join(f"{c} {s:.0%}" for c, s in shares.items())
    return (
        RfmWarning(
            "currency_column",
            f"amounts are in several currencies ({listed}) in {original!r}: the converted "
            f"amounts of {converted!r}" + (f" (all {target})" if target else "") + " are used",
            option="columns.amount",
            evidence={
                "currency_column": currency,
                "shares": shares,
                "amount_column": original,
                "used": converted,
                "currency": target,
            },
            stage="mapping",
        ),
    )
