"""Draw the app icon: three rising bars (R, F, M) on a rounded blue tile.

Writes ``resources/icons/app.png`` (256 px; window icon and Linux), ``app.ico`` (Windows) and
``app.icns`` (macOS): both containers hold PNG images, so they are written here directly::

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry types holding PNG images of these sizes.
ICNS_TYPES = {b"ic07": 128, b"ic08": 256, b"ic09": 512}
#: Bars as (left, top, right) in a 16-unit grid, bottom at 13.
BARS = ((3.0, 8.5, 5.5), (6.75, 5.75, 9.25), (10.5, 3.0, 13.0))
BAR_COLOURS = ("#bfe3ff", "#ffffff", "#ffd166")


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels (transparent corners)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    tile = QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0, QColor("#2f80ed"))
    gradient.setColorAt(1, QColor("#1a4fa3"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, 3.2 * unit, 3.2 * unit)
    for (left, top, right), colour in zip(BARS, BAR_COLOURS, strict=True):
        painter.setBrush(QColor(colour))
        bar = QRectF(left * unit, top * unit, (right - left) * unit, (13 - top) * unit)
        painter.drawRoundedRect(bar, 0.6 * unit, 0.6 * unit)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An ICO container of PNG images (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        side = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(images: dict[bytes, bytes]) -> bytes:
    """An ICNS container: ``icns`` + length, then (type, length, PNG) per entry."""
    body = b"".join(kind + struct.pack(">I", 8 + len(blob)) + blob for kind, blob in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, painting)
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    (OUT / "app.png").write_bytes(png_bytes(big))
    pngs = [png_bytes(draw(size)) for size in ICO_SIZES]
    (OUT / "app.ico").write_bytes(ico_bytes(pngs, ICO_SIZES))
    icns = {kind: png_bytes(draw(size)) for kind, size in ICNS_TYPES.items()}
    (OUT / "app.icns").write_bytes(icns_bytes(icns))
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
