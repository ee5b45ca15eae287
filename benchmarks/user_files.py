"""CSV files like the exports users give the engine, for benchmarks (fixed seed, any size).

One row per order line, as shops export them: ``order_id`` (digits), ``email`` (the customer: text
ids such as ``mia.chen48213@example.com``), ``member`` (a member name, text), ``order_date``
(``2023-05-01 13:45:07``), ``sku``, ``quantity`` and ``amount`` (plain decimals, ``12.34``).

Realistic skew: two thirds of the customers buy once; the others' order counts have a long
tail (geometric, mean 4, plus a few very frequent buyers); an order has 1 + Poisson(1.5) lines
(2.5 on average); dates span three years with growth; 2 % of lines are returns (negative amounts),
0.5 % have no customer, 0.05 % are exact repeats of the line before. Written in chunks of orders
with Arrow's CSV writer, so memory stays bounded whatever the size.
"""

from __future__ import annotations

import numpy as np

FIRST_NAMES = (
    "mia noah emma liam olivia lucas sophia leo anna ben chloe david ella felix grace henry "
    "ivy jack julia kai lena max nina oscar paula quinn rosa sam tara ute victor wen xia yan "
    "zoe ali bao chen fang hui jun lei ming ping qing rui tao wei xin ying zhen"
)
LAST_NAMES = (
    "chen wang li zhang liu smith jones brown garcia muller rossi dubois kim park nguyen silva "
    "costa novak ivanova sato tanaka cohen khan singh patel lopez martin white clark hall"
)
FIRST = np.array(FIRST_NAMES.split())
LAST = np.array(LAST_NAMES.split())
DOMAINS = np.array(["example.com", "mail.example", "shop.example", "example.net"])
COLUMNS = ("order_id", "email", "member", "order_date", "sku", "quantity", "amount")
MAPPING = dict(customer="email", date="order_date", amount="amount", order="order_id")
LINES_PER_ORDER = 2.5


def customers_for(rows: int) -> int:
    """Customers of a file of ``rows`` lines: orders = rows / 2.5, and with two thirds buying
    once and the others 4 times on average, customers = orders / 2."""
    return max(int(rows / LINES_PER_ORDER / 2), 3)


def _order_customers(customers: int, rng: np.random.Generator) -> np.ndarray:
    """Each order's customer, orders in random order: two thirds of the customers once."""
    counts = np.ones(customers, dtype=np.int64)
    repeat = rng.random(customers) < 1 / 3
    counts[repeat] = 1 + rng.geometric(1 / 3, int(repeat.sum()))
    heavy = rng.choice(customers, size=max(customers // 10_000, 1), replace=False)
    counts[heavy] += rng.integers(20, 200, len(heavy))
    owners = np.repeat(np.arange(customers, dtype=np.int64), counts)
    rng.shuffle(owners)
    return owners


def _texts(parts: list) -> object:
    import pyarrow as pa
    import pyarrow.compute as pc

    arrays = [p if isinstance(p, (str, pa.Array)) else pa.array(p) for p in parts]
    return pc.binary_join_element_wise(*arrays, "")


def write_orders_csv(path: str, rows: int, *, seed: int = 7, chunk_orders: int = 1_000_000) -> int:
    """Write about ``rows`` order lines to ``path``; returns the lines written."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    customers = customers_for(rows)
    owners = _order_customers(customers, rng)
    orders = len(owners)
    key = rng.permutation(customers)  # customer index -> the number in their email
    first = FIRST[rng.integers(0, len(FIRST), customers)]
    last = LAST[rng.integers(0, len(LAST), customers)]
    domain = DOMAINS[rng.integers(0, len(DOMAINS), customers)]
    start = np.datetime64("2022-01-01T00:00:00", "s").astype(np.int64)
    span = 3 * 365 * 86400
    written = 0
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    with pacsv.CSVWriter(path, schema, write_options=pacsv.WriteOptions(quoting_style="none")) as w:
        for begin in range(0, orders, chunk_orders):
            if written >= rows:
                break
            who = owners[begin : begin + chunk_orders]
            lines = 1 + rng.poisson(LINES_PER_ORDER - 1, len(who))
            order_no = np.repeat(np.arange(begin, begin + len(who)) + 100_001, lines)
            c = np.repeat(who, lines)
            seconds = np.repeat((rng.random(len(who)) ** 0.85 * span).astype(np.int64), lines)
            n = len(c)
            amount = np.round(rng.lognormal(2.8, 0.9, n), 2)
            amount[rng.random(n) < 0.02] *= -1
            number = pa.array(key[c]).cast(pa.string())
            email = _texts([first[c], ".", last[c], number, "@", domain[c]])
            member = _texts([first[c], "_", number])
            email = pc.if_else(pa.array(rng.random(n) < 0.005), pa.scalar(None, pa.string()), email)
            dates = pa.array((start + seconds).astype("datetime64[s]"))
            table = pa.table(
                {
                    "order_id": pa.array(order_no).cast(pa.string()),
                    "email": email,
                    "member": member,
                    "order_date": pc.strftime(dates, format="%Y-%m-%d %H:%M:%S"),
                    "sku": _texts(
                        ["SKU-", pa.array(rng.integers(1000, 9999, n)).cast(pa.string())]
                    ),
                    "quantity": pa.array(rng.integers(1, 4, n)).cast(pa.string()),
                    "amount": pa.array(amount).cast(pa.string()),  # 12.3, -4.56, 20
                }
            )
            repeats = np.flatnonzero(rng.random(n) < 0.0005)
            if len(repeats):
                index = np.arange(n)
                index[repeats[repeats > 0]] = repeats[repeats > 0] - 1
                table = table.take(pa.array(index))
            w.write_table(table)
            written += n
    return written
