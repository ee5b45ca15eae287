"""Remembering a confirmed column mapping for files with the same headers.

A shop's exports keep their layout month after month, so once a user confirms (or corrects)
the mapping of one file, the next file with the same headers should need nothing. The store
is one small JSON file (a face chooses where, e.g. in the user's settings folder) mapping a
signature of the headers to the :class:`ColumnMap` as saved in configurations.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import ConfigError
from ..options.config import ColumnMap, RfmConfig
from ..options.settings_files import read_settings_json
from .header_names import normalize_header


def header_signature(headers: Sequence[str]) -> str:
    """The same for the same set of headers, whatever their order, case, spaces or BOM."""
    names = sorted({normalize_header(h) for h in headers})
    return hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:16]


def recall_mapping(store: str | Path, headers: Sequence[str]) -> ColumnMap | None:
    """The mapping remembered for these headers, or ``None`` (also when the store is absent)."""
    entry = _read(Path(store)).get(header_signature(headers))
    if entry is None:
        return None
    return RfmConfig.from_dict({"columns": entry["columns"]}).columns


def remember_mapping(store: str | Path, headers: Sequence[str], columns: ColumnMap) -> None:
    """Save ``columns`` for files with these headers (replacing an earlier mapping)."""
    path = Path(store)
    entries = _read(path)
    entries[header_signature(headers)] = {
        "headers": [str(h) for h in headers],
        "columns": RfmConfig(columns=columns).to_dict()["columns"],
    }
    write_text_atomic(path, json.dumps(entries, ensure_ascii=False, indent=2) + "\n")


def _read(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = read_settings_json(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"{path}: cannot read saved mappings ({exc})", option="mappings"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: saved mappings must be a JSON object", option="mappings")
    return data
