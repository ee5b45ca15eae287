"""Import wizard pages after reading: column mapping, data check with cleaning options, and
the analysis date and period."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from . import engine_adapter as engine
from .table_models import DataFrameModel

ROLES = ("customer", "date", "amount", "quantity", "price", "order", "status")


def _error_label(parent) -> QLabel:
    from .import_wizard import error_label

    return error_label(parent)


class ColumnsPage(QWizardPage):
    """Which column is the customer, the date, the amount…: the detected guess, editable."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "The guess from the headers is filled in. Give an amount, or quantity and "
                "unit price."
            )
        )
        labels = {
            "customer": self.tr("Customer id"),
            "date": self.tr("Purchase date"),
            "amount": self.tr("Amount"),
            "quantity": self.tr("Quantity"),
            "price": self.tr("Unit price"),
            "order": self.tr("Order id"),
            "status": self.tr("Order status"),
        }
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role in ROLES:
            box = QComboBox(self)
            box.currentIndexChanged.connect(self._changed)
            self.boxes[role] = box
            form.addRow(labels[role] + ":", box)
        self.order_total = QCheckBox(
            self.tr("The amount is the order's total, repeated on each item row"), self
        )
        self.order_total.toggled.connect(self._changed)
        form.addRow("", self.order_total)
        self.contacts = QListWidget(self)
        self.contacts.setMaximumHeight(110)
        self.contacts.itemChanged.connect(self._changed)
        form.addRow(self.tr("Contact columns to keep:"), self.contacts)
        self.error = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        headers = engine.source_headers(self.owner.raw)
        current = self.owner.config.columns
        try:
            guess = engine.resolve_columns(headers, current)
        except engine.RfmError as exc:
            guess = engine.guess_columns(headers)
            self.error.setText(str(exc))
        for role, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(none)"), None)
            for header in headers:
                box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(getattr(guess, role)), 0))
            box.blockSignals(False)
        self.order_total.setChecked(guess.amount_is_order_total)
        self.contacts.blockSignals(True)
        self.contacts.clear()
        for header in headers:
            item = QListWidgetItem(header, self.contacts)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if header in guess.contacts else Qt.CheckState.Unchecked
            )
        self.contacts.blockSignals(False)
        self._changed()

    def column_map(self):
        chosen = {role: box.currentData() for role, box in self.boxes.items()}
        contacts = tuple(
            self.contacts.item(i).text()
            for i in range(self.contacts.count())
            if self.contacts.item(i).checkState() == Qt.CheckState.Checked
        )
        return engine.ColumnMap(
            **chosen, contacts=contacts, amount_is_order_total=self.order_total.isChecked()
        )

    def _changed(self, *_args) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        try:
            columns = self.column_map()
        except engine.RfmError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return False
        missing = [r for r in ("customer", "date") if not getattr(columns, r)]
        if not (columns.amount or columns.quantity):
            missing.append("amount")
        if missing:
            self.error.setText(self.tr("Still to choose: {roles}").format(roles=", ".join(missing)))
            self.error.setVisible(True)
            return False
        self.error.setVisible(False)
        return True

    def validatePage(self) -> bool:
        self.owner.config = dataclasses.replace(self.owner.config, columns=self.column_map())
        return True


