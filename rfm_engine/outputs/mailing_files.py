"""Writing a mailing list to files: CSV, XLSX (one sheet per segment), Mailchimp or CRM CSV.

Beside the list, the email problems and the customers without contacts are written as their
own files (CSV formats: ``NAME.email_problems.csv`` and ``NAME.no_contact.csv``) or sheets
(XLSX) when the import has email (or phone) columns and the list has such rows: never an empty
file or sheet (a side file an earlier export left under that name is removed, so it never tells
an old story). Every target is checked before anything is written. The human formats (CSV, XLSX)
take their headers and sheet names in ``header_lang``; Mailchimp and CRM keep theirs.
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
from .table_headers import check_header_lang, localized, sheet_name

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
    header_lang: str = "en",
) -> list[Path]:
    """Write the list in ``fmt`` and its problem lists (those with rows); return the paths
    written. ``header_lang`` words the headers and sheet names of CSV and XLSX."""
    spec = export_format(fmt)
    check_header_lang(header_lang)
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

    def human(frame: pd.DataFrame) -> pd.DataFrame:
        # the problems table has no source contact columns: its ``email`` is ours
        keep = () if frame is problems else contacts
        return localized(frame, header_lang, keep=keep)

    sides = []  # (sheet key, table, path) of the problem lists that have rows
    problems_path, no_contact_path = side_paths(path)
    if "email" in mailing.roles and len(problems):
        sides.append(("email_problems", problems, problems_path))
    if has_contacts and len(no_contact):
        sides.append(("no_contact", no_contact, no_contact_path))
    if fmt == "xlsx":
        keys, sheets = list(segments), {}
        for k in keys:
            rows = list_table(mailing.customers[mailing.customers["segment"] == k], contacts)
            if len(rows) or (not sheets and k == keys[-1]):  # no empty sheet, but one sheet
                sheets[scheme.segment(k).name(lang)] = human(rows)
        for key, frame, _ in sides:
            sheets[sheet_name(key, header_lang)] = human(frame)
        return [write_xlsx(sheets, path, inputs=inputs)]
    if fmt == "mailchimp":
        table, encoding = mailchimp_table(mailing), "utf-8"
    elif fmt == "crm":
        table = crm_table(mailing)
    else:
        table = list_table(mailing.customers, contacts)
    targets = [(table if spec.machine else human(table), path)]
    targets += [(human(frame), target) for _, frame, target in sides]
    for _, target in targets:
        check_target(target, inputs=inputs)
    written = [
        write_csv(frame, target, encoding=encoding, inputs=inputs) for frame, target in targets
    ]
    for stale in {problems_path, no_contact_path} - {t for _, t in targets}:
        if stale.is_file() and stale.resolve() not in {p.resolve() for p in inputs}:
            stale.unlink()  # an earlier export's list: this one has no such rows
    return written
