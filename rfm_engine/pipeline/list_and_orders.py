"""A customer list given together with an orders export: R/F/M from the orders, contacts
(names, e-mails, phones) from the list.

Files of different layouts cannot be one table; when every file is either an orders export
(all of one layout) or a customer list, the orders are analysed and each customer's contact
columns are looked up in the lists by the list column that matches the most customer ids
(a Shopify customers export has ``Customer ID`` and ``Email``; its orders export keys
customers by ``Email``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd

from ..aggregate import CustomerTotals
from ..errors import DataError, InputFileError
from ..io import INTERNAL_COLUMNS, read_sources
from ..io.parsing import strip_armour, text_id_codes
from ..mapping.header_names import CONTACT_NAMES, normalize_header
from ..mapping.table_kind import detect_table_kind
from ..notes import WARNINGS, RfmWarning
from ..options import ColumnMap, RfmConfig

WARNINGS["contacts_from_list"] = (
    "contacts were taken from a customer list given with the orders, matched by customer id"
)


@dataclasses.dataclass(frozen=True)
class ListContacts:
    """The contact columns of the customer lists given with the orders."""

    paths: tuple[Path, ...]
    tables: tuple[pd.DataFrame, ...]


def split_sources(
    paths: list[Path], config: RfmConfig, refusal: InputFileError
) -> tuple[list[Path], ListContacts]:
    """Orders paths and customer lists among files of different layouts, or ``refusal``
    raised again when they are not one orders layout plus customer lists."""
    orders, lists, tables = [], [], []
    for path in paths:
        raw = read_sources([path], config.reading)
        headers = [c for c in raw.columns if c not in INTERNAL_COLUMNS]
        if detect_table_kind(raw, headers, ColumnMap())[0] == "customers":
            lists.append(path)
            tables.append(raw)
        else:
            orders.append(path)
    if not orders or not lists:
        raise refusal
    return orders, ListContacts(tuple(lists), tuple(tables))


def lists_note(lists: ListContacts) -> RfmWarning:
    """Before any totals: which files are customer lists whose contacts will be used."""
    names = ", ".join(p.name for p in lists.paths)
    return RfmWarning(
        "contacts_from_list",
        f"{names}: a customer list given with the orders; R/F/M come from the orders and "
        "contacts from the list, matched by customer id",
        evidence={"lists": [str(p) for p in lists.paths]},
        stage="mapping",
    )


def add_list_contacts(totals: CustomerTotals, lists: ListContacts) -> CustomerTotals:
    """``totals`` with the contact columns of the lists (a list's value wins over the orders'
    where it has one), and a ``contacts_from_list`` warning saying how many matched."""
    ids = pd.Index(totals.customers.astype(str))
    contacts = totals.contacts.copy()
    warnings = []
    for path, table in zip(lists.paths, lists.tables, strict=True):
        key, positions = _best_key(table, ids)
        if key is None:
            raise DataError(
                f"{path}: no customer of this list matches a customer of the orders "
                f"(compared every column with the orders' customer ids, e.g. {ids[0]!r})",
                code="no_contact_match",
                option="columns.customer",
            )
        found = positions >= 0
        names = {normalize_header(c) for c in CONTACT_NAMES}
        columns = [c for c in table.columns if normalize_header(c) in names]
        for column in columns:
            values = pd.Series(index=contacts.index, dtype=object)
            text = strip_armour(table[column].astype("string"))
            values.iloc[positions[found]] = text[found].to_numpy(dtype=object)
            values = values.mask(values.isna() | (values == ""))
            if column in contacts.columns:
                contacts[column] = values.fillna(contacts[column])
            else:
                contacts[column] = values
        matched = len(np.unique(positions[found]))
        warnings.append(
            RfmWarning(
                "contacts_from_list",
                f"contacts ({', '.join(columns) or 'none'}) of {matched} of {len(ids)} customers "
                f"taken from {path.name}, matched on its column {key!r}; "
                f"{int((~found).sum())} customers of the list have no orders",
                evidence={
                    "list": str(path),
                    "key_column": key,
                    "matched": matched,
                    "list_rows": len(table),
                },
                stage="mapping",
            )
        )
    return dataclasses.replace(totals, contacts=contacts, warnings=(*totals.warnings, *warnings))


def _best_key(table: pd.DataFrame, ids: pd.Index) -> tuple[str | None, np.ndarray]:
    """The list column whose ids match the most customers, and per list row the position of
    its customer in ``ids`` (-1: none)."""
    best, best_positions, best_hits = None, np.array([], dtype=int), 0
    for column in table.columns:
        if column in INTERNAL_COLUMNS:
            continue
        codes, labels = text_id_codes(table[column])
        if not len(labels):
            continue
        label_pos = ids.get_indexer(pd.Index(labels.astype(str)))
        positions = np.where(codes >= 0, label_pos[np.maximum(codes, 0)], -1)
        hits = int((positions >= 0).sum())
        if hits > best_hits:
            best, best_positions, best_hits = column, positions, hits
    return best, best_positions
