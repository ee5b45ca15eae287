"""Stage 6, outputs: tables safe to open in Excel, mailing lists and the report workbook, all
written atomically.

Modules: ``exports`` (CSV and XLSX writers that neutralise formulas), ``mailing`` (segment
selection, contacts and e-mail checks), ``mailing_files`` (the export formats), and
``report_workbook``.
"""

from .exports import write_csv, write_xlsx
from .mailing import MailingList, mailing_list, select_segments
from .mailing_files import FORMATS, write_mailing
from .report_workbook import write_report

__all__ = [
    "FORMATS",
    "MailingList",
    "mailing_list",
    "select_segments",
    "write_csv",
    "write_mailing",
    "write_report",
    "write_xlsx",
]
