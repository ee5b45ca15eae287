"""The segment summary table and the customers table (search, segment filter, copy)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rfm_engine import CUSTOMER_COLUMNS

from .table_models import DataFrameModel, PreparedFrame, prepare_frame, selection_as_tsv

KEY_COLUMN = CUSTOMER_COLUMNS.index("segment")  # in the customers table
ACTION_COLUMN = 1  # in the summary table


def _percent(series: pd.Series) -> np.ndarray:
    return series.map(lambda v: "" if pd.isna(v) else f"{v:.1%}").to_numpy(dtype=object)


def whole_days(series: pd.Series) -> np.ndarray:
    """Days as whole numbers with thousands separators (an average of 40.37 days is 40)."""
    return series.map(lambda v: "" if pd.isna(v) else f"{v:,.0f}").to_numpy(dtype=object)


def two_lines(text: str) -> str:
    """A long header in two lines, so narrow number columns fit: broken at the space nearest
    its middle (English); in Chinese after a leading 平均, before a bracket or a trailing
    占比 (words stay whole; a short header stays on one line)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if spaces:
        if len(text) <= 9:
            return text
        cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
        return text[:cut] + "\n" + text[cut + 1 :]
    if len(text) < 5:
        return text
    for cut in (
        2 if text.startswith("平均") else -1,
        text.find("（"),
        len(text) - 2 if text.endswith(("占比", "佔比")) else -1,
    ):
        if cut > 1:
            return text[:cut] + "\n" + text[cut:]
    return text


def make_table(model: DataFrameModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fit columns to the first rows only: measuring 100k rows would freeze the window.
    view.horizontalHeader().setResizeContentsPrecision(100)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    copy = QShortcut(QKeySequence.StandardKey.Copy, view)
    copy.activated.connect(lambda: copy_selection(view))
    return view


def copy_selection(view: QTableView) -> str:
    """Put the selected cells on the clipboard as tab-separated text; returns the text."""
    text = selection_as_tsv(view.model(), view.selectionModel().selectedIndexes())
    if text:
        QGuiApplication.clipboard().setText(text)
    return text


class SegmentTableModel(DataFrameModel):
    """The summary table, each segment's name beside a swatch of its chart colour; name and
    action carry their full text as a tooltip (the view elides them to fit)."""

    def __init__(self, parent=None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self.colours: list[str] = []

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            row = self.source_row(index.row())
            return QColor(self.colours[row]) if row < len(self.colours) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() <= 1:
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


class SummaryPanel(QWidget):
    """One row per segment: customers, shares, revenue, averages and the recommended action.

    Fits the window without scrolling sideways: number columns as wide as their (two-line)
    headers and values, the name at most :data:`NAME_WIDTH`, the action takes what is left;
    long names and actions are elided, their full text in the tooltip."""

    NAME_WIDTH = 190
    MIN_ACTION_WIDTH = 160

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        formats = {"customer_share": _percent, "revenue_share": _percent}
        formats["mean_recency"] = whole_days
        self.model = SegmentTableModel(self, formatters=formats)
        self.view = make_table(self.model, self)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(self.MIN_ACTION_WIDTH // 4)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def headers(self) -> list[str]:
        words = [
            self.tr("Segment"),
            self.tr("Recommended action"),
            self.tr("Customers"),
            self.tr("% customers"),
            self.tr("Orders"),
            self.tr("Revenue"),
            self.tr("% revenue"),
            self.tr("Avg recency (days)"),
            self.tr("Avg frequency"),
            self.tr("Avg monetary"),
            self.tr("Avg order value"),
        ]
        return [*words[:2], *(two_lines(w) for w in words[2:])]

    def set_summary(self, summary: pd.DataFrame, colours: dict[str, str] | None = None) -> None:
        """Show the segment summary; ``colours`` (segment key → colour) as in the charts."""
        self.model.colours = [(colours or {}).get(k, "") for k in summary["segment"]]
        # The action next to the name: "what to do" must be visible without scrolling.
        columns = ["segment_name", "action"]
        columns += [c for c in summary.columns if c not in ("segment", *columns)]
        self.model.set_frame(summary[columns], self.headers())
        self.view.resizeColumnToContents(0)
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), self.NAME_WIDTH))
        self.fit_number_columns()
        self.fit_action_column()

    def fit_number_columns(self) -> None:
        """Each number column as wide as its widest header line or value, plus padding."""
        cells = self.view.fontMetrics()
        heads = self.view.horizontalHeader().fontMetrics()
        for c in range(ACTION_COLUMN + 1, self.model.columnCount()):
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = max((heads.horizontalAdvance(line) for line in title.split("\n")), default=0)
            for r in range(self.model.rowCount()):
                text = self.model.data(self.model.index(r, c)) or ""
                width = max(width, cells.horizontalAdvance(text))
            self.view.setColumnWidth(c, width + 18)

    def fit_action_column(self) -> None:
        """Give the action column the width the other columns leave (no sideways scrolling)."""
        columns = self.model.columnCount()
        if columns <= ACTION_COLUMN:
            return
        others = sum(self.view.columnWidth(c) for c in range(columns) if c != ACTION_COLUMN)
        room = self.view.viewport().width() - others
        self.view.setColumnWidth(ACTION_COLUMN, max(self.MIN_ACTION_WIDTH, room))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_action_column()  # the window or a scroll bar changed the room left
        return super().eventFilter(watched, event)


