"""Mailing lists: email checks, duplicates, customers without contacts, tool layouts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rfm_engine import ConfigError, Period, RfmConfig, analyze
from rfm_engine.outputs.mailing import (
    CRM_COLUMNS,
    MAILCHIMP_COLUMNS,
    contact_roles,
    crm_table,
    mailchimp_table,
    mailing_list,
    select_segments,
)

AS_OF = RfmConfig(period=Period(as_of=dt.date(2024, 4, 1)))


@pytest.fixture
def result(tricky_orders):
    return analyze(tricky_orders, AS_OF)


def test_contact_roles_from_headers():
    roles = contact_roles(["收货人姓名", "联系手机", "邮箱", "first_name", "Last Name"])
    assert roles == {
        "name": "收货人姓名",
        "phone": "联系手机",
        "email": "邮箱",
        "first_name": "first_name",
        "last_name": "Last Name",
    }


@pytest.mark.parametrize(
    "email,ok",
    [
        ("a.b+tag@shop.example.com", True),
        ("zhang_san@qq.com", True),
        ("not-an-email", False),
        ("two@@example.com", False),
        ("space in@example.com", False),
        ("no-tld@example", False),
        ("trailing@example.c", False),
    ],
)
def test_email_check(email, ok):
    frame = pd.DataFrame({"customer_id": ["x"], "segment": ["other"], "email": [email]})
    from rfm_engine import load_scheme

    mailing = mailing_list(frame, load_scheme("classic"), ["email"])
    assert len(mailing.emails) == int(ok)
    assert list(mailing.problems["problem"]) == ([] if ok else ["invalid"])


def test_invalid_and_duplicate_emails_are_reported_and_left_out(result):
    mailing = mailing_list(result.customers, result.scheme, result.contacts)
    # Table order: "+1" (ONE@…) comes before "=HYPERLINK…" (one@…): the later one is the repeat.
    assert list(mailing.emails["email"]) == [
        "ONE@example.com",
        "six@example.cn",
        "seven@example.org",
    ]
    problems = mailing.problems.set_index("customer_id")
    assert problems.loc["-2", "problem"] == "invalid"
    assert problems.loc['=HYPERLINK("http://x","y")', "problem"] == "duplicate"
    assert problems.loc['=HYPERLINK("http://x","y")', "email"] == "one@example.com"
    assert len(problems) == 2
    # No valid email and no phone: "-2" (invalid), the duplicate, "Tabbed" (nothing).
    assert sorted(mailing.no_contact["customer_id"]) == sorted(
        ["-2", '=HYPERLINK("http://x","y")', "Tabbed"]
    )
    # "@SUM(A1)" has a phone only: in the list, not in the email list.
    assert "@SUM(A1)" in set(mailing.customers["customer_id"])
    assert (
        mailing.customers.set_index("customer_id").loc["@SUM(A1)", "contact_phone"] == "13800000000"
    )
    # The source contact columns are carried through unchanged, invalid addresses included.
    assert mailing.customers.set_index("customer_id").loc["-2", "email"] == "not-an-email"
    assert mailing.customers.set_index("customer_id").loc["-2", "valid_email"] == ""


def test_mailchimp_layout(result):
    mailing = mailing_list(
        select_segments(result.customers, result.scheme, "champions,new"),
        result.scheme,
        result.contacts,
        lang="zh_CN",
    )
    table = mailchimp_table(mailing)
    assert tuple(table.columns) == MAILCHIMP_COLUMNS
    assert table.to_dict("records") == [
        {
            "Email Address": "six@example.cn",
            "First Name": "客户5",
            "Last Name": "",
            "Tags": "冠军客户",
        },
        {
            "Email Address": "seven@example.org",
            "First Name": "客户6",
            "Last Name": "",
            "Tags": "新客户",
        },
    ]


def test_mailchimp_uses_first_and_last_name_columns():
    from rfm_engine import load_scheme

    frame = pd.DataFrame(
        {
            "customer_id": ["c1"],
            "segment": ["lost"],
            "first_name": ["Ada"],
            "last_name": ["Lovelace"],
            "email": ["ada@example.com"],
        }
    )
    mailing = mailing_list(frame, load_scheme("classic"), ["first_name", "last_name", "email"])
    row = mailchimp_table(mailing).iloc[0].to_dict()
    assert row == {
        "Email Address": "ada@example.com",
        "First Name": "Ada",
        "Last Name": "Lovelace",
        "Tags": "Lost",
    }
    assert mailing.customers.loc[0, "contact_name"] == "Ada Lovelace"


def test_crm_layout(result):
    mailing = mailing_list(result.customers, result.scheme, result.contacts)
    table = crm_table(mailing)
    assert tuple(table.columns) == CRM_COLUMNS
    row = table.set_index("customer_id").loc["00123"]
    assert (row["segment"], row["r_score"], row["f_score"], row["m_score"]) == (
        "champions",
        5,
        5,
        5,
    )
    assert row["action"] == result.scheme.segment("champions").action("en")
    assert (row["recency_days"], row["frequency"], row["monetary"]) == (9, 3, 183.0)


def test_select_segments(result):
    lost = select_segments(result.customers, result.scheme, "lost")
    assert sorted(lost["customer_id"]) == sorted(["+1", '=HYPERLINK("http://x","y")'])
    everyone = select_segments(result.customers, result.scheme, "all")
    assert len(everyone) == 7
    with pytest.raises(ConfigError, match="unknown segment 'vip'"):
        select_segments(result.customers, result.scheme, "lost,vip")
