"""Segment counts of every built-in scheme against a hand computation on the shared datasets.

The rule tables below are copied from docs/rfm-definitions.md as written; the test assigns
segments with plain loops over them from the engine's r/f/m scores and metrics, without calling
the engine's assignment code, and compares the counts per segment.
"""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

from rfm_engine import RfmConfig, SegmentConfig, analyze, load_scheme
from rfm_engine.pipeline.analysis import load_table

CLASSIC = [
    ("champions", (5, 5), (5, 5), (5, 5)),
    ("potential_loyalist", (3, 5), (3, 5), (2, 5)),
    ("loyal", (2, 4), (2, 4), (2, 4)),
    ("promising", (3, 4), (1, 3), (3, 5)),
    ("new", (4, 5), (1, 3), (1, 5)),
    ("cant_lose", (1, 2), (3, 4), (4, 5)),
    ("at_risk", (1, 2), (2, 5), (4, 5)),
    ("need_attention", (1, 3), (3, 5), (3, 5)),
    ("about_to_sleep", (2, 3), (1, 3), (1, 4)),
    ("lost", (1, 1), (1, 5), (1, 5)),
]
SEED5 = [
    ("high_value", (5, 5), (5, 5), (5, 5)),
    ("potential", (4, 5), (3, 4), (3, 4)),
    ("new", (5, 5), (1, 2), (1, 2)),
    ("churned", (1, 2), (1, 2), (1, 2)),
    ("regular", (3, 4), (3, 4), (3, 4)),
]
CN8 = {
    (1, 1, 1): "important_value",
    (0, 1, 1): "important_retain",
    (1, 0, 1): "important_develop",
    (0, 0, 1): "important_winback",
    (1, 1, 0): "general_value",
    (0, 1, 0): "general_retain",
    (1, 0, 0): "general_develop",
    (0, 0, 0): "general_winback",
}
DATASETS = {
    "online_retail": ["online_retail/online_retail.csv"],
    "taobao_utf8": ["taobao_toy_shop_2017/orders_utf8.csv"],
    "taobao_gbk": ["taobao_toy_shop_2017/orders_gbk.csv"],
    "mingrisoft": [
        "mingrisoft_taobao_2018_2019/2018.xlsx",
        "mingrisoft_taobao_2018_2019/2019.xlsx",
    ],
    "mingrisoft_1yue": ["mingrisoft_taobao_2018_2019/1月.csv"],
    "rfm_r_sample": ["rfm_r_sample/rfm_data_orders.csv"],
}
_RAW: dict[str, object] = {}


@pytest.fixture(params=sorted(DATASETS))
def raw(request, shared_datasets):
    name = request.param
    if name not in _RAW:
        _RAW[name] = load_table([shared_datasets / p for p in DATASETS[name]])
    return _RAW[name]


def _by_table(rows, table) -> Counter:
    counts: Counter = Counter()
    for r, f, m in rows:
        for key, (r0, r1), (f0, f1), (m0, m1) in table:
            if r0 <= r <= r1 and f0 <= f <= f1 and m0 <= m <= m1:
                counts[key] += 1
                break
        else:
            counts["other"] += 1
    return counts


def _engine_counts(raw, segments: SegmentConfig):
    result = analyze(raw, RfmConfig(segments=segments))
    counts = Counter(result.customers["segment"])
    return result, counts


@pytest.mark.parametrize("name,table", [("classic", CLASSIC), ("seed5", SEED5)])
def test_score_range_schemes_match_hand_counts(raw, name, table):
    result, engine = _engine_counts(raw, SegmentConfig(scheme=name))
    c = result.customers
    rows = list(zip(c["r_score"], c["f_score"], c["m_score"], strict=True))
    assert engine == _by_table(rows, table)
    assert sum(engine.values()) == len(c)
    summary = result.summary.set_index("segment")["customers"]
    assert {k: int(v) for k, v in summary.items() if v} == dict(engine)


@pytest.mark.parametrize("reference", ["mean", "median"])
@pytest.mark.parametrize("basis", ["scores", "values"])
def test_cn8_matches_hand_counts(raw, reference, basis):
    result, engine = _engine_counts(raw, SegmentConfig("cn8", reference=reference, basis=basis))
    c = result.customers
    if basis == "scores":
        axes = [list(c["r_score"]), list(c["f_score"]), list(c["m_score"])]
    else:
        axes = [list(c["recency_days"]), list(c["frequency"]), list(c["monetary"])]
    centre = statistics.mean if reference == "mean" else statistics.median
    refs = [centre(float(v) for v in axis) for axis in axes]
    counts: Counter = Counter()
    for i in range(len(c)):
        high = []
        for axis_no, (axis, ref) in enumerate(zip(axes, refs, strict=True)):
            value = float(axis[i])
            fewer_days_is_high = axis_no == 0 and basis == "values"
            high.append(int(value < ref if fewer_days_is_high else value > ref))
        counts[CN8[tuple(high)]] += 1
    assert engine == counts
    assert result.segment_references["recency"] == pytest.approx(refs[0])


def test_activity_matches_hand_counts(raw):
    result, engine = _engine_counts(raw, SegmentConfig("activity"))
    counts: Counter = Counter()
    for days in result.customers["recency_days"]:
        counts["active" if days <= 30 else "cooling" if days <= 60 else "inactive"] += 1
    assert engine == counts


@pytest.mark.parametrize("name", ["classic", "seed5", "cn8", "activity"])
def test_builtin_schemes_have_names_and_actions_in_three_languages(name):
    scheme = load_scheme(name)
    assert set(scheme.names) >= {"en", "zh_CN", "zh_TW"}
    for segment in scheme.all_segments:
        for lang in ("en", "zh_CN", "zh_TW"):
            assert segment.names.get(lang), (segment.key, lang)
            assert segment.actions.get(lang), (segment.key, lang)
        # Chinese names are Chinese, not English copied over.
        assert segment.names["zh_CN"] != segment.names["en"]


@pytest.mark.parametrize(
    "name,keys",
    [
        ("classic", [row[0] for row in CLASSIC]),
        ("seed5", [row[0] for row in SEED5]),
        ("cn8", list(CN8.values())),
        ("activity", ["active", "cooling", "inactive"]),
    ],
)
def test_builtin_scheme_keys_and_order_are_those_of_the_definitions(name, keys):
    scheme = load_scheme(name)
    assert [s.key for s in scheme.segments] == keys
    assert scheme.other.key == "other"


def test_seed5_chinese_names_are_the_seed_documents():
    names = {s.key: s.names["zh_CN"] for s in load_scheme("seed5").segments}
    assert names == {
        "high_value": "高价值客户",
        "potential": "潜力客户",
        "new": "新客户",
        "churned": "流失客户",
        "regular": "一般客户",
    }
    cn8 = {s.pattern: s.names["zh_CN"] for s in load_scheme("cn8").segments}
    assert cn8["111"] == "重要价值客户" and cn8["000"] == "一般挽留客户"
