"""Segment summary per the definitions, checked by hand on a small table."""

from __future__ import annotations

import datetime as dt
import math

from rfm_engine import Period, RfmConfig, analyze


def test_summary_of_one_segment_by_hand(tricky_orders):
    result = analyze(tricky_orders, RfmConfig(period=Period(as_of=dt.date(2024, 4, 1))))
    row = result.summary.set_index("segment").loc["lost"]
    # lost: "+1" (2 orders, 20 + 21, last 03-06: 26 days) and the HYPERLINK customer
    # (1 order, 10, last 03-01: 31 days). All customers spent 538 in total.
    assert row["customers"] == 2
    assert math.isclose(row["customer_share"], 2 / 7)
    assert row["orders"] == 3
    assert row["revenue"] == 51.0
    assert math.isclose(row["revenue_share"], 51 / 538)
    assert row["mean_recency"] == 28.5
    assert row["mean_frequency"] == 1.5
    assert row["mean_monetary"] == 25.5
    assert row["avg_order_value"] == 17.0
    assert row["action"] == result.scheme.segment("lost").action("en")
    empty = result.summary.set_index("segment").loc["loyal"]
    assert empty["customers"] == 0 and math.isnan(empty["avg_order_value"])
    assert result.summary["customers"].sum() == 7
    assert list(result.summary["segment"]) == [s.key for s in result.scheme.all_segments]