class CustomersPanel(QWidget):
    """All customers: sortable by numbers, searchable, filtered by segment, copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DataFrameModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search customer id or contact…"))
        self.search.setClearButtonEnabled(True)
        self.segment = QComboBox(self)
        self.copy_button = QPushButton(self.tr("Copy selection"), self)
        self.export_button = QPushButton(self.tr("Export shown…"), self)
        self.count = QLabel(self)
        self.only_label = QLabel(self)
        self.only_clear = QPushButton(self.tr("Show all"), self)
        self.only_ids: np.ndarray | None = None  # a chart's selection (cell, move)
        self.mask: np.ndarray | None = None  # rows shown, None = all
        self.view = make_table(self.model, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Segment:"), self))
        top.addWidget(self.segment)
        top.addWidget(self.only_label)
        top.addWidget(self.only_clear)
        top.addWidget(self.search, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self.apply_filter)
        self.segment.currentIndexChanged.connect(self.apply_filter)
        self.copy_button.clicked.connect(lambda: copy_selection(self.view))
        self.only_clear.clicked.connect(lambda: self.show_only(None))
        self.only_label.setVisible(False)
        self.only_clear.setVisible(False)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    def headers(self, contacts: tuple[str, ...]) -> list[str]:
        return [
            self.tr("Customer"),
            self.tr("Recency (days)"),
            self.tr("Frequency"),
            self.tr("Monetary"),
            "R",
            "F",
            "M",
            self.tr("RFM code"),
            self.tr("RFM score"),
            self.tr("Segment key"),
            self.tr("Segment"),
            *contacts,
            self.tr("Last purchase"),
        ]

    def set_customers(
        self,
        table: pd.DataFrame | PreparedFrame,
        segments: list[tuple[str, str]],
        contacts: tuple[str, ...],
    ) -> None:
        """Show the customers table (a frame, or one prepared off the GUI thread)."""
        self.segment.blockSignals(True)
        self.segment.clear()
        self.segment.addItem(self.tr("All segments"), "")
        for key, name in segments:
            self.segment.addItem(name, key)
        self.segment.blockSignals(False)
        if not isinstance(table, PreparedFrame):
            table = prepare_frame(table)
        self.model.set_prepared(table, self.headers(contacts))
        self._contacts = contacts
        self._search_text: np.ndarray | None = None  # built on the first search
        self.apply_filter()
        self.view.setColumnHidden(KEY_COLUMN, True)  # the translated name says the same
        self.view.resizeColumnsToContents()

    def _haystack(self, frame: pd.DataFrame) -> np.ndarray:
        """Customer id and contacts of each row, folded for searching."""
        if self._search_text is None:
            text = pd.Series("", index=frame.index, dtype=object)
            for column in ("customer_id", *self._contacts):
                text = text + " " + frame[column].astype(object).fillna("").astype(str)
            self._search_text = text.str.casefold().to_numpy(dtype=object)
        return self._search_text

    def select_segment(self, key: str) -> None:
        self.show_only(None, refresh=False)
        index = self.segment.findData(key)
        if index >= 0:
            self.segment.setCurrentIndex(index)
        self.apply_filter()

    def show_only(self, ids, note: str = "", *, refresh: bool = True) -> None:
        """Show only the customers ``ids`` (a chart cell's), named ``note``; None: all."""
        self.only_ids = None if ids is None else np.asarray(list(ids), dtype=object)
        self.only_label.setText(note)
        self.only_label.setVisible(ids is not None)
        self.only_clear.setVisible(ids is not None)
        if ids is not None:
            self.segment.blockSignals(True)
            self.segment.setCurrentIndex(0)
            self.segment.blockSignals(False)
        if refresh:
            self.apply_filter()

    def shown_rows(self) -> pd.DataFrame:
        """The customers shown now (after segment, chart selection and search), as a table."""
        return self.model.visible_frame()

    def apply_filter(self) -> None:
        frame = self.model.frame()
        if frame.empty:
            self.count.setText("")
            return
        mask = np.ones(len(frame), dtype=bool)
        key = self.segment.currentData()
        if key:
            mask &= (frame["segment"] == key).to_numpy()
        if self.only_ids is not None:
            mask &= frame["customer_id"].isin(self.only_ids).to_numpy()
        text = self.search.text().strip().casefold()
        if text:
            haystack = self._haystack(frame)
            mask &= np.fromiter((text in s for s in haystack), bool, len(frame))
        self.mask = None if mask.all() else mask
        self.model.set_filter(self.mask)
        shown = int(mask.sum())
        if shown == 0:  # an empty grid says why
            self.count.setText(self.tr("No customer matches this search and segment."))
        else:
            self.count.setText(
                self.tr("{shown} of {total} customers shown").format(
                    shown=f"{shown:,}", total=f"{len(frame):,}"
                )
            )
