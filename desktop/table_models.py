"""A table model over a pandas DataFrame, fast enough for 100k+ customers.

Display strings are formatted once per column when the frame is set (not on every paint). Raw
values are returned under :data:`SORT_ROLE`. Sorting and filtering happen inside the model on a
row permutation computed with numpy (a Python ``lessThan`` in a proxy would make 100k-row sorts
take seconds, and comparing raw numbers keeps 64-bit revenue totals exact).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rfm_engine.outputs import neutralize_formula_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Formatter = Callable[[pd.Series], pd.Series]


def default_format(series: pd.Series) -> np.ndarray:
    """Thousands separators for numbers, ISO dates, empty text for missing values."""
    if pd.api.types.is_bool_dtype(series):
        return series.astype(str).to_numpy(dtype=object)
    if pd.api.types.is_integer_dtype(series):
        return series.map("{:,}".format).to_numpy(dtype=object)
    if pd.api.types.is_float_dtype(series):
        values = series.map(lambda v: "" if pd.isna(v) else f"{v:,.2f}")
        return values.to_numpy(dtype=object)
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("").to_numpy(dtype=object)
    return series.map(_text).to_numpy(dtype=object)


def _text(value: object) -> str:
    """A cell's text; missing values (None, NA, NaN in a text column) are empty, never "nan"."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


@dataclass(frozen=True)
class PreparedFrame:
    """A frame with its display strings and sort values, made without Qt (any thread)."""

    frame: pd.DataFrame
    display: list[np.ndarray]
    raw: list[np.ndarray]
    numeric: list[bool]


def prepare_frame(frame: pd.DataFrame, formatters: dict[str, Formatter] | None = None):
    """Format every column once: the slow part of showing 100k rows, safe off the GUI thread."""
    frame = frame.reset_index(drop=True)
    formatters = formatters or {}
    display, raw, numeric = [], [], []
    for name in frame.columns:
        series = frame[name]
        shown = np.asarray(formatters.get(str(name), default_format)(series), dtype=object)
        display.append(shown)
        is_bool = pd.api.types.is_bool_dtype(series)
        numeric.append(pd.api.types.is_numeric_dtype(series) and not is_bool)
        # Dates sort by their ISO text; everything else by its own value.
        raw.append(shown if pd.api.types.is_datetime64_any_dtype(series) else series.to_numpy())
    return PreparedFrame(frame, display, raw, numeric)


class DataFrameModel(QAbstractTableModel):
    """Read-only model of a DataFrame with in-model sort and filter."""

    def __init__(self, parent=None, *, formatters: dict[str, Formatter] | None = None) -> None:
        super().__init__(parent)
        self._formatters = dict(formatters or {})
        self._frame = pd.DataFrame()
        self._headers: list[str] = []
        self._display: list[np.ndarray] = []
        self._raw: list[np.ndarray] = []
        self._numeric: list[bool] = []
        self._rows = np.arange(0)
        self._mask: np.ndarray | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- content ----------------------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame, headers: Sequence[str] | None = None) -> None:
        self.set_prepared(prepare_frame(frame, self._formatters), headers)

    def set_prepared(self, prepared: PreparedFrame, headers: Sequence[str] | None = None) -> None:
        """Show a frame formatted earlier (e.g. on a worker thread by :func:`prepare_frame`)."""
        self.beginResetModel()
        self._frame = prepared.frame
        columns = prepared.frame.columns
        self._headers = list(headers) if headers is not None else [str(c) for c in columns]
        self._display, self._raw, self._numeric = prepared.display, prepared.raw, prepared.numeric
        self._mask = None
        self._rows = self._order(np.arange(len(self._frame)))
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def frame(self) -> pd.DataFrame:
        """The whole frame (not filtered, not sorted)."""
        return self._frame

    def visible_frame(self) -> pd.DataFrame:
        """The rows shown, in the order shown."""
        return self._frame.iloc[self._rows]

    def source_row(self, row: int) -> int:
        return int(self._rows[row])

    # ---- filter and sort --------------------------------------------------------------------
    def set_filter(self, mask: np.ndarray | None) -> None:
        """Show only the rows where ``mask`` is true (``None``: all rows)."""
        self.beginResetModel()
        self._mask = None if mask is None else np.asarray(mask, dtype=bool)
        base = np.arange(len(self._frame))
        self._rows = self._order(base if self._mask is None else base[self._mask])
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._raw):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._rows = self._order(self._rows)
        self.layoutChanged.emit()

    def _order(self, rows: np.ndarray) -> np.ndarray:
        if self._sort is None or not len(rows):
            return rows
        column, order = self._sort
        values = self._raw[column][rows]
        if self._numeric[column]:
            keys = np.asarray(values, dtype="float64")
            keys = np.where(np.isnan(keys), np.inf, keys)
        else:
            keys = pd.Series(values).astype(str).str.casefold().to_numpy()
        ranks = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            ranks = ranks[::-1]
        return rows[ranks]

    # ---- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._display)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = int(self._rows[index.row()]), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[col][row]
        if role == SORT_ROLE:
            value = self._raw[col][row]
            return value.item() if isinstance(value, np.generic) else value
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display[col][row]
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[col]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return str(section + 1)


def selection_as_tsv(model: DataFrameModel, indexes: Sequence[QModelIndex]) -> str:
    """Selected cells as tab-separated text (raw values) that pastes into Excel as a table."""
    if not indexes:
        return ""
    rows = sorted({i.row() for i in indexes})
    cols = sorted({i.column() for i in indexes})
    chosen = {(i.row(), i.column()) for i in indexes}
    lines = []
    for row in rows:
        cells = []
        for col in cols:
            if (row, col) not in chosen:
                cells.append("")
                continue
            cells.append(_cell_text(model.data(model.index(row, col), SORT_ROLE)))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.10g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    text = str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    # Pasted into Excel, "=HYPERLINK(…)", "+1+1" or "@SUM(1)" would run: keep it text.
    return neutralize_formula_text(text)
