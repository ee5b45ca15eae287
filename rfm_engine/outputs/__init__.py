"""Stage 6, outputs: tables safe to open in Excel, mailing lists and the report workbook, all
written atomically.

Modules: ``exports`` (CSV and XLSX writers that neutralise formulas), ``mailing`` (segment
selection, contacts and e-mail checks), ``formats`` (the registry of export formats),
``mailing_files`` (lists in each format), ``segment_export`` (any format from a result) and
``report_workbook``.
"""

from .database_table import check_table_name, write_customers_table
from .exports import write_csv, write_xlsx
from .formats import FORMATS_BY_KEY, LIST_FORMATS, ExportFormat, available_formats, export_format
from .mailing import MailingList, mailing_list, select_segments
from .mailing_files import FORMATS, write_mailing
from .report_workbook import write_report
from .segment_export import export_segments

__all__ = [
    "FORMATS",
    "FORMATS_BY_KEY",
    "LIST_FORMATS",
    "ExportFormat",
    "MailingList",
    "available_formats",
    "check_table_name",
    "export_format",
    "export_segments",
    "mailing_list",
    "select_segments",
    "write_csv",
    "write_customers_table",
    "write_mailing",
    "write_report",
    "write_xlsx",
]
