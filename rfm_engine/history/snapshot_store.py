"""Snapshots kept in the workspace: per period end the settings used, cut points, segment
summary and every customer's metrics, scores and segment (for faces that show trends without
recomputing them)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from .snapshots import History
from .workspace import Workspace

_CUSTOMER_FIELDS = (
    "customer_id",
    "recency_days",
    "frequency",
    "monetary",
    "r_score",
    "f_score",
    "m_score",
    "rfm_code",
    "rfm_score",
    "segment",
)


def store_history(workspace: Workspace, history: History) -> None:
    """Replace the stored snapshots of ``history.period`` with these, in one transaction."""
    created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    settings = history.config.to_json()
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM snapshots WHERE period = ?", (history.period,))
        for end, result in zip(history.ends, history.results, strict=True):
            cuts = {axis: list(c.cut_points) for axis, c in result.cut_points.items()}
            cursor = conn.execute(
                "INSERT INTO snapshots (period, period_end, cut_points, settings_json, "
                "cut_points_json, summary_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    history.period,
                    end.isoformat(),
                    history.cut_points_label,
                    settings,
                    json.dumps(cuts),
                    result.summary.to_json(orient="records", force_ascii=False),
                    created,
                ),
            )
            table = result.customers[list(_CUSTOMER_FIELDS)]
            conn.executemany(
                f"INSERT INTO snapshot_customers (snapshot_id, {', '.join(_CUSTOMER_FIELDS)}) "
                f"VALUES ({cursor.lastrowid}, {', '.join('?' * len(_CUSTOMER_FIELDS))})",
                table.astype(object).itertuples(index=False, name=None),
            )


def stored_snapshots(workspace: Workspace, period: str = "month") -> pd.DataFrame:
    """The stored snapshot rows of ``period``: ``period_end`` (date), then the customer fields,
    ``cut_points`` (``per_period`` or ``frozen:DATE``)."""
    rows = workspace.conn.execute(
        f"SELECT s.period_end, s.cut_points, {', '.join('c.' + f for f in _CUSTOMER_FIELDS)} "
        "FROM snapshots s JOIN snapshot_customers c ON c.snapshot_id = s.id "
        "WHERE s.period = ? ORDER BY s.period_end, c.rowid",
        (period,),
    ).fetchall()
    table = pd.DataFrame(rows, columns=["period_end", "cut_points", *_CUSTOMER_FIELDS])
    table["period_end"] = pd.to_datetime(table["period_end"]).dt.date
    return table
