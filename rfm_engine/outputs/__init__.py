"""Stage 6, outputs: tables safe to open in Excel, mailing lists and the report workbook, all
written atomically.

Modules: ``exports`` (CSV and XLSX writers that neutralise formulas), ``mailing`` (segment
selection, contacts and e-mail checks), ``formats`` (the registry of export formats),
``mailing_files`` (lists in each format), ``segment_export`` (any format from a result) and
``report_workbook``, whose headers and sheet names ``table_headers`` words in English,
简体中文 or 繁體中文; for people to look at: ``number_format`` (thousands, k/M and 万/亿,
currency, round ticks), ``charts`` (chart specifications drawn as SVG), ``result_charts`` (the
charts and key figures of a result) and ``report_html`` (the shareable HTML report).
"""

from ..atomic import write_together
from .charts import BarChart, HeatMap, Histogram, Item, Treemap, ValueStyle, render
from .database_table import check_table_name, create_table_in_database, write_customers_table
from .exports import neutralize_formula_text, write_csv, write_xlsx
from .formats import FORMATS_BY_KEY, LIST_FORMATS, ExportFormat, available_formats, export_format
from .mailing import MailingList, contact_roles, mailing_list, select_segments
from .mailing_files import FORMATS, write_mailing
from .number_format import CURRENCIES, compact, grouped, guess_currency, money, percent
from .report_html import report_page, write_html_report
from .report_labels import label
from .report_workbook import write_report
from .result_charts import (
    AT_RISK,
    Overview,
    currency_of,
    do_now,
    last_purchase_dates,
    metric_histogram,
    migration_heatmap,
    overview,
    rf_heatmap,
    segment_bars,
    segment_colours,
    segment_treemap,
)
from .segment_export import export_segments
from .table_headers import HEADER_LANGS, header, localized, rule_text, sheet_name
from .warning_words import (
    DETAIL_LABELS,
    LIST,
    SEP,
    WARNING_SENTENCES,
    as_list,
    detail_lines,
    evidence_lines,
    lang_index,
    warning_text,
)

__all__ = [
    "AT_RISK",
    "CURRENCIES",
    "DETAIL_LABELS",
    "FORMATS",
    "FORMATS_BY_KEY",
    "HEADER_LANGS",
    "LIST",
    "LIST_FORMATS",
    "SEP",
    "WARNING_SENTENCES",
    "BarChart",
    "ExportFormat",
    "HeatMap",
    "Histogram",
    "Item",
    "MailingList",
    "Overview",
    "Treemap",
    "ValueStyle",
    "as_list",
    "available_formats",
    "check_table_name",
    "compact",
    "contact_roles",
    "create_table_in_database",
    "currency_of",
    "detail_lines",
    "do_now",
    "evidence_lines",
    "export_format",
    "export_segments",
    "grouped",
    "guess_currency",
    "header",
    "label",
    "lang_index",
    "last_purchase_dates",
    "localized",
    "mailing_list",
    "metric_histogram",
    "migration_heatmap",
    "money",
    "neutralize_formula_text",
    "overview",
    "percent",
    "render",
    "report_page",
    "rf_heatmap",
    "rule_text",
    "segment_bars",
    "segment_colours",
    "segment_treemap",
    "select_segments",
    "sheet_name",
    "warning_text",
    "write_csv",
    "write_customers_table",
    "write_html_report",
    "write_mailing",
    "write_report",
    "write_together",
    "write_xlsx",
]
