"""A labelled grid of counts, shaded by size: the R×F heat map and the migration matrix.

QtCharts has no heat map, so this small widget paints one with QPainter.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class HeatGrid(QWidget):
    """Rows × columns of numbers; darker cells hold more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.row_labels: list[str] = []
        self.column_labels: list[str] = []
        self.row_title = ""
        self.column_title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(320, 240))

    def set_data(
        self,
        values: np.ndarray,
        row_labels: list[str],
        column_labels: list[str],
        row_title: str = "",
        column_title: str = "",
    ) -> None:
        self.values = np.asarray(values, dtype=float)
        self.row_labels, self.column_labels = row_labels, column_labels
        self.row_title, self.column_title = row_title, column_title
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.values.size:
            return
        metrics = painter.fontMetrics()
        left = max((metrics.horizontalAdvance(t) for t in self.row_labels), default=0) + 30
        top = metrics.height() * 2 + 10
        rows, cols = self.values.shape
        width = (self.width() - left - 10) / cols
        height = (self.height() - top - 10) / rows
        peak = self.values.max() or 1.0
        painter.drawText(
            QRectF(left, 0, width * cols, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            self.column_title,
        )
        painter.save()
        painter.translate(12, top + height * rows / 2)
        painter.rotate(-90)
        painter.drawText(
            QRectF(-height * rows / 2, -8, height * rows, 16),
            Qt.AlignmentFlag.AlignCenter,
            self.row_title,
        )
        painter.restore()
        for c, label in enumerate(self.column_labels):
            rect = QRectF(left + c * width, metrics.height() + 4, width, metrics.height())
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(width)),
            )
        for r, label in enumerate(self.row_labels):
            rect = QRectF(20, top + r * height, left - 24, height)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
        for r in range(rows):
            for c in range(cols):
                value = self.values[r, c]
                share = value / peak
                colour = QColor.fromHsvF(0.58, 0.15 + 0.75 * share, 1.0 - 0.45 * share)
                rect = QRectF(left + c * width, top + r * height, width - 2, height - 2)
                painter.fillRect(rect, colour)
                painter.setPen(Qt.GlobalColor.white if share > 0.5 else Qt.GlobalColor.black)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{value:,.0f}")
                painter.setPen(self.palette().text().color())
