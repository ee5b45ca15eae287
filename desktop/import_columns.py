"""Import wizard page: which column is the customer, the date, the amount… (guess, editable)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from . import engine_adapter as engine
from .i18n import engine_message
from .page_errors import error_label

#: A sample value longer than this is cut in the picker (whole in its tooltip).
SAMPLE_CHARS = 24
ROLES = ("customer", "date", "amount", "quantity", "price", "order", "status")


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
        self.labels = labels
        self.recalled = False
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role in ROLES:
            box = self._picker()
            self.boxes[role] = box
            form.addRow(labels[role] + ":", box)
            if role == "customer":
                # Guest checkouts: rows without a customer id keyed by a phone or an e-mail.
                self.fallback = self._picker()
                form.addRow(self.tr("If the customer id is blank, use:"), self.fallback)
        self.order_total = QCheckBox(
            self.tr("The amount is the order's total, repeated on each item row"), self
        )
        self.order_total.toggled.connect(self._changed)
        form.addRow("", self.order_total)
        self.contacts = QListWidget(self)
        self.contacts.setMaximumHeight(110)
        self.contacts.itemChanged.connect(self._changed)
        form.addRow(self.tr("Contact columns to keep:"), self.contacts)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _picker(self) -> QComboBox:
        """A column picker: each choice shows the column's first values (the user's data)."""
        box = QComboBox(self)
        box.setProperty("data_values", True)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(40)
        box.currentIndexChanged.connect(self._changed)
        return box

    def _fill(self, box: QComboBox, headers: list[str], chosen: str | None) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("(none)"), None)
        for header in headers:
            samples = self._samples[header]
            short = [v if len(v) <= SAMPLE_CHARS else v[: SAMPLE_CHARS - 1] + "…" for v in samples]
            text = f"{header}   ·   {', '.join(short)}" if samples else header
            box.addItem(text, header)
            box.setItemData(box.count() - 1, "\n".join(samples), Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        box.blockSignals(False)

    def initializePage(self) -> None:
        headers = engine.source_headers(self.owner.raw)
        current = self.owner.config.columns
        session = getattr(self.owner, "session", None)
        self.recalled = False
        if session is not None and current == engine.ColumnMap():
            remembered = session.recall_columns(headers)  # confirmed before for this layout
            if remembered is not None:
                current, self.recalled = remembered, True
        try:
            # All rows: the key (a guest checkout's customer id of 0) is judged on the whole column.
            guess = engine.resolve_columns(headers, current, sample=self.owner.raw)
        except engine.RfmError as exc:
            guess = engine.guess_columns(headers)
            self.error.setText(engine_message(exc))
        self._guess = guess
        self._samples = {h: engine.sample_values(self.owner.raw, h) for h in headers}
        for role, box in self.boxes.items():
            self._fill(box, headers, getattr(guess, role))
        self._fill(self.fallback, headers, next(iter(guess.customer_fallback), None))
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
        guess = getattr(self, "_guess", None)
        # The identifier that keys rows without a customer (Shopify: Phone where Email is
        # blank); the guess's further identifiers stay while its first one is kept.
        first = self.fallback.currentData()
        guessed = guess.customer_fallback if guess else ()
        fallback = guessed if guessed and first == guessed[0] else (first,) if first else ()
        return engine.ColumnMap(
            **chosen,
            contacts=contacts,
            amount_is_order_total=self.order_total.isChecked(),
            customer_fallback=tuple(c for c in fallback if c != chosen["customer"]),
        )

    def _changed(self, *_args) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        try:
            columns = self.column_map()
        except engine.RfmError as exc:
            self.error.setText(engine_message(exc))
            self.error.setVisible(True)
            return False
        missing = [r for r in ("customer", "date") if not getattr(columns, r)]
        if not (columns.amount or columns.quantity):
            missing.append("amount")
        if missing:
            names = [self.labels[r] for r in missing]
            self.error.setText(self.tr("Still to choose: {roles}").format(roles=", ".join(names)))
            self.error.setVisible(True)
            return False
        self.error.setVisible(False)
        return True

    def validatePage(self) -> bool:
        columns = self.column_map()
        self.owner.config = dataclasses.replace(self.owner.config, columns=columns)
        return True  # remembered for this layout when the wizard finishes (ImportWizard.accept)
