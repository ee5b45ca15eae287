"""Pictures of a result: customers and revenue per segment, the R×F grid, each metric with its
cut points, and the segment migration of a period comparison.

Each chart is the engine's specification (``rfm_engine.outputs``) drawn by :class:`ChartView`,
the same drawing the HTML report holds. A click on a bar or cell asks for its customers
(``target_clicked``).
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from rfm_engine.outputs import metric_histogram, migration_heatmap, rf_heatmap, segment_bars

from .chart_view import ChartView

AXES = ("recency", "frequency", "monetary")


class ChartsPanel(QTabWidget):
    """Tabs of charts, redrawn for each result."""

    target_clicked = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments_page = QWidget(self)
        grid = QGridLayout(self.segments_page)
        self.customers_chart = ChartView(self)
        self.revenue_chart = ChartView(self)
        grid.addWidget(self.customers_chart, 0, 0)
        grid.addWidget(self.revenue_chart, 0, 1)
        self.heat = ChartView(self)
        self.dist_page = QWidget(self)
        grid = QGridLayout(self.dist_page)
        self.distributions = {axis: ChartView(self) for axis in AXES}
        grid.addWidget(self.distributions["recency"], 0, 0)
        grid.addWidget(self.distributions["frequency"], 0, 1)
        grid.addWidget(self.distributions["monetary"], 1, 0, 1, 2)  # money gets the full width
        self.migration_page = QWidget(self)
        migration_layout = QVBoxLayout(self.migration_page)
        self.migration_note = QLabel(
            self.tr("Run Analysis → Compare to see how customers moved between segments."), self
        )
        self.migration = ChartView(self)
        migration_layout.addWidget(self.migration_note)
        migration_layout.addWidget(self.migration, 1)
        self.addTab(self.segments_page, self.tr("Segments"))
        self.addTab(self.heat, self.tr("R × F"))
        self.addTab(self.dist_page, self.tr("Distributions"))
        self.addTab(self.migration_page, self.tr("Migration"))
        for view in self.views():
            view.clicked.connect(self.target_clicked)

    def views(self) -> list[ChartView]:
        return [
            self.customers_chart,
            self.revenue_chart,
            self.heat,
            *self.distributions.values(),
            self.migration,
        ]

    def set_result(self, result, comparison: pd.DataFrame | None = None, currency="") -> None:
        self.customers_chart.set_spec(segment_bars(result, "customers"))
        self.revenue_chart.set_spec(segment_bars(result, "revenue", currency))
        self.heat.set_spec(rf_heatmap(result))
        for axis, view in self.distributions.items():
            view.set_spec(metric_histogram(result, axis, currency))
        self.set_comparison(result, comparison)

    def set_comparison(self, result, matrix: pd.DataFrame | None) -> None:
        if matrix is None:
            self.migration.set_spec(None)
            self.migration_note.setVisible(True)
            return
        self.migration_note.setVisible(False)
        self.migration.set_spec(migration_heatmap(result, matrix))
        self.setCurrentWidget(self.migration_page)
