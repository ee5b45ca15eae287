"""The ``rfm-desktop`` command: the desktop app, or one line saying how to get it.

``pip install rfm-segments`` installs the command but not Qt (the ``desktop`` extra does);
without PySide6 the command says so instead of failing with a traceback.
"""

from __future__ import annotations

import importlib.util
import sys

INSTALL_HINT = 'pip install "rfm-segments[desktop]"'


def main() -> int:
    if importlib.util.find_spec("PySide6") is None:
        print(f"rfm-desktop: the desktop app needs Qt (PySide6): {INSTALL_HINT}", file=sys.stderr)
        return 2
    from desktop.app import main as run_app

    return run_app()
