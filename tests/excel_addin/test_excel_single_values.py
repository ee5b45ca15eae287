"""RFM.SCORE, THRESHOLDS, SEGMENT, RECENCY, SEGMENTS and VERSION called as Excel calls them."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from rfm_engine import AxisScoring, __version__, load_scheme
from rfm_engine.model.scoring import score_values

EPOCH = dt.date(1899, 12, 30)
VALUES = [[3.0], [1.0], [4.0], [1.0], [5.0], [9.0], [2.0], [6.0], [5.0], [3.0], [None]]


def serial(day: dt.date) -> float:
    return float((day - EPOCH).days)


def test_thresholds_by_hand(excel):
    # 1..5: Q(k/5) with linear interpolation = 1 + 4k/5.
    assert excel("thresholds", [[1.0], [2.0], [3.0], [4.0], [5.0]]) == [
        [1.8],
        [2.6],
        [3.4],
        [4.2],
    ]
    assert excel("thresholds", [[1.0, 2.0, 3.0, 4.0, 5.0]], [[2.0]]) == [[3.0]]


@pytest.mark.parametrize("lower_is_better", [False, True])
def test_score_of_every_value_equals_the_engine_score(excel, lower_is_better):
    values = np.array([v[0] for v in VALUES if v[0] is not None])
    axis = "recency" if lower_is_better else "monetary"
    engine, _ = score_values(values, axis, AxisScoring(), 5)
    flag = [[lower_is_better]]
    got = [excel("score", [[v]], VALUES, None, flag)[0][0] for v in values]
    assert got == engine.tolist()


def test_score_by_hand(excel):
    # Cut points of 1..5 are 1.8, 2.6, 3.4, 4.2: 2.6 is on a cut point, so it stays in bin 2.
    values = [[1.0], [2.0], [3.0], [4.0], [5.0]]
    assert excel("score", [[2.6]], values) == [[2]]
    assert excel("score", [[2.61]], values) == [[3]]
    assert excel("score", [[2.6]], values, None, [[True]]) == [[4]]
    assert excel("score", [[100.0]], values, [[3.0]]) == [[3]]


def test_segment_names_for_scores(excel):
    assert excel("segment", [[5.0]], [[5.0]], [[5.0]]) == [["Champions"]]
    assert excel("segment", [[3.0]], [[1.0]], [[3.0]]) == [["Promising"]]
    assert excel("segment", [[1.0]], [[1.0]], [[1.0]], [["seed5"]], [["zh_CN"]]) == [["流失客户"]]
    column = excel("segment", [[5.0], [1.0]], [[5.0], [1.0]], [[5.0], [1.0]], None, [["zh_TW"]])
    classic = load_scheme("classic")
    assert column == [
        [classic.segment("champions").name("zh_TW")],
        [classic.segment("lost").name("zh_TW")],
    ]


def test_recency(excel):
    # The seed example: as_of 2023-11-01, last purchase 2023-10-15 -> 17 days.
    last, as_of = serial(dt.date(2023, 10, 15)), serial(dt.date(2023, 11, 1))
    assert excel("recency", [[last]], [[as_of]]) == [[17]]
    assert excel("recency", [["2023-10-15"]], [["2023-11-01"]]) == [[17]]
    assert excel("recency", [[dt.datetime(2023, 10, 15, 23, 59)]], [[as_of]]) == [[17]]
    # Without as_of: the day after the latest date given, as in RFM.TABLE; blanks stay blank.
    column = [[serial(dt.date(2023, 10, 15))], [None], [serial(dt.date(2023, 10, 20))]]
    assert excel("recency", column) == [[6], [""], [1]]


def test_segments_rule_table(excel):
    table = excel("segments")
    assert table[0] == ["key", "segment", "R", "F", "M", "days", "action"]
    assert table[1][:5] == ["champions", "Champions", "5-5", "5-5", "5-5"]
    assert table[2][:5] == ["potential_loyalist", "Potential Loyalist", "3-5", "3-5", "2-5"]
    assert [row[0] for row in table[1:]] == [s.key for s in load_scheme("classic").all_segments]
    assert all(row[6] for row in table[1:])
    activity = excel("segments", [["activity"]], [["zh_CN"]])
    assert activity[1][:2] == ["active", "高活跃度"] and activity[1][5] == "0-30"
    cn8 = excel("segments", [["cn8"]])
    assert cn8[1][2:5] == ["high", "high", "high"]


def test_version(excel):
    assert excel("version") == [[__version__]]
