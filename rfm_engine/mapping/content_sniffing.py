"""Guessing roles from cell contents when headers say nothing (``column 1``, ``字段3``…).

Looks at the first rows only: a date column is one whose text nearly always reads as a date
(with a date-like shape, so amounts are never taken for Excel serial numbers); an amount column
reads as numbers with decimals or a currency sign; the customer is the first remaining text or
id column whose values repeat. The result is a suggestion the faces show and users can change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..errors import DataError
from ..io.parsing import parse_amounts, parse_dates

SAMPLE_ROWS = 500
_SHARE = 0.9
_DATE_SHAPE = re.compile(r"^\s*(\d{4}[-/.年]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{8}\b)")
_MONEY = re.compile(r"[.,]\d{1,2}\s*$|[¥￥$€£元]")


def sniff_roles(sample: pd.DataFrame, columns: Sequence[str], wanted: Sequence[str]) -> dict:
    """Role → column for the ``wanted`` roles (customer, date, amount) found by content."""
    sample = sample.head(SAMPLE_ROWS)
    free = [c for c in columns if c in sample.columns]
    found: dict[str, str] = {}
    if "date" in wanted:
        date = next((c for c in free if _is_date(sample[c])), None)
        if date is not None:
            found["date"] = date
            free.remove(date)
    else:
        free = [c for c in free if not _is_date(sample[c])]
    if "amount" in wanted:
        amount = next((c for c in free if _is_amount(sample[c])), None)
        if amount is not None:
            found["amount"] = amount
            free.remove(amount)
    if "customer" in wanted:
        customer = next((c for c in free if _is_customer(sample[c])), None)
        if customer is not None:
            found["customer"] = customer
    return found


def _filled(values: pd.Series) -> pd.Series:
    return values.dropna()[lambda s: s.astype(str).str.strip() != ""]


def _is_date(values: pd.Series) -> bool:
    values = _filled(values)
    if values.empty:
        return False
    if pd.api.types.is_datetime64_any_dtype(values):
        return True
    stamps = values.map(lambda v: hasattr(v, "year") and hasattr(v, "month"))
    text = values[~stamps].astype(str)
    shaped = stamps.sum() + text.str.match(_DATE_SHAPE).sum()
    if shaped < _SHARE * len(values):
        return False
    for dayfirst in (None, True, False):
        try:
            parsed = parse_dates(values, dayfirst=dayfirst)
        except DataError:
            continue
        return parsed.notna().mean() >= _SHARE
    return False


def _is_amount(values: pd.Series) -> bool:
    values = _filled(values)
    if values.empty:
        return False
    amounts = parse_amounts(values)
    if amounts.notna().mean() < _SHARE:
        return False
    if pd.api.types.is_numeric_dtype(values):
        return bool((amounts % 1 != 0).any())
    return bool(values.astype(str).str.contains(_MONEY).mean() >= 0.5)


def _is_customer(values: pd.Series) -> bool:
    values = _filled(values)
    if len(values) < 2:
        return not values.empty
    if pd.api.types.is_float_dtype(values) and (values % 1 != 0).any():
        return False
    distinct = values.astype(str).nunique()
    return distinct >= 2
