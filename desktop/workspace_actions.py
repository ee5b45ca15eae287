"""File menu actions for workspaces: save the open exports as a workspace, add exports to the
open workspace. Both run in the background and then re-open the workspace (Trends page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from . import engine_adapter as engine
from .error_dialog import show_error


class WorkspaceActions(QObject):
    """``save_action`` while exports are open, ``add_action`` while a workspace is open."""

    def __init__(self, window, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.save_action = QAction(self.tr("Save as &workspace…"), window)
        self.save_action.triggered.connect(self._ask_save)
        self.add_action = QAction(self.tr("&Add exports to workspace…"), window)
        self.add_action.triggered.connect(self._ask_add)
        menu.addAction(self.save_action)
        menu.addAction(self.add_action)
        self.last_message = ""
        self.update(busy=False)

    def update(self, busy: bool) -> None:
        paths = self.window.paths
        is_workspace = engine.is_workspace_input(paths)
        ready = self.window.result is not None and not busy
        self.save_action.setEnabled(ready and bool(paths) and not is_workspace)
        self.add_action.setEnabled(ready and is_workspace)

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save as workspace"), "", self.tr("Workspaces (*.rfmdb)")
        )
        if name:
            self.save_as(Path(name if name.endswith(".rfmdb") else name + ".rfmdb"))

    def _ask_add(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Add exports to workspace"),
            str(self.window.paths[0].parent),
            self.tr("Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)"),
        )
        if files:
            self.add([Path(f) for f in files])

    def save_as(self, shop: Path) -> None:
        """A new workspace from the open exports, with the settings of the shown result."""
        if shop.exists():
            show_error(self.window, engine.RfmError(f"{shop}: exists; choose a new file name"))
            return
        self._run(shop, list(self.window.paths), self.window.result.config)

    def add(self, paths: list[Path]) -> None:
        """Add exports to the open workspace."""
        self._run(self.window.paths[0], paths, None)

    def _run(self, shop: Path, paths: list[Path], config) -> None:
        def done(records) -> None:
            added = sum(r.rows_added for r in records)
            merged = sum(r.rows_merged for r in records)
            notes = [str(w) for r in records for w in r.warnings]
            text = self.tr("{added} rows added, {merged} already in the workspace").format(
                added=f"{added:,}", merged=f"{merged:,}"
            )
            self.last_message = "; ".join([text, *notes])
            self.window.statusBar().showMessage(self.last_message, 15000)
            self.window.run_analysis([shop], None)

        self.window.runner.run(
            lambda progress: engine.add_to_workspace(shop, paths, config),
            done,
            lambda exc: show_error(self.window, exc),
        )
