"""Reading a settings file (configuration, segment scheme, saved mappings) safely: a regular
file of bounded size, UTF-8 text, JSON of bounded depth. Anything else is one line naming the
file — never a hang on a pipe or ``/dev/zero``, never a ``RecursionError`` or a decoding
traceback."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

#: No settings file of ours comes near this; a larger one is not a settings file.
MAX_SETTINGS_BYTES = 16 * 1024 * 1024
#: Deeper nesting than any settings file needs (JSON decoding recurses per level).
MAX_DEPTH = 64


class SettingsFileProblem(ValueError):
    """What is wrong with a settings file, in words to put after its path."""


def read_settings_json(path: str | Path) -> Any:
    """The JSON value in ``path``; :class:`SettingsFileProblem` or ``OSError`` if unusable."""
    path = Path(path)
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise SettingsFileProblem("is a folder, not a settings file")
    if not stat.S_ISREG(info.st_mode):
        raise SettingsFileProblem("is not a regular file (a pipe or a device?)")
    if info.st_size > MAX_SETTINGS_BYTES:
        raise SettingsFileProblem(
            f"is {info.st_size:,} bytes; a settings file is at most {MAX_SETTINGS_BYTES:,}"
        )
    with open(path, "rb") as fh:
        data = fh.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise SettingsFileProblem(f"is larger than {MAX_SETTINGS_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SettingsFileProblem(
            f"is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8"
        ) from None
    depth = _max_depth(text)
    if depth > MAX_DEPTH:
        raise SettingsFileProblem(f"nests {depth} levels deep; at most {MAX_DEPTH} are read")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsFileProblem(f"is not valid JSON: {exc}") from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise SettingsFileProblem("nests too deeply to read") from None


def _max_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside strings (a cheap scan before decoding)."""
    if "[" not in text and "{" not in text:
        return 0
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest
