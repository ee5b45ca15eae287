"""Period comparison on a hand-made table where we know who moves where."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import ConfigError, RfmConfig, SegmentConfig
from rfm_engine.outputs.mailing import mailing_list
from rfm_engine.pipeline.comparison import NEW_SINCE, compare_periods

ACTIVITY = RfmConfig(segments=SegmentConfig("activity"))


@pytest.fixture
def orders() -> pd.DataFrame:
    # as_of then 2024-02-10, now 2024-04-01 (recency: <=30 active, 31-60 cooling, >60 inactive)
    # a: last 01-01 then (40 days: cooling), 03-20 now (12: active)     cooling -> active
    # b: last 01-05 (then 36: cooling; now 87: inactive)                 cooling -> inactive
    # c: 02-01 then (9: active), 03-25 now (7: active)                   active  -> active
    # d: first purchase 03-28                                           new_since -> active
    # e: 2023-11-01 (then 101: inactive; now 152: inactive)             inactive -> inactive
    rows = [
        ("a", "2024-01-01", 10),
        ("a", "2024-03-20", 20),
        ("b", "2024-01-05", 30),
        ("c", "2024-02-01", 40),
        ("c", "2024-03-25", 50),
        ("d", "2024-03-28", 60),
        ("e", "2023-11-01", 70),
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "order_date", "revenue"])
    frame["email"] = frame["customer_id"] + "@example.com"
    return frame


def test_segments_then_and_now(orders):
    comparison = compare_periods(
        orders, ACTIVITY, as_of_then=dt.date(2024, 2, 10), as_of_now=dt.date(2024, 4, 1)
    )
    table = comparison.customers.set_index("customer_id")
    moves = {c: (r.segment_then, r.segment_now) for c, r in table.iterrows()}
    assert moves == {
        "a": ("cooling", "active"),
        "b": ("cooling", "inactive"),
        "c": ("active", "active"),
        "d": (NEW_SINCE, "active"),
        "e": ("inactive", "inactive"),
    }
    assert table.loc["a", "recency_days_then"] == 40 and table.loc["a", "recency_days_now"] == 12
    assert table.loc["a", "frequency_then"] == 1 and table.loc["a", "frequency_now"] == 2
    assert table.loc["a", "monetary_then"] == 10 and table.loc["a", "monetary_now"] == 30
    assert list(table["moved"]) == [True, True, False, True, False]
    assert table.loc["a", "email"] == "a@example.com"
    assert (comparison.then.as_of, comparison.now.as_of) == (
        dt.date(2024, 2, 10),
        dt.date(2024, 4, 1),
    )


def test_migration_matrix(orders):
    comparison = compare_periods(
        orders, ACTIVITY, as_of_then=dt.date(2024, 2, 10), as_of_now=dt.date(2024, 4, 1)
    )
    m = comparison.matrix
    assert list(m.index) == ["active", "cooling", "inactive", "other", NEW_SINCE]
    assert list(m.columns) == ["active", "cooling", "inactive", "other"]
    expected = {
        ("active", "active"): 1,
        ("cooling", "active"): 1,
        ("cooling", "inactive"): 1,
        (NEW_SINCE, "active"): 1,
        ("inactive", "inactive"): 1,
    }
    for then in m.index:
        for now in m.columns:
            assert m.loc[then, now] == expected.get((then, now), 0), (then, now)
    named = comparison.matrix_named("zh_CN")
    assert named.loc["中活跃度", "高活跃度"] == 1
    assert named.loc["期间新客户", "高活跃度"] == 1


def test_movers_export_like_any_segment_list(orders):
    comparison = compare_periods(
        orders, ACTIVITY, as_of_then=dt.date(2024, 2, 10), as_of_now=dt.date(2024, 4, 1)
    )
    cooled = comparison.movers(from_segments=["cooling"], to_segments=["inactive"])
    assert list(cooled["customer_id"]) == ["b"]
    assert cooled.loc[0, "segment"] == "inactive" and cooled.loc[0, "segment_then"] == "cooling"
    fresh = comparison.movers(from_segments=[NEW_SINCE])
    assert list(fresh["customer_id"]) == ["d"]
    mailing = mailing_list(cooled, comparison.now.scheme, comparison.now.contacts)
    assert list(mailing.emails["email"]) == ["b@example.com"]
    with pytest.raises(ConfigError, match="unknown segment 'champions'"):
        comparison.movers(to_segments=["champions"])


def test_default_dates_and_order_check(orders):
    comparison = compare_periods(orders, ACTIVITY, days=50)
    # Default now: the day after the latest purchase (2024-03-29); then 50 days before.
    assert comparison.now.as_of == dt.date(2024, 3, 29)
    assert comparison.then.as_of == dt.date(2024, 2, 8)
    with pytest.raises(ConfigError, match="must be before"):
        compare_periods(orders, ACTIVITY, as_of_then=dt.date(2024, 5, 1))


def test_classic_scheme_comparison_uses_then_cut_points(shared_datasets):
    path = shared_datasets / "rfm_r_sample" / "rfm_data_orders.csv"
    comparison = compare_periods(path, RfmConfig(), as_of_then=dt.date(2006, 7, 1))
    from rfm_engine import Period, analyze

    then = analyze(path, RfmConfig(period=Period(as_of=dt.date(2006, 7, 1))))
    expected = then.customers.set_index("customer_id")["segment"]
    got = comparison.customers.set_index("customer_id")["segment_then"]
    known = got[got != NEW_SINCE]
    assert known.sort_index().equals(expected.sort_index())
    assert comparison.matrix.to_numpy().sum() == len(comparison.now.customers) == 995
    assert int(comparison.matrix.loc[NEW_SINCE].sum()) == 995 - len(then.customers)


def test_an_earlier_date_before_all_purchases_is_a_clear_error(orders):
    from rfm_engine import DataError

    with pytest.raises(DataError, match="no purchases on or before the earlier date 2023-01-01"):
        compare_periods(orders, ACTIVITY, as_of_then=dt.date(2023, 1, 1))
