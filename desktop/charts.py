"""Pictures of a result (QtCharts): customers and revenue per segment, the R×F heat map, each
metric's distribution with its cut points, and the segment migration of a period comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from .engine_adapter import GONE, NEW_SINCE
from .heat_grid import HeatGrid

HISTOGRAM_BINS = 40


def _view(chart: QChart, parent: QWidget) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart.legend().setVisible(False)
    chart.setMargins(chart.margins() * 0)
    return view


def segment_bar_chart(title: str, names: list[str], values: list[float]) -> QChart:
    """A horizontal bar per segment (first segment on top)."""
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSet(title)
    bars.append([float(v) for v in reversed(values)])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    names_axis = QBarCategoryAxis()
    names_axis.append(list(reversed(names)))
    value_axis = QValueAxis()
    value_axis.setRange(0, max(max(values, default=0) * 1.15, 1))
    value_axis.setLabelFormat("%.0f")
    chart.addAxis(names_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names_axis)
    series.attachAxis(value_axis)
    return chart


def distribution_chart(title: str, values: np.ndarray, cuts: tuple[float, ...]) -> QChart:
    """A histogram (up to the 99th percentile) with the axis's cut points as red lines."""
    chart = QChart()
    chart.setTitle(title)
    values = np.asarray(values, dtype=float)
    top = float(np.quantile(values, 0.99)) if len(values) else 1.0
    bottom = float(values.min()) if len(values) else 0.0
    top = max(top, *(c for c in cuts if np.isfinite(c)), bottom + 1)
    counts, _edges = np.histogram(
        np.clip(values, bottom, top), bins=HISTOGRAM_BINS, range=(bottom, top)
    )
    hist = QBarSeries()
    bars = QBarSet(title)
    bars.append([float(c) for c in counts])
    hist.append(bars)
    hist.setBarWidth(1.0)
    chart.addSeries(hist)
    x_axis = QValueAxis()
    x_axis.setRange(bottom, top)
    x_axis.setLabelFormat("%.0f")
    y_axis = QValueAxis()
    y_axis.setRange(0, max(float(counts.max()) if len(counts) else 1.0, 1.0) * 1.1)
    y_axis.setLabelFormat("%.0f")
    category = QBarCategoryAxis()
    category.append([str(i) for i in range(len(counts))])
    category.setVisible(False)
    chart.addAxis(category, Qt.AlignmentFlag.AlignTop)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    hist.attachAxis(category)
    hist.attachAxis(y_axis)
    pen = QPen(Qt.GlobalColor.red)
    pen.setWidth(2)
    for cut in cuts:
        if not np.isfinite(cut) or not bottom <= cut <= top:
            continue
        line = QLineSeries()
        line.append(cut, 0)
        line.append(cut, y_axis.max())
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    return chart


def rf_matrix(customers: pd.DataFrame, bins: int) -> np.ndarray:
    """Customers per (R score, F score): row 0 is R = bins (best), column 0 is F = 1."""
    grid = np.zeros((bins, bins))
    counts = customers.groupby(["r_score", "f_score"]).size()
    for (r, f), n in counts.items():
        grid[bins - int(r), int(f) - 1] = n
    return grid


class ChartsPanel(QTabWidget):
    """Tabs of charts, rebuilt for each result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments_page = QWidget(self)
        self.segments_layout = QGridLayout(self.segments_page)
        self.heat = HeatGrid(self)
        self.dist_page = QWidget(self)
        self.dist_layout = QGridLayout(self.dist_page)
        self.migration_page = QWidget(self)
        migration_layout = QVBoxLayout(self.migration_page)
        self.migration_note = QLabel(
            self.tr("Run Analysis → Compare to see how customers moved between segments."), self
        )
        self.migration = HeatGrid(self)
        migration_layout.addWidget(self.migration_note)
        migration_layout.addWidget(self.migration, 1)
        self.addTab(self.segments_page, self.tr("Segments"))
        self.addTab(self.heat, self.tr("R × F"))
        self.addTab(self.dist_page, self.tr("Distributions"))
        self.addTab(self.migration_page, self.tr("Migration"))

    def set_result(self, result, comparison: pd.DataFrame | None = None) -> None:
        lang = result.config.lang
        summary = result.summary
        names = [result.scheme.segment(k).name(lang) for k in summary["segment"]]
        _replace(
            self.segments_layout,
            [
                _view(
                    segment_bar_chart(
                        self.tr("Customers per segment"), names, summary["customers"].tolist()
                    ),
                    self,
                ),
                _view(
                    segment_bar_chart(
                        self.tr("Revenue per segment"), names, summary["revenue"].round(0).tolist()
                    ),
                    self,
                ),
            ],
        )
        bins = result.config.scoring.bins
        labels = [str(s) for s in range(1, bins + 1)]
        self.heat.set_data(
            rf_matrix(result.customers, bins),
            labels[::-1],
            labels,
            self.tr("R score (5 = most recent)"),
            self.tr("F score (higher = more orders)"),
        )
        titles = {
            "recency": self.tr("Recency (days)"),
            "frequency": self.tr("Frequency"),
            "monetary": self.tr("Monetary"),
        }
        columns = {"recency": "recency_days", "frequency": "frequency", "monetary": "monetary"}
        _replace(
            self.dist_layout,
            [
                _view(
                    distribution_chart(
                        titles[a],
                        result.customers[columns[a]].to_numpy(),
                        result.cut_points[a].cut_points,
                    ),
                    self,
                )
                for a in ("recency", "frequency", "monetary")
            ],
        )
        self.set_comparison(result, comparison)

    def set_comparison(self, result, matrix: pd.DataFrame | None) -> None:
        if matrix is None:
            self.migration.set_data(np.zeros((0, 0)), [], [])
            self.migration_note.setVisible(True)
            return
        lang = result.config.lang

        def name(key: str) -> str:
            if key == NEW_SINCE:
                return self.tr("(new)")
            if key == GONE:
                return self.tr("(gone)")
            return result.scheme.segment(key).name(lang)

        self.migration_note.setVisible(False)
        self.migration.set_data(
            matrix.to_numpy(),
            [name(k) for k in matrix.index],
            [name(k) for k in matrix.columns],
            self.tr("Segment 90 days earlier"),
            self.tr("Segment now"),
        )
        self.setCurrentWidget(self.migration_page)


def _replace(layout: QGridLayout, widgets: list[QWidget]) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, i // 2, i % 2)
