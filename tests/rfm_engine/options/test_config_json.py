"""One frozen configuration object: validation, and a lossless JSON round trip."""

import dataclasses
import datetime as dt

import pytest

from rfm_engine import (
    AxisScoring,
    CleaningRules,
    ColumnMap,
    ConfigError,
    MetricsConfig,
    Period,
    ReadOptions,
    RfmConfig,
    ScoringConfig,
    SegmentConfig,
    SegmentScheme,
)


def custom_scheme() -> SegmentScheme:
    return SegmentScheme.from_dict(
        {
            "key": "mine",
            "kind": "score_ranges",
            "bins": 3,
            "names": {"en": "Mine"},
            "segments": [
                {
                    "key": "top",
                    "names": {"en": "Top", "zh_CN": "顶级"},
                    "r": [3, 3],
                    "f": [2, 3],
                    "m": [3, 3],
                }
            ],
        }
    )


def full_config() -> RfmConfig:
    return RfmConfig(
        columns=ColumnMap(
            customer="买家会员名",
            date="订单付款时间",
            amount="金额",
            order="订单编号",
            status="订单状态",
            contacts=("email", "phone"),
            amount_is_order_total=True,
        ),
        reading=ReadOptions(encoding="gb18030", sheet="Sheet2", header_row=2, dayfirst=True),
        cleaning=CleaningRules(drop_duplicates=False, returns="net"),
        period=Period(as_of=dt.date(2024, 6, 30), start=dt.date(2023, 7, 1)),
        metrics=MetricsConfig(frequency="days", monetary="mean"),
        scoring=ScoringConfig(
            bins=3,
            recency=AxisScoring("fixed", (30, 90)),
            monetary=AxisScoring("fixed", (100, 500)),
            weights=(2, 1, 0.5),
        ),
        segments=SegmentConfig(scheme=custom_scheme()),
        lang="zh_TW",
    )


def test_json_round_trip_keeps_every_option():
    config = full_config()
    again = RfmConfig.from_json(config.to_json())
    assert again == config
    assert again.segments.scheme.segments[0].names["zh_CN"] == "顶级"


def test_default_config_round_trips_and_saves(tmp_path):
    path = tmp_path / "config.json"
    RfmConfig().save(path)
    assert RfmConfig.load(path) == RfmConfig()


def test_configs_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        RfmConfig().lang = "zh_CN"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ScoringConfig(bins=1), "bins must be between 2 and 9"),
        (lambda: ScoringConfig(bins=10), "bins must be between 2 and 9"),
        (lambda: ScoringConfig(recency=AxisScoring("fixed", (30, 60))), "5 bins need 4 numbers"),
        (lambda: AxisScoring("fixed", (30, 20, 40)), "strictly ascending"),
        (lambda: ScoringConfig(weights=(1, 1)), "three numbers"),
        (lambda: ScoringConfig(weights=(0, 0, 0)), "at least one must be above 0"),
        (lambda: ScoringConfig(weights=(2, -1, 1)), "must not be negative"),
        (lambda: ColumnMap(amount="a", quantity="q", price="p"), "not both"),
        (lambda: ColumnMap(quantity="q"), "go together"),
        (lambda: Period(as_of=dt.date(2024, 1, 1), start=dt.date(2024, 2, 1)), "after"),
        (lambda: MetricsConfig(frequency="weeks"), "metrics.frequency must be one of"),
        (lambda: RfmConfig(lang="fr"), "lang must be one of"),
    ],
)
def test_invalid_options_name_the_problem(make, message):
    with pytest.raises(ConfigError, match=message):
        make()


def test_unknown_option_in_json_is_refused():
    data = RfmConfig().to_dict()
    data["scoring"]["binz"] = 4
    with pytest.raises(ConfigError, match="unknown option 'binz'"):
        RfmConfig.from_dict(data)


def test_bad_json_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.json"):
        RfmConfig.load(path)
