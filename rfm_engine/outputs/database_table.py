"""The customers table written back into the database the data came from."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import InputFileError, OutputFileError
from ..io.database import DatabaseSource, connect
from ..model import RfmResult


def check_table_name(source: DatabaseSource, name: str) -> None:
    """Refuse a table name that is not plain, or that names the input table."""
    if not name or not name.replace("_", "").isalnum():
        raise OutputFileError(
            f"{name!r}: a table name is letters, digits and _", path=name, code="table_name"
        )
    if source.table and name.lower() == source.table.lower():
        raise OutputFileError(
            f"{name}: is the input table; refusing to overwrite it",
            path=name,
            code="output_is_input",
        )


def write_customers_table(result: RfmResult, source: DatabaseSource, name: str) -> str:
    """Create (or replace) table ``name`` in ``source``'s database with the customers table
    (:meth:`RfmResult.customers_table`) and return its name. The source table is never
    replaced; ibis replaces an existing table only once the new one is complete."""
    check_table_name(source, name)
    con = connect(source)
    table = result.customers_table().copy()
    for column in table.columns:  # text as Python objects, missing as None: every driver binds them
        if not pd.api.types.is_numeric_dtype(table[column]):
            values = table[column].astype(object)
            table[column] = values.where(values.notna(), None)
    _create(con, source, name, table)
    return name


def create_table_in_database(con: Any, source: DatabaseSource, name: str, expr: Any) -> str:
    """Create (or replace) table ``name`` from ``expr``, an ibis expression on ``con``: the
    database computes and writes the rows itself (``CREATE TABLE … AS SELECT``); none comes
    through Python."""
    check_table_name(source, name)
    _create(con, source, name, expr)
    return name


def _create(con: Any, source: DatabaseSource, name: str, data: Any) -> None:
    try:
        con.create_table(name, data, overwrite=True)
    except Exception as exc:
        raise InputFileError(
            f"{source.url}: cannot write table {name!r} ({' '.join(str(exc).split())[:200]})",
            path=source.url,
            code="database",
        ) from None
