"""Project files (``.rfm``): an analysis to reopen — the sales exports with their hashes and the
whole configuration (columns, reading options, cleaning, period, scoring, segment scheme).

The file is JSON::

    {"format": "rfm-project", "version": 1,
     "sources": [{"path": "orders.csv", "sha256": "…", "bytes": 1234}],
     "config": {… RfmConfig.to_dict() …}}

Source paths are kept relative to the project file when they sit in its folder tree (a project
moved together with its exports still opens), absolute otherwise. Opening a project checks the
hashes: a source changed since the project was saved is reported (its numbers would differ),
never silently analysed as if it were the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from rfm_engine import InputFileError, RfmConfig, RfmError
from rfm_engine.atomic import write_text_atomic

SUFFIX = ".rfm"
FORMAT = "rfm-project"
VERSION = 1


class ProjectFileError(InputFileError):
    """A project file cannot be read (not JSON, not a project, a newer version, a source gone).
    ``code``: ``project_file`` or ``source_missing``."""

    default_code = "project_file"


@dataclass(frozen=True)
class Source:
    """One sales export of a project and its content when the project was saved."""

    path: Path
    sha256: str
    size: int

    def changed(self) -> bool:
        """True when the file on disk differs from the one the project was saved with."""
        return file_hash(self.path) != self.sha256


@dataclass(frozen=True)
class Project:
    sources: tuple[Source, ...]
    config: RfmConfig

    @property
    def paths(self) -> list[Path]:
        return [s.path for s in self.sources]

    def changed_sources(self) -> list[Source]:
        return [s for s in self.sources if s.changed()]


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def project_of(paths: list[Path], config: RfmConfig) -> Project:
    """The project of an analysis: its files (hashed now) and its configuration."""
    sources = tuple(
        Source(Path(p).resolve(), file_hash(Path(p)), Path(p).stat().st_size) for p in paths
    )
    return Project(sources, config)


def _stored_path(source: Path, folder: Path) -> str:
    try:
        relative = os.path.relpath(source, folder)
    except ValueError:  # another drive on Windows
        return str(source)
    return str(source) if relative.startswith("..") else Path(relative).as_posix()


def project_json(project: Project, folder: Path) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "sources": [
            {"path": _stored_path(s.path, folder), "sha256": s.sha256, "bytes": s.size}
            for s in project.sources
        ],
        "config": project.config.to_dict(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_project(path: Path, project: Project) -> Path:
    """Write ``project`` to ``path`` (``.rfm`` added when missing), atomically."""
    path = Path(path)
    if path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    write_text_atomic(
        path,
        project_json(project, path.resolve().parent),
        encoding="utf-8",
    )
    return path


def load_project(path: Path) -> Project:
    """Read a project file; its sources must exist (a changed one is reported by
    :meth:`Project.changed_sources`, not here)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ProjectFileError(
            f"{path}: cannot read the project ({exc.strerror})", path=str(path)
        ) from None
    except ValueError as exc:
        raise ProjectFileError(f"{path}: is not a project file ({exc})", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectFileError(f"{path}: is not an RFM project file", path=str(path))
    if data.get("version") != VERSION:
        raise ProjectFileError(
            f"{path}: project version {data.get('version')!r} is not supported (this app reads "
            f"version {VERSION})",
            path=str(path),
        )
    folder = path.resolve().parent
    sources = []
    for entry in data.get("sources") or []:
        try:
            source = Path(entry["path"])
            source = source if source.is_absolute() else folder / source
            sources.append(Source(source, str(entry["sha256"]), int(entry["bytes"])))
        except (KeyError, TypeError, ValueError):
            raise ProjectFileError(
                f"{path}: a source entry is incomplete: {entry!r}", path=str(path)
            ) from None
    if not sources:
        raise ProjectFileError(f"{path}: the project names no sales export", path=str(path))
    for source in sources:
        if not source.path.is_file():
            raise ProjectFileError(
                f"{source.path}: a sales export of the project {path.name} is missing",
                path=str(source.path),
                code="source_missing",
            )
    try:
        config = RfmConfig.from_dict(data.get("config") or {})
    except RfmError as exc:
        raise ProjectFileError(f"{path}: {exc}", path=str(path)) from None
    return Project(tuple(sources), config)
