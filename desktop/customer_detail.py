"""One customer in detail: metrics, scores, segment and its action, dates, contacts and the
purchases (read again from the files in the background: the result keeps totals only)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rfm_engine.outputs import CURRENCIES, grouped, money


class CustomerDetail(QDialog):
    """A customer's row of the result, laid out for reading (opened with Enter or a
    double-click in any customers table)."""

    def __init__(self, result, customer_id, currency: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        lang = result.config.lang
        rows = result.customers[result.customers["customer_id"] == customer_id]
        row = rows.iloc[0]
        segment = result.scheme.segment(row["segment"])
        self.setWindowTitle(self.tr("Customer {id}").format(id=customer_id))
        form = QFormLayout()
        bins = result.config.scoring.bins

        def add(name: str, value) -> None:
            text = QLabel(
                ""
                if value is None or (isinstance(value, float) and pd.isna(value))
                else str(value),
                self,
            )
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            form.addRow(name, text)

        add(self.tr("Customer"), customer_id)
        add(self.tr("Segment"), segment.name(lang))
        add(self.tr("Recommended action"), segment.action(lang))
        add(
            self.tr("Scores"),
            f"R {row['r_score']} · F {row['f_score']} · M {row['m_score']} "
            f"(1–{bins}; RFM {row['rfm_code']})",
        )
        add(self.tr("Last purchase"), _day(row.get("last_purchase")))
        add(self.tr("First purchase"), _day(row.get("first_purchase")))
        add(self.tr("Recency (days)"), grouped(row["recency_days"]))
        add(self.tr("Orders"), grouped(row["orders"]))
        add(self.tr("Revenue"), money(float(row["revenue"]), currency, lang))
        add(self.tr("Monetary"), money(float(row["monetary"]), currency, lang))
        for column in result.contacts:
            add(column, row.get(column))
        self.currency, self.lang = currency, lang
        self.purchases_note = QLabel(self.tr("Purchases: reading…"), self)
        self.purchases = QTableWidget(0, 4, self)
        self.purchases.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Order"), self.tr("Amount"), self.tr("File, row")]
        )
        self.purchases.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.purchases_note)
        layout.addWidget(self.purchases, 1)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def set_purchases(self, bought: pd.DataFrame) -> None:
        """Fill the purchases table (``rfm_engine.pipeline.customer_purchases``)."""
        self.purchases_note.setText(self.tr("Purchases: {n}").format(n=f"{len(bought):,}"))
        self.purchases.setRowCount(len(bought))
        has_order = "order" in bought.columns
        for i, row in enumerate(bought.itertuples(index=False)):
            cells = (
                row.date.isoformat(),
                str(row.order) if has_order else "",
                CURRENCIES.get(self.currency, self.currency) + grouped(float(row.amount), 2),
                f"{row.file}, {row.row}",
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.purchases.setItem(i, j, item)
        self.purchases.resizeColumnsToContents()

    def purchases_failed(self, exc: BaseException) -> None:
        self.purchases_note.setText(
            self.tr("Purchases could not be read: {error}").format(error=exc)
        )


def _day(value) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).date().isoformat()
