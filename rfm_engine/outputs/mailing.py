"""Mailing lists of chosen segments: contact roles, email checks, Mailchimp and CRM layouts.

Contact columns come from the import unchanged. Their roles (email, phone, first/last/full
name) are found from the headers. An email list holds each valid address once: invalid and
duplicate addresses are left out and reported; customers with neither a valid email nor a
phone are listed apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..errors import ConfigError
from ..model.result import CUSTOMER_COLUMNS
from ..options.schemes import SegmentScheme

#: A practical address check: one ``@``, no spaces, a dotted domain with a 2+ letter ending.
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_ROLE_WORDS = (
    ("email", ("mail", "邮箱", "郵箱", "电子邮件", "電子郵件")),
    ("phone", ("phone", "mobile", "tel", "手机", "手機", "电话", "電話")),
    ("first_name", ("first",)),
    ("last_name", ("last", "surname")),
    ("name", ("name", "姓名")),
)
MAILCHIMP_COLUMNS = ("Email Address", "First Name", "Last Name", "Tags")
_LABELS = ("customer_id", "segment", "segment_name")
CRM_COLUMNS = (
    "customer_id",
    "name",
    "email",
    "phone",
    *_LABELS[1:],
    "action",
    *(c for c in CUSTOMER_COLUMNS if c not in _LABELS),
)


def contact_roles(contacts: Iterable[str]) -> dict[str, str]:
    """Role → contact column, found from header words (first column wins per role)."""
    roles: dict[str, str] = {}
    for column in contacts:
        low = str(column).lower()
        for role, words in _ROLE_WORDS:
            if any(w in low for w in words):
                roles.setdefault(role, column)
                break
    return roles


def select_segments(
    customers: pd.DataFrame, scheme: SegmentScheme, segments: str | Iterable[str]
) -> pd.DataFrame:
    """Customers of the chosen segment keys (``"all"`` or ``"a,b"`` or a list), scheme order."""
    known = [s.key for s in scheme.all_segments]
    if isinstance(segments, str):
        segments = known if segments.strip() == "all" else segments.split(",")
    wanted = [s.strip() for s in segments if s.strip()]
    unknown = [s for s in wanted if s not in known]
    if unknown or not wanted:
        raise ConfigError(
            f"unknown segment {unknown[0] if unknown else ''!r} for scheme {scheme.key!r}; "
            f"use 'all' or some of: {', '.join(known)}",
            option="segments",
            value=unknown[0] if unknown else "",
        )
    chosen = customers[customers["segment"].isin(wanted)]
    order = {k: i for i, k in enumerate(known)}
    return chosen.sort_values("segment", key=lambda s: s.map(order), kind="stable")


@dataclass(frozen=True)
class MailingList:
    """The chosen customers split for mailing.

    Attributes
    ----------
    customers
        Every chosen customer with ``action``, ``valid_email`` (blank when there is none or it is
        invalid or a repeat), ``contact_phone`` and ``contact_name``; the source contact columns
        are unchanged.
    emails
        One row per customer with a valid email seen first (what an email tool gets).
    problems
        Invalid and duplicate emails: ``customer_id``, ``segment``, ``email``, ``problem``.
    no_contact
        Customers with neither a valid email nor a phone.
    roles
        Role → source contact column used.
    """

    customers: pd.DataFrame = field(repr=False)
    emails: pd.DataFrame = field(repr=False)
    problems: pd.DataFrame = field(repr=False)
    no_contact: pd.DataFrame = field(repr=False)
    roles: dict[str, str] = field(default_factory=dict)


def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").map(lambda v: str(v).strip())


def mailing_list(
    customers: pd.DataFrame, scheme: SegmentScheme, contacts: Iterable[str], *, lang: str = "en"
) -> MailingList:
    """Split chosen customers (a scored, segmented table) into an email list and reports."""
    roles = contact_roles(contacts)
    table = customers.copy()
    table["segment_name"] = table["segment"].map({s.key: s.name(lang) for s in scheme.all_segments})
    table["action"] = table["segment"].map({s.key: s.action(lang) for s in scheme.all_segments})
    blank = pd.Series("", index=table.index, dtype=object)
    raw_email = _text(table[roles["email"]]) if "email" in roles else blank
    phone = _text(table[roles["phone"]]) if "phone" in roles else blank
    valid = raw_email.map(lambda e: bool(EMAIL_RE.match(e)))
    repeat = valid & raw_email.str.lower().duplicated(keep="first")
    problem = pd.Series("", index=table.index, dtype=object)
    problem[(raw_email != "") & ~valid] = "invalid"
    problem[repeat] = "duplicate"
    good = valid & ~repeat
    # Cleaned values apart from the source contact columns, which are carried through unchanged.
    table["valid_email"] = raw_email.where(good, "")
    table["contact_phone"] = phone
    table["contact_name"] = _names(table, roles)
    problems = pd.DataFrame(
        {
            "customer_id": table["customer_id"],
            "segment": table["segment"],
            "email": raw_email,
            "problem": problem,
        }
    )[problem != ""]
    return MailingList(
        customers=table,
        emails=table[good],
        problems=problems.reset_index(drop=True),
        no_contact=table[~good & (phone == "")],
        roles=roles,
    )


def _names(table: pd.DataFrame, roles: dict[str, str]) -> pd.Series:
    """The full-name column, else first and last name joined, else blank."""
    if "name" in roles:
        return _text(table[roles["name"]])
    parts = [_text(table[roles[r]]) for r in ("first_name", "last_name") if r in roles]
    if not parts:
        return pd.Series("", index=table.index, dtype=object)
    return parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()


def mailchimp_table(mailing: MailingList) -> pd.DataFrame:
    """Mailchimp import layout: Email Address, First Name, Last Name, Tags (segment name)."""
    emails, roles = mailing.emails, mailing.roles
    if "first_name" in roles or "last_name" in roles:
        first = _text(emails[roles["first_name"]]) if "first_name" in roles else ""
        last = _text(emails[roles["last_name"]]) if "last_name" in roles else ""
    else:
        first, last = emails["contact_name"], ""
    return pd.DataFrame(
        {
            "Email Address": emails["valid_email"],
            "First Name": first,
            "Last Name": last,
            # Mailchimp splits tags at commas: keep each segment one tag.
            "Tags": emails["segment_name"].str.replace(",", " ", regex=False),
        },
        columns=list(MAILCHIMP_COLUMNS),
    ).reset_index(drop=True)


def crm_table(mailing: MailingList) -> pd.DataFrame:
    """Generic CRM layout: id, name, email, phone, segment, action, metrics and scores."""
    renamed = {"contact_name": "name", "valid_email": "email", "contact_phone": "phone"}
    table = mailing.customers.drop(columns=[c for c in renamed.values() if c in mailing.customers])
    return table.rename(columns=renamed)[list(CRM_COLUMNS)].reset_index(drop=True)
