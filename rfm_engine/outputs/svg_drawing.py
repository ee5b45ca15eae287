"""A small SVG writer for the charts: rectangles, lines and text, plus the clickable regions.

The SVG uses only what SVG Tiny 1.2 renderers draw (Qt's QSvgRenderer in the app, any browser
in the HTML report): presentation attributes, no CSS, no scripts, no external references. Text
widths are estimated from the characters (wide CJK characters count double), so that labels can
be placed outside short bars or shortened before they would overlap.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from html import escape

FONT = (
    "'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', "
    "sans-serif"
)
TEXT = "#2b2b2b"
MUTED = "#6b6b6b"
GRID = "#e3e3e3"


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at font ``size`` (pixels)."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        elif ch in "il.,:;|!'` ":
            width += 0.3
        elif ch.isupper() or ch in "mwMW%":
            width += 0.72
        else:
            width += 0.56
    return width * size


def fit_text(text: str, size: float, room: float) -> str:
    """``text``, shortened with an ellipsis so that it fits in ``room`` pixels ('' if nothing
    readable fits)."""
    if text_width(text, size) <= room:
        return text
    for end in range(len(text) - 1, 0, -1):
        short = text[:end].rstrip() + "…"
        if text_width(short, size) <= room:
            return short if end >= 2 else ""
    return ""


@dataclass(frozen=True)
class Region:
    """A clickable area of a drawing and what it stands for (e.g. ``("segment", "at_risk")``)."""

    x: float
    y: float
    width: float
    height: float
    target: tuple
    tip: str = ""

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass
class Drawing:
    """An SVG picture being built; :meth:`svg` gives the text, ``regions`` the click areas."""

    width: float
    height: float
    parts: list[str] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)

    def rect(self, x, y, w, h, fill, *, stroke=None, radius=0, tip="", target=None) -> None:
        extra = f' stroke="{stroke}"' if stroke else ""
        if radius:
            extra += f' rx="{radius:g}"'
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'fill="{fill}"{extra}>{title}</rect>'
            if title
            else f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
            f'height="{max(h, 0):.1f}" fill="{fill}"{extra}/>'
        )
        if target is not None:
            self.regions.append(Region(x, y, w, h, target, tip))

    def line(self, x1, y1, x2, y2, colour=GRID, width=1.0, *, dash: str = "") -> None:
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="{width:g}"{extra}/>'
        )

    def text(
        self,
        x,
        y,
        text: str,
        *,
        size: float = 12,
        anchor: str = "start",
        colour: str = TEXT,
        bold: bool = False,
        rotate: float = 0,
    ) -> None:
        if not text:
            return
        weight = ' font-weight="bold"' if bold else ""
        turn = f' transform="rotate({rotate:g} {x:.1f} {y:.1f})"' if rotate else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" '
            f'fill="{colour}"{weight}{turn}>{escape(text)}</text>'
        )

    def svg(self) -> str:
        """The whole picture as one ``<svg>`` element (inline in HTML, or a file)."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'width="{self.width:.0f}" height="{self.height:.0f}" '
            f'viewBox="0 0 {self.width:.0f} {self.height:.0f}" font-family="{escape(FONT)}">'
            f'<rect x="0" y="0" width="{self.width:.0f}" height="{self.height:.0f}" '
            f'fill="#ffffff"/>' + "".join(self.parts) + "</svg>"
        )
