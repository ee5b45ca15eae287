"""Export segments: CSV, Excel, a Mailchimp audience file, or the report workbook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import engine_adapter as engine
from .i18n import engine_message
from .workers import TaskRunner

SUFFIX = engine.SUFFIX


class ExportDialog(QDialog):
    """Choose format, segments and file; the file is written in the background, atomically."""

    def __init__(
        self,
        result,
        lang: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        inputs: Sequence[Path] = (),
    ):
        super().__init__(parent)
        self.inputs = tuple(inputs)  # never overwritten by an export
        self.setWindowTitle(self.tr("Export segments"))
        self.result = result
        self.runner = runner
        self.written: Path | None = None
        self.format = QComboBox(self)
        labels = {
            "csv": self.tr("CSV table (opens in Excel)"),
            "xlsx": self.tr("Excel workbook (.xlsx)"),
            "mailchimp": self.tr("Mailchimp audience (CSV with email and segment tag)"),
            "report": self.tr("Report workbook (segments, customers, cut points, cleaning)"),
        }
        for fmt in engine.EXPORT_FORMATS:
            self.format.addItem(labels[fmt], fmt)
        self.segments = QListWidget(self)
        counts = result.summary.set_index("segment")["customers"]
        for seg in result.scheme.all_segments:
            item = QListWidgetItem(f"{seg.name(lang)} ({int(counts.get(seg.key, 0)):,})")
            item.setData(Qt.ItemDataRole.UserRole, seg.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.segments.addItem(item)
        self.path = QLineEdit(self)
        self.path.setText(str(Path.home() / "rfm_segments.csv"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Segments:"), self.segments)
        form.addRow(self.tr("File:"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.resize(620, 480)

    def _format_changed(self) -> None:
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix(SUFFIX[self.format.currentData()])))

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if name:
            self.path.setText(name)

    def select_segments(self, keys: list[str]) -> None:
        """Tick exactly ``keys`` (e.g. the segment a "do this now" line names)."""
        for i in range(self.segments.count()):
            item = self.segments.item(i)
            chosen = item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        if len(keys) == 1:
            self.path.setText(
                str(
                    Path(self.path.text()).with_name(
                        f"{keys[0]}{SUFFIX[self.format.currentData()]}"
                    )
                )
            )

    def chosen_segments(self) -> list[str]:
        return [
            self.segments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.segments.count())
            if self.segments.item(i).checkState() == Qt.CheckState.Checked
        ]

    def export(self) -> None:
        segments = self.chosen_segments()
        if not segments:
            self.message.setText(self.tr("Choose at least one segment."))
            return
        fmt = self.format.currentData()
        path = Path(self.path.text()).expanduser()
        result = self.result
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Writing…"))

        def done(written: Path) -> None:
            self.written = written
            self._finished()
            customers = int(result.customers["segment"].isin(segments).sum())
            self.message.setText(
                self.tr("Wrote {customers} customers to {path}").format(
                    customers=f"{customers:,}", path=written
                )
            )

        def failed(exc: BaseException) -> None:
            self._finished()
            self.message.setText(engine_message(exc))

        self.runner.run(
            lambda progress: engine.export_segments(result, path, fmt, segments, self.inputs),
            done,
            failed,
        )

    def _finished(self) -> None:
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
