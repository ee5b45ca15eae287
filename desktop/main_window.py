"""The main window: open data, see the active dataset and settings, segments, customers, charts.

The window owns the current inputs, options and result. A failed step (bad file, bad option)
shows a dialog and leaves the previous result on screen.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
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
from rfm_engine.outputs import segment_colours

from . import engine_adapter as engine
from .error_dialog import show_error
from .i18n import LANGUAGES
from .screen_fit import fitting_size
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
        self.config = dataclasses.replace(settings.config(lang), lang=lang)
        self.result: engine.RfmResult | None = None
        self.comparison = None  # the migration matrix of the last comparison
        self.comparison_customers = None  # its customers then and now
        self.currency: str | None = settings.currency()  # None: guess from the columns
        self.runner = TaskRunner(self)
        self.session = settings.session()
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
            self.resize(*fitting_size(1100, 660))
        self._show_dataset()

    # ---- layout -----------------------------------------------------------------------------
    def _build_central(self) -> None:
        from .charts import ChartsPanel
        from .overview_page import OverviewPage
        from .trends_page import TrendsPanel

        self.tabs = QTabWidget(self)
        self.overview_page = OverviewPage(self)
        self.summary_panel = SummaryPanel(self)
        self.customers_panel = CustomersPanel(self)
        self.charts_panel = ChartsPanel(self)
        self.tabs.addTab(self.overview_page, self.tr("Overview"))
        self.tabs.addTab(self.summary_panel, self.tr("Segments"))
        self.tabs.addTab(self.customers_panel, self.tr("Customers"))
        self.tabs.addTab(self.charts_panel, self.tr("Charts"))
        self.trends_panel = TrendsPanel(self)
        self.tabs.addTab(self.trends_panel, self.tr("Trends"))
        self.setCentralWidget(self.tabs)
        self.summary_panel.view.doubleClicked.connect(self._open_segment)
        self.overview_page.set_currency(self.currency)
        self.overview_page.show_segment.connect(self.show_segment)
        self.overview_page.export_segment.connect(self.export_segment)
        self.overview_page.fix_warning.connect(self.fix_warning)
        self.overview_page.currency_changed.connect(self.set_currency)
        self.overview_page.target_clicked.connect(self.open_target)
        self.charts_panel.target_clicked.connect(self.open_target)
        view = self.customers_panel.view
        view.doubleClicked.connect(self._open_customer)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), view)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open_customer(view.currentIndex()))
        self.customers_panel.export_button.clicked.connect(self.export_shown_customers)
        self.summary_panel.view.activated.connect(self._open_segment)  # Enter opens it too

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
        self.report_action = self._action(
            self.tr("Export &report (HTML or PDF)…"), self.export_report, "Ctrl+R"
        )
        self.compare_action = self._action(
            self.tr("&Compare with 90 days earlier"), self.compare_periods, "Ctrl+M"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.find_action = self._action(self.tr("&Find customer…"), self.find_customer, "Ctrl+F")
        self.addAction(self.find_action)
        self.open_project_action = self._action(
            self.tr("Open &project…"), self.open_project_dialog, "Ctrl+Shift+O"
        )
        self.save_project_action = self._action(
            self.tr("Sa&ve project…"), self.save_project_dialog, QKeySequence.Save
        )
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.sample_action)
        file_menu.addAction(self.open_project_action)
        file_menu.addAction(self.save_project_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.report_action)
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
        bar.addAction(self.report_action)
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
            action.triggered.connect(lambda _=False, e=entry: self.open_recent(e))
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
        self.save_project_action.setEnabled(has_result)
        self.export_action.setEnabled(has_result)
        self.report_action.setEnabled(has_result)
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
            self.report_action.setEnabled(False)
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
        self.summary_panel.set_summary(result.summary, segment_colours(result))
        segments = [(s.key, s.name(self.lang)) for s in result.scheme.all_segments]
        table = customers if customers is not None else customers_frame(result)
        self.customers_panel.set_customers(table, segments, result.contacts)
        self.overview_page.set_result(result)
        self.charts_panel.set_result(result, self.comparison, self.overview_page.currency_code())
        self._show_dataset()
        self._set_busy(self.runner.busy)
        self.result_changed.emit(result)

    def find_customer(self) -> None:
        """Ctrl+F: the customers table with its search box ready to type in."""
        self.tabs.setCurrentWidget(self.customers_panel)
        self.customers_panel.search.setFocus()
        self.customers_panel.search.selectAll()

    def _open_segment(self, index) -> None:
        if not index.isValid():
            return
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
            return result, history, prepare_frame(customers_frame(result))  # off-thread too

        def done(outcome) -> None:
            result, history, customers = outcome
            self.trends_panel.set_history(history)
            self.paths = list(paths)
            self.comparison = None
            self.comparison_customers = None
            self.settings.add_recent(self.paths)
            self.settings.set_config(_options_only(result.config))
            if not engine.is_workspace_input(self.paths):  # a workspace keeps its own
                self.session.remember_analysis(self.paths, result.config)
            self._fill_recent()
            self.show_result(result, customers)
            self.tabs.setCurrentWidget(self.overview_page)

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

        self.wizard = ImportWizard(
            paths, _options_only(self.config), self.lang, self, session=self.session
        )
        self.wizard.accepted.connect(
            lambda: self.run_analysis(self.wizard.paths, self.wizard.final_config())
        )
        self.wizard.open()

    # ---- projects and sessions (desktop.project_file, desktop.session) -----------------------
    def reopen_last(self) -> bool:
        """Reopen the analysis of the last run, as it was; False when there is none."""
        project = self.session.last_analysis()
        if project is None:
            return False
        self._run_project(project)
        return True

    def open_recent(self, entry: list[str]) -> None:
        """A recent project file, or recent exports reopened with the settings they had."""
        paths = [Path(p) for p in entry]
        if len(paths) == 1 and paths[0].suffix.lower() == ".rfm":
            self.open_project(paths[0])
            return
        project = self.session.recent_analysis(paths)
        if project is None:
            self.open_files(paths)
        else:
            self._run_project(project)

    def open_project_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("RFM projects (*.rfm)")
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> None:
        from .project_file import load_project

        try:
            project = load_project(path)
        except engine.RfmError as exc:
            show_error(self, exc)
            return
        self.settings.add_recent([Path(path)])
        self._fill_recent()
        self._run_project(project)

    def _run_project(self, project) -> None:
        changed = project.changed_sources()
        if changed:  # the numbers may differ from the saved analysis: say so
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                self.tr("Files changed"),
                self.tr(
                    "These files changed since the project was saved; the analysis uses them "
                    "as they are now: {files}"
                ).format(files=", ".join(s.path.name for s in changed)),
            )
        self.run_analysis(project.paths, project.config)

    def save_project_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.result is None:
            return
        start = self.paths[0].with_suffix(".rfm") if self.paths else Path("analysis.rfm")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save project"), str(start), self.tr("RFM projects (*.rfm)")
        )
        if name:
            self.save_project(Path(name))

    def save_project(self, path: Path) -> Path | None:
        from .project_file import project_of, save_project

        try:
            written = save_project(path, project_of(self.paths, self.result.config))
        except (engine.RfmError, OSError) as exc:
            show_error(self, exc)
            return None
        self.settings.add_recent([written])
        self._fill_recent()
        return written

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
        viewed = self.customers_panel.segment.currentData() or None  # the segment on screen
        self.exporter = ExportDialog(
            self.result, self.lang, self.runner, self, inputs=self.paths, segment=viewed
        )
        self.exporter.open()

    def compare_periods(self) -> None:
        """Analyse the same data 90 days earlier and show how customers moved between segments."""
        if self.result is None:
            return
        current = self.result
        paths = self.paths

        def done(comparison) -> None:
            self.comparison = comparison.matrix
            self.comparison_customers = comparison.customers
            self.charts_panel.set_comparison(current, self.comparison)
            self.tabs.setCurrentWidget(self.charts_panel)

        self.runner.run(
            lambda progress: engine.compare_full(paths, current, 90, progress),
            done,
            lambda exc: show_error(self, exc),
        )

    # ---- from a chart, a card or a table to customers, exports and fixes --------------------
    def show_segment(self, key: str) -> None:
        self.customers_panel.select_segment(key)
        self.tabs.setCurrentWidget(self.customers_panel)

    def open_target(self, target: tuple) -> None:
        """A click on a chart: its segment, R×F cell or move, in the customers table."""
        if self.result is None:
            return
        kind = target[0]
        if kind == "segment":
            self.show_segment(target[1])
            return
        c = self.result.customers
        if kind == "rf":
            r, f = target[1], target[2]
            ids = c.loc[(c["r_score"] == r) & (c["f_score"] == f), "customer_id"]
            note = f"R = {r}, F = {f}"
        elif kind == "move" and self.comparison_customers is not None:
            moved = self.comparison_customers
            rows = (moved["segment_then"] == target[1]) & (moved["segment_now"] == target[2])
            ids = moved.loc[rows, "customer_id"]
            spec = self.charts_panel.migration.spec
            then = spec.row_labels[list(self.comparison.index).index(target[1])]
            now = spec.column_labels[list(self.comparison.columns).index(target[2])]
            note = f"{then} → {now}"
        else:
            return
        self.customers_panel.show_only(ids, note)
        self.tabs.setCurrentWidget(self.customers_panel)

    def export_segment(self, key: str) -> None:
        self.export_dialog()
        if self.result is not None:
            self.exporter.select_segments([key])

    def export_shown_customers(self) -> None:
        """Write exactly the customers shown (segment, chart selection, search) to CSV/XLSX."""
        from PySide6.QtWidgets import QFileDialog

        if self.result is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export shown customers"),
            str(Path.home() / "customers.csv"),
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"),
        )
        if name:
            self.write_customers(Path(name), self.customers_panel.shown_rows())

    def write_customers(self, path: Path, table) -> None:
        inputs, lang, contacts = tuple(self.paths), self.lang, tuple(self.result.contacts)
        self.runner.run(
            lambda progress: engine.write_table(table, path, inputs, lang=lang, contacts=contacts),
            lambda written: self.statusBar().showMessage(
                self.tr("Wrote {n} customers to {path}").format(n=f"{len(table):,}", path=written),
                8000,
            ),
            lambda exc: show_error(self, exc),
        )

    def fix_warning(self, warning) -> None:
        """Quantile ties: show customers per score with the suggested thresholds, then apply."""
        from .tie_fix_dialog import TieFixDialog, fixed_config

        self.tie_fix = TieFixDialog(warning, self)
        self.tie_fix.accepted.connect(
            lambda: self.run_analysis(self.paths, fixed_config(self.config, warning))
        )
        self.tie_fix.open()

    def set_currency(self, code: str | None) -> None:
        self.currency = code
        self.settings.set_currency(code)
        self.overview_page.set_currency(code)
        if self.result is not None:
            self.overview_page.set_result(self.result)
            self.charts_panel.set_result(
                self.result, self.comparison, self.overview_page.currency_code()
            )

    def _open_customer(self, index) -> None:
        from .customer_detail import CustomerDetail

        if self.result is None or not index.isValid():
            return
        frame = self.customers_panel.model.visible_frame()
        customer_id = frame["customer_id"].iloc[index.row()]
        result, paths = self.result, list(self.paths)
        detail = CustomerDetail(result, customer_id, self.overview_page.currency_code(), self)
        self.detail = detail
        detail.open()
        if paths:
            self.runner.run(
                lambda progress: engine.customer_purchases(paths, result.config, customer_id),
                detail.set_purchases,
                detail.purchases_failed,
            )
        else:
            detail.purchases_failed(RuntimeError(self.tr("no file behind this result")))

    def export_report(self) -> None:
        """Export → Report: the shareable HTML page or PDF of the shown result."""
        from PySide6.QtWidgets import QFileDialog

        if self.result is None:
            return
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            str(Path.home() / "rfm_report.html"),
            self.tr("Web page, works offline (*.html);;PDF (*.pdf)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".html", ".htm", ".pdf"):
            path = path.with_suffix(".pdf" if "pdf" in chosen.lower() else ".html")
        self.write_report(path)

    def write_report(self, path: Path) -> None:
        from .report_export import write_report_file

        result, comparison, inputs = self.result, self.comparison, tuple(self.paths)
        currency = self.overview_page.currency_code()
        sources = [p.name for p in self.paths]
        # PDF printing uses Qt's text layout: run it here; HTML is quick as well.
        try:
            written = write_report_file(
                result,
                path,
                currency=currency,
                sources=sources,
                comparison=comparison,
                inputs=inputs,
            )
        except engine.RfmError as exc:
            show_error(self, exc)
            return
        self.statusBar().showMessage(self.tr("Report written to {path}").format(path=written), 8000)

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


def customers_frame(result: engine.RfmResult):
    """The customers table as exported, then each customer's last purchase day."""
    table = result.customers_table().copy()
    table["last_purchase"] = result.customers["last_purchase"].dt.date
    return table


def _options_only(config: engine.RfmConfig) -> engine.RfmConfig:
    """The options that carry over to another file: no columns, reading or period."""
    return dataclasses.replace(
        config,
        columns=engine.RfmConfig().columns,
        reading=engine.RfmConfig().reading,
        period=engine.RfmConfig().period,
    )
