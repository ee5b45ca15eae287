"""What "Analyse this sheet" writes: the Customers, Segments and RFM Notes sheets, as cell
values.

Pure (no xlwings): the orders of a sheet (a 2D list of cell values, header row first, as
``RFM.TABLE`` takes them) go through the engine once, and come back as the three tables the
script writes as Excel Tables, with the number format of each column and the chart's data. The
RFM Notes sheet holds what ``RFM.NOTES`` gives: the warnings and the rows left out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from rfm_engine import RfmConfig, RfmResult, analyze
from rfm_engine.model import SUMMARY_COLUMNS

from . import cells, notes_table
from .number_formats import COLUMN_FORMATS

CUSTOMERS_SHEET = "Customers"
SEGMENTS_SHEET = "Segments"
#: Not just "Notes", which a workbook of orders may well have for its own.
NOTES_SHEET = "RFM Notes"
RESULT_SHEETS = (CUSTOMERS_SHEET, SEGMENTS_SHEET, NOTES_SHEET)
#: Columns of the Segments sheet (the summary without the segment key).
SEGMENT_COLUMNS = tuple(c for c in SUMMARY_COLUMNS if c != "segment")
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class SheetTable:
    """One sheet to write: its name, the Excel Table's name, the cells (header row first) and
    the number format of each formatted column (by 0-based column index)."""

    sheet: str
    table: str
    rows: list[list[Any]]
    formats: dict[int, str]


@dataclass(frozen=True)
class SheetReport:
    """The three sheets, the result they come from, and a one-line summary for the log."""

    customers: SheetTable
    segments: SheetTable
    result: RfmResult
    #: RFM.NOTES' table: the warnings and rows left out (one "no warnings" row without).
    notes_sheet: SheetTable

    @property
    def message(self) -> str:
        """What was done, with the settings used and the rows cleaning left out (so no row is
        dropped silently)."""
        config, cleaning = self.result.config, self.result.cleaning
        dropped = [f"{s.description}: {s.rows:,}" for s in cleaning.steps if s.rows]
        return (
            f"RFM: {len(self.result.customers):,} customers from {cleaning.rows_used:,} of "
            f"{cleaning.rows_read:,} order rows, in {len(self.segments.rows) - 1} segments (as "
            f"of {self.result.as_of:%Y-%m-%d}, {config.scoring.bins} scores per axis, scheme "
            f"{config.segments.scheme}); wrote the sheets {CUSTOMERS_SHEET}, {SEGMENTS_SHEET} "
            f"and {NOTES_SHEET}" + (f". Rows left out: {'; '.join(dropped)}" if dropped else "")
        )

    @property
    def notes(self) -> list[str]:
        """The engine's warnings (uncertain choices, limits of the result), one line each with
        the setting that changes it."""
        return [
            f"RFM note: {w.message}" + (f" (setting: {w.option})" if w.option else "")
            for w in self.result.warnings
        ]


def sheet_report(values: Any, config: RfmConfig | None = None) -> SheetReport:
    """Analyse the orders in ``values`` (a sheet's used range) and lay out the three sheets.

    Raises the engine's :class:`~rfm_engine.RfmError` subclasses for bad input, as
    ``RFM.TABLE`` does (the script shows their message).
    """
    frame, columns = cells.orders_frame(values)
    result = analyze(frame, dataclasses.replace(config or RfmConfig(), columns=columns))
    customers = result.customers[list(cells.TABLE_COLUMNS)]
    segments = result.summary[list(SEGMENT_COLUMNS)]
    return SheetReport(
        customers=SheetTable(
            CUSTOMERS_SHEET,
            "RfmCustomers",
            cells.table_cells(customers),
            _formats(customers.columns, last_purchase=DATE_FORMAT),
        ),
        segments=SheetTable(
            SEGMENTS_SHEET, "RfmSegments", cells.table_cells(segments), _formats(segments.columns)
        ),
        result=result,
        notes_sheet=SheetTable(NOTES_SHEET, "RfmNotes", notes_table.note_rows(result), {}),
    )


def _formats(columns, **extra: str) -> dict[int, str]:
    wanted = {**COLUMN_FORMATS, **extra}
    return {i: wanted[c] for i, c in enumerate(columns) if c in wanted}
