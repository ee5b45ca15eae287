"""Chart specifications and how they draw: built once from a result (data, labels, colours,
number style), drawn as SVG at any size. The desktop app draws the same SVG in its window and
the HTML report inlines it, so both show the same picture.

Four kinds: :class:`BarChart` (one bar per segment), :class:`Histogram` (a metric with its
labelled cut points, on a log axis for money), :class:`HeatMap` (R×F grid, migration matrix)
and :class:`Treemap` (segments sized by customers or revenue). ``render(spec, width, height)``
gives a :class:`~.svg_drawing.Drawing`: the SVG text and the clickable regions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import number_format as nf
from .svg_drawing import GRID, MUTED, TEXT, Drawing, fit_text, text_width

CUT_COLOUR = "#c0392b"
TITLE_SIZE = 15
LABEL_SIZE = 12


@dataclass(frozen=True)
class ValueStyle:
    """How the values of one axis read: ``count``, ``days``, ``money`` (with ``currency``) or
    ``number``, in ``lang`` (units k/M or 万/亿)."""

    kind: str = "count"
    currency: str = ""
    lang: str = "en"

    def full(self, value: float) -> str:
        if self.kind == "money":
            return nf.money(value, self.currency, self.lang)
        if self.kind == "number":
            return nf.grouped(value, 0 if float(value).is_integer() else 2)
        return nf.grouped(value)

    def short(self, value: float, digits: int = 3) -> str:
        if self.kind == "money":
            sign = nf.CURRENCIES.get(self.currency, self.currency)
            return (
                ("-" if value < 0 else "") + sign + nf.compact(abs(value), self.lang, digits=digits)
            )
        return nf.compact(value, self.lang, digits=digits)


@dataclass(frozen=True)
class Item:
    """One bar or treemap tile: its label, value, colour and what a click on it opens."""

    label: str
    value: float
    colour: str
    target: tuple | None = None
    note: str = ""  # e.g. the share, shown after the value


@dataclass(frozen=True)
class BarChart:
    title: str
    items: tuple[Item, ...]
    style: ValueStyle


@dataclass(frozen=True)
class Histogram:
    title: str
    edges: tuple[float, ...]  # len(counts) + 1 bin edges
    counts: tuple[int, ...]
    cuts: tuple[float, ...]  # where the dashed lines go
    style: ValueStyle  # of the metric (x axis)
    cut_labels: tuple[str, ...] = ()  # default: the cut values
    log: bool = False
    colour: str = "#4e79a7"
    x_title: str = ""
    y_title: str = ""
    note: str = ""


@dataclass(frozen=True)
class HeatMap:
    title: str
    values: tuple[tuple[float, ...], ...]
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    row_title: str = ""
    column_title: str = ""
    targets: tuple[tuple[tuple | None, ...], ...] = ()
    colour: tuple[int, int, int] = (78, 121, 167)
    style: ValueStyle = ValueStyle()


@dataclass(frozen=True)
class Treemap:
    title: str
    items: tuple[Item, ...]
    style: ValueStyle


def ink(fill: str) -> str:
    """Text colour readable on ``fill`` (``#rrggbb``): white on dark, near-black on light."""
    r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 165 else TEXT


def render(spec, width: float, height: float) -> Drawing:
    """Draw ``spec`` in a ``width`` × ``height`` picture."""
    drawers = {BarChart: _bars, Histogram: _histogram, HeatMap: _heat, Treemap: _treemap}
    drawing = Drawing(width, height)
    drawing.text(10, 22, fit_text(spec.title, TITLE_SIZE, width - 20), size=TITLE_SIZE, bold=True)
    drawers[type(spec)](spec, drawing)
    return drawing


def _bars(spec: BarChart, d: Drawing) -> None:
    items = spec.items
    if not items:
        return
    top, bottom = 36.0, 26.0
    label_room = min(max(text_width(i.label, LABEL_SIZE) for i in items) + 14, d.width * 0.36)
    left, right = label_room, 16.0
    peak = max((i.value for i in items), default=0) or 1.0
    ticks = nf.nice_ticks(0, peak, count=max(2, int((d.width - left) // 110)))
    high = ticks[-1]
    span = d.width - left - right
    row = (d.height - top - bottom) / len(items)
    labels = nf_tick_labels(ticks, spec.style)
    for t, label in zip(ticks, labels, strict=True):
        x = left + span * t / high
        d.line(x, top, x, d.height - bottom, GRID)
        d.text(x, d.height - bottom + 16, label, size=11, anchor="middle", colour=MUTED)
    size = min(LABEL_SIZE, max(9.0, row * 0.55))
    for n, item in enumerate(items):
        y = top + n * row
        bar_h = row * 0.72
        w = span * max(item.value, 0) / high
        tip = f"{item.label}: {spec.style.full(item.value)}" + (
            f" ({item.note})" if item.note else ""
        )
        d.rect(left, y + (row - bar_h) / 2, w, bar_h, item.colour, tip=tip, target=item.target)
        d.text(
            left - 8,
            y + row / 2 + size * 0.35,
            fit_text(item.label, size, left - 12),
            size=size,
            anchor="end",
        )
        value = spec.style.short(item.value) + (f" · {item.note}" if item.note else "")
        needed = text_width(value, size) + 12
        x_after = left + w + 5
        if needed <= w or x_after + needed > d.width:  # inside the bar, at its end
            d.text(
                left + w - 6,
                y + row / 2 + size * 0.35,
                value,
                size=size,
                anchor="end",
                colour=ink(item.colour),
                bold=True,
            )
        else:  # after the bar
            d.text(x_after, y + row / 2 + size * 0.35, value, size=size)


def nf_tick_labels(ticks, style: ValueStyle) -> list[str]:
    return nf.tick_labels(ticks, lambda v, digits: style.short(v, digits))


def _histogram(spec: Histogram, d: Drawing) -> None:
    if not spec.counts:
        return
    bottom, left, right = 44.0, 52.0, 18.0
    lo, hi = spec.edges[0], spec.edges[-1]
    if spec.log:
        lo, hi = max(lo, 1e-9), max(hi, lo * 10)

        def pos(v: float) -> float:
            v = min(max(v, lo), hi)
            return left + (d.width - left - right) * (math.log10(v) - math.log10(lo)) / (
                math.log10(hi) - math.log10(lo)
            )

        xticks = nf.log_ticks(lo, hi)
    else:

        def pos(v: float) -> float:
            return left + (d.width - left - right) * (v - lo) / (hi - lo or 1)

        xticks = [
            t for t in nf.nice_ticks(lo, hi, count=max(2, int(d.width // 90))) if lo <= t <= hi
        ]
        if spec.style.kind in ("count", "days"):
            xticks = [t for t in xticks if float(t).is_integer()]
    # cut points: dashed lines labelled with their value, labels moved down a line on overlap
    marks: list[tuple[float, str, int]] = []
    taken: list[tuple[float, float, int]] = []
    for n, cut in enumerate(spec.cuts):
        if not math.isfinite(cut) or not lo <= cut <= hi:
            continue
        x = pos(cut)
        if any(abs(x - m[0]) < 0.5 for m in marks):  # tied cut points draw once
            continue
        text = spec.cut_labels[n] if spec.cut_labels else spec.style.short(cut)
        w = text_width(text, 11) + 6
        line_no = 0
        while any(a < x + w / 2 and x - w / 2 < b and k == line_no for a, b, k in taken):
            line_no += 1
        taken.append((x - w / 2, x + w / 2, line_no))
        marks.append((x, text, line_no))
    top = 62.0 + 13 * max((m[2] for m in marks), default=0)
    peak = max(spec.counts) or 1
    yticks = [t for t in nf.nice_ticks(0, peak, count=4) if float(t).is_integer()]
    ymax = yticks[-1] or 1
    base = d.height - bottom

    def ypos(v: float) -> float:
        return base - (base - top) * v / ymax

    for t, label in zip(
        yticks, nf_tick_labels(yticks, ValueStyle("count", lang=spec.style.lang)), strict=True
    ):
        d.line(left, ypos(t), d.width - right, ypos(t), GRID)
        d.text(left - 6, ypos(t) + 4, label, size=11, anchor="end", colour=MUTED)
    for n, count in enumerate(spec.counts):
        x0, x1 = pos(spec.edges[n]), pos(spec.edges[n + 1])
        tip = f"{spec.style.full(spec.edges[n])} – {spec.style.full(spec.edges[n + 1])}: {count:,}"
        d.rect(x0 + 0.5, ypos(count), max(x1 - x0 - 1, 1), base - ypos(count), spec.colour, tip=tip)
    d.line(left, base, d.width - right, base, MUTED)
    for t, label in zip(xticks, nf_tick_labels(xticks, spec.style), strict=True):
        d.line(pos(t), base, pos(t), base + 4, MUTED)
        d.text(pos(t), base + 17, label, size=11, anchor="middle", colour=MUTED)
    if spec.x_title:
        d.text(
            (left + d.width - right) / 2,
            d.height - 6,
            spec.x_title,
            size=11,
            anchor="middle",
            colour=MUTED,
        )
    if spec.y_title:
        d.text(
            12, (top + base) / 2, spec.y_title, size=11, anchor="middle", colour=MUTED, rotate=-90
        )
    if spec.note:
        d.text(
            d.width - right,
            40,
            fit_text(spec.note, 11, d.width - 40),
            size=11,
            anchor="end",
            colour=MUTED,
        )
    for x, text, line_no in marks:
        y = 62.0 - 8 + line_no * 13
        d.line(x, y + 4, x, base, CUT_COLOUR, 1.5, dash="4,3")
        d.text(x, y, text, size=11, anchor="middle", colour=CUT_COLOUR, bold=True)


def _heat(spec: HeatMap, d: Drawing) -> None:
    if not spec.values or not spec.values[0]:
        return
    rows, cols = len(spec.values), len(spec.values[0])
    size = LABEL_SIZE
    left = min(max(text_width(t, size) for t in spec.row_labels) + 12, d.width * 0.3) + 22
    right, bottom = 10.0, 10.0
    cell_w = (d.width - left - right) / cols
    widest = max(text_width(t, size) for t in spec.column_labels)
    rotate = widest > cell_w - 6
    label_h = min(widest * 0.6 + 10, 120.0) if rotate else size + 8
    top = 36 + 18 + label_h
    cell_h = (d.height - top - bottom) / rows
    d.text(left + cell_w * cols / 2, 50, spec.column_title, size=11, anchor="middle", colour=MUTED)
    d.text(
        14,
        top + cell_h * rows / 2,
        spec.row_title,
        size=11,
        anchor="middle",
        colour=MUTED,
        rotate=-90,
    )
    for c, label in enumerate(spec.column_labels):
        x = left + c * cell_w + cell_w / 2
        if rotate:
            room = (label_h - 6) / 0.6
            d.text(
                x - 4, top - 6, fit_text(label, size, room), size=size, anchor="start", rotate=-35
            )
        else:
            d.text(x, top - 6, label, size=size, anchor="middle")
    peak = max(max(r) for r in spec.values) or 1.0
    red, green, blue = spec.colour
    for r, label in enumerate(spec.row_labels):
        y = top + r * cell_h
        d.text(
            left - 8, y + cell_h / 2 + 4, fit_text(label, size, left - 30), size=size, anchor="end"
        )
        for c in range(cols):
            value = spec.values[r][c]
            share = value / peak
            fill = "#{:02x}{:02x}{:02x}".format(
                *(round(255 - (255 - k) * (0.08 + 0.92 * share)) for k in (red, green, blue))
            )
            target = spec.targets[r][c] if spec.targets and value else None
            tip = f"{label} → {spec.column_labels[c]}: {spec.style.full(value)}"
            x = left + c * cell_w
            d.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, fill, tip=tip, target=target)
            text = spec.style.short(value) if value else ""
            text_size = min(size, cell_h * 0.45)
            if text and text_width(text, text_size) < cell_w - 4:
                d.text(
                    x + cell_w / 2,
                    y + cell_h / 2 + text_size * 0.35,
                    text,
                    size=text_size,
                    anchor="middle",
                    colour="#ffffff" if share > 0.5 else TEXT,
                )


def squarify(values: list[float], x: float, y: float, w: float, h: float) -> list[tuple]:
    """Squarified treemap layout (Bruls et al.): one (x, y, w, h) per value, in order, values
    sorted largest first by the caller."""
    total = sum(values)
    if total <= 0 or not values:
        return [(x, y, 0.0, 0.0) for _ in values]
    scale = w * h / total
    areas = [v * scale for v in values]
    out: list[tuple] = []
    while areas:
        short = min(w, h)
        row = [areas[0]]
        n = 1
        while n < len(areas) and _worst([*row, areas[n]], short) <= _worst(row, short):
            row.append(areas[n])
            n += 1
        band = sum(row) / short if short else 0
        offset = 0.0
        for a in row:
            length = a / band if band else 0
            out.append((x, y + offset, band, length) if w >= h else (x + offset, y, length, band))
            offset += length
        if w >= h:
            x, w = x + band, w - band
        else:
            y, h = y + band, h - band
        areas = areas[n:]
    return out


def _worst(row: list[float], short: float) -> float:
    s = sum(row)
    if not s or not short:
        return math.inf
    return max(max(short**2 * a / s**2, s**2 / (short**2 * a)) for a in row if a > 0)


def _treemap(spec: Treemap, d: Drawing) -> None:
    items = [i for i in spec.items if i.value > 0]
    items.sort(key=lambda i: -i.value)
    boxes = squarify([i.value for i in items], 6, 34, d.width - 12, d.height - 40)
    for item, (x, y, w, h) in zip(items, boxes, strict=True):
        tip = f"{item.label}: {spec.style.full(item.value)}" + (
            f" ({item.note})" if item.note else ""
        )
        d.rect(x + 1, y + 1, w - 2, h - 2, item.colour, tip=tip, target=item.target)
        size = 13.0 if min(w, h) > 60 else 11.0
        if h < size * 1.6 or w < 30:
            continue
        name = fit_text(item.label, size, w - 10)
        d.text(x + 6, y + size + 4, name, size=size, colour=ink(item.colour), bold=True)
        value = spec.style.short(item.value) + (f" · {item.note}" if item.note else "")
        if h > size * 3 and text_width(value, size - 1) < w - 10:
            d.text(x + 6, y + 2 * size + 8, value, size=size - 1, colour=ink(item.colour))
