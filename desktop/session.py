"""What the app keeps between runs beside its settings: the last analysis (reopened on launch),
one project per recent analysis (so "Open recent" reopens it as it was, not through the
wizard), and the column mappings the user confirmed, per export layout.

All live as files in the app's settings folder, each written atomically; a file that cannot be
read is treated as absent (the app then starts blank), never repaired in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from rfm_engine import ColumnMap, RfmConfig, RfmError
from rfm_engine.mapping import recall_mapping, remember_mapping

from .project_file import Project, load_project, project_of, save_project

LAST = "last-analysis.rfm"
RECENT = "recent"
MAPPINGS = "column-mappings.json"


def settings_folder(store) -> Path:
    """The folder of a ``QSettings`` store (its file's folder; the app's config folder when
    the settings live in the Windows registry)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    name = store.fileName()
    if store.format() == QSettings.Format.IniFormat or not sys.platform.startswith("win"):
        return Path(name).parent
    location = QStandardPaths.StandardLocation.AppConfigLocation
    return Path(QStandardPaths.writableLocation(location))


class Session:
    """The files of one settings folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # ---- last analysis and recent projects --------------------------------------------------
    @property
    def last_path(self) -> Path:
        return self.folder / LAST

    def recent_path(self, paths: Sequence[Path]) -> Path:
        key = "|".join(str(Path(p).resolve()) for p in paths)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return self.folder / RECENT / f"{digest}.rfm"

    def remember_analysis(self, paths: Sequence[Path], config: RfmConfig) -> None:
        """Keep an analysis that just ran: as the last one and as a recent one."""
        try:
            project = project_of(list(paths), config)
            self.recent_path(paths).parent.mkdir(parents=True, exist_ok=True)
            save_project(self.last_path, project)
            save_project(self.recent_path(paths), project)
        except (OSError, RfmError):
            pass  # remembering is a convenience: a read-only settings folder loses only that

    def last_analysis(self) -> Project | None:
        return self._load(self.last_path)

    def recent_analysis(self, paths: Sequence[Path]) -> Project | None:
        return self._load(self.recent_path(paths))

    @staticmethod
    def _load(path: Path) -> Project | None:
        if not path.exists():
            return None
        try:
            return load_project(path)
        except RfmError:
            return None

    # ---- column mappings --------------------------------------------------------------------
    @property
    def mappings_path(self) -> Path:
        return self.folder / MAPPINGS

    def recall_columns(self, headers: Sequence[str]) -> ColumnMap | None:
        try:
            return recall_mapping(self.mappings_path, headers)
        except RfmError:
            return None

    def remember_columns(self, headers: Sequence[str], columns: ColumnMap) -> None:
        with contextlib.suppress(OSError, RfmError):
            self.folder.mkdir(parents=True, exist_ok=True)
            remember_mapping(self.mappings_path, headers, columns)
