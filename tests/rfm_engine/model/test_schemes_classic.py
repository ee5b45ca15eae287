"""The classic scheme: first matching rule wins, ``other`` for the rest, 5-point scores only."""

import numpy as np
import pandas as pd
import pytest

from rfm_engine import SchemeError, load_scheme
from rfm_engine.model.segmentation import assign_segments


def segments_of(codes):
    frame = pd.DataFrame(
        [{"r_score": int(c[0]), "f_score": int(c[1]), "m_score": int(c[2])} for c in codes]
    )
    return list(assign_segments(frame, load_scheme("classic"), bins=5).keys)


def test_classic_rules_in_order():
    assert segments_of(
        ["555", "544", "333", "315", "412", "145", "155", "133", "221", "111", "112"]
    ) == [
        "champions",  # 5 5 5
        "potential_loyalist",  # R3-5 F3-5 M2-5 comes before loyal
        "potential_loyalist",  # 333 also matches loyal, but potential_loyalist is first
        "promising",  # R3-4 F1-3 M3-5
        "new",  # R4-5 F1-3 M1-5
        "cant_lose",  # R1-2 F3-4 M4-5
        "at_risk",  # F5 is outside cant_lose
        "need_attention",  # R1-3 F3-5 M3-5
        "about_to_sleep",  # R2-3 F1-3 M1-4
        "lost",
        "lost",
    ]


def test_unmatched_cells_get_other():
    # R=2, F=1, M=5 matches no rule of the classic table.
    assert segments_of(["215"]) == ["other"]
    check = load_scheme("classic").check(5)
    assert check.total_cells == 125
    assert 0 < check.uncovered_cells < 125


def test_every_cell_is_assigned_exactly_as_a_plain_loop_would():
    scheme = load_scheme("classic")
    codes = [f"{r}{f}{m}" for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)]
    got = segments_of(codes)
    for code, key in zip(codes, got, strict=True):
        r, f, m = map(int, code)
        expected = "other"
        for seg in scheme.segments:
            if (
                seg.r[0] <= r <= seg.r[1]
                and seg.f[0] <= f <= seg.f[1]
                and seg.m[0] <= m <= seg.m[1]
            ):
                expected = seg.key
                break
        assert key == expected, code


def test_five_point_schemes_refuse_other_bin_counts():
    frame = pd.DataFrame({"r_score": np.array([1]), "f_score": [1], "m_score": [1]})
    with pytest.raises(SchemeError, match="5-point"):
        assign_segments(frame, load_scheme("classic"), bins=4)


@pytest.mark.parametrize("name", ["classic", "seed5", "cn8", "activity"])
def test_builtin_schemes_have_names_and_actions_in_three_languages(name):
    scheme = load_scheme(name)
    for seg in scheme.all_segments:
        for lang in ("en", "zh_CN", "zh_TW"):
            assert seg.names.get(lang), (seg.key, lang)
            assert seg.actions.get(lang), (seg.key, lang)
