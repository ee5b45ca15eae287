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
    """Sheet and encoding, with the first rows as the analysis will read them, and a line saying
    which encoding was detected and how sure that is."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check how the file is read"))
        self.setSubTitle(
            self.tr("If the text looks garbled, pick another encoding; for Excel, pick the sheet.")
        )
        self.owner = wizard
        self.sheet = QComboBox(self)
        self.sheet.setProperty("data_values", True)  # sheet names are the user's data
        self.encoding = QComboBox(self)
        for code in engine.ENCODINGS:  # human names; the codec is the item's data
            self.encoding.addItem(self.encoding_name(code), code)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.info = QLabel(self)
        self.error = error_label(self)
        self.model = DataFrameModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setWordWrap(False)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow("", self.detected)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        layout.addWidget(self.preview, 1)
        self._task = None
        self.infos: tuple = ()
        self.sheet.activated.connect(self.reload)
        self.encoding.activated.connect(self.reload)

    def encoding_name(self, code: str | None) -> str:
        """An encoding by its human name (the codec's own name when there is none)."""
        names = {
            "": self.tr("Detect automatically"),
            "utf-8-sig": self.tr("Unicode (UTF-8)"),
            "utf-8": self.tr("Unicode (UTF-8)"),
            "utf-16": self.tr("Unicode (UTF-16)"),
            "utf-16-le": self.tr("Unicode (UTF-16)"),
            "utf-16-be": self.tr("Unicode (UTF-16)"),
            "gb18030": self.tr("Chinese Simplified (GBK/GB18030)"),
            "big5": self.tr("Chinese Traditional (Big5)"),
            "cp1252": self.tr("Western (Windows-1252)"),
            "shift_jis": self.tr("Japanese (Shift_JIS)"),
            "cp932": self.tr("Japanese (Shift_JIS)"),
            "euc_kr": self.tr("Korean (EUC-KR)"),
            "cp949": self.tr("Korean (EUC-KR)"),
            "cp1251": self.tr("Cyrillic (Windows-1251)"),
        }
        return names.get(code or "", code or "")

    def detection_text(self, infos) -> str:
        """What was detected and how sure, from the engine's reading result (one line per
        file when several files were read differently)."""
        why = {
            "given": self.tr("chosen by you"),
            "bom": self.tr("the file starts with a Unicode marker"),
            "ascii": self.tr(
                "the file holds only plain letters and digits, read the same in every encoding"
            ),
            "utf8_valid": self.tr("all of its text is valid UTF-8"),
            "utf16_zeros": self.tr("its bytes follow the pattern of UTF-16"),
            "chinese_text": self.tr("it reads as common Chinese characters"),
            "statistics": self.tr("chosen from how often letters occur; check the preview"),
            "fallback": self.tr("no other encoding fitted; check the preview"),
        }
        sure = {
            "certain": self.tr("certain"),
            "likely": self.tr("likely"),
            "guess": self.tr("a guess"),
        }
        lines = []
        for info in infos:
            if info.kind != "text" or not info.encoding:
                lines.append(self.tr("Excel workbook: no text encoding to choose."))
                continue
            lines.append(
                self.tr("Encoding: {name}. How sure: {sure} ({why}).").format(
                    name=self.encoding_name(info.encoding),
                    sure=sure.get(info.encoding_certainty, sure["guess"]),
                    why=why.get(info.encoding_basis or "", why["fallback"]),
                )
            )
        if len(set(lines)) <= 1:
            return lines[0] if lines else ""
        return "\n".join(
            f"{Path(info.path).name}: {line}" for info, line in zip(infos, lines, strict=True)
        )

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
        self.detected.setText("")
        self.completeChanged.emit()

        def done(read) -> None:
            raw, infos = read
            self.owner.raw = raw
            self.infos = tuple(infos)
            self.owner.config = dataclasses.replace(self.owner.config, reading=reading)
            show_page_error(self.error, None)
            headers = engine.source_headers(raw)
            self.model.set_frame(raw[headers].head(PREVIEW_ROWS))
            self.detected.setText(self.detection_text(self.infos))
            guessed = any(i.encoding_certainty == "guess" for i in self.infos)
            self.detected.setStyleSheet("color: #a04000; font-weight: bold;" if guessed else "")
            self.info.setText(
                self.tr("{rows} rows, {columns} columns; the first {shown} are shown.").format(
                    rows=f"{len(raw):,}", columns=len(headers), shown=min(len(raw), PREVIEW_ROWS)
                )
            )
            self.completeChanged.emit()
            self.owner.read_finished()

        def failed(exc: BaseException) -> None:
            self.info.setText("")
            self.infos = ()
            self.model.set_frame(pd.DataFrame())
            show_page_error(self.error, exc)
            self.completeChanged.emit()
            self.owner.skip_ahead = False

        if self._task is not None:
            self._task.cancel()  # a newer choice replaces a read still running
        self._task = self.owner.runner.run(
            lambda progress: engine.read_raw_info(paths, reading), done, failed
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
        #: True until the first read: with a mapping confirmed before for this layout and
        #: nothing else set, the wizard then moves on to the data check by itself.
        self.skip_ahead = bool(self.paths) and config.columns == engine.ColumnMap()
        if self.paths:  # a file already chosen (Open, drag and drop, recent, command line)
            self.restart()
            self.next()  # the Files page stays one Back away, to add or remove files
        self.resize(*fitting_size(900, 640))

    def read_finished(self) -> None:
        """After a read on the reading page: the first time, when the columns of this layout
        were confirmed before and still resolve, go on to the data check."""
        skip, self.skip_ahead = self.skip_ahead, False
        if not skip or self.session is None or self.currentPage() is not self.reading_page:
            return
        if self.session.recall_columns(engine.source_headers(self.raw)) is None:
            return
        self.next()  # the columns page recalls the mapping
        if self.currentPage() is self.columns_page and self.columns_page.isComplete():
            self.next()

    def final_config(self) -> engine.RfmConfig:
        """Columns, reading, cleaning and period as chosen on the pages."""
        return dataclasses.replace(self.config, period=self.period_page.period())

    def accept(self) -> None:
        """Finish; the columns confirmed are remembered for this export layout (the next file
        of it opens on the data check), only now that they passed it."""
        if self.session is not None and self.raw is not None:
            self.session.remember_columns(engine.source_headers(self.raw), self.config.columns)
        super().accept()

    def done(self, code: int) -> None:
        self.runner.cancel_all()
        super().done(code)
