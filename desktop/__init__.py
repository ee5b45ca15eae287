"""Desktop app (PySide6) over the engine's API: import wizard, scoring, segments, charts, export.

Start it with ``rfm-desktop`` (or ``python -m desktop``); see :mod:`desktop.app`.
"""
