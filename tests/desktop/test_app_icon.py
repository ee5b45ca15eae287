"""The app icon files (drawn by scripts/make_icon.py) are valid images of the sizes named."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QImageReader

from resources import app_icon_path


def images(path) -> list[tuple[int, int]]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        sizes.append((image.width(), image.height()))
    return sizes


def test_icon_files(qapp):
    folder = app_icon_path().parent
    assert not QIcon(str(app_icon_path())).isNull()
    assert images(app_icon_path()) == [(256, 256)]
    assert images(folder / "app.ico") == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    assert images(folder / "app.icns") == [(128, 128), (256, 256), (512, 512)]
