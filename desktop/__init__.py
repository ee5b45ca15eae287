"""Desktop app (PySide6): filled in by its own issue."""
