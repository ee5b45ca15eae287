"""The Trends page: segment sizes at every month end of a workspace, as lines and a table, and
how many customers changed segment in the last month."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from . import engine_adapter as engine
from .segment_views import make_table
from .table_models import DataFrameModel

# One distinct colour per segment line (Tableau 10, then greys), in scheme order.
LINE_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#7f7f7f", "#3b3b3b",
)  # fmt: skip


class TrendsPanel(QWidget):
    """Empty (with a hint) until a workspace is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.chart = QChart()
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.model = DataFrameModel(self)
        self.view = make_table(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.chart_view, 2)  # room for a legend of 11 segments at 768 px
        layout.addWidget(self.view, 1)
        self.set_history(None)

    def set_history(self, history) -> None:
        """Show ``history`` (an engine History), or the hint when None."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        has = history is not None
        self.chart_view.setVisible(has)
        self.view.setVisible(has)
        if not has:
            self.headline.setText(
                self.tr("Open a workspace (.rfmdb) to see how the segments change month by month.")
            )
            self.model.set_frame(pd.DataFrame())
            return
        customers, _ = engine.trend_tables(history)
        labels = [str(d) for d in customers["period end"]]
        customers["period end"] = labels
        self.model.set_frame(customers, [self.tr("Month end"), *customers.columns[1:]])
        self.chart.setTitle(self.tr("Customers per segment at each month end"))
        ends = [_msecs(d) for d in history.ends]
        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM")
        x_axis.setTickCount(min(len(ends), 8) if len(ends) > 1 else 2)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(ends[0]), QDateTime.fromMSecsSinceEpoch(ends[-1])
        )
        y_axis = QValueAxis()
        top = float(customers.iloc[:, 1:].to_numpy().max()) if len(customers) else 1.0
        y_axis.setRange(0, max(top * 1.05, 1))
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%.0f")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for n, name in enumerate(customers.columns[1:]):
            series = QLineSeries()
            series.setName(str(name))
            series.setPen(QPen(QColor(LINE_COLOURS[n % len(LINE_COLOURS)]), 2))
            for when, value in zip(ends, customers[name], strict=True):
                series.append(float(when), float(value))
            self.chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        changed, new = engine.last_changes(history)
        notes = "".join("\n⚠ " + str(w) for w in history.warnings)
        if len(labels) > 1:
            self.headline.setText(
                self.tr(
                    "From {before} to {after}: {changed} customers changed segment, {new} new "
                    "customers."
                ).format(
                    before=labels[-2], after=labels[-1], changed=f"{changed:,}", new=f"{new:,}"
                )
                + notes
            )
        else:
            self.headline.setText((labels[-1] if labels else "") + notes)


def _msecs(day) -> int:
    """Milliseconds since the epoch of a date (a chart's time axis)."""
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch()
