"""``rfm report``: the shareable report, as a self-contained HTML page or a PDF.

The HTML comes from the engine (:func:`rfm_engine.outputs.report_page`), with its charts as
inline SVG. The PDF is the same page printed with Qt (PySide6, installed with the desktop app):
each chart drawn from its SVG, the text laid out by Qt's rich text, written atomically.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rfm_engine import OutputFileError, RfmResult, analyze
from rfm_engine.atomic import check_target, write_atomic
from rfm_engine.outputs import CURRENCIES, report_page, write_html_report

from .error_text import print_warnings
from .options import add_data_options, config_from_args, input_paths

#: Pixels per chart pixel when a chart is drawn for the PDF (sharp when printed or zoomed).
PDF_CHART_SCALE = 2


def add_report_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "report",
        help="write a shareable report (HTML or PDF)",
        description="Score and segment customers, then write a report to e-mail or print: key "
        "figures, what to do now, the segments with their actions, charts, cut points and the "
        "cleaning report, in the --lang language. With no INPUT, runs on the built-in sample.",
    )
    add_data_options(cmd)
    cmd.add_argument(
        "--currency",
        metavar="CODE",
        help=f"currency of the amounts, shown on money ({', '.join(CURRENCIES)}; none for no "
        "sign; default: guessed from the column names)",
    )
    cmd.add_argument(
        "--out", metavar="FILE.html|FILE.pdf", required=True, help="the report file to write"
    )
    cmd.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".html", ".htm", ".pdf"):
        raise OutputFileError(f"{out}: give a file name ending in .html or .pdf", path=str(out))
    currency = None if args.currency is None else args.currency.upper().replace("NONE", "")
    if currency and currency not in CURRENCIES:
        raise OutputFileError(
            f"--currency {args.currency}: not one of {', '.join(CURRENCIES)} or none",
            path=str(out),
        )
    paths = input_paths(args)
    check_target(out, inputs=tuple(paths))
    result = analyze(paths, config_from_args(args))
    sources = [p.name for p in paths]
    if kind == ".pdf":
        write_pdf_report(result, out, currency=currency, sources=sources)
    else:
        write_html_report(result, out, currency=currency, sources=sources, inputs=paths)
    print(f"Report: {out}")
    print_warnings(result.warnings)
    return 0


def write_pdf_report(
    result: RfmResult, path: Path, *, currency: str | None, sources: list[str]
) -> None:
    """Print the report page to a PDF with Qt (A4, charts drawn from their SVG)."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
        from PySide6.QtGui import (
            QGuiApplication,
            QImage,
            QPageLayout,
            QPageSize,
            QPainter,
            QPdfWriter,
            QTextDocument,
        )
        from PySide6.QtSvg import QSvgRenderer
    except ImportError as exc:
        raise OutputFileError(
            f"{path}: a PDF needs PySide6 (pip install -e '.[desktop]'); write .html instead",
            path=str(path),
        ) from exc
    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need an application
    html, svgs = report_page(result, currency=currency, sources=sources, images=True)
    document = QTextDocument()
    document.setDefaultStyleSheet("body{font-size:10pt} td,th{padding:3px 8px}")
    for name, svg in svgs.items():
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        size = renderer.defaultSize()
        image = QImage(size * PDF_CHART_SCALE, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.setDevicePixelRatio(PDF_CHART_SCALE)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)

    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(110)  # a 640-pixel chart fits the A4 text width
        writer.setTitle("RFM report")
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        document.print_(writer)

    write_atomic(path, write)
