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

from .console import Console
from .help_text import examples
from .json_output import result_fields
from .options import add_data_options, config_from_args, input_paths
from .progress_bar import ANALYSIS_STAGES

#: Pixels per chart pixel when a chart is drawn for the PDF (sharp when printed or zoomed).
PDF_CHART_SCALE = 2


def add_report_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "report",
        help="write a shareable report (HTML or PDF)",
        description="Score and segment customers, then write a report to e-mail or print: key "
        "figures, what to do now, the segments with their actions, charts, cut points and the "
        "cleaning report, in the --lang language. With no INPUT, runs on the built-in sample.",
        epilog=examples(
            ("rfm report orders.csv --out report.html", "one HTML file, charts included"),
            ("rfm report orders.csv --lang zh_CN --out 报告.pdf", "a PDF in Chinese (needs Qt)"),
        ),
    )
    # --currency comes with the data options (keep one currency's rows); the report also shows
    # its sign on money ("none": no sign). Two --currency options cannot share one parser.
    add_data_options(cmd)
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
    if currency == "":
        args.currency = None  # no sign; and no currency to keep
    if currency and currency not in CURRENCIES:
        raise OutputFileError(
            f"--currency {args.currency}: not one of {', '.join(CURRENCIES)} or none",
            path=str(out),
        )
    console = Console.of(args)
    paths = input_paths(args)
    check_target(out, inputs=tuple(paths))
    result = analyze(
        paths, config_from_args(args), progress=console.progress("report", ANALYSIS_STAGES)
    )
    console.end_progress()
    sources = [p.name for p in paths]
    if kind == ".pdf":
        write_pdf_report(result, out, currency=currency, sources=sources)
    else:
        write_html_report(result, out, currency=currency, sources=sources, inputs=paths)
    console.wrote(out)
    console.set(**result_fields(result, source=", ".join(sources)))
    console.out(f"Report: {out}")
    console.warn(result.warnings)
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
