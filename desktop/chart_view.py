"""One chart on screen: the engine's chart specification drawn as SVG at the widget's size
(the same drawing as in the HTML report), with a tooltip and a click for each bar, tile or cell.

Redrawn at each size rather than scaled, so text keeps its size and labels fit the space.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from rfm_engine.outputs import render


class ChartView(QWidget):
    """Shows one chart specification; ``clicked`` gives the target of the clicked region
    (e.g. ``("segment", "at_risk")``, ``("rf", 5, 1)``, ``("move", "loyal", "at_risk")``)."""

    clicked = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = None
        self._drawing = None
        self._renderer: QSvgRenderer | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(300, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_spec(self, spec) -> None:
        self.spec = spec
        self._drawing = None
        self.update()

    def drawing(self):
        """The drawing at the current size (made when first needed after a change)."""
        size = (self.width(), self.height())
        if self.spec is None:
            return None
        if self._drawing is None or (self._drawing.width, self._drawing.height) != size:
            self._drawing = render(self.spec, *size)
            self._renderer = QSvgRenderer(QByteArray(self._drawing.svg().encode("utf-8")))
        return self._drawing

    def svg(self) -> str:
        drawing = self.drawing()
        return drawing.svg() if drawing else ""

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.drawing() is not None and self._renderer is not None:
            self._renderer.render(painter)

    def region_at(self, x: float, y: float):
        drawing = self.drawing()
        if drawing is None:
            return None
        return next((r for r in reversed(drawing.regions) if r.contains(x, y)), None)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        region = self.region_at(pos.x(), pos.y())
        if region is not None and region.tip:
            QToolTip.showText(event.globalPosition().toPoint(), region.tip, self)
        else:
            QToolTip.hideText()
        hand = region is not None and region.target is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hand else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        region = self.region_at(pos.x(), pos.y())
        if region is not None:
            self.clicked.emit(region.target)
