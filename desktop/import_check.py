"""Import wizard page: the data check (the import report) with cleaning options counted live."""

from __future__ import annotations

import dataclasses

import pandas as pd
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from rfm_engine.outputs import rule_text

from . import engine_adapter as engine
from .engine_text import warning_text as engine_warning_text
from .i18n import engine_message
from .page_errors import error_label
from .table_models import DataFrameModel


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
        self.error = error_label(self)
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
        config = dataclasses.replace(
            self.owner.config, cleaning=self.cleaning(), period=engine.Period()
        )
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
            self.error.setText(engine_message(exc))
            self.error.setVisible(True)
            rows = offending_rows(exc)
            names = {
                "row": self.tr("Row"),
                "value": self.tr("Value"),
                "missing": self.tr("Missing column"),
            }
            self.model.set_frame(rows, [names[c] for c in rows.columns])
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
            + warning_text(result.warnings, result.config.lang)
        )
        report = result.cleaning.to_frame()[["rule", "key", "description", "rows", "examples"]]
        names = self.rule_names()
        lang = result.config.lang  # rules the app has no words for: the engine's
        report["description"] = [
            names.get(k) or rule_text(k, d, lang)
            for k, d in zip(report["key"], report["description"], strict=True)
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


def warning_text(warnings, lang: str = "en") -> str:
    """The engine's uncertain choices of reading, mapping and cleaning (key fallback, date
    column, currency, decimal separator, missing markers), each in ``lang``, after the facts."""
    shown = [w for w in warnings if w.stage in ("reading", "mapping", "cleaning")]
    return "".join(f"\n⚠ {engine_warning_text(w, lang)}" for w in shown)


def offending_rows(exc: BaseException) -> pd.DataFrame:
    """The rows an engine error points at, as a small table (empty when it names none)."""
    rows = getattr(exc, "rows", ())
    if rows:
        return pd.DataFrame({"row": list(rows), "value": [str(v) for v in exc.examples]})
    missing = getattr(exc, "missing_columns", ())
    if missing:
        return pd.DataFrame({"missing": list(missing)})
    return pd.DataFrame()
