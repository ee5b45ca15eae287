"""A shop's history: a workspace database of imported exports, snapshots over time, movement.

- :class:`Workspace` (``workspace.py``): one SQLite file that accumulates monthly exports
  without counting an order twice, records each import and keeps the scoring settings.
- :func:`compute_history` (``snapshots.py``): the analysis at every month (week, quarter) end,
  through :func:`rfm_engine.analyze` itself, with cut points per period or frozen from one.
- ``movement.py``: segment sizes over time, flows between consecutive periods, each
  customer's timeline and who entered or left a segment in the last period.
"""

from .movement import changes, flows, sizes, timelines
from .report_sheets import size_tables, trends_sheets
from .snapshot_store import store_history, stored_snapshots
from .snapshots import PERIODS, History, compute_history, period_ends
from .workspace import SCHEMA_VERSION, ImportRecord, Workspace, WorkspaceStatus, is_workspace

__all__ = [
    "PERIODS",
    "SCHEMA_VERSION",
    "History",
    "ImportRecord",
    "Workspace",
    "WorkspaceStatus",
    "changes",
    "compute_history",
    "flows",
    "is_workspace",
    "period_ends",
    "size_tables",
    "sizes",
    "store_history",
    "stored_snapshots",
    "timelines",
    "trends_sheets",
]
