"""Choices cleaning makes about values, each returned as a warning or an error with evidence:
missing markers read as blank, the decimal separator of amounts, currencies never mixed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ..errors import DataError
from ..io.parsing import Factorized, amount_decimal, marker_uniques
from ..mapping.currencies import currency_codes
from ..notes import WARNINGS, RfmWarning

WARNINGS["missing_markers"] = "cells such as NA, N/A or null were read as blank"
WARNINGS["decimal_separator"] = "the decimal separator of amounts was decided from the column"


def marker_warning(
    frame: pd.DataFrame, names: Sequence[str], codes_of: Callable[[str], Factorized | None]
) -> tuple[RfmWarning, ...]:
    """``missing_markers``: rows per column whose cell is ``NA``, ``N/A``, ``null`` …"""
    counts: dict[str, int] = {}
    examples: dict[str, str] = {}
    for name in dict.fromkeys(names):
        factorized = codes_of(name)
        if factorized is None:
            continue
        codes, uniques = factorized
        marker = np.flatnonzero(marker_uniques(pd.Series(uniques, dtype=object)).to_numpy())
        if not len(marker):
            continue
        counts[name] = int(np.isin(codes, marker).sum())
        examples[name] = str(uniques[marker[0]])
    if not counts:
        return ()
    parts = ", ".join(f"{n} in {c!r} (e.g. {examples[c]!r})" for c, n in counts.items())
    return (
        RfmWarning(
            "missing_markers",
            f"cells that mean 'no value' were read as blank: {parts}",
            option=None,
            evidence={"rows": counts, "examples": examples},
            stage="cleaning",
        ),
    )


def amount_separator(
    values: pd.Series, column: str, decimal: str | None, factorized: Factorized | None
) -> tuple[str | None, tuple[RfmWarning, ...]]:
    """The decimal separator to read ``values`` with, and a ``decimal_separator`` warning when
    values such as ``1.234`` are read one way because of the others (or could not be told)."""
    if decimal is not None:
        return decimal, ()
    separator, evidence = amount_decimal(values, factorized=factorized)
    ambiguous = evidence.get("ambiguous_values", 0)
    if evidence.get("mixed"):
        message = (
            f"column {column!r} mixes decimal commas ({evidence['comma_examples'][0]!r}) and "
            f"decimal points ({evidence['dot_examples'][0]!r}): each value is read on its own"
        )
    elif ambiguous and separator:
        name = "comma" if separator == "," else "point"
        example = evidence["ambiguous_examples"][0]
        told = evidence["comma_examples" if separator == "," else "dot_examples"][0]
        reading = example.replace("." if separator == "," else ",", "").replace(separator, ".")
        message = (
            f"column {column!r} uses a decimal {name} (e.g. {told!r}): {ambiguous} values "
            f"such as {example!r} are read as {float(reading):g}"
        )
    elif ambiguous:
        example = evidence["ambiguous_examples"][0]
        message = (
            f"column {column!r}: no value shows the decimal separator; {ambiguous} values "
            f"such as {example!r} are read with ',' as thousands and '.' as decimal separator"
        )
    else:
        return separator, ()
    warning = RfmWarning(
        "decimal_separator",
        message,
        option="reading.decimal",
        evidence={"column": column, "separator": separator, **evidence},
        stage="cleaning",
    )
    return separator, (warning,)


def currency_rows(
    frame: pd.DataFrame, column: str, alive: np.ndarray, chosen: str | None
) -> np.ndarray:
    """Rows in another currency than ``chosen``; with no choice and several currencies among
    the live rows, :class:`DataError` ``mixed_currencies`` with each currency's share."""
    codes = currency_codes(frame[column])
    if chosen is not None:
        return (codes.fillna("").to_numpy() != chosen.strip().upper()) & alive
    live = codes[alive].dropna()
    shares = live.value_counts(normalize=True)
    if len(shares) <= 1:
        return np.zeros(len(frame), dtype=bool)
    raise mixed_currency_error(column, shares)


def mixed_currency_error(column: str, shares: pd.Series) -> DataError:
    """``mixed_currencies``: the currencies of ``column`` with their shares, largest first."""
    listed = ", ".join(f"{c} {s:.1%}" for c, s in shares.items())
    return DataError(
        f"column {column!r}: amounts are in {len(shares)} currencies ({listed}) and are never "
        f"added up; keep one currency, or name a column converted to one currency as the amount",
        code="mixed_currencies",
        option="cleaning.currency",
        column=column,
        examples=tuple(str(c) for c in shares.index),
        shares={str(c): float(s) for c, s in shares.items()},
    )
