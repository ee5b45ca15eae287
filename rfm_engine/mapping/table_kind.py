"""What one row of a table is: a purchase (transactions) or a customer with totals (a list).

Shops that cannot export orders often export a customer list: WooCommerce's Customers report
(``Last Active``, ``Orders``, ``Total Spend``), Shopify's customers export, membership and CRM
lists (最近消费时间 / 消费次数 / 累计消费金额). Read as transactions, every customer of such a
list would get frequency 1. :func:`choose_mapping` decides the kind first (the user's
``columns.kind``, else: a per-customer count column by its header and a customer key that never
repeats), says so as a warning with its evidence, then chooses the columns of that kind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pandas as pd

from ..errors import ColumnError
from ..io.parsing import text_id_codes
from ..notes import WARNINGS, RfmWarning
from ..options.config import LIST_ROLES, ColumnMap
from .columns import ColumnChoice, _existing, choose_columns, find_column
from .header_names import (
    CONTACT_NAMES,
    HEADER_NAMES,
    LIST_HEADER_NAMES,
    LIST_KEY_NAMES,
    normalize_header,
)
from .presets import Preset, detect_preset

WARNINGS["customer_list"] = (
    "the table was read as a customer list (one row per customer with totals): frequency and "
    "monetary come from its count and total columns"
)
WARNINGS["count_column_ignored"] = (
    "a column looks like a per-customer order count, but customer ids repeat: the table was "
    "read as one row per purchase and the column is not used"
)

WARNINGS["last_activity_as_purchase"] = (
    "a last-activity date (e.g. WooCommerce's Last Active) stands in for the last purchase date"
)
#: Headers of a last-activity date rather than a last-order date.
ACTIVITY = frozenset({"last active", "date last active"})
#: Exports that are customer lists whatever their key does.
LIST_PRESETS = frozenset({"shopify_customers"})


def choose_mapping(
    raw: pd.DataFrame, headers: Sequence[str], columns: ColumnMap, *, source: str = ""
) -> ColumnChoice:
    """The kind of table and its columns: ``choice.columns.kind`` is ``"transactions"`` or
    ``"customers"``, and ``choice.warnings`` says how an automatic decision was made.

    Raises :class:`ColumnError` when a needed column cannot be found (for a customer list
    without a last-purchase date, with ``code="no_last_purchase"``).
    """
    headers = [str(h) for h in headers]
    kind, warnings = detect_table_kind(raw, headers, columns)
    if kind == "customers":
        choice = choose_list_columns(raw, headers, columns, source=source)
    else:
        choice = choose_columns(headers, columns, source=source, sample=raw)
        choice = dataclasses.replace(
            choice, columns=dataclasses.replace(choice.columns, kind="transactions")
        )
    return dataclasses.replace(choice, warnings=(*choice.warnings, *warnings))


def detect_table_kind(
    raw: pd.DataFrame, headers: Sequence[str], columns: ColumnMap
) -> tuple[str, tuple[RfmWarning, ...]]:
    """``("transactions" | "customers", warnings)`` for a raw table."""
    if columns.kind != "auto":
        return columns.kind, ()
    if any(getattr(columns, role) for role in LIST_ROLES):
        return "customers", ()  # the user named a customer-list column
    preset = detect_preset(headers)
    given = set(columns.roles.values())
    count = _guess(headers, LIST_HEADER_NAMES["order_count"], given)
    if preset is not None and preset.key in LIST_PRESETS:
        why = f"recognised as a {preset.name}"
        return "customers", (_list_warning(why, {"preset": preset.name}),)
    if count is None:
        return "transactions", ()
    key = columns.customer or _list_key(raw, headers, given | {count})
    if key is None:
        why = f"column {count!r} holds a per-customer count; no customer key column was found"
        return "customers", (_list_warning(why, {"count_column": count}),)
    key_column = find_column(headers, key)
    if key_column is None:
        return "transactions", ()  # choosing the columns names the missing one
    values = _key_values(raw[key_column])
    repeats = int(values.duplicated().sum())
    evidence = {"key_column": key, "count_column": count, "rows": len(values)}
    if repeats == 0:
        why = f"{key!r} never repeats over {len(values)} rows and {count!r} counts orders"
        return "customers", (_list_warning(why, evidence),)
    repeated = values[values.duplicated(keep=False)].head(3).tolist()
    message = (
        f"read as one row per purchase: {key!r} repeats ({repeats} of {len(values)} rows, "
        f"e.g. {repeated[0]!r}), so {count!r} is not used as a per-customer order count"
    )
    evidence |= {"repeated_rows": repeats, "examples": repeated}
    warning = RfmWarning(
        "count_column_ignored", message, option="columns.kind", evidence=evidence, stage="mapping"
    )
    return "transactions", (warning,)


def choose_list_columns(
    raw: pd.DataFrame, headers: Sequence[str], columns: ColumnMap, *, source: str = ""
) -> ColumnChoice:
    """The columns of a customer list: key, last-purchase date (or days since it), order
    count, total spent and contacts. Roles the user named are kept; ``date`` and ``amount``
    named by the user stand in for the last-purchase date and the total."""
    headers = [str(h) for h in headers]
    where = f"{source}: " if source else ""
    found: dict[str, str | None] = {}
    origins: dict[str, str] = {}
    for role in ("customer", *LIST_ROLES):
        wanted = getattr(columns, role)
        if wanted:
            found[role], origins[role] = _existing(headers, wanted, role, where), "given"
    stand_ins = {"last_purchase": columns.date, "total_spent": columns.amount}
    for role, wanted in stand_ins.items():
        if role not in found and wanted and not (role == "last_purchase" and columns.days_since):
            found[role], origins[role] = _existing(headers, wanted, role, where), "given"
    for role in LIST_ROLES:
        if role in found or (role == "days_since" and "last_purchase" in found):
            continue
        if role == "last_purchase" and "days_since" in found:
            continue
        header = _guess(headers, LIST_HEADER_NAMES[role], set(found.values()))
        if header is not None:
            found[role], origins[role] = header, "header"
            if role == "last_purchase":
                found.pop("days_since", None)
    if "last_purchase" in found and "days_since" in found:
        found.pop("days_since")  # a date beats a day count: it needs no analysis date
    if "customer" not in found:
        key = _list_key(raw, headers, set(found.values()))
        if key is not None:
            found["customer"], origins["customer"] = key, "header"
    preset = detect_preset(headers)
    _require_list(found, headers, where, preset)
    used = set(found.values())
    if columns.contacts:
        contacts = tuple(_existing(headers, c, "contact", where) for c in columns.contacts)
    else:
        names = {normalize_header(c) for c in CONTACT_NAMES}
        contacts = tuple(
            h
            for h in headers
            if normalize_header(h) in names and (h not in used or h == found["customer"])
        )
    resolved = ColumnMap(
        contacts=contacts, kind="customers", **{r: found.get(r) for r in ("customer", *LIST_ROLES)}
    )
    warnings = ()
    last = found.get("last_purchase")
    if last and origins.get("last_purchase") == "header" and normalize_header(last) in ACTIVITY:
        warnings = (
            RfmWarning(
                "last_activity_as_purchase",
                f"column {last!r} is the customer's last activity, used as the last purchase "
                "date: a visit or log-in without an order can make it later than the last order",
                option="columns.last_purchase",
                evidence={"column": last},
                stage="mapping",
            ),
        )
    return ColumnChoice(columns=resolved, origins=origins, preset=preset, warnings=warnings)


def _require_list(
    found: dict[str, str | None], headers: list[str], where: str, preset: Preset | None
) -> None:
    shown = "The file has: " + ", ".join(repr(h) for h in headers[:30])
    if "customer" not in found:
        raise ColumnError(
            f"{where}a customer list needs a customer key (an id, e-mail or member number "
            f"that never repeats); name it. {shown}",
            missing_columns=("customer",),
            available_columns=tuple(headers),
            option="columns.customer",
        )
    if "last_purchase" not in found and "days_since" not in found:
        what = f"this looks like a {preset.name}, a" if preset else "a"
        raise ColumnError(
            f"{where}{what} customer list without a last-purchase date cannot give recency: "
            "export the orders instead (Shopify: Orders > Export, orders_export.csv; "
            "WooCommerce: the Orders report) or name the last-purchase column. " + shown,
            missing_columns=("last_purchase",),
            available_columns=tuple(headers),
            code="no_last_purchase",
            option="columns.last_purchase",
        )
    for role, what in (("order_count", "an order count"), ("total_spent", "a total spent")):
        if role not in found:
            raise ColumnError(
                f"{where}a customer list needs {what} column; name it. {shown}",
                missing_columns=(role,),
                available_columns=tuple(headers),
                option=f"columns.{role}",
            )


def _guess(headers: Sequence[str], names: Sequence[str], taken: set) -> str | None:
    """The header matching the best-ranked name, among headers not taken."""
    by_norm: dict[str, str] = {}
    for header in headers:
        if header not in taken:
            by_norm.setdefault(normalize_header(header), header)
    for name in names:
        header = by_norm.get(normalize_header(name))
        if header is not None:
            return header
    return None


def _list_key(raw: pd.DataFrame, headers: Sequence[str], taken: set) -> str | None:
    """The customer key of a list: the first id-like header (customer names, then e-mail,
    user name, member card …) whose filled values never repeat; else the first one found."""
    candidates = []
    for name in (*HEADER_NAMES["customer"], *LIST_KEY_NAMES):
        header = _guess(headers, [name], taken)
        if header is not None and header not in candidates:
            candidates.append(header)
    for header in candidates:
        if header in raw.columns and not _key_values(raw[header]).duplicated().any():
            return header
    return candidates[0] if candidates else None


def _key_values(column: pd.Series) -> pd.Series:
    """The filled key values as ids (text, as cleaning makes them; blank ones left out)."""
    codes, labels = text_id_codes(column)
    return pd.Series(labels[codes[codes >= 0]], dtype=object)


def _list_warning(why: str, evidence: dict) -> RfmWarning:
    return RfmWarning(
        "customer_list",
        f"read as a customer list, one row per customer ({why}): frequency and monetary come "
        "from its count and total columns",
        option="columns.kind",
        evidence=evidence,
        stage="mapping",
    )
