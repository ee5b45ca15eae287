"""Small hand-made order tables for export tests."""

from __future__ import annotations

import pandas as pd
import pytest

#: Text Excel would take for a formula, and must stay text in every export.
TRICKY = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tTabbed"]


@pytest.fixture
def tricky_orders() -> pd.DataFrame:
    """Seven customers; five named (and with ids) like formulas. As of 2024-04-01.

    Emails: c1 valid, c2 the same address in capitals (duplicate), c3 invalid, c4 none but a
    phone, c5 nothing, c6 and c7 valid.
    """
    ids = [*TRICKY, "00123", "李雷"]
    emails = [
        "one@example.com",
        "ONE@example.com",
        "not-an-email",
        "",
        "",
        "six@example.cn",
        "seven@example.org",
    ]
    phones = ["", "", "", "13800000000", "", "", ""]
    rows = []
    for i, (cid, email, phone) in enumerate(zip(ids, emails, phones, strict=True)):
        for k in range(i % 3 + 1):
            rows.append(
                {
                    "customer_id": cid,
                    "order_date": f"2024-03-{1 + i * 4 + k:02d}",
                    "revenue": 10.0 * (i + 1) + k,
                    "name": TRICKY[i] if i < len(TRICKY) else f"客户{i}",
                    "email": email,
                    "phone": phone,
                }
            )
    return pd.DataFrame(rows)
