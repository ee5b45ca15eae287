"""Runtime files (sample data, icons, translations), found the same way in a source tree,
an installed package and the frozen desktop app: through :mod:`importlib.resources`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_ORDERS = "sample_orders.csv"
APP_ICON = "app.png"


def resource_path(*parts: str) -> Path:
    """A file of this package as a real path (the package is always installed unzipped)."""
    return Path(str(resources.files(__name__).joinpath(*parts)))


def sample_orders_path() -> Path:
    """The built-in sample sales export (made by ``scripts/make_sample_data.py``)."""
    return resource_path("sample", SAMPLE_ORDERS)


def app_icon_path() -> Path:
    """The app icon (256 px PNG; ``scripts/make_icon.py`` draws it and its .ico/.icns)."""
    return resource_path("icons", APP_ICON)
