"""The one-click fix for a ``quantile_ties`` warning: fixed thresholds from the data's distinct
values, with customers per score now and after, shown before anything is applied."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import engine_adapter as engine


def fixed_config(config: engine.RfmConfig, warning) -> engine.RfmConfig:
    """``config`` with the warning's axis scored on its suggested fixed thresholds."""
    axis = warning.evidence["axis"]
    breaks = tuple(warning.evidence["suggested_breaks"])
    scoring = dataclasses.replace(config.scoring, **{axis: engine.AxisScoring("fixed", breaks)})
    return dataclasses.replace(config, scoring=scoring)


class TieFixDialog(QDialog):
    """Customers per score with the quantile cut points and with the suggested thresholds."""

    def __init__(self, warning, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning = warning
        evidence = warning.evidence
        axis = evidence["axis"]
        names = {"recency": "R", "frequency": "F", "monetary": "M"}
        self.setWindowTitle(self.tr("Use every score"))
        breaks = ", ".join(f"{b:g}" for b in evidence["suggested_breaks"])
        text = QLabel(
            self.tr(
                "Many customers share the same {axis} value, so quantile cut points leave "
                "scores {unused} unused. Fixed thresholds {breaks} (from the {distinct} distinct "
                "values) give these customers per score:"
            ).format(
                axis=names[axis],
                unused=", ".join(str(s) for s in evidence["unused_scores"]),
                breaks=breaks,
                distinct=evidence["distinct_values"],
            ),
            self,
        )
        text.setWordWrap(True)
        now = list(evidence["customers_per_score"])
        after = list(evidence["customers_per_score_suggested"])
        self.table = QTableWidget(2, len(now), self)
        self.table.setHorizontalHeaderLabels(
            [f"{names[axis]} = {s}" for s in range(1, len(now) + 1)]
        )
        self.table.setVerticalHeaderLabels([self.tr("Now (quantile)"), self.tr("Fixed thresholds")])
        for col, (a, b) in enumerate(zip(now, after, strict=True)):
            self.table.setItem(0, col, QTableWidgetItem(f"{a:,}"))
            self.table.setItem(1, col, QTableWidgetItem(f"{b:,}"))
        self.table.resizeColumnsToContents()
        self.table.setMaximumHeight(100)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 240)
