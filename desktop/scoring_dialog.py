"""Scoring configuration: bins, per-axis method and thresholds (live counts), weights, metric
basis, segment scheme; save and load the whole configuration as a file."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import engine_adapter as engine
from .axis_editor import AxisEditor
from .i18n import engine_message
from .scheme_editor import SchemeEditor
from .screen_fit import fitting_size


class ScoringDialog(QDialog):
    """Edit the scoring and segment options of :class:`RfmConfig`; :meth:`config` reads them."""

    def __init__(self, config, result, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scoring and segments"))
        self.base = config
        self.result = result
        self.lang = lang
        self.bins = QSpinBox(self)
        self.bins.setRange(2, 9)
        self.frequency = QComboBox(self)
        self.frequency.addItem(self.tr("Number of orders"), "orders")
        self.frequency.addItem(self.tr("Number of purchase days"), "days")
        self.monetary = QComboBox(self)
        self.monetary.addItem(self.tr("Total spent"), "total")
        self.monetary.addItem(self.tr("Average per order"), "mean")
        self.weights = [QDoubleSpinBox(self) for _ in range(3)]
        for spin in self.weights:
            spin.setRange(0, 100)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
        self.axes = {
            "recency": AxisEditor(
                "recency", self.tr("Recency (R)"), self.tr("day limits, e.g. 30, 60, 90, 120"), self
            ),
            "frequency": AxisEditor(
                "frequency",
                self.tr("Frequency (F)"),
                self.tr("lowest of scores 2…, e.g. 2, 3, 5, 8"),
                self,
            ),
            "monetary": AxisEditor(
                "monetary",
                self.tr("Monetary (M)"),
                self.tr("lowest of scores 2…, e.g. 100, 250, 500, 1000"),
                self,
            ),
        }
        self.scheme = SchemeEditor(lang, self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setWordWrap(True)
        self._build()
        self.set_config(config)
        self.bins.valueChanged.connect(self._bins_changed)
        for editor in self.axes.values():
            editor.changed.connect(self._validate)
        for spin in self.weights:
            spin.valueChanged.connect(self._validate)
        self.scheme.changed.connect(self._validate)

    def _build(self) -> None:
        basics = QGroupBox(self.tr("Scores"), self)
        form = QFormLayout(basics)
        form.addRow(self.tr("Score bins (5 = best):"), self.bins)
        weights = QHBoxLayout()
        for label, spin in zip(("R", "F", "M"), self.weights, strict=True):
            weights.addWidget(QLabel(label, basics))
            weights.addWidget(spin)
        form.addRow(self.tr("Weights of the RFM score:"), weights)
        form.addRow(self.tr("Frequency counts:"), self.frequency)
        form.addRow(self.tr("Monetary is:"), self.monetary)
        scores_page = QWidget(self)
        grid = QGridLayout(scores_page)
        grid.addWidget(basics, 0, 0)
        for i, editor in enumerate(self.axes.values(), start=1):
            grid.addWidget(editor, i, 0)
        scroller = QScrollArea(self)  # scrolls rather than grow past a small screen
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(scores_page)
        tabs = QTabWidget(self)
        tabs.addTab(scroller, self.tr("Scores"))
        tabs.addTab(self.scheme, self.tr("Segments"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        save = QPushButton(self.tr("Save settings…"), self)
        load = QPushButton(self.tr("Load settings…"), self)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(load, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save.clicked.connect(self.save_dialog)
        load.clicked.connect(self.load_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.tabs = tabs
        self.resize(*fitting_size(820, 640))

    # ---- config in and out ------------------------------------------------------------------
    def set_config(self, config) -> None:
        self.base = config
        scoring = config.scoring
        self.bins.blockSignals(True)
        self.bins.setValue(scoring.bins)
        self.bins.blockSignals(False)
        for spin, weight in zip(self.weights, scoring.weights, strict=True):
            spin.setValue(float(weight))
        self.frequency.setCurrentIndex(self.frequency.findData(config.metrics.frequency))
        self.monetary.setCurrentIndex(self.monetary.findData(config.metrics.monetary))
        customers = self.result.customers if self.result is not None else None
        for axis, editor in self.axes.items():
            values = (
                None if customers is None else customers[engine.METRIC_OF_AXIS[axis]].to_numpy()
            )
            editor.set_spec(scoring.axis(axis), scoring.bins, values)
        self.scheme.set_config(config.segments, scoring.bins)
        self._validate()

    def config(self):
        """The configuration shown (raises ``RfmError`` when an entry is invalid)."""
        weights = tuple(
            int(s.value()) if float(s.value()).is_integer() else s.value() for s in self.weights
        )
        scoring = engine.ScoringConfig(
            bins=self.bins.value(),
            recency=self.axes["recency"].spec(),
            frequency=self.axes["frequency"].spec(),
            monetary=self.axes["monetary"].spec(),
            weights=weights,
        )
        metrics = engine.MetricsConfig(
            frequency=self.frequency.currentData(), monetary=self.monetary.currentData()
        )
        return dataclasses.replace(
            self.base, scoring=scoring, metrics=metrics, segments=self.scheme.segment_config()
        )

    def _bins_changed(self, bins: int) -> None:
        for editor in self.axes.values():
            editor.set_bins(bins)
        self.scheme.set_bins(bins)
        self._validate()

    def _validate(self, *_args) -> bool:
        try:
            config = self.config()
            config.segments.resolved_scheme().require_bins(config.scoring.bins)
        except (engine.RfmError, ValueError) as exc:
            # the rules' own error is shown under the rules; an axis shows its own; else here
            own = (
                exc is self.scheme.invalid
                or not isinstance(exc, engine.RfmError)
                or any(editor.error.text() for editor in self.axes.values())
            )
            self.status.setText("" if own else engine_message(exc))
            self.ok_button.setEnabled(False)
            return False
        self.status.setText("")
        self.ok_button.setEnabled(True)
        return True

    # ---- files ------------------------------------------------------------------------------
    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save settings"), "rfm-settings.json", self.tr("Settings (*.json)")
        )
        if name:
            self.save(name)

    def save(self, path) -> None:
        try:
            self.config().save(path)
        except (engine.RfmError, ValueError, OSError) as exc:
            self.status.setText(engine_message(exc))

    def load_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load settings"), "", self.tr("Settings (*.json)")
        )
        if name:
            self.load(name)

    def load(self, path) -> None:
        try:
            loaded = engine.RfmConfig.load(path)
        except engine.RfmError as exc:
            self.status.setText(engine_message(exc))
            return
        # The file's scoring, metrics and segments; this dataset's columns and period stay.
        self.set_config(
            dataclasses.replace(
                self.base,
                scoring=loaded.scoring,
                metrics=loaded.metrics,
                segments=loaded.segments,
                cleaning=loaded.cleaning,
            )
        )
