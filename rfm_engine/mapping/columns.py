"""Finding which column plays which role, from header names in English and Chinese.

:func:`choose_columns` keeps every role the user named (checking it exists, tolerating stray
spaces, case and a BOM in headers) and fills the others from a recognised export's preset
(:mod:`.presets`), then :data:`HEADER_NAMES`, then the cell contents (:mod:`.content_sniffing`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..errors import ColumnError
from ..notes import WARNINGS, RfmWarning
from ..options.config import ColumnMap
from .content_sniffing import sniff_roles
from .currencies import choose_amount_currency
from .customer_keys import check_key_column, fallback_columns
from .header_names import CONTACT_NAMES, HEADER_NAMES, normalize_header
from .line_items import looks_like_order_total
from .presets import Preset, detect_preset, pick

WARNINGS["date_column_choice"] = "several columns could be the purchase date; one was chosen"


def find_column(headers: Sequence[str], wanted: str) -> str | None:
    """The header that is ``wanted`` exactly, else the one equal after normalising."""
    if wanted in headers:
        return wanted
    key = normalize_header(wanted)
    for header in headers:
        if normalize_header(header) == key:
            return header
    return None


def guess_columns(headers: Iterable[str]) -> ColumnMap:
    """The best guess of every role from header names alone."""
    headers = [str(h) for h in headers]
    by_norm: dict[str, str] = {}
    for header in headers:
        by_norm.setdefault(normalize_header(header), header)
    taken: set[str] = set()
    found: dict[str, str | None] = {}
    for role, names in HEADER_NAMES.items():
        found[role] = None
        for name in names:
            header = by_norm.get(normalize_header(name))
            if header is not None and header not in taken:
                found[role] = header
                taken.add(header)
                break
    if found["amount"] or not (found["quantity"] and found["price"]):
        found["quantity"] = found["price"] = None
    contact_names = {normalize_header(c) for c in CONTACT_NAMES}
    contacts = tuple(h for h in headers if h not in taken and normalize_header(h) in contact_names)
    return ColumnMap(contacts=contacts, **found)


@dataclass(frozen=True)
class ColumnChoice:
    """The columns chosen for a file and why: ``origins`` maps each role to ``given`` (named
    by the user), ``preset`` (a recognised export), ``header`` (a known header name) or
    ``content`` (sniffed from the values). ``warnings``: the uncertain choices made."""

    columns: ColumnMap
    origins: dict[str, str] = field(default_factory=dict)
    preset: Preset | None = None
    #: Uncertain choices: key, date and currency columns, and how the kind of table was
    #: decided (see :mod:`.table_kind`).
    warnings: tuple[RfmWarning, ...] = ()


def resolve_columns(
    headers: Sequence[str],
    columns: ColumnMap,
    *,
    source: str = "",
    sample: pd.DataFrame | None = None,
) -> ColumnMap:
    """Check the named roles exist and fill the unnamed ones (see :func:`choose_columns`)."""
    return choose_columns(headers, columns, source=source, sample=sample).columns


def choose_columns(
    headers: Sequence[str],
    columns: ColumnMap,
    *,
    source: str = "",
    sample: pd.DataFrame | None = None,
) -> ColumnChoice:
    """Keep the roles the user named; fill the others from a recognised export's preset, then
    from known header names, then (given a ``sample`` of rows) from the cell contents.

    ``sample`` should be all the rows when they are at hand: the key, currency and order-total
    decisions look at whole columns (only content sniffing takes the first rows).

    Raises :class:`ColumnError` naming the missing column (and listing what the file has).
    """
    headers = [str(h) for h in headers]
    where = f"{source}: " if source else ""
    fixed = {
        role: _existing(headers, wanted, role, where) for role, wanted in columns.roles.items()
    }
    contacts = [_existing(headers, c, "contact", where) for c in columns.contacts]
    origins = dict.fromkeys(fixed, "given")
    preset = detect_preset(headers)
    merged: dict[str, str | None] = {role: fixed.get(role) for role in HEADER_NAMES}
    free = [h for h in headers if h not in fixed.values()]
    amount_named = "amount" in fixed or "quantity" in fixed
    if preset is not None:
        for role in ("customer", "date", "amount", "order", "status", "cancelled_at", "currency"):
            if merged[role] is None and not (role == "amount" and amount_named):
                merged[role] = pick(
                    [h for h in free if h not in merged.values()], getattr(preset, role)
                )
                if merged[role] is not None:
                    origins[role] = "preset"
    guess = guess_columns(h for h in free if h not in merged.values())
    if not amount_named and merged["amount"] is None:
        if guess.amount:
            merged["amount"], origins["amount"] = guess.amount, "header"
        elif guess.quantity:
            merged["quantity"], merged["price"] = guess.quantity, guess.price
            origins["quantity"] = origins["price"] = "header"
    for role in ("customer", "date", "order", "status", "cancelled_at", "currency"):
        if merged[role] is None and getattr(guess, role):
            merged[role], origins[role] = getattr(guess, role), "header"
    _sniff_missing(merged, origins, headers, sample)
    warnings: list[RfmWarning] = []
    fallbacks = columns.customer_fallback
    if merged["customer"] and origins.get("customer") != "given" and not fallbacks:
        taken = {c for c in merged.values() if c}
        fallbacks = fallback_columns(headers, merged["customer"], preset, taken)
        merged["customer"], fallbacks, found = check_key_column(
            sample, merged["customer"], fallbacks
        )
        warnings += found
    warnings += choose_amount_currency(sample, headers, merged, origins, preset)
    warnings += _date_choice(headers, merged, origins, preset, sample)
    order_total = columns.amount_is_order_total or bool(
        preset and preset.order_total and origins.get("amount") == "preset" and merged["order"]
    )
    if (
        not order_total
        and sample is not None
        and merged["order"]
        and merged["amount"]
        and origins.get("amount") in ("header", "content")
    ):
        order_total = looks_like_order_total(sample, merged["order"], merged["amount"])
    if columns.contacts:
        found_contacts = tuple(contacts)
    else:
        used = set(merged.values())
        suggested = [pick(headers, [c]) for c in preset.contacts] if preset else []
        found_contacts = tuple(
            dict.fromkeys(c for c in [*suggested, *guess.contacts] if c and c not in used)
        )
    resolved = dataclasses.replace(
        columns,
        **merged,
        contacts=found_contacts,
        amount_is_order_total=order_total,
        customer_fallback=fallbacks,
    )
    _require(resolved, headers, where, preset)
    return ColumnChoice(columns=resolved, origins=origins, preset=preset, warnings=tuple(warnings))


def _date_choice(
    headers: list[str], merged: dict, origins: dict, preset: Preset | None, data
) -> tuple[RfmWarning, ...]:
    """A warning when the date was chosen among several candidate columns."""
    chosen = merged["date"]
    if not chosen or origins.get("date") not in ("preset", "header"):
        return ()
    names = preset.date if preset is not None and preset.date else HEADER_NAMES["date"]
    others = [
        h
        for h in dict.fromkeys(pick(headers, [n]) for n in names)
        if h and h != chosen and h not in merged.values()
    ]
    if not others:
        return ()
    blank = {}
    if data is not None:
        blank = {c: int(data[c].isna().sum()) for c in [chosen, *others] if c in data.columns}
    return (
        RfmWarning(
            "date_column_choice",
            f"purchase date from {chosen!r}; the file also has "
            + ", ".join(repr(o) for o in others),
            option="columns.date",
            evidence={"column": chosen, "others": tuple(others), "blank_rows": blank},
            stage="mapping",
        ),
    )


def _existing(headers: list[str], wanted: str, role: str, where: str) -> str:
    header = find_column(headers, wanted)
    if header is None:
        what = (
            f"contact column {wanted!r}"
            if role == "contact"
            else f"column {wanted!r} for the {role}"
        )
        raise ColumnError(
            f"{where}no {what}; the file has: " + ", ".join(repr(h) for h in headers[:30]),
            missing_columns=(wanted,),
            available_columns=tuple(headers),
        )
    return header


def _sniff_missing(
    merged: dict, origins: dict, headers: list[str], sample: pd.DataFrame | None
) -> None:
    wanted = [r for r in ("customer", "date") if merged[r] is None]
    if merged["amount"] is None and merged["quantity"] is None:
        wanted.append("amount")
    if not wanted or sample is None or sample.empty:
        return
    free = [h for h in headers if h not in merged.values()]
    for role, column in sniff_roles(sample, free, wanted).items():
        merged[role], origins[role] = column, "content"


def _require(resolved: ColumnMap, headers: list[str], where: str, preset: Preset | None) -> None:
    missing = [r for r in ("customer", "date") if getattr(resolved, r) is None]
    if resolved.amount is None and resolved.quantity is None:
        missing.append("amount")
    if not missing:
        return
    if preset is not None and preset.note:
        reason = f"this looks like a {preset.name}, and {preset.note}. "
    else:
        reason = f"name it (e.g. --{missing[0]} COLUMN). "
    raise ColumnError(
        f"{where}cannot tell which column is the {' / '.join(missing)}; {reason}"
        "The file has: " + ", ".join(repr(h) for h in headers[:30]),
        missing_columns=tuple(missing),
        available_columns=tuple(headers),
    )
