"""Custom schemes: validated on load, checked for overlaps and uncovered cells, first rule wins."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from rfm_engine import SchemeError, load_scheme
from rfm_engine.model.segmentation import assign_segments
from rfm_engine.options.schemes import SegmentScheme, check_scheme


def _scheme(segments, **extra) -> dict:
    return {"key": "mine", "kind": "score_ranges", "bins": 3, "segments": segments, **extra}


def _write(tmp_path, data) -> str:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_overlaps_and_uncovered_cells_are_counted(tmp_path):
    # 3 bins: 27 cells. "top" covers R=3 (9 cells); "recent" R 2-3 (18 cells, 9 shared with top).
    data = _scheme(
        [
            {"key": "top", "names": {"en": "Top"}, "r": [3, 3]},
            {"key": "recent", "names": {"en": "Recent"}, "r": [2, 3]},
            {"key": "never", "names": {"en": "Never"}, "r": [3, 3], "f": [1, 1]},
        ]
    )
    _, check = check_scheme(_write(tmp_path, data))
    assert check.total_cells == 27
    assert check.uncovered_cells == 9  # R=1
    overlaps = {(a, b): n for a, b, n in check.overlaps}
    assert overlaps == {("top", "recent"): 9, ("top", "never"): 3, ("recent", "never"): 3}
    assert check.shadowed == ("never",)
    assert not check.ok
    frame = check.to_frame()
    assert list(frame["problem"]) == ["uncovered", "overlap", "overlap", "overlap", "never_matches"]
    assert "9 of 27 cells match no rule" in frame["message"].iloc[0]


def test_first_matching_rule_wins_and_the_rest_are_other():
    scheme = SegmentScheme.from_dict(
        _scheme(
            [
                {"key": "top", "names": {"en": "Top"}, "r": [3, 3]},
                {"key": "recent", "names": {"en": "Recent"}, "r": [2, 3]},
            ]
        )
    )
    customers = pd.DataFrame({"r_score": [3, 2, 1], "f_score": [1, 3, 3], "m_score": [2, 2, 3]})
    keys = assign_segments(customers, scheme, bins=3).keys
    assert list(keys) == ["top", "recent", "other"]


@pytest.mark.parametrize(
    "segment,message",
    [
        ({"key": "x", "r": [0, 2]}, "R range 0-2 is not within 1-3"),
        ({"key": "x", "f": [3, 2]}, "F range 3-2 is not within 1-3"),
        ({"key": "x", "m": [1, 4]}, "M range 1-4 is not within 1-3"),
        ({"key": "x", "r": ["1", 2]}, "must be two whole numbers"),
        ({"key": "x", "colour": "red"}, "unknown field 'colour'"),
        ({"names": {"en": "No key"}}, "every segment needs a 'key'"),
    ],
)
def test_bad_ranges_and_fields_are_refused_naming_the_file(tmp_path, segment, message):
    path = _write(tmp_path, _scheme([segment]))
    with pytest.raises(SchemeError) as err:
        load_scheme(path)
    assert message in str(err.value)
    assert "mine.json" in str(err.value)


def test_duplicate_keys_and_bad_json_are_refused(tmp_path):
    data = _scheme([{"key": "a", "r": [1, 1]}, {"key": "a", "r": [2, 2]}])
    with pytest.raises(SchemeError, match="segment key 'a' is used twice"):
        load_scheme(_write(tmp_path, data))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SchemeError, match="is not valid JSON"):
        load_scheme(str(bad))


def test_a_scheme_for_five_point_scores_refuses_other_bins():
    with pytest.raises(SchemeError, match="written for 5-point scores"):
        check_scheme("classic", bins=4)


def test_builtin_coverage_reports():
    _, classic = check_scheme("classic")
    assert (classic.total_cells, classic.uncovered_cells, classic.shadowed) == (125, 10, ())
    _, seed5 = check_scheme("seed5")
    # 1 + 8 + 4 + 8 + 8 = 29 rule cells; potential and regular share R=4, F=3-4, M=3-4 (4).
    assert seed5.uncovered_cells == 125 - (29 - 4)
    assert seed5.overlaps == (("potential", "regular", 4),)
    assert check_scheme("cn8")[1].ok
    _, activity = check_scheme("activity")
    assert activity.ok and activity.total_cells == 63  # days 0..62


def test_custom_recency_and_high_low_schemes_are_checked():
    days = SegmentScheme.from_dict(
        {
            "key": "d",
            "kind": "recency_days",
            "segments": [
                {"key": "a", "days": [0, 10]},
                {"key": "b", "days": [5, 20]},
                {"key": "c", "days": [30, None]},
            ],
        }
    )
    check = days.check()
    assert check.overlaps == (("a", "b", 6),)  # days 5..10
    assert check.uncovered_cells == 9  # days 21..29
    hl = SegmentScheme.from_dict(
        {"key": "h", "kind": "high_low", "segments": [{"key": "a", "pattern": "111"}]}
    )
    assert hl.check().uncovered_cells == 7
