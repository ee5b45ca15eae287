"""Segment scheme picker: the rule table with actions, cn8 options, and custom rule editing."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import engine_adapter as engine
from .i18n import engine_message

CUSTOM = "__custom__"
_RANGE = re.compile(r"^\s*(\d)\s*(?:[-–~]\s*(\d)\s*)?$")


def range_text(value) -> str:
    if value is None:
        return ""
    lo, hi = value
    if hi is None:
        return f"{lo}+"
    return str(lo) if lo == hi else f"{lo}-{hi}"


def parse_range(text: str) -> list[int] | None:
    """``"3-5"`` → [3, 5]; ``"4"`` → [4, 4]; empty → None (any score)."""
    if not text.strip():
        return None
    match = _RANGE.match(text)
    if not match:
        raise engine.RfmError(
            f"{text!r} is not a score range like 3-5", code="score_range", examples=(text,)
        )
    lo = int(match.group(1))
    return [lo, int(match.group(2) or lo)]


class SchemeEditor(QWidget):
    """Pick a built-in scheme or edit a custom one; shows rules, actions and coverage checks.

    The columns keep their place when another scheme is picked: the name and the rule columns
    have fixed widths (three score columns take the room of one pattern or days column) and the
    action stretches over the rest; long names and actions show in full as tooltips."""

    changed = Signal()
    NAME_WIDTH = 170
    RULE_WIDTH = 180

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.bins = 5
        self.custom: engine.SegmentScheme | None = None
        self.picker = QComboBox(self)
        for key in engine.BUILTIN_SCHEMES:
            self.picker.addItem(engine.load_scheme(key).name(lang), key)
        self.picker.addItem(self.tr("Custom rules"), CUSTOM)
        self.edit_button = QPushButton(self.tr("Edit as custom"), self)
        self.load_button = QPushButton(self.tr("Load rules…"), self)
        self.add_button = QPushButton(self.tr("Add rule"), self)
        self.remove_button = QPushButton(self.tr("Remove rule"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        #: The error of the rules as typed (None when they are valid): OK stays disabled.
        self.invalid: engine.RfmError | None = None
        self.reference = QComboBox(self)
        self.reference.addItem(self.tr("vs. mean"), "mean")
        self.reference.addItem(self.tr("vs. median"), "median")
        self.basis = QComboBox(self)
        self.basis.addItem(self.tr("of the scores"), "scores")
        self.basis.addItem(self.tr("of the values"), "values")
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.check = QLabel(self)
        self.check.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        for widget in (self.reference, self.basis, self.edit_button, self.load_button):
            top.addWidget(widget)
        rules = QHBoxLayout()
        rules.addWidget(self.add_button)
        rules.addWidget(self.remove_button)
        rules.addWidget(self.up_button)
        rules.addWidget(self.down_button)
        rules.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(rules)
        layout.addWidget(self.check)
        self.picker.currentIndexChanged.connect(self._show_scheme)
        self.edit_button.clicked.connect(self.edit_as_custom)
        self.load_button.clicked.connect(self.load_rules)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.up_button.clicked.connect(lambda: self.move_rule(-1))
        self.down_button.clicked.connect(lambda: self.move_rule(1))
        self.table.itemChanged.connect(self._rules_edited)
        self.reference.currentIndexChanged.connect(self.changed)
        self.basis.currentIndexChanged.connect(self.changed)

    # ---- state ------------------------------------------------------------------------------
    def set_config(self, segments, bins: int) -> None:
        self.bins = bins
        if isinstance(segments.scheme, engine.SegmentScheme):
            self.custom = segments.scheme
            self.picker.setCurrentIndex(self.picker.findData(CUSTOM))
        else:
            self.picker.setCurrentIndex(max(self.picker.findData(segments.scheme), 0))
        self.reference.setCurrentIndex(self.reference.findData(segments.reference))
        self.basis.setCurrentIndex(self.basis.findData(segments.basis))
        self._show_scheme()

    def set_bins(self, bins: int) -> None:
        self.bins = bins
        self._show_check()

    def current_scheme(self) -> engine.SegmentScheme:
        key = self.picker.currentData()
        if key == CUSTOM:
            return self.custom or engine.load_scheme("classic")
        return engine.load_scheme(key)

    def segment_config(self):
        """The segments chosen; raises the rules' error while a typed rule is invalid."""
        key = self.picker.currentData()
        if key == CUSTOM and self.invalid is not None:
            raise self.invalid
        scheme = self.current_scheme() if key == CUSTOM else key
        return engine.SegmentConfig(
            scheme=scheme, reference=self.reference.currentData(), basis=self.basis.currentData()
        )

    # ---- display ----------------------------------------------------------------------------
    def _show_scheme(self, *_args) -> None:
        scheme = self.current_scheme()
        editable = self.picker.currentData() == CUSTOM and scheme.rules.by_scores
        by_reference = scheme.rules.uses_reference
        self.reference.setEnabled(by_reference)
        self.basis.setEnabled(by_reference)
        self.invalid = None
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(editable)
        if scheme.kind == "score_ranges":
            rule_headers = ["R", "F", "M"]
        elif scheme.kind == "high_low":
            rule_headers = [self.tr("R F M high (1) / low (0)")]
        else:
            rule_headers = [self.tr("Days since last purchase")]
        headers = [self.tr("Key"), self.tr("Segment"), *rule_headers, self.tr("Action")]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(scheme.segments))
        for row, seg in enumerate(scheme.segments):
            if scheme.kind == "score_ranges":
                rule = [range_text(seg.r), range_text(seg.f), range_text(seg.m)]
            elif scheme.kind == "high_low":
                rule = [seg.pattern or ""]
            else:
                rule = [range_text(seg.days)]
            for col, text in enumerate(
                [seg.key, seg.name(self.lang), *rule, seg.action(self.lang)]
            ):
                item = QTableWidgetItem(text)
                if col == 1 or col == len(headers) - 1:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.setColumnHidden(0, True)  # keys are internal: the names are shown
        self.table.blockSignals(False)
        self._size_columns(len(rule_headers))
        self._show_check()
        self.changed.emit()

    def _size_columns(self, rule_columns: int) -> None:
        """Fixed name and rule widths, the action stretching: no jump between schemes."""
        header = self.table.horizontalHeader()
        fixed = QHeaderView.ResizeMode.Fixed
        header.setSectionResizeMode(1, fixed)
        self.table.setColumnWidth(1, self.NAME_WIDTH)
        for col in range(2, 2 + rule_columns):
            header.setSectionResizeMode(col, fixed)
            self.table.setColumnWidth(col, self.RULE_WIDTH // rule_columns)
        header.setSectionResizeMode(2 + rule_columns, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)

    def _show_check(self) -> None:
        """A short summary of the scheme check; every detail in the tooltip."""
        scheme = self.current_scheme()
        check = scheme.check(self.bins)
        names = {s.key: s.name(self.lang) for s in scheme.all_segments}
        lines = []
        try:
            scheme.require_bins(self.bins)
        except engine.RfmError as exc:
            lines.append(engine_message(exc))
        if check.uncovered_cells:
            lines.append(
                self.tr(
                    "{uncovered} of {total} score combinations match no rule (those customers "
                    "get 'other')."
                ).format(uncovered=check.uncovered_cells, total=check.total_cells)
            )
        if check.overlaps:
            lines.append(
                self.tr("{pairs} pairs of rules overlap; the earlier rule wins.").format(
                    pairs=len(check.overlaps)
                )
            )
        if check.shadowed:
            lines.append(
                self.tr("Never matches (earlier rules cover it): {keys}").format(
                    keys=", ".join(names.get(k, k) for k in check.shadowed)
                )
            )
        self.check.setStyleSheet("")
        self.check.setText("\n".join(lines) or self.tr("Every score combination has a segment."))
        self.check.setToolTip("\n".join(check.lines()))

    # ---- editing ----------------------------------------------------------------------------
    def edit_as_custom(self) -> None:
        base = self.current_scheme()
        data = base.to_dict()
        data["key"] = "custom"
        data["names"] = {"en": "Custom", "zh_CN": "自定义", "zh_TW": "自訂"}
        self.custom = engine.SegmentScheme.from_dict(data)
        self.picker.setCurrentIndex(self.picker.findData(CUSTOM))
        self._show_scheme()

    def load_rules(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load segment rules"), "", self.tr("Segment rules (*.json)")
        )
        if name:
            self.load_rules_file(name)

    def load_rules_file(self, path) -> None:
        try:
            self.custom = engine.load_scheme(path)
        except engine.RfmError as exc:
            self.check.setText(engine_message(exc))
            return
        self.picker.setCurrentIndex(self.picker.findData(CUSTOM))
        self._show_scheme()

    def add_rule(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate([f"rule{row + 1}", f"Rule {row + 1}", "1-5", "1-5", "1-5", ""]):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self._rules_edited()

    def remove_rule(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if rows and self.table.rowCount() > len(rows):
            for row in rows:
                self.table.removeRow(row)
            self._rules_edited()

    def move_rule(self, step: int) -> None:
        """Move the selected rule up (-1) or down (1): the first rule that matches wins."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for col in range(self.table.columnCount()):
            a, b = self.table.takeItem(row, col), self.table.takeItem(target, col)
            self.table.setItem(row, col, b)
            self.table.setItem(target, col, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, 1)
        self._rules_edited()

    def _rules_edited(self, *_args) -> None:
        """Rebuild the custom scheme from the table; problems show below it."""
        if self.custom is None or not self.custom.rules.by_scores:
            return
        old = {s.key: s for s in self.custom.segments}
        segments = []
        try:
            for row in range(self.table.rowCount()):
                cells = [self.table.item(row, c) for c in range(6)]
                key, name, r, f, m, action = (c.text() if c else "" for c in cells)
                seg = old.get(key)
                names = dict(seg.names) if seg else {}
                actions = dict(seg.actions) if seg else {}
                names[self.lang] = name
                names.setdefault("en", name)
                if action:
                    actions[self.lang] = action
                    actions.setdefault("en", action)
                rule = {"key": key, "names": names, "actions": actions}
                for axis, text in zip("rfm", (r, f, m), strict=True):
                    value = parse_range(text)
                    if value is not None:
                        rule[axis] = value
                segments.append(rule)
            data = {**self.custom.to_dict(), "segments": segments}
            self.custom = engine.SegmentScheme.from_dict(data)
        except engine.RfmError as exc:
            self.invalid = exc  # shown once, in red, under the rules; OK is disabled
            self.check.setStyleSheet("color: #b00020;")
            self.check.setText(engine_message(exc))
            self.changed.emit()
            return
        self.invalid = None
        self._show_check()
        self.changed.emit()
