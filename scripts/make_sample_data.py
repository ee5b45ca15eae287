"""Generate the built-in sample sales export: resources/sample/sample_orders.csv.

Seeded and reproducible. About 3,000 customers over two years of a small online shop that sells
to English- and Chinese-speaking customers: seasonal buying (Christmas, Chinese New Year, 618
and Double 11 peaks), many one-off buyers and a loyal core, log-normal basket sizes, returns as
negative rows, a few cancelled orders, and a few dirty rows (exact duplicates, a blank customer,
an unreadable date, a zero amount) so the cleaning report has something to show.

Run: python scripts/make_sample_data.py [--seed N] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

import numpy as np

START = dt.date(2024, 11, 1)
END = dt.date(2026, 10, 31)
CUSTOMERS = 3000

EN_FIRST = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Oliver",
    "Sophia",
    "Elijah",
    "Isabella",
    "James",
    "Mia",
    "William",
    "Amelia",
    "Lucas",
    "Harper",
    "Henry",
    "Evelyn",
    "Jack",
    "Grace",
    "Leo",
    "Chloe",
    "Ethan",
    "Zoe",
    "Mason",
    "Lily",
    "Arthur",
    "Ruby",
    "Isla",
]
EN_LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Wright",
    "Walker",
    "Evans",
    "Thomas",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "O'Neill",
    "Murphy",
    "Hughes",
    "Edwards",
    "Lewis",
    "Turner",
]
ZH_SURNAMES = [
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("林", "lin"),
    ("郭", "guo"),
    ("何", "he"),
]
ZH_GIVEN = [
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("勇", "yong"),
    ("军", "jun"),
    ("杰", "jie"),
    ("婷", "ting"),
    ("雪", "xue"),
    ("晨", "chen"),
    ("欣怡", "xinyi"),
    ("子涵", "zihan"),
    ("浩然", "haoran"),
    ("梓萱", "zixuan"),
    ("一诺", "yinuo"),
    ("宇轩", "yuxuan"),
]
DOMAINS_EN = ["example.com", "mail.example", "post.example.org"]
DOMAINS_ZH = ["example.cn", "mail.example.cn", "qq.example"]


def seasonal_day_weights(days: list[dt.date]) -> np.ndarray:
    """Relative sales per day: weekends, Christmas, Chinese New Year, 618 and Double 11."""
    w = np.ones(len(days))
    for i, d in enumerate(days):
        if d.weekday() >= 5:
            w[i] *= 1.3
        if d.month == 12 and d.day <= 24:
            w[i] *= 2.2
        if (d.month, d.day) in {(6, 18), (11, 11)}:
            w[i] *= 8.0
        elif d.month in (6, 11) and abs(d.day - (18 if d.month == 6 else 11)) <= 3:
            w[i] *= 2.0
        if (d.month == 1 and d.day >= 15) or (d.month == 2 and d.day <= 5):
            w[i] *= 1.6  # before Chinese New Year
        if d.month in (7, 8):
            w[i] *= 0.8
    # slow growth of the shop over the two years
    w *= np.linspace(0.8, 1.25, len(days))
    return w / w.sum()


def make_rows(seed: int) -> list[dict[str, str]]:
    rng = np.random.default_rng(seed)
    days = [START + dt.timedelta(days=i) for i in range((END - START).days + 1)]
    weights = seasonal_day_weights(days)
    rows: list[dict[str, str]] = []
    order_no = 100000
    for n in range(1, CUSTOMERS + 1):
        chinese = rng.random() < 0.45
        if chinese:
            (s, sp), (g, gp) = (
                ZH_SURNAMES[rng.integers(len(ZH_SURNAMES))],
                ZH_GIVEN[rng.integers(len(ZH_GIVEN))],
            )
            name = s + g
            email = f"{gp}.{sp}{rng.integers(1, 999)}@{DOMAINS_ZH[rng.integers(3)]}"
        else:
            first = EN_FIRST[rng.integers(len(EN_FIRST))]
            last = EN_LAST[rng.integers(len(EN_LAST))]
            name = f"{first} {last}"
            email = (
                f"{first}.{last}".lower().replace("'", "")
                + f"{rng.integers(1, 99)}@{DOMAINS_EN[rng.integers(3)]}"
            )
        roll = rng.random()
        if roll < 0.03:
            email = ""  # no email given
        elif roll < 0.045:
            email = email.replace("@", " at ")  # a typo'd address
        # Heterogeneous buying rates: many one-off buyers, a loyal core.
        rate = rng.gamma(0.6, 2.2)
        orders = max(1, int(rng.poisson(rate)))
        # Each customer joins at some point and may stop buying (churn).
        join = int(rng.integers(0, len(days) - 20))
        life = int(rng.exponential(300)) + 1
        span = np.arange(join, min(len(days), join + life))
        p = weights[span] / weights[span].sum()
        picks = np.sort(rng.choice(span, size=min(orders, len(span)), p=p))
        basket = rng.lognormal(mean=3.9 if chinese else 3.6, sigma=0.7)
        cid = f"C{n:05d}"
        for day_index in picks:
            order_no += 1
            amount = round(max(1.0, basket * rng.lognormal(0, 0.35)), 2)
            status = "completed"
            if rng.random() < 0.015:
                status = "cancelled"
            d = days[day_index]
            stamp = f"{d.isoformat()} {rng.integers(8, 23):02d}:{rng.integers(0, 60):02d}"
            rows.append(
                {
                    "order_id": f"SO{order_no}",
                    "customer_id": cid,
                    "name": name,
                    "email": email,
                    "order_date": stamp,
                    "amount": f"{amount:.2f}",
                    "status": status,
                }
            )
            if rng.random() < 0.04 and day_index + 10 < len(days):
                back = days[day_index + int(rng.integers(3, 10))]
                rows.append(
                    {
                        "order_id": f"RT{order_no}",
                        "customer_id": cid,
                        "name": name,
                        "email": email,
                        "order_date": f"{back.isoformat()} 12:00",
                        "amount": f"{-amount:.2f}",
                        "status": "refunded",
                    }
                )
    rows.sort(key=lambda r: (r["order_date"], r["order_id"]))
    # A few dirty rows, as real exports have.
    rows.insert(120, dict(rows[119]))  # exact duplicate of a row
    rows.insert(900, dict(rows[899]))
    rows.append(
        {
            "order_id": f"SO{order_no + 1}",
            "customer_id": "",
            "name": "",
            "email": "",
            "order_date": "2026-10-30 10:00",
            "amount": "25.00",
            "status": "completed",
        }
    )  # guest checkout: no customer
    rows.append(
        {
            "order_id": f"SO{order_no + 2}",
            "customer_id": "C00007",
            "name": rows[7]["name"],
            "email": "",
            "order_date": "not recorded",
            "amount": "30.00",
            "status": "completed",
        }
    )  # unreadable date
    rows.append(
        {
            "order_id": f"SO{order_no + 3}",
            "customer_id": "C00011",
            "name": "",
            "email": "",
            "order_date": "2026-10-29 09:15",
            "amount": "0.00",
            "status": "completed",
        }
    )  # free replacement
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "resources" / "sample" / "sample_orders.csv",
    )
    args = parser.parse_args()
    rows = make_rows(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