class CheckPage(QWizardPage):
    """The import report: rows per cleaning rule with examples, dates, customers, totals; the
    cleaning options re-count live."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Check the data"))
        self.setSubTitle(self.tr("What cleaning removes, and what is left to analyse."))
        options = QGroupBox(self.tr("Cleaning"), self)
        self.duplicates = QCheckBox(self.tr("Drop exact duplicate rows"), options)
        self.cancelled = QCheckBox(self.tr("Drop cancelled, closed or unpaid orders"), options)
        self.returns = QComboBox(options)
        self.returns.addItem(self.tr("Drop returns and zero amounts"), "drop")
        self.returns.addItem(self.tr("Net returns against monetary"), "net")
        grid = QGridLayout(options)
        grid.addWidget(self.duplicates, 0, 0)
        grid.addWidget(self.cancelled, 0, 1)
        grid.addWidget(QLabel(self.tr("Returns:"), options), 1, 0)
        grid.addWidget(self.returns, 1, 1)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.error = _error_label(self)
        self.model = DataFrameModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(options)
        layout.addWidget(self.facts)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self._task = None
        for box in (self.duplicates, self.cancelled):
            box.toggled.connect(self.recount)
        self.returns.activated.connect(self.recount)

    def initializePage(self) -> None:
        rules = self.owner.config.cleaning
        for widget, value in (
            (self.duplicates, rules.drop_duplicates),
            (self.cancelled, rules.drop_cancelled),
        ):
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        self.returns.setCurrentIndex(max(self.returns.findData(rules.returns), 0))
        self.recount()

    def cleaning(self):
        return dataclasses.replace(
            self.owner.config.cleaning,
            drop_duplicates=self.duplicates.isChecked(),
            drop_cancelled=self.cancelled.isChecked(),
            returns=self.returns.currentData(),
        )

    def recount(self, *_args) -> None:
        config = dataclasses.replace(self.owner.config, cleaning=self.cleaning(), period=Period())
        raw = self.owner.raw
        self.owner.result = None
        self.facts.setText(self.tr("Checking…"))
        self.completeChanged.emit()

        def done(result) -> None:
            self.owner.result = result
            self.owner.config = dataclasses.replace(self.owner.config, cleaning=config.cleaning)
            self.error.setVisible(False)
            self.show_report(result)
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.facts.setText("")
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.model.set_frame(offending_rows(exc))
            self.completeChanged.emit()

        if self._task is not None:
            self._task.cancel()  # the newest options win
        self._task = self.owner.runner.run(
            lambda progress: engine.analyze(raw, config, progress=progress), done, failed
        )

    def show_report(self, result) -> None:
        customers = result.customers
        self.facts.setText(
            self.tr(
                "{used} of {read} rows are purchases: {customers} customers, {orders} orders, "
                "revenue {revenue}, from {first} to {last}."
            ).format(
                used=f"{result.cleaning.rows_used:,}",
                read=f"{result.cleaning.rows_read:,}",
                customers=f"{len(customers):,}",
                orders=f"{int(customers['orders'].sum()):,}",
                revenue=f"{customers['revenue'].sum():,.2f}",
                first=result.first_purchase,
                last=result.last_purchase,
            )
        )
        report = result.cleaning.to_frame()[["rule", "key", "description", "rows", "examples"]]
        names = self.rule_names()
        report["description"] = [
            names.get(k, d) for k, d in zip(report["key"], report["description"], strict=True)
        ]
        report = report.drop(columns=["key"])
        self.model.set_frame(
            report,
            [self.tr("Rule"), self.tr("What"), self.tr("Rows"), self.tr("Examples")],
        )
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 480))  # full text: tooltip

    def rule_names(self) -> dict[str, str]:
        """The engine's cleaning rule descriptions (English) in the app's language."""
        return {
            "duplicates": self.tr("exact duplicate rows"),
            "order_lines": self.tr("extra item rows of an order with an order total"),
            "blank_customer": self.tr("blank customer id"),
            "bad_date": self.tr("date missing or unreadable"),
            "bad_amount": self.tr("amount missing or unreadable"),
            "non_positive": self.tr("amount zero or negative (returns, cancellations, free)"),
            "after_as_of": self.tr("dated after the analysis date"),
            "before_start": self.tr("dated before the period start"),
            "cancelled": self.tr("order status cancelled, closed, refunded or unpaid"),
            "rows_read": self.tr("rows read"),
            "returns_netted": self.tr("return rows netted against monetary"),
            "rows_used": self.tr("purchase rows used"),
        }

    def isComplete(self) -> bool:
        return self.owner.result is not None


def offending_rows(exc: BaseException) -> pd.DataFrame:
    """The rows an engine error points at, as a small table (empty when it names none)."""
    rows = getattr(exc, "rows", ())
    if rows:
        return pd.DataFrame({"row": list(rows), "value": [str(v) for v in exc.examples]})
    missing = getattr(exc, "missing_columns", ())
    if missing:
        return pd.DataFrame({"missing": list(missing)})
    return pd.DataFrame()


Period = engine.Period


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
        return Period(
            as_of=None if as_of == self.default_as_of and not start else as_of, start=start
        )
