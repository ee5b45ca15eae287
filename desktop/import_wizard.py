"""The import wizard: files → sheet and encoding (live preview) → columns → data check →
analysis date and period. Each page shows its own errors, with the offending rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from . import engine_adapter as engine
from .import_check import CheckPage
from .import_columns import ColumnsPage
from .import_period import PeriodPage
from .page_errors import error_label, show_page_error
from .screen_fit import fitting_size
from .table_models import DataFrameModel
from .workers import TaskRunner

PREVIEW_ROWS = 200


class FilesPage(QWizardPage):
    """One or several exports of the same layout (e.g. one per year)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the sales export(s)"))
        self.setSubTitle(
            self.tr("CSV, TXT or Excel files. Several files of the same layout are combined.")
        )
        self.owner = wizard
        self.files = QListWidget(self)
        add = QPushButton(self.tr("Add files…"), self)
        remove = QPushButton(self.tr("Remove"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        add.clicked.connect(self.add_files)
        remove.clicked.connect(self.remove_selected)
        self.refresh()

    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add sales exports"),
            "",
            self.tr("Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)"),
        )
        for name in files:
            if Path(name) not in self.owner.paths:
                self.owner.paths.append(Path(name))
        self.refresh()

    def remove_selected(self) -> None:
        rows = sorted((i.row() for i in self.files.selectedIndexes()), reverse=True)
        for row in rows:
            del self.owner.paths[row]
        self.refresh()

    def refresh(self) -> None:
        self.files.clear()
        self.files.addItems([str(p) for p in self.owner.paths])
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.owner.paths)


class ReadingPage(QWizardPage):
    """Sheet and encoding, with the first rows as the analysis will read them."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check how the file is read"))
        self.setSubTitle(
            self.tr("If the text looks garbled, pick another encoding; for Excel, pick the sheet.")
        )
        self.owner = wizard
        self.sheet = QComboBox(self)
        self.encoding = QComboBox(self)
        names = {
            "": self.tr("Detect automatically"),
            "utf-8-sig": self.tr("Unicode (UTF-8)"),
            "gb18030": self.tr("Simplified Chinese (GBK, GB18030)"),
            "big5": self.tr("Traditional Chinese (Big5)"),
            "utf-16": self.tr("Unicode (UTF-16)"),
            "cp1252": self.tr("Western European (Windows-1252)"),
        }
        for code in engine.ENCODINGS:  # human names; the codec is the item's data
            self.encoding.addItem(names.get(code, code), code)
        self.info = QLabel(self)
        self.error = error_label(self)
        self.model = DataFrameModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setWordWrap(False)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Encoding:"), self.encoding)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        layout.addWidget(self.preview, 1)
        self._task = None
        self.sheet.activated.connect(self.reload)
        self.encoding.activated.connect(self.reload)

    def initializePage(self) -> None:
        sheets: list[str] = []
        try:
            sheets = engine.sheet_names(self.owner.paths[0])
        except engine.RfmError as exc:
            show_page_error(self.error, exc)
        self.sheet.clear()
        for index, name in enumerate(sheets):
            self.sheet.addItem(name, index)  # by position: yearly files name sheets differently
        self.sheet.setEnabled(bool(sheets))
        self.encoding.setEnabled(not sheets)
        current = self.owner.config.reading
        if current.encoding:
            self.encoding.setCurrentIndex(max(self.encoding.findData(current.encoding), 0))
        self.reload()

    def reading(self) -> engine.RfmConfig:
        sheet = self.sheet.currentData() if self.sheet.isEnabled() else None
        sheet = sheet or None  # the first sheet is the default
        encoding = self.encoding.currentData() or None
        return dataclasses.replace(self.owner.config.reading, sheet=sheet, encoding=encoding)

    def reload(self) -> None:
        reading = self.reading()
        paths = list(self.owner.paths)
        self.owner.raw = None
        self.info.setText(self.tr("Reading…"))
        self.completeChanged.emit()

        def done(raw: pd.DataFrame) -> None:
            self.owner.raw = raw
            self.owner.config = dataclasses.replace(self.owner.config, reading=reading)
            show_page_error(self.error, None)
            headers = engine.source_headers(raw)
            self.model.set_frame(raw[headers].head(PREVIEW_ROWS))
            self.info.setText(
                self.tr("{rows} rows, {columns} columns; the first {shown} are shown.").format(
                    rows=f"{len(raw):,}", columns=len(headers), shown=min(len(raw), PREVIEW_ROWS)
                )
            )
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.info.setText("")
            self.model.set_frame(pd.DataFrame())
            show_page_error(self.error, exc)
            self.completeChanged.emit()

        if self._task is not None:
            self._task.cancel()  # a newer choice replaces a read still running
        self._task = self.owner.runner.run(
            lambda progress: engine.read_raw(paths, reading), done, failed
        )

    def isComplete(self) -> bool:
        return self.owner.raw is not None


class ImportWizard(QWizard):
    """From file(s) to a configuration the main window analyses."""

    def __init__(
        self,
        paths: list[Path],
        config: engine.RfmConfig,
        lang: str = "en",
        parent: QWidget | None = None,
        session=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import sales data"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.paths = list(paths)
        #: desktop.session.Session: remembered column mappings (None: nothing remembered)
        self.session = session
        self.config = dataclasses.replace(config, lang=lang)
        self.raw: pd.DataFrame | None = None
        self.result: engine.RfmResult | None = None
        self.runner = TaskRunner(self)
        self.files_page = FilesPage(self)
        self.reading_page = ReadingPage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.period_page = PeriodPage(self)
        for page in (
            self.files_page,
            self.reading_page,
            self.columns_page,
            self.check_page,
            self.period_page,
        ):
            self.addPage(page)
        self.resize(*fitting_size(900, 640))

    def final_config(self) -> engine.RfmConfig:
        """Columns, reading, cleaning and period as chosen on the pages."""
        return dataclasses.replace(self.config, period=self.period_page.period())

    def done(self, code: int) -> None:
        self.runner.cancel_all()
        super().done(code)
