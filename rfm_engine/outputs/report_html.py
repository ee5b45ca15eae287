"""The shareable report: one self-contained HTML page (inline CSS and SVG charts; no script,
no font, no link to fetch) with the overview, the charts, the segments and their actions, the
cut points and the cleaning report, in the result's language.

The charts are the specifications of :mod:`.result_charts` drawn by :mod:`.charts`, the same
code the desktop app draws with. ``report_page(..., images=True)`` gives the page with
``<img src="chart-N">`` in place of each chart and the SVG of each, for renderers that do not
read inline SVG (Qt's rich text, used to print the PDF).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from ..atomic import check_target, write_text_atomic
from ..model.result import RfmResult
from ..version import __version__
from . import number_format as nf
from . import result_charts as rc
from .charts import render
from .report_labels import label, label_or
from .warning_words import warning_text

CHART_SIZE = (640, 360)

_CSS = """
body{font-family:'Segoe UI','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',
'Noto Sans CJK SC',sans-serif;color:#2b2b2b;margin:24px auto;max-width:1320px;padding:0 16px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid
#ddd;padding-bottom:4px}.sub{color:#666;margin:0 0 16px}
.cards{border-collapse:separate;border-spacing:10px 0;margin-left:-10px}td.card{border:1px solid
#ddd;border-radius:8px;padding:10px 16px}.card .v{font-size:24px;font-weight:bold}
.card .k{color:#666}
.charts{display:flex;flex-wrap:wrap;gap:16px}.warn{background:#fff6e0;border:1px solid #f0c36d;
border-radius:6px;padding:8px 14px}
table{border-collapse:collapse;font-size:14px}td,th{border-bottom:1px solid #e5e5e5;
padding:5px 10px;text-align:left;vertical-align:top}td.n,th.n{text-align:right}
@media print{body{margin:0}.charts svg{page-break-inside:avoid}}
"""


def report_page(
    result: RfmResult,
    *,
    currency: str | None = None,
    sources: Sequence[str] = (),
    comparison: pd.DataFrame | None = None,
    images: bool = False,
    warning_words: Callable[[Any], str] | None = None,
) -> tuple[str, dict[str, str]]:
    """The report page, and (``images=True``) the SVG of each ``chart-N`` it refers to.

    ``currency``: a code of :data:`~.number_format.CURRENCIES` (``""`` for none; ``None``
    guesses from the column names). ``sources``: the input file names, for the heading.
    ``warning_words``: a face's wording of a warning in the result's language (lines apart by
    newlines); by default :func:`~.warning_words.warning_text`.
    """
    if warning_words is None:

        def warning_words(w: Any) -> str:
            return warning_text(w, result.config.lang)

    lang = result.config.lang
    code = rc.currency_of(result)[0] if currency is None else currency
    money = rc.ValueStyle("money", code, lang)
    svgs: dict[str, str] = {}

    def chart(spec, width=CHART_SIZE[0], height=CHART_SIZE[1]) -> str:
        svg = render(spec, width, height).svg()
        if not images:
            return svg
        name = f"chart-{len(svgs)}"
        svgs[name] = svg
        return f'<img src="{name}" width="{width}" height="{height}">'

    ov = rc.overview(result)
    parts = [
        f'<!DOCTYPE html><html lang="{lang.replace("_", "-")}"><head><meta charset="utf-8">',
        f"<title>{escape(label('report_title', lang))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(label('report_title', lang))}</h1>",
        f'<p class="sub">{escape(_subtitle(result, sources, code))}</p>',
    ]
    if result.warnings:
        items = "".join(
            "<li>" + escape(warning_words(w)).replace("\n", "<br>") + "</li>"
            for w in result.warnings
        )
        parts.append(
            f'<div class="warn"><b>{escape(label("warnings", lang))}</b><ul>{items}</ul></div>'
        )
    cards = [
        (label("customers", lang), nf.grouped(ov.customers)),
        (label("active", lang, days=rc.ACTIVE_DAYS), nf.grouped(ov.active)),
        (label("revenue", lang), money.short(ov.revenue)),
        (label("repeat_rate", lang), nf.percent(ov.repeat_rate)),
        (label("aov", lang), nf.money(ov.average_order, code, lang)),
        (label("at_risk", lang), money.short(ov.revenue_at_risk)),
    ]
    cells = "".join(
        f'<td class="card"><div class="k">{escape(k)}</div><div class="v">{escape(v)}</div></td>'
        for k, v in cards
    )
    parts.append(f'<table class="cards"><tr>{cells}</tr></table>')
    todo = rc.do_now(result)
    if todo:
        lines = "".join(
            "<li>"
            + escape(
                label(
                    "do_now_line",
                    lang,
                    segment=t["name"],
                    customers=nf.grouped(t["customers"]),
                    revenue=money.short(t["revenue"]),
                    action=t["action"],
                )
            )
            + "</li>"
            for t in todo
        )
        parts.append(f"<h2>{escape(label('do_now', lang))}</h2><ol>{lines}</ol>")
    parts.append(f'<h2>{escape(label("overview", lang))}</h2><div class="charts">')
    parts.append(chart(rc.segment_treemap(result, "revenue", code)))
    parts.append(chart(rc.segment_bars(result, "customers")))
    parts.append("</div>")
    parts.append(f"<h2>{escape(label('segments', lang))}</h2>")
    parts.append(_segment_table(result, money))
    parts.append(f'<h2>{escape(label("charts", lang))}</h2><div class="charts">')
    parts.append(chart(rc.segment_bars(result, "revenue", code)))
    parts.append(chart(rc.rf_heatmap(result)))
    for axis in ("recency", "frequency", "monetary"):
        parts.append(chart(rc.metric_histogram(result, axis, code)))
    if comparison is not None:
        parts.append(chart(rc.migration_heatmap(result, comparison), 900, 520))
    parts.append("</div>")
    parts.append(f"<h2>{escape(label('cut_points', lang))}</h2>")
    parts.append(_cut_table(result, money))
    parts.append(f"<h2>{escape(label('cleaning', lang))}</h2>")
    parts.append(_cleaning_table(result))
    parts.append(f'<p class="sub">{escape(label("made_by", lang, version=__version__))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts), svgs


def _subtitle(result: RfmResult, sources: Sequence[str], code: str) -> str:
    lang = result.config.lang
    bits = [", ".join(sources)] if sources else []
    bits.append(label("as_of", lang, date=result.as_of.isoformat()))
    if result.first_purchase and result.last_purchase:
        bits.append(
            label(
                "data_range",
                lang,
                first=result.first_purchase.isoformat(),
                last=result.last_purchase.isoformat(),
            )
        )
    bits.append(label("rows_used", lang, rows=nf.grouped(result.cleaning.rows_used)))
    bits.append(label("scheme", lang, name=result.scheme.name(lang)))
    if code:
        bits.append(label("currency", lang, currency=f"{code} ({nf.CURRENCIES.get(code, code)})"))
    return " · ".join(bits)


def _table(head: Sequence[tuple[str, bool]], rows: list[list[str]]) -> str:
    """Rows of already-escaped cells; ``head`` = (title, right-aligned)."""
    th = "".join(f"<th{' class=n' if n else ''}>{escape(t)}</th>" for t, n in head)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if head[i][1] else ''}>{cell}</td>" for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{th}</tr>{body}</table>"


def _segment_table(result: RfmResult, money) -> str:
    lang = result.config.lang
    colours = rc.segment_colours(result)
    rows = [
        [
            f'<font color="{colours[r.segment]}">■</font> {escape(r.segment_name)}',
            nf.grouped(r.customers),
            nf.percent(r.customer_share),
            escape(money.full(r.revenue)),
            nf.percent(r.revenue_share),
            escape(r.action),
        ]
        for r in result.summary.itertuples()
    ]
    head = [
        (label("segment", lang), False),
        (label("customers", lang), True),
        (label("share", lang), True),
        (label("revenue", lang), True),
        (label("share", lang), True),
        (label("action", lang), False),
    ]
    return _table(head, rows)


def _cut_table(result: RfmResult, money) -> str:
    lang = result.config.lang
    rows = []
    for cut in result.cut_points.values():
        fmt = money.short if cut.axis == "monetary" else (lambda v: f"{v:g}")
        rows.append(
            [
                escape(label(f"axis_{cut.axis}", lang)),
                escape(label_or(f"method_{cut.method}", lang, cut.method)),
                escape(" | ".join(fmt(c) for c in cut.cut_points)),
                escape(" | ".join(nf.grouped(n) for n in cut.counts)),
            ]
        )
    head = [
        (label("axis", lang), False),
        (label("method", lang), False),
        (label("cut_points", lang), False),
        (label("per_score", lang), False),
    ]
    return _table(head, rows)


def _cleaning_table(result: RfmResult) -> str:
    lang = result.config.lang
    frame = result.cleaning.to_frame()
    rows = [
        [escape(label_or(f"rule_{r.key}", lang, str(r.description))), nf.grouped(r.rows)]
        for r in frame.itertuples()
    ]
    return _table([(label("rule", lang), False), (label("rows_dropped", lang), True)], rows)


def write_html_report(
    result: RfmResult,
    path: str | Path,
    *,
    currency: str | None = None,
    sources: Sequence[str] = (),
    comparison: pd.DataFrame | None = None,
    inputs: Sequence[Path] = (),
    warning_words: Callable[[Any], str] | None = None,
) -> Path:
    """Write the report page to ``path`` (UTF-8, atomically; never over an input file)."""
    path = Path(path)
    check_target(path, inputs=tuple(Path(p) for p in inputs))
    html, _ = report_page(
        result,
        currency=currency,
        sources=sources,
        comparison=comparison,
        warning_words=warning_words,
    )
    write_text_atomic(path, html)
    return path
