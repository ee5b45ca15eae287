"""What the machine offers, where the operating system tells (not on every system)."""

from __future__ import annotations

import os


def available_memory() -> int | None:
    """Memory available to a new task now (Linux's ``MemAvailable``), else the physical
    memory, else ``None``."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return machine_memory()


def machine_memory() -> int | None:
    """Physical memory in bytes, or ``None`` where the system does not say (e.g. Windows,
    which has no ``os.sysconf``)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
