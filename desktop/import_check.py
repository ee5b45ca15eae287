"""Import wizard page: the data check (the import report) with cleaning options counted live."""

from __future__ import annotations

import dataclasses

import pandas as pd
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from . import engine_adapter as engine
from .engine_text import example_text, rule_text
from .engine_text import warning_text as engine_warning_text
from .i18n import current_language, engine_message
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
        # The engine's uncertain choices and what it left out, loud: a framed amber box.
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "QLabel { background: #fff4e0; color: #7a3e00; border: 1px solid #e0a040;"
            " padding: 6px; font-weight: bold; }"
        )
        self.warnings.setVisible(False)
        self.fix_key = QPushButton(self.tr("Choose a column for rows without customer id…"), self)
        self.fix_key.setVisible(False)
        self.fix_key.clicked.connect(self.choose_fallback)
        self.error = error_label(self)
        self.model = DataFrameModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)  # no numbers that read as rule numbers
        layout = QVBoxLayout(self)
        layout.addWidget(options)
        layout.addWidget(self.facts)
        layout.addWidget(self.warnings)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_key)
        fix_row.addStretch(1)
        layout.addLayout(fix_row)
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
            self.show_warnings(())
            self.error.setText(engine_message(exc))
            self.error.setVisible(True)
            rows = offending_rows(exc)
            names = {
                "row": self.tr("Row"),
                "value": self.tr("Value"),
                "missing": self.tr("Missing column"),
            }
            self.model.set_frame(rows, [names[c] for c in rows.columns])
            self.table.resizeColumnsToContents()  # not the widths of the rules table
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
        self.show_warnings(result.warnings)
        self.model.set_frame(
            rule_table(result.cleaning, current_language()),
            [self.tr("What cleaning did"), self.tr("Rows"), self.tr("Examples")],
        )
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 420))
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 480))  # full text: tooltip

    def show_warnings(self, warnings) -> None:
        """Each uncertain choice of reading, mapping and cleaning, in the app's language with
        the control that changes it; a button leads to that control for rows without id."""
        shown = import_warnings(warnings)
        lang = current_language()
        self.warnings.setText("\n\n".join("⚠ " + engine_warning_text(w, lang) for w in shown))
        self.warnings.setVisible(bool(shown))
        self.fix_key.setVisible(any(w.code == "many_blank_customers" for w in shown))

    def choose_fallback(self) -> None:
        """Back to the columns page, at the picker for rows without a customer id."""
        while self.owner.currentPage() is not self.owner.columns_page:
            self.owner.back()
        self.owner.columns_page.fallback.setFocus()
        self.owner.columns_page.fallback.showPopup()

    def isComplete(self) -> bool:
        return self.owner.result is not None


def import_warnings(warnings) -> list:
    """The engine's warnings about reading, mapping and cleaning (key fallback, rows without
    customer, date column, currency, decimal separator, missing markers …)."""
    return [w for w in warnings if w.stage in ("reading", "mapping", "cleaning")]


def rule_table(report, lang: str) -> pd.DataFrame:
    """The cleaning report by meaning, in ``lang``: rows read, each rule with the rows it
    dropped and examples, returns netted, rows used (no rule numbers)."""
    lines = [(rule_text("rows_read", lang), report.rows_read, "")]
    for step in report.steps:
        examples = []
        for _, row in step.examples.iterrows():
            cells = {
                k: v for k, v in row.items() if k not in engine.INTERNAL_COLUMNS and pd.notna(v)
            }
            examples.append(example_text(cells, row.get(engine.ROW_COLUMN), lang))
        lines.append((rule_text(step.key, lang, step.description), step.rows, "; ".join(examples)))
    if report.returns_netted:
        lines.append((rule_text("returns_netted", lang), report.returns_netted, ""))
    for key, why in report.not_applicable:  # a customer list: rules that cannot apply
        lines.append((rule_text("not_applicable", lang, f"not applicable ({key}): {why}"), 0, ""))
    used = "rows_used" if report.table_kind == "transactions" else "customer_rows_used"
    lines.append((rule_text(used, lang), report.rows_used, ""))
    return pd.DataFrame(lines, columns=["what", "rows", "examples"])


def offending_rows(exc: BaseException) -> pd.DataFrame:
    """The rows an engine error points at, as a small table (empty when it names none)."""
    rows = getattr(exc, "rows", ())
    if rows:
        return pd.DataFrame({"row": list(rows), "value": [str(v) for v in exc.examples]})
    missing = getattr(exc, "missing_columns", ())
    if missing:
        return pd.DataFrame({"missing": list(missing)})
    return pd.DataFrame()
