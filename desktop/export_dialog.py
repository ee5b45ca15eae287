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


def default_path(inputs: Sequence[Path], segment: str | None = None) -> Path:
    """Next to the (first) input, named after it and the segment being viewed."""
    from resources import sample_orders_path

    if not inputs or Path(inputs[0]) == sample_orders_path():  # the app's own folder: not there
        return Path.home() / f"rfm_{segment or 'segments'}.csv"
    first = Path(inputs[0])
    return first.with_name(f"{first.stem}_{segment or 'segments'}.csv")


class ExportDialog(QDialog):
    """Choose format, segments and file; the file is written in the background, atomically."""

    def __init__(
        self,
        result,
        lang: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        inputs: Sequence[Path] = (),
        segment: str | None = None,
    ):
        super().__init__(parent)
        self.inputs = tuple(inputs)  # never overwritten by an export
        self.setWindowTitle(self.tr("Export segments"))
        self.result = result
        self.lang = lang  # the exported headers and sheet names follow the app's language
        self.runner = runner
        self.written: Path | None = None
        self.written_all: list[Path] = []
        self._replace: Path | None = None  # the existing file the user agreed to replace
        self.format = QComboBox(self)
        labels = {
            "csv": self.tr("CSV table (opens in Excel)"),
            "xlsx": self.tr("Excel workbook (.xlsx)"),
            "mailchimp": self.tr("Mailchimp audience (CSV with email and segment tag)"),
            "report": self.tr("Report workbook (segments, customers, cut points, cleaning)"),
        }
        for fmt in engine.export_formats(result):  # only what the data supports
            self.format.addItem(labels[fmt], fmt)
        self.segments = QListWidget(self)
        counts = result.summary.set_index("segment")["customers"]
        for seg in result.scheme.all_segments:
            item = QListWidgetItem(f"{seg.name(lang)} ({int(counts.get(seg.key, 0)):,})")
            item.setData(Qt.ItemDataRole.UserRole, seg.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            viewed = segment in (None, "") or seg.key == segment  # the segment being viewed
            item.setCheckState(Qt.CheckState.Checked if viewed else Qt.CheckState.Unchecked)
            self.segments.addItem(item)
        self.path = QLineEdit(self)
        self.path.setText(str(default_path(self.inputs, segment)))
        self.path.textChanged.connect(self._reset_replace)
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
        self.folder_button = buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(self.open_folder)
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
        self._reset_replace()

    def _reset_replace(self, *_args) -> None:
        self._replace = None
        self.export_button.setText(self.tr("Export"))

    def open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

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
        if path.is_file() and self._replace != path:  # ask before overwriting
            self._replace = path
            self.export_button.setText(self.tr("Replace"))
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(
                self.tr("{name} already exists. Click Replace to overwrite it.").format(
                    name=path.name
                )
            )
            return
        self.message.setStyleSheet("")
        result = self.result
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Writing…"))

        def done(written: list[Path]) -> None:
            self.written, self.written_all = written[0], list(written)
            self._finished()
            self._reset_replace()
            self.folder_button.setVisible(True)
            if fmt == "report":  # the report holds every customer, whatever is ticked
                customers = len(result.customers)
            else:
                customers = int(result.customers["segment"].isin(segments).sum())
            text = self.tr("Wrote {customers} customers to {path}").format(
                customers=f"{customers:,}", path=written[0]
            )
            if len(written) > 1:
                text += "\n" + self.tr("Also written: {files}").format(
                    files=", ".join(p.name for p in written[1:])
                )
            self.message.setText(text)

        def failed(exc: BaseException) -> None:
            self._finished()
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(engine_message(exc))

        self.runner.run(
            lambda progress: engine.export_segments(
                result, path, fmt, segments, self.inputs, lang=self.lang
            ),
            done,
            failed,
        )

    def _finished(self) -> None:
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
