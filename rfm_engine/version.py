"""The installed version (from the package metadata, i.e. ``pyproject.toml``)."""

from importlib import metadata

try:
    __version__ = metadata.version("rfm-segments")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
