"""Rule 1: rows identical in every column to an earlier row, found exactly without hashing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..io.parsing import Factorized, factorize_columns
from ..io.row_take import take_values


def duplicate_rows(
    frame: pd.DataFrame,
    keys: Sequence[np.ndarray] = (),
    coded: Mapping[str, Factorized | None] | None = None,
    hints: Mapping[str, np.ndarray] | None = None,
) -> pd.Series:
    """Rows identical in every column to an earlier row (exact, like ``DataFrame.duplicated``).

    ``keys`` are optional integer codes of some columns (-1 blank) such that equal rows have
    equal codes, and ``coded`` the factorizations some columns already have. ``hints`` are
    per-row integers of some columns that are equal where the cells are equal but may also be
    equal where they differ (a date column's days): they only narrow the candidates. Column by
    column, a row code is built and only rows whose code so far is repeated stay candidates,
    so after a few columns the rest are coded for a handful of rows only. Exact: no hashing.
    """
    out = pd.Series(False, index=frame.index)
    if frame.empty:
        return out
    possible = np.ones(len(frame), dtype=bool)
    for codes in keys:  # cheap first cut: rows whose key value is unique
        shifted = np.asarray(codes, dtype=np.int64) + 1
        possible &= np.bincount(shifted)[shifted] > 1
        if np.count_nonzero(possible) < len(possible) // 100:
            break  # few enough left: the columns below settle them
    idx = np.flatnonzero(possible)
    known = {k: v for k, v in (coded or {}).items() if v is not None and k in frame.columns}
    many = max(len(frame) // 8, _FILTER_MIN_ROWS)
    hinted = {k: v for k, v in (hints or {}).items() if k in frame.columns and k not in known}
    if len(idx) > many:
        # The keys cut little (an export of order lines): keep only rows whose codes so far
        # may repeat, first from the columns already coded (the roles), then, if that leaves
        # many, from every column, before the exact comparison below.
        first = [known[name][0] for name in known] + list(hinted.values())
        # Worth it only where lines rarely share all their role values (a sample tells):
        # an order's lines often share price and quantity too (online_retail: 60 % do).
        sample = idx[:_SAMPLE_ROWS]
        if first and _maybe_repeated([c[sample] for c in first], None).mean() < 0.125:
            idx = idx[_maybe_repeated(first, idx)]
    if len(idx) > many:
        missing = [name for name in frame.columns if name not in known and name not in hinted]
        for name, factorized in factorize_columns(frame, missing, objects=False).items():
            known[name] = factorized or pd.factorize(frame[name], use_na_sentinel=True)
        every = [known[n][0] if n in known else hinted[n] for n in frame.columns]
        idx = idx[_maybe_repeated(every, idx)]
    row_code = np.zeros(len(idx), dtype=np.int64)
    width = 1  # row codes are below this

    def narrow() -> None:
        """Renumber the row codes and keep only rows whose code repeats."""
        nonlocal idx, row_code, width
        row_code = pd.factorize(row_code)[0]
        repeated = np.bincount(row_code)[row_code] > 1
        idx, row_code = idx[repeated], row_code[repeated]
        width = len(row_code) + 1

    for name in [*known, *(c for c in frame.columns if c not in known)]:
        if name in known:  # columns already coded: combined several at a time, narrowed once
            size = len(known[name][1]) + 1
            if width * size >= 2**62:
                narrow()
            codes = known[name][0][idx]
        else:  # the others are coded for the rows still in question only
            if width > 1:
                narrow()
            values = frame[name]
            codes = pd.factorize(values if len(idx) == len(frame) else take_values(values, idx))[0]
            size = int(codes.max(initial=-1)) + 2
        if len(idx) == 0:
            return out
        row_code = row_code * size + (np.asarray(codes, dtype=np.int64) + 1)
        width *= size
    narrow()
    if len(idx) == 0:
        return out
    # Numbered by first appearance, a row is new exactly when the running maximum grows.
    first_seen = pd.factorize(row_code)[0]
    new = np.empty(len(first_seen), dtype=bool)
    new[0] = True
    new[1:] = first_seen[1:] > np.maximum.accumulate(first_seen)[:-1]
    out.iloc[idx[~new]] = True
    return out


#: Rows in question above which :func:`_maybe_repeated` narrows them first.
_FILTER_MIN_ROWS = 50_000
#: Rows of the sample that tells whether the role columns alone narrow rule 1 enough.
_SAMPLE_ROWS = 65_536
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplying by it is a bijection mod 2**64
_FINAL = np.uint64(0xBF58476D1CE4E5B9)


def _maybe_repeated(columns: Sequence[np.ndarray], idx: np.ndarray | None) -> np.ndarray:
    """Which rows of ``idx`` (``None``: all) may equal another in every code column (codes
    -1 for blank).

    The codes of a row are mixed into one 64-bit number; equal rows get equal numbers, so
    none is lost. The row's position replaces the number's low bits (as many as positions
    need, 20 at a million rows), and one sort of these (NumPy's vectorised integer sort)
    puts rows of equal high bits side by side: a row stays where a neighbour has them too.
    Distinct rows stay only where two numbers meet in their high bits (a few dozen at 10M
    rows), and the exact comparison settles them. (Bucket counts before a sort, as this once
    had, cost more than they saved: at online_retail's 536,000 rows 0.04 s against 0.02 s,
    at 10M rows 2 s against 0.4 s; a hash-table look-up after the sort 0.02 s.)
    """
    # In place over all rows (cheaper than gathering idx first); -1 wraps: still distinct.
    mixed = np.array(columns[0], dtype=np.int64).view(np.uint64)
    for codes in columns[1:]:
        mixed *= _MIX
        mixed += np.asarray(codes, dtype=np.int64).view(np.uint64)
    if idx is not None:
        mixed = mixed[idx]
    # Spread every code's bits over the whole number (the low bits of the sums above depend
    # on the low bits of the codes only): the high bits kept below depend on every code.
    mixed ^= mixed >> np.uint64(31)
    mixed *= _FINAL
    mixed ^= mixed >> np.uint64(29)
    rows = len(mixed)
    bits = np.uint64(max((rows - 1).bit_length(), 1))
    mixed >>= bits
    mixed <<= bits
    mixed |= np.arange(rows, dtype=np.uint64)
    mixed.sort()
    high = mixed >> bits
    same = high[1:] == high[:-1]
    position = (mixed & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.intp)
    out = np.zeros(rows, dtype=bool)
    out[position[1:][same]] = True
    out[position[:-1][same]] = True
    return out
