"""Export → Report: the shareable report of the shown result, as the HTML page the engine
writes (``rfm report`` writes the same) or that page printed to a PDF with Qt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

from rfm_engine.atomic import check_target, write_atomic
from rfm_engine.outputs import report_page, write_html_report

from .engine_text import warning_text

#: Pixels per chart pixel when a chart is drawn for the PDF.
PDF_CHART_SCALE = 2


def write_report_file(
    result,
    path: Path,
    *,
    currency: str | None,
    sources: Sequence[str] = (),
    comparison=None,
    inputs: Sequence[Path] = (),
) -> Path:
    """Write ``path`` (.html or .pdf) atomically; never over an input file. Warnings are
    worded as the app words them (from their code and evidence), in the result's language,
    without the app's control names (the report is read by others)."""
    path = Path(path)
    lang = result.config.lang

    def words(warning) -> str:
        return warning_text(warning, lang, control=False)

    if path.suffix.lower() != ".pdf":
        return write_html_report(
            result,
            path,
            currency=currency,
            sources=sources,
            comparison=comparison,
            inputs=inputs,
            warning_words=words,
        )
    check_target(path, inputs=tuple(inputs))
    html, svgs = report_page(
        result,
        currency=currency,
        sources=sources,
        comparison=comparison,
        images=True,
        warning_words=words,
    )
    document = QTextDocument()
    document.setDefaultStyleSheet("body{font-size:10pt} td,th{padding:3px 8px}")
    for name, svg in svgs.items():
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        image = QImage(renderer.defaultSize() * PDF_CHART_SCALE, QImage.Format.Format_ARGB32)
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
    return path
