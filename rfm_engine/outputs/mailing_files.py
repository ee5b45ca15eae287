"""Writing a mailing list to files: CSV, XLSX (one sheet per segment), Mailchimp or CRM CSV.

Beside the list, the email problems and the customers without contacts are written as their
own files (CSV formats: ``NAME.email_problems.csv`` and ``NAME.no_contact.csv``) or sheets
(XLSX) whenever the import has email (or phone) columns. Every target is checked before
anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..atomic import check_target
from ..errors import ConfigError
from ..model.result import CUSTOMER_COLUMNS
from ..options.schemes import SegmentScheme
from .exports import write_csv, write_xlsx
from .formats import LIST_FORMATS, export_format
from .mailing import MailingList, crm_table, mailchimp_table

FORMATS = LIST_FORMATS


def list_table(customers: pd.DataFrame, contacts: Iterable[str]) -> pd.DataFrame:
    """The customers layout: result columns, the recommended action, then contact columns."""
    return customers[[*CUSTOMER_COLUMNS, "action", *contacts]].reset_index(drop=True)


def side_paths(path: Path) -> tuple[Path, Path]:
    """Where a CSV export's email problems and no-contact lists go."""
    return (
        path.with_name(f"{path.stem}.email_problems.csv"),
        path.with_name(f"{path.stem}.no_contact.csv"),
    )


def write_mailing(
    mailing: MailingList,
    path: str | Path,
    *,
    fmt: str,
    scheme: SegmentScheme,
    segments: Iterable[str],
    contacts: Iterable[str] = (),
    lang: str = "en",
    encoding: str = "utf-8-sig",
    inputs: Iterable[str | Path] = (),
) -> list[Path]:
    """Write the list in ``fmt`` and its problem lists; return the paths written."""
    spec = export_format(fmt)
    if not spec.segment_list:
        raise ConfigError(
            f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}",
            option="format",
            value=fmt,
        )
    path, inputs, contacts = Path(path), tuple(Path(p) for p in inputs), tuple(contacts)
    if not set(spec.needs) <= set(mailing.roles):
        raise ConfigError(
            "a Mailchimp list needs an email column; map one as a contact column "
            f"(contact columns found: {', '.join(contacts) or 'none'})",
            option="columns.contacts",
            value=fmt,
            code="needs_email",
        )
    has_contacts = bool(mailing.roles.get("email") or mailing.roles.get("phone"))
    problems = mailing.problems
    no_contact = list_table(mailing.no_contact, contacts)
    if fmt == "xlsx":
        sheets = {
            scheme.segment(k).name(lang): list_table(
                mailing.customers[mailing.customers["segment"] == k], contacts
            )
            for k in segments
        }
        if "email" in mailing.roles:
            sheets["Email problems"] = problems
        if has_contacts:
            sheets["No contact"] = no_contact
        return [write_xlsx(sheets, path, inputs=inputs)]
    if fmt == "mailchimp":
        table, encoding = mailchimp_table(mailing), "utf-8"
    elif fmt == "crm":
        table = crm_table(mailing)
    else:
        table = list_table(mailing.customers, contacts)
    # Written even when empty, so a file left by an earlier run never tells an old story.
    problems_path, no_contact_path = side_paths(path)
    extra = []
    if "email" in mailing.roles:
        extra.append((problems, problems_path))
    if has_contacts:
        extra.append((no_contact, no_contact_path))
    for _, target in [(table, path), *extra]:
        check_target(target, inputs=inputs)
    return [
        write_csv(frame, target, encoding=encoding, inputs=inputs)
        for frame, target in [(table, path), *extra]
    ]
