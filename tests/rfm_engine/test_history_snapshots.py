"""Snapshots at period ends equal ``analyze --as-of END``; frozen cut points; flows, timelines
and entered/left lists agree with the snapshots; stored snapshots read back the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest

from resources import sample_orders_path
from rfm_engine import ConfigError, Period, RfmConfig, analyze, load_table
from rfm_engine.history import (
    Workspace,
    changes,
    compute_history,
    flows,
    period_ends,
    sizes,
    store_history,
    stored_snapshots,
    timelines,
)


def _customers(result) -> pd.DataFrame:
    return result.customers_table().sort_values("customer_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def sample_history():
    table = load_table(sample_orders_path())
    return table, compute_history(table, RfmConfig())


def test_period_ends_known_answers():
    first, last = dt.date(2024, 11, 7), dt.date(2025, 1, 2)
    assert period_ends(first, last) == [
        dt.date(2024, 11, 30),
        dt.date(2024, 12, 31),
        dt.date(2025, 1, 31),
    ]
    # 2024-11-07 is a Thursday: its week ends on Sunday the 10th.
    assert period_ends(first, dt.date(2024, 11, 18), "week") == [
        dt.date(2024, 11, 10),
        dt.date(2024, 11, 17),
        dt.date(2024, 11, 24),
    ]
    assert period_ends(first, last, "quarter") == [dt.date(2024, 12, 31), dt.date(2025, 3, 31)]
    with pytest.raises(ConfigError, match="period must be one of month, week, quarter"):
        period_ends(first, last, "year")


def test_each_snapshot_equals_analyze_as_of_its_month_end(sample_history):
    _table, history = sample_history
    assert history.ends[0] == dt.date(2024, 11, 30) and history.ends[-1] == dt.date(2026, 10, 31)
    assert len(history.ends) == 24
    for end, result in zip(history.ends, history.results, strict=True):
        direct = analyze(sample_orders_path(), RfmConfig(period=Period(as_of=end)))
        assert result.as_of == end
        pd.testing.assert_frame_equal(_customers(result), _customers(direct))
        assert result.cut_points == direct.cut_points
    assert history.cut_points_label == "per_period"


def test_a_workspace_of_monthly_exports_gives_the_same_snapshots(tmp_path, monthly_exports):
    parts = monthly_exports(sample_orders_path(), "order_date", tmp_path / "parts")
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add(list(reversed(parts)))
        history = compute_history(workspace.table(), workspace.config)
        store_history(workspace, history)
        stored = stored_snapshots(workspace)
        status = workspace.status()
    for end in (history.ends[3], history.ends[-1]):
        direct = analyze(sample_orders_path(), RfmConfig(period=Period(as_of=end)))
        mine = history.results[history.ends.index(end)]
        pd.testing.assert_frame_equal(_customers(mine), _customers(direct))
    expected = history.long()
    assert len(stored) == len(expected) == sum(len(r.customers) for r in history.results)
    assert stored["segment"].tolist() == expected["segment"].tolist()
    assert stored["period_end"].tolist() == expected["period_end"].tolist()
    assert np.allclose(stored["monetary"], expected["monetary"])
    assert set(stored["cut_points"]) == {"per_period"}
    assert status.snapshots == tuple(("month", e.isoformat()) for e in history.ends)


def test_frozen_cut_points_give_that_period_its_own_scores_and_fix_the_others(sample_history):
    table, per_period = sample_history
    frozen = compute_history(table, RfmConfig(), freeze=dt.date(2025, 6, 15))
    assert frozen.frozen_from == dt.date(2025, 6, 30)
    assert frozen.cut_points_label == "frozen:2025-06-30"
    i = frozen.ends.index(dt.date(2025, 6, 30))
    # The frozen period scores exactly as with its own quantile cut points.
    pd.testing.assert_frame_equal(_customers(frozen.results[i]), _customers(per_period.results[i]))
    cuts = per_period.results[i].cut_points
    assert all(frozen.config.scoring.axis(a).method == "fixed" for a in cuts)
    last = frozen.results[-1].customers
    n = 5
    c_f = np.array(cuts["frequency"].cut_points)
    c_m = np.array(cuts["monetary"].cut_points)
    c_r = np.array(cuts["recency"].cut_points)
    # The definitions' quantile rule with the frozen period's cut points, on the last period.
    f = 1 + (last["frequency"].to_numpy()[:, None] > c_f).sum(axis=1)
    m = 1 + (last["monetary"].to_numpy()[:, None] > c_m).sum(axis=1)
    r = n - (last["recency_days"].to_numpy()[:, None] > c_r).sum(axis=1)
    assert (last["f_score"].to_numpy() == f).all()
    assert (last["m_score"].to_numpy() == m).all()
    assert (last["r_score"].to_numpy() == r).all()
    # Spending only grows: with frozen limits the last period has more top-M customers.
    assert (last["m_score"] == 5).mean() > (per_period.results[-1].customers["m_score"] == 5).mean()
    assert [w.code for w in frozen.warnings] == ["frozen_ties"]  # frequency 1, 1, 1, 2
    with pytest.raises(ConfigError, match="outside the history"):
        compute_history(table, RfmConfig(), freeze=dt.date(2020, 1, 1))


def test_flows_sizes_timelines_and_changes_agree(sample_history):
    _, history = sample_history
    size = sizes(history)
    flow = flows(history)
    for i, end in enumerate(history.ends):
        counts = size[size["period_end"] == end].set_index("segment")["customers"]
        assert counts.sum() == len(history.results[i].customers)
        if i == 0:
            continue
        into = flow[flow["period_to"] == end]
        assert (into["period_from"] == history.ends[i - 1]).all()
        arrived = into.groupby("segment_to")["customers"].sum()
        assert arrived.reindex(counts.index, fill_value=0).tolist() == counts.tolist()
        left = into[into["segment_from"] != "new_since"].groupby("segment_from")["customers"].sum()
        before = size[size["period_end"] == history.ends[i - 1]].set_index("segment")["customers"]
        assert left.reindex(before.index, fill_value=0).tolist() == before.tolist()
    lines = timelines(history).set_index("customer_id")
    last, previous = str(history.ends[-1]), str(history.ends[-2])
    now = history.results[-1].customers.set_index("customer_id")["segment"]
    assert lines[last].to_dict() == now.to_dict()
    moved = changes(history)
    assert len(moved) == int((lines[last] != lines[previous]).sum())
    expected_before = lines.loc[moved["customer_id"], previous].replace("", "new_since")
    assert moved["segment_before"].tolist() == expected_before.tolist()
    left_champions = changes(history, left=["champions"])
    assert (left_champions["segment_before"] == "champions").all()
    assert (left_champions["segment"] != "champions").all()
    assert len(left_champions) == int(
        ((lines[previous] == "champions") & (lines[last] != "champions")).sum()
    )
    assert set(changes(history, entered=["at_risk"])["segment"]) == {"at_risk"}
    assert "email" in moved.columns  # contacts carried for mailing lists
    one = moved.iloc[0]["customer_id"]
    path = [s for s in lines.loc[one, [str(e) for e in history.ends]] if s]
    assert lines.loc[one, "changes"] == sum(a != b for a, b in itertools.pairwise(path))
    with pytest.raises(ConfigError, match="unknown segment 'vip'"):
        changes(history, entered=["vip"])


def test_an_open_last_period_is_reported(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,order_date,amount\na,2024-01-05,5\nb,2024-02-03,6\na,2024-02-10,7\n",
        encoding="utf-8",
    )
    history = compute_history(load_table(path), RfmConfig())
    assert history.ends == (dt.date(2024, 1, 31), dt.date(2024, 2, 29))
    (warning,) = history.warnings
    assert warning.code == "last_period_open"
    assert "2024-02-29" in warning.message and "2024-02-10" in warning.message
    assert history.results[-1].customers.set_index("customer_id")["recency_days"].to_dict() == {
        "a": 19,
        "b": 26,
    }
    # A configured as_of ends the history there.
    config = dataclasses.replace(RfmConfig(), period=Period(as_of=dt.date(2024, 2, 15)))
    assert compute_history(load_table(path), config).ends[-1] == dt.date(2024, 2, 15)
