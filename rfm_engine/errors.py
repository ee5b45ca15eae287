"""Errors are data: each carries a reason code and the fields a face needs to show it.

Every error raised on purpose by the engine is an :class:`RfmError`. Its ``str()`` is one line
in English that names the problem (file, column, row, example) and never a face's control or
flag. Beside it:

``code``
    a stable reason code (``"no_purchases"``, ``"ambiguous_dates"`` …; each class has a default
    such as ``"input_file"``) that a face may turn into its own words and language;
``option``
    the setting that changes the outcome, as a path into :class:`~rfm_engine.RfmConfig`
    (``"reading.dayfirst"``, ``"reading.encoding"``, ``"columns.contacts"`` …) or the name of
    a call's argument (``"as_of_then"``), which each face names its own way (a flag in the command
    line, a control in the desktop app, an argument in Excel);
``details``
    the data (``path``, ``column``, ``rows``, ``examples``, ``missing_columns`` …) for a table.

The reason codes with a meaning of their own are listed in :data:`REASONS`.
"""

from __future__ import annotations

from typing import Any

#: Reason codes beyond each class's default, and what they mean.
REASONS: dict[str, str] = {
    "no_purchases": "no purchase rows are left after cleaning",
    "no_purchases_then": "no purchase rows by the earlier date of a comparison",
    "mostly_unreadable": "most rows of the date or amount column cannot be read",
    "ambiguous_dates": "dates could be day-first or month-first",
    "unreadable_date": "a date cannot be read in the date order used",
    "bad_encoding": "bytes are not valid in the file's encoding",
    "needs_email": "the export format needs an e-mail column",
    "rule_off": "rows a switched-off cleaning rule would drop",
    "output_is_input": "an output path is one of the input files",
    "unencodable_output": "text cannot be written in the chosen output encoding",
    "duckdb_missing": "the out-of-core engine needs DuckDB",
    "different_layouts": "files given together have different columns",
    "no_last_purchase": "a customer list has no last-purchase date, so no recency",
    "needs_as_of": "days-since values need the day they were counted to (the analysis date)",
    "repeated_customer": "a customer appears on several rows of a customer list",
    "list_has_no_history": "a customer list has no purchase history (earlier dates, predictions)",
    "no_contact_match": "no customer of a customer list matches a customer of the orders",
    "mixed_currencies": "amounts are in several currencies and none was chosen",
    "disk_full": "an output cannot be written: the disk (or the file size allowed) is full",
    "read_only": "an output cannot be written: the file, folder or disk is read-only",
    "permission_denied": "an output cannot be written: permission denied or locked by a program",
    "locked": "an output is open in another program (Excel) that locks it",
    "bad_name": "an output's name is too long for the file system",
    "not_a_file": "an output path names a device or a pipe, not a file",
    "input_changed": "an input file changed while it was read (still being downloaded?)",
    "damaged_file": "an input file holds runs of NUL bytes (damaged or unfinished download)",
    "amount_overflow": "a customer's amounts add up beyond a number's range",
    "implausible_date": "a period day lies outside the plausible days for sales (1900-2100)",
    "empty_file": "an input file (or every sheet of a workbook) is empty",
    "is_folder": "an input path is a folder, not a file",
    "binary_file": "an input file is not a text or Excel table",
    "thresholds_order": "fixed score thresholds are not strictly ascending",
    "weights_zero": "the weights of the RFM score are all zero (or one is negative)",
}


class RfmError(Exception):
    """Base of all expected engine errors: bad input, bad options."""

    default_code = "error"

    def __init__(
        self, message: str, *, code: str | None = None, option: str | None = None, **details: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.option = option
        self.details = details

    def __str__(self) -> str:
        return self.message


class ConfigError(RfmError, ValueError):
    """An option is out of range or contradicts another option."""

    default_code = "config"

    def __init__(
        self,
        message: str,
        *,
        option: str | None = None,
        value: Any = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, code=code, option=option, value=value)
        self.value = value


class InputFileError(RfmError, OSError):
    """A file cannot be found, opened or read as a table, or an output cannot be written."""

    default_code = "input_file"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        code: str | None = None,
        option: str | None = None,
    ) -> None:
        super().__init__(message, code=code, option=option, path=path)
        self.path = path


class OutputFileError(RfmError, OSError):
    """An output (export, report, result set) cannot be written where it was asked for."""

    default_code = "output_file"

    def __init__(self, message: str, *, path: str | None = None, code: str | None = None) -> None:
        super().__init__(message, code=code, option="output", path=path)
        self.path = path


class ColumnError(RfmError, KeyError):
    """Required columns are missing or cannot be found."""

    default_code = "column"

    def __init__(
        self,
        message: str,
        *,
        missing_columns: tuple[str, ...] = (),
        available_columns: tuple[str, ...] = (),
        code: str | None = None,
        option: str | None = None,
    ) -> None:
        super().__init__(
            message,
            code=code,
            option=option,
            missing_columns=missing_columns,
            available_columns=available_columns,
        )
        self.missing_columns = tuple(missing_columns)
        self.available_columns = tuple(available_columns)

    # KeyError quotes its message in str(); keep ours a plain line.
    __str__ = RfmError.__str__


class DataError(RfmError, ValueError):
    """The values in a column cannot be used (e.g. most dates fail to parse, no rows left).

    ``rows`` are 1-based source row numbers (header excluded) and ``examples`` the raw values
    that failed, in the same order.
    """

    default_code = "data"

    def __init__(
        self,
        message: str,
        *,
        column: str | None = None,
        rows: tuple[int, ...] = (),
        examples: tuple[Any, ...] = (),
        code: str | None = None,
        option: str | None = None,
        **details: Any,
    ) -> None:
        super().__init__(
            message,
            code=code,
            option=option,
            column=column,
            rows=rows,
            examples=examples,
            **details,
        )
        self.column = column
        self.rows = tuple(rows)
        self.examples = tuple(examples)


class SchemeError(RfmError, ValueError):
    """A segment scheme cannot be loaded or does not fit the scoring settings."""

    default_code = "scheme"

    def __init__(self, message: str, *, scheme: str | None = None, code: str | None = None) -> None:
        super().__init__(message, code=code, option="segments.scheme", scheme=scheme)
        self.scheme = scheme
