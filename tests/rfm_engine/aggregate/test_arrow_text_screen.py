"""The byte screen of :mod:`rfm_engine.aggregate.arrow_text_screen` keeps every cell DuckDB's
exact id tests flag (it may keep more), and lets plain ids through untested."""

from __future__ import annotations

import numpy as np
import pytest

from rfm_engine.aggregate import csv_in_duckdb as m
from rfm_engine.aggregate.arrow_text_screen import maybe_messy, short_starts
from rfm_engine.io.parsing import BLANKS, MISSING_MARKERS

pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

#: Ids no exact test flags, and the screen does not keep: long, or not starting as a marker,
#: a placeholder or a blank does (short ones that do, such as ``nana`` or ``张三``, are kept).
PLAIN = [
    "1001",
    "mia.chen48213@example.com",
    "B-17",
    "张三丰的会员卡号码",
    "Noel.Smith@example.org",
]


def _tricky() -> list[str | None]:
    values: list[str | None] = [None, "", '="007"', "'123", "x=1", "a'b"]
    for blank in BLANKS:
        values += [f"{blank}1001", f"1001{blank}", f"张{blank}", blank, f"{blank}张三{blank}"]
    for marker in sorted(MISSING_MARKERS):
        values += [marker, marker.upper(), marker.title(), f" {marker}"]
    values += ["\u212a", "(blan\u212a)", "NULL", "NuLl", "guest", "GUEST", "Guest", "0", "000"]
    values += ["0" * 20, "0" * 21, "匿名", "无", "-", "—"]
    return values


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("placeholders", [False, True])
def test_every_cell_the_exact_test_flags_is_kept(large: bool, placeholders: bool) -> None:
    values = _tricky() + PLAIN * 3
    kind = pa.large_string() if large else pa.string()
    # Several chunks, one of them a slice (its offsets start inside the buffer).
    whole = pa.array(values, type=kind)
    column = pa.chunked_array([whole.slice(0, 7), whole.slice(7, 50), whole.slice(57)], type=kind)
    words = m._KEY_WORDS if placeholders else m._ID_WORDS
    mask = maybe_messy(column, words)
    assert mask is not None and mask.dtype == bool and len(mask) == len(values)

    con = duckdb.connect()
    con.register("t", pa.table({"v": whole}))
    exact = con.execute(
        f"SELECT coalesce({m._id_messy(placeholders=placeholders)}, false) AS f FROM t"
    ).fetchnumpy()
    flagged = np.asarray(exact["f"], dtype=bool)
    assert flagged.sum() > 100  # the exact test flags the tricky cells
    assert not (flagged & ~mask).any(), [values[i] for i in np.flatnonzero(flagged & ~mask)]
    assert not mask[0]  # a null is not messy, it is blank
    plain = np.isin(np.array(values, dtype=object), PLAIN)
    assert not mask[plain].any()  # plain ids are not tested at all


def test_not_plain_only_and_other_types() -> None:
    column = pa.chunked_array([pa.array(["a ", " b", "c", "guest", "", None])])
    assert maybe_messy(column).tolist() == [True, True, False, False, True, False]
    assert maybe_messy(pa.chunked_array([pa.array([1, 2])])) is None
    table, longest = short_starts(["guest", "n/a"])
    assert longest == 5 and table[ord("g")] and table[ord("G")] and table[ord("N")]
    assert table[0xE2] and not table[ord("x")]
