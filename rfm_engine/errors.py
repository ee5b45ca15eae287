"""Errors are data: each carries the fields a face needs to show it.

Every error raised on purpose by the engine is an :class:`RfmError`. Its ``str()`` is one line
that names the problem (file, column, row, example), so the CLI can print it as is and the desktop
app can put it in a dialog; the extra fields let a face show the offending rows in a table.
"""

from __future__ import annotations

from typing import Any


class RfmError(Exception):
    """Base of all expected engine errors: bad input, bad options."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class ConfigError(RfmError, ValueError):
    """An option is out of range or contradicts another option."""

    def __init__(self, message: str, *, option: str | None = None, value: Any = None) -> None:
        super().__init__(message, option=option, value=value)
        self.option = option
        self.value = value


class InputFileError(RfmError, OSError):
    """A file cannot be found, opened or read as a table."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.path = path


class ColumnError(RfmError, KeyError):
    """Required columns are missing or cannot be found."""

    def __init__(
        self,
        message: str,
        *,
        missing_columns: tuple[str, ...] = (),
        available_columns: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            message, missing_columns=missing_columns, available_columns=available_columns
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

    def __init__(
        self,
        message: str,
        *,
        column: str | None = None,
        rows: tuple[int, ...] = (),
        examples: tuple[Any, ...] = (),
    ) -> None:
        super().__init__(message, column=column, rows=rows, examples=examples)
        self.column = column
        self.rows = tuple(rows)
        self.examples = tuple(examples)


class SchemeError(RfmError, ValueError):
    """A segment scheme cannot be loaded or does not fit the scoring settings."""

    def __init__(self, message: str, *, scheme: str | None = None) -> None:
        super().__init__(message, scheme=scheme)
        self.scheme = scheme
