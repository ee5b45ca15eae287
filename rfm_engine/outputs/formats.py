"""The export formats, in one registry that the command line, the desktop app and the report
read: what each writes, its file suffix, and what the data must hold for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import ConfigError


@dataclass(frozen=True)
class ExportFormat:
    """One way to write customers to a file."""

    key: str
    suffix: str
    #: One English line; faces show their own words for ``key``.
    description: str
    #: Read by another program (Mailchimp, a CRM): keeps that program's headers and encoding.
    machine: bool = False
    #: Contact roles the data must have (e.g. ``("email",)`` for Mailchimp).
    needs: tuple[str, ...] = ()
    #: Writes the customers of the chosen segments; otherwise the whole analysis (the report).
    segment_list: bool = True


FORMATS_BY_KEY: dict[str, ExportFormat] = {
    f.key: f
    for f in (
        ExportFormat("csv", ".csv", "customers with metrics, scores, segment, action and contacts"),
        ExportFormat("xlsx", ".xlsx", "the same, one sheet per segment, plus contact problems"),
        ExportFormat(
            "mailchimp",
            ".csv",
            "a Mailchimp audience: email, first and last name, segment as tag",
            machine=True,
            needs=("email",),
        ),
        ExportFormat(
            "crm", ".csv", "customer, name, email, phone, segment, action, metrics", machine=True
        ),
        ExportFormat(
            "report",
            ".xlsx",
            "the report workbook: summary with charts, customers, R×F grid, cut points, cleaning",
            segment_list=False,
        ),
    )
}
#: Keys of the formats that write a list of customers (``rfm export --format``).
LIST_FORMATS = tuple(k for k, f in FORMATS_BY_KEY.items() if f.segment_list)


def export_format(key: str) -> ExportFormat:
    """The format named ``key``; an unknown key is a :class:`ConfigError` listing them."""
    try:
        return FORMATS_BY_KEY[key]
    except KeyError:
        raise ConfigError(
            f"export format must be one of {', '.join(FORMATS_BY_KEY)}, not {key!r}",
            option="format",
            value=key,
        ) from None


def available_formats(roles: Mapping[str, str] | Iterable[str]) -> tuple[ExportFormat, ...]:
    """The formats this data supports, given its contact roles (``email``, ``phone`` …)."""
    have = set(roles)
    return tuple(f for f in FORMATS_BY_KEY.values() if set(f.needs) <= have)
