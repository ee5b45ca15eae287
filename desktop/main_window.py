"""The main window: open data, see the active dataset and settings, segments, customers, charts.

The window owns the current inputs, options and result. A failed step (bad file, bad option)
shows a dialog and leaves the previous result on screen.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolBar,
)

from resources import sample_orders_path

from . import engine_adapter as engine
from .error_dialog import show_error
from .i18n import LANGUAGES
from .segment_views import CustomersPanel, SummaryPanel
from .settings import AppSettings
from .table_models import PreparedFrame, prepare_frame
from .workers import TaskRunner


class MainWindow(QMainWindow):
    """The app's one window."""

    result_changed = Signal(object)
    language_requested = Signal(str)

    def __init__(self, settings: AppSettings, lang: str = "en") -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        self.paths: list[Path] = []
        self.config = dataclasses.replace(settings.config(), lang=lang)
        self.result: engine.RfmResult | None = None
        self.comparison = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("RFM Segments"))
        self.setAcceptDrops(True)
        self._build_central()
        self._build_actions()
        self._build_status()
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.progress.connect(self._show_progress)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        self._show_dataset()

    # ---- layout -----------------------------------------------------------------------------
    def _build_central(self) -> None:
        from .charts import ChartsPanel
        from .trends_page import TrendsPanel

        self.tabs = QTabWidget(self)
        self.summary_panel = SummaryPanel(self)
        self.customers_panel = CustomersPanel(self)
        self.charts_panel = ChartsPanel(self)
        self.tabs.addTab(self.summary_panel, self.tr("Segments"))
        self.tabs.addTab(self.customers_panel, self.tr("Customers"))
        self.tabs.addTab(self.charts_panel, self.tr("Charts"))
        self.trends_panel = TrendsPanel(self)
        self.tabs.addTab(self.trends_panel, self.tr("Trends"))
        self.setCentralWidget(self.tabs)
        self.summary_panel.view.doubleClicked.connect(self._open_segment)

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("&Open…"), self.open_dialog, QKeySequence.Open)
        self.sample_action = self._action(self.tr("Open &sample data"), self.open_sample, "Ctrl+D")
        self.scoring_action = self._action(self.tr("&Scoring…"), self.edit_scoring, "Ctrl+K")
        self.export_action = self._action(self.tr("&Export…"), self.export_dialog, "Ctrl+E")
        self.compare_action = self._action(
            self.tr("&Compare with 90 days earlier"), self.compare_periods, "Ctrl+M"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.sample_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        from .workspace_actions import WorkspaceActions

        self.workspace_actions = WorkspaceActions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        analysis_menu = self.menuBar().addMenu(self.tr("&Analysis"))
        analysis_menu.addAction(self.scoring_action)
        analysis_menu.addAction(self.compare_action)
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
        self._fill_recent()
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.open_action, self.sample_action, self.scoring_action):
            bar.addAction(action)
        bar.addAction(self.export_action)
        bar.addSeparator()
        self.language_box = QComboBox(bar)
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(list(LANGUAGES).index(self.lang))
        self.language_box.activated.connect(
            lambda i: self.language_requested.emit(self.language_box.itemData(i))
        )
        bar.addWidget(self.language_box)
        self.addToolBar(bar)

    def _build_status(self) -> None:
        self.dataset_label = QLabel(self)
        self.dataset_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.runner.cancel_all)
        status = self.statusBar()
        status.addWidget(self.dataset_label, 1)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.recent_files():
            label = " + ".join(Path(p).name for p in entry)
            action = self.recent_menu.addAction(label)
            action.triggered.connect(lambda _=False, e=entry: self.open_files([Path(p) for p in e]))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # ---- state display ----------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)
        for action in (self.open_action, self.sample_action, self.scoring_action):
            action.setEnabled(not busy)
        has_result = self.result is not None and not busy
        self.export_action.setEnabled(has_result)
        self.compare_action.setEnabled(has_result)
        self.workspace_actions.update(busy)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _show_dataset(self) -> None:
        if self.result is None:
            self.dataset_label.setText(
                self.tr("No data yet: open a sales export, drop one here, or open the sample.")
            )
            self.export_action.setEnabled(False)
            self.compare_action.setEnabled(False)
            return
        r = self.result
        names = ", ".join(p.name for p in self.paths)
        scheme = r.scheme.name(self.lang)
        self.dataset_label.setText(
            self.tr(
                "{files} · {customers} customers · {rows} rows used · as of {as_of} · "
                "{bins} bins · scheme: {scheme}"
            ).format(
                files=names,
                customers=f"{len(r.customers):,}",
                rows=f"{r.cleaning.rows_used:,}",
                as_of=r.as_of.isoformat(),
                bins=r.config.scoring.bins,
                scheme=scheme,
            )
        )

    def show_result(self, result: engine.RfmResult, customers: PreparedFrame | None = None) -> None:
        """Show a result; ``customers`` is its customers table already formatted, if done."""
        self.result = result
        self.config = result.config
        self.summary_panel.set_summary(result.summary)
        segments = [(s.key, s.name(self.lang)) for s in result.scheme.all_segments]
        table = customers if customers is not None else result.customers_table()
        self.customers_panel.set_customers(table, segments, result.contacts)
        self.charts_panel.set_result(result, self.comparison)
        self._show_dataset()
        self._set_busy(self.runner.busy)
        self.result_changed.emit(result)

    def _open_segment(self, index) -> None:
        row = self.summary_panel.model.source_row(index.row())
        if self.result is not None:
            key = self.result.summary["segment"].iloc[row]
            self.customers_panel.select_segment(key)
            self.tabs.setCurrentWidget(self.customers_panel)

    # ---- running ----------------------------------------------------------------------------
    def run_analysis(self, paths: list[Path], config: engine.RfmConfig | None) -> None:
        """Analyse in the background; on success the result replaces the shown one. A
        workspace (one ``.rfmdb`` path) is analysed with ``config`` or, when None, its own
        settings, and its month-end history fills the Trends page."""
        config = config and dataclasses.replace(config, lang=self.lang)

        def work(progress):
            history = None
            if engine.is_workspace_input(paths):
                result, history = engine.analyze_workspace(paths[0], config, self.lang, progress)
            else:
                result = engine.analyze(paths, config, progress=progress)
            return result, history, prepare_frame(result.customers_table())  # off-thread too

        def done(outcome) -> None:
            result, history, customers = outcome
            self.trends_panel.set_history(history)
            self.paths = list(paths)
            self.comparison = None
            self.settings.add_recent(self.paths)
            self.settings.set_config(_options_only(result.config))
            self._fill_recent()
            self.show_result(result, customers)

        self.runner.run(
            work,
            done,
            lambda exc: show_error(self, exc),
        )

    def open_sample(self) -> None:
        self.run_analysis([sample_orders_path()], _options_only(self.config))

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open sales export"),
            str(self.paths[0].parent) if self.paths else "",
            self.tr("Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)")
            + ";;"
            + self.tr("Workspaces (*.rfmdb)"),
        )
        if files:
            self.open_files([Path(f) for f in files])

    def open_files(self, paths: list[Path]) -> None:
        """Walk the user through the import wizard, then analyse; a workspace opens directly
        with the settings it keeps."""
        from .import_wizard import ImportWizard

        if engine.is_workspace_input(paths):
            self.run_analysis(list(paths), None)
            return

        self.wizard = ImportWizard(paths, _options_only(self.config), self.lang, self)
        self.wizard.accepted.connect(
            lambda: self.run_analysis(self.wizard.paths, self.wizard.final_config())
        )
        self.wizard.open()

    def edit_scoring(self) -> None:
        from .scoring_dialog import ScoringDialog

        self.scoring = ScoringDialog(self.config, self.result, self.lang, self)
        self.scoring.accepted.connect(self._apply_scoring)
        self.scoring.open()

    def _apply_scoring(self) -> None:
        config = self.scoring.config()
        if self.paths:
            self.run_analysis(self.paths, config)
        else:
            self.config = config
            self.settings.set_config(_options_only(config))

    def export_dialog(self) -> None:
        from .export_dialog import ExportDialog

        if self.result is None:
            return
        self.exporter = ExportDialog(self.result, self.lang, self.runner, self, inputs=self.paths)
        self.exporter.open()

    def compare_periods(self) -> None:
        """Analyse the same data 90 days earlier and show how customers moved between segments."""
        if self.result is None:
            return
        current = self.result
        paths = self.paths

        def done(matrix) -> None:
            self.comparison = matrix
            self.charts_panel.set_result(current, self.comparison)
            self.tabs.setCurrentWidget(self.charts_panel)

        self.runner.run(
            lambda progress: engine.compare_with_earlier(paths, current, 90, progress),
            done,
            lambda exc: show_error(self, exc),
        )

    # ---- drag and drop, closing -------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def closeEvent(self, event) -> None:
        self.runner.cancel_all()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_config(_options_only(self.config))
        self.settings.sync()
        super().closeEvent(event)


def _options_only(config: engine.RfmConfig) -> engine.RfmConfig:
    """The options that carry over to another file: no columns, reading or period."""
    return dataclasses.replace(
        config,
        columns=engine.RfmConfig().columns,
        reading=engine.RfmConfig().reading,
        period=engine.RfmConfig().period,
    )
