"""Import wizard page: the analysis date and an optional period start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QWizardPage

from . import engine_adapter as engine


class PeriodPage(QWizardPage):
    """The analysis date (default: the day after the last purchase) and an optional start."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Analysis date and period"))
        self.setSubTitle(
            self.tr(
                "Recency is counted back from the analysis date. Purchases after it, and "
                "before the start when one is set, are left out."
            )
        )
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.use_start = QCheckBox(self.tr("Only purchases from"), self)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setEnabled(False)
        self.use_start.toggled.connect(self.start.setEnabled)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        start_row = QHBoxLayout()
        start_row.addWidget(self.use_start)
        start_row.addWidget(self.start, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Analysis date:"), self.as_of)
        form.addRow(start_row)
        form.addRow(self.note)

    def initializePage(self) -> None:
        result = self.owner.result
        if result is None:  # reached without a data check (only by a script's next())
            return
        self.default_as_of = result.as_of
        self.as_of.setDate(QDate(result.as_of))
        self.start.setDate(QDate(result.first_purchase))
        self.note.setText(
            self.tr(
                "Purchases run from {first} to {last}; the default analysis date is {as_of}."
            ).format(first=result.first_purchase, last=result.last_purchase, as_of=result.as_of)
        )

    def period(self):
        if not hasattr(self, "default_as_of"):
            return self.owner.config.period
        as_of: dt.date = self.as_of.date().toPython()
        start = self.start.date().toPython() if self.use_start.isChecked() else None
        # The default date is left implicit so results match `rfm analyze` without --as-of.
        return engine.Period(
            as_of=None if as_of == self.default_as_of and not start else as_of, start=start
        )
