"""128-bit hashes of whole rows, from each column's distinct values (rule 1 across chunks).

Identical rows hash alike in any chunk of any file, because each distinct cell value is hashed
by its content (SipHash, under two independent keys) and the row's hash combines its columns'
value hashes. Two different rows of ``n`` collide with odds about ``n² / 2**129``: 4e-24 for
50 million rows.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..io.arrow_typed import digit_labels, is_digit_uniques
from ..io.parsing import Factorized

KEYS = ("rfm-segments-one", "rfm-segments-two")  # 16 bytes each, as SipHash wants
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplying by it is a bijection mod 2**64
_BLANK = np.uint64(0x5A17B1A9C0FFEE01)


def row_hashes(
    frame: pd.DataFrame, coded: Mapping[str, Factorized | None] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Two independent 64-bit hashes per row; ``coded`` gives columns already factorized."""
    parts = []
    for name in frame.columns:
        known = (coded or {}).get(name)
        codes, uniques = known or pd.factorize(frame[name], use_na_sentinel=True)
        if known is not None and is_digit_uniques(
            uniques
        ):  # hashed as the text they were read from
            uniques = digit_labels(uniques)
        parts.append((np.asarray(codes), np.asarray(uniques, dtype=object)))
    out = []
    for key in KEYS:
        total = np.zeros(len(frame), dtype=np.uint64)
        for codes, uniques in parts:
            values = pd.util.hash_array(uniques, hash_key=key, categorize=False)
            total = total * _MIX + np.append(values, _BLANK)[codes]  # code -1 (blank) → last
        out.append(total)
    return out[0], out[1]
