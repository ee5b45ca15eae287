"""One axis of the scoring: quantile or fixed thresholds, with customers per score live."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from . import engine_adapter as engine
from .i18n import engine_message


def parse_breaks(text: str) -> tuple[float, ...]:
    """``"30, 60 90;120"`` → (30.0, 60.0, 90.0, 120.0); ValueError names the bad part."""
    parts = [p for p in text.replace(";", " ").replace(",", " ").replace("，", " ").split() if p]
    out = []
    for part in parts:
        try:
            out.append(float(part))
        except ValueError:
            raise ValueError(part) from None
    return tuple(out)


class AxisEditor(QGroupBox):
    """Method and thresholds of one axis; shows how many customers land in each score."""

    changed = Signal()

    def __init__(self, axis: str, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.axis = axis
        self.values: np.ndarray | None = None
        self.bins = 5
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Quantiles (equal-sized groups)"), "quantile")
        self.method.addItem(self.tr("Fixed thresholds"), "fixed")
        self.breaks = QLineEdit(self)
        self.breaks.setPlaceholderText(hint)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Method:"), self), 0, 0)
        grid.addWidget(self.method, 0, 1)
        grid.addWidget(QLabel(self.tr("Thresholds:"), self), 1, 0)
        grid.addWidget(self.breaks, 1, 1)
        grid.addWidget(self.counts, 2, 0, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 2)
        self.method.currentIndexChanged.connect(self.refresh)
        self.breaks.textChanged.connect(self.refresh)

    def set_spec(self, spec, bins: int, values: np.ndarray | None) -> None:
        self.values, self.bins = values, bins
        self.method.blockSignals(True)
        self.method.setCurrentIndex(self.method.findData(spec.method))
        self.method.blockSignals(False)
        self.breaks.setText(", ".join(f"{b:g}" for b in spec.breaks))
        self.refresh()

    def set_bins(self, bins: int) -> None:
        self.bins = bins
        self.refresh()

    def spec(self):
        """The :class:`AxisScoring` shown; raises ``RfmError``/``ValueError`` when invalid."""
        if self.method.currentData() == "quantile":
            return engine.AxisScoring()
        breaks = parse_breaks(self.breaks.text())
        if len(breaks) != self.bins - 1:
            raise engine.ConfigError(
                self.tr("{bins} scores need {n} thresholds, not {got}").format(
                    bins=self.bins, n=self.bins - 1, got=len(breaks)
                )
            )
        return engine.AxisScoring("fixed", breaks)

    def refresh(self, *_args) -> None:
        self.breaks.setEnabled(self.method.currentData() == "fixed")
        try:
            spec = self.spec()
        except ValueError as exc:
            self.error.setText(self.tr("Not a number: {text}").format(text=str(exc)))
            if isinstance(exc, engine.RfmError):
                self.error.setText(engine_message(exc))
            self.counts.setText("")
            self.changed.emit()
            return
        self.error.setText("")
        if self.values is None:
            self.counts.setText(self.tr("Open data to see how many customers get each score."))
        else:
            cuts = engine.axis_counts(
                self.values, self.axis, spec.breaks if spec.method == "fixed" else None, self.bins
            )
            shown = " · ".join(f"{s}: {n:,}" for s, n in enumerate(cuts.counts, start=1))
            points = ", ".join(f"{c:g}" for c in cuts.cut_points)
            self.counts.setText(
                self.tr("Customers per score {counts}  (cut points {points})").format(
                    counts=shown, points=points
                )
            )
            self.last_counts = cuts.counts
        self.changed.emit()
