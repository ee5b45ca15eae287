"""What the machine offers, where the operating system tells (not on every system)."""

from __future__ import annotations

import os


def machine_memory() -> int | None:
    """Physical memory in bytes, or ``None`` where the system does not say (e.g. Windows,
    which has no ``os.sysconf``)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
