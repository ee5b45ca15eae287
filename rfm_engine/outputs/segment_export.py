"""Writing the customers of chosen segments (or the whole report) in any registered format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import RfmResult
from .formats import export_format
from .mailing import mailing_list, select_segments
from .mailing_files import write_mailing
from .report_workbook import write_report


def export_segments(
    result: RfmResult,
    path: str | Path,
    fmt: str,
    segments: Sequence[str] | None = None,
    *,
    inputs: Iterable[str | Path] = (),
    encoding: str = "utf-8-sig",
    header_lang: str = "en",
) -> list[Path]:
    """Write the customers of ``segments`` (all when None) as ``fmt`` (see
    :data:`~rfm_engine.outputs.formats.FORMATS_BY_KEY`); return the paths written, the main
    file first. ``inputs`` are files never to be overwritten; ``header_lang`` words the
    headers and sheet names of the formats meant for people (CSV, XLSX, the report)."""
    spec = export_format(fmt)
    if not spec.segment_list:
        return [write_report(result, Path(path), inputs=inputs, header_lang=header_lang)]
    keys = list(segments) if segments else [s.key for s in result.scheme.all_segments]
    chosen = select_segments(result.customers, result.scheme, keys)
    lang = result.config.lang
    mailing = mailing_list(chosen, result.scheme, result.contacts, lang=lang)
    return write_mailing(
        mailing,
        path,
        fmt=fmt,
        scheme=result.scheme,
        segments=keys,
        contacts=result.contacts,
        lang=lang,
        encoding=encoding,
        inputs=inputs,
        header_lang=header_lang,
    )
