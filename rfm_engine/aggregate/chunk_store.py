"""The on-disk DuckDB table behind the out-of-core path: cleaned chunks in, customers out.

Every source row is stored once with what cleaning made of it (its *fate*), a 128-bit hash of
the whole source row for rule 1, and, for purchases and returns, its standard values. The SQL
then computes the same per-customer totals as the in-memory backend; money is summed as whole
millionths (:data:`~rfm_engine.aggregate.totals.MONEY_SCALE`), so the totals are the same to
the last bit whatever order DuckDB adds rows in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..cleaning.report import (
    EXAMPLES_PER_RULE,
    FATE_PURCHASE,
    FATE_RETURN,
    FIRST_RULE_FATE,
    RULE_KEYS,
    RULES,
    CleanedData,
    CleaningReport,
    CleaningStep,
)
from ..cleaning.rules import mostly_bad_error
from ..io.parsing import text_id_codes
from ..io.reading import ROW_COLUMN
from ..options.config import ColumnMap, RfmConfig
from .machine import machine_memory
from .totals import MONEY_SCALE, CustomerTotals

_FATE = {key: FIRST_RULE_FATE + i for i, key in enumerate(RULE_KEYS)}


class ChunkStore:
    """Collects cleaned chunks in DuckDB, then builds the result (see module docstring)."""

    def __init__(self, folder: Path, columns: ColumnMap, headers: list[str], *, dedupe: bool):
        import duckdb

        self.columns, self.headers, self.dedupe = columns, headers, dedupe
        self.contacts = [c for c in columns.contacts if c in headers]
        self.con = duckdb.connect(str(folder / "rows.duckdb"))
        memory = machine_memory()
        if memory:  # else DuckDB's own default (80% of the memory it sees)
            self.con.execute(f"SET memory_limit = '{max(1, min(4, memory // 4 // 1024**3))}GB'")
        self.con.execute(f"SET temp_directory = '{folder / 'spill'}'")
        self.con.execute("SET preserve_insertion_order = false")
        extra = "".join(f", c{i} VARCHAR" for i in range(len(self.contacts)))
        self.con.execute(
            "CREATE TABLE rows (h1 UBIGINT, h2 UBIGINT, pos BIGINT, row BIGINT, fate TINYINT, "
            f"amount_bad BOOLEAN, customer VARCHAR, day INTEGER, amount DOUBLE, order_id VARCHAR"
            f"{extra})"
        )
        self.rows_read = 0
        self.examples: dict[str, list[pd.DataFrame]] = {}

    def close(self) -> None:
        self.con.close()

    def add(self, chunk: pd.DataFrame, cleaned: CleanedData) -> None:
        """Store one cleaned chunk (``clean(..., trace=True)`` without rule 1)."""
        assert cleaned.trace is not None
        n = len(chunk)
        fate = cleaned.trace.fate
        h1, h2 = cleaned.trace.row_hash
        data = {
            "h1": h1,
            "h2": h2,
            "pos": np.arange(self.rows_read, self.rows_read + n, dtype=np.int64),
            "row": chunk[ROW_COLUMN].to_numpy(dtype=np.int64),
            "fate": fate,
            "amount_bad": cleaned.trace.amount_bad,
        }
        customer = np.full(n, None, dtype=object)
        day = np.zeros(n, dtype=np.int32)
        amount = np.full(n, np.nan)
        order = np.full(n, None, dtype=object)
        contacts = [np.full(n, None, dtype=object) for _ in self.contacts]
        order_labels = text_id_codes(chunk[self.columns.order])[1] if self.columns.order else None
        for frame, kind in ((cleaned.purchases, FATE_PURCHASE), (cleaned.returns, FATE_RETURN)):
            idx = np.flatnonzero(fate == kind)
            customer[idx] = frame["customer_id"].astype(object).to_numpy()
            day[idx] = frame["date"].to_numpy().astype("datetime64[D]").astype(np.int32)
            amount[idx] = frame["amount"].to_numpy()
            if order_labels is not None:
                codes = frame["order_code"].to_numpy()
                known = codes >= 0  # a chunk may have no order id at all: no labels then
                order[idx[known]] = order_labels[codes[known]]
            if kind == FATE_PURCHASE:
                for values, name in zip(contacts, self.contacts, strict=True):
                    cells = frame[name].to_numpy(dtype=object)
                    values[idx] = np.where(pd.isna(cells), None, cells)
        data.update(customer=customer, day=day, amount=amount, order_id=order)
        data.update({f"c{i}": v for i, v in enumerate(contacts)})
        table = pd.DataFrame(data, copy=False)
        self.con.register("chunk", table)
        self.con.execute("INSERT INTO rows SELECT * FROM chunk")
        self.con.unregister("chunk")
        self.rows_read += n
        for step in cleaned.report.steps:
            self.examples.setdefault(step.key, []).append(step.examples)

    def finish(self, reread: Callable[[], Iterator[pd.DataFrame]]) -> None:
        """Apply rule 1 (first of identical rows kept) and count what each rule dropped."""
        if self.dedupe:
            # Later copies of a row: found by (h1, h2) groups of more than one row, so only
            # they are listed; every other row is read in place through an anti-join.
            self.con.execute(
                "CREATE TABLE copies AS SELECT r.pos FROM rows r JOIN (SELECT h1, h2, "
                "min(pos) AS p0 FROM rows GROUP BY h1, h2 HAVING count(*) > 1) d "
                "ON r.h1 = d.h1 AND r.h2 = d.h2 AND r.pos > d.p0"
            )
            self.con.execute("CREATE VIEW uniq AS SELECT * FROM rows ANTI JOIN copies USING (pos)")
        else:
            self.con.execute("CREATE VIEW uniq AS SELECT * FROM rows")
        counts = self.con.execute(
            "SELECT fate, count(*), count(*) FILTER (WHERE amount_bad) FROM uniq GROUP BY fate"
        ).fetchall()
        self.fates = {int(f): int(c) for f, c, _ in counts}
        self.amount_bad = {int(f): int(b) for f, _, b in counts}
        self.duplicates = self.rows_read - sum(self.fates.values())
        self.duplicate_examples = pd.DataFrame()
        if self.duplicates:
            positions = [
                p
                for (p,) in self.con.execute(
                    f"SELECT pos FROM copies ORDER BY pos LIMIT {EXAMPLES_PER_RULE}"
                ).fetchall()
            ]
            self.duplicate_examples = _rows_at(reread(), positions)

    def totals(self, config: RfmConfig) -> CustomerTotals:
        """The per-customer totals of the rows kept (refusing a mostly unreadable column)."""
        cleaning = self._report()
        self._refuse_mostly_bad(cleaning, config.cleaning.max_unparseable_share)
        table = self._customers(config)
        contacts = pd.DataFrame(
            {
                name: pd.array(table[f"c{i}"].to_numpy(dtype=object), dtype="string")
                for i, name in enumerate(self.contacts)
            },
            index=pd.RangeIndex(len(table)),
        )
        return CustomerTotals(
            customers=table["customer"].to_numpy(dtype=object),
            first_day=table["first_day"].to_numpy().astype(np.int64),
            last_day=table["last_day"].to_numpy().astype(np.int64),
            orders=table["orders"].to_numpy(dtype=np.int64),
            revenue=table["revenue"].to_numpy(dtype=np.float64),
            days=table["days"].to_numpy(dtype=np.int64) if "days" in table else None,
            contacts=contacts,
            cleaning=cleaning,
            columns=self.columns,
        )

    def _customers(self, config: RfmConfig) -> pd.DataFrame:
        """Per-customer aggregates in SQL, sorted by customer id as text (as in metrics)."""
        kept, returned = f"fate = {FATE_PURCHASE}", f"fate = {FATE_RETURN}"
        if self.columns.order:
            orders = (
                f"count(DISTINCT order_id) FILTER (WHERE {kept} AND order_id IS NOT NULL) + "
                f"count(*) FILTER (WHERE {kept} AND order_id IS NULL)"
            )
        else:
            orders = f"count(*) FILTER (WHERE {kept})"
        parts = [
            "customer",
            f"max(day) FILTER (WHERE {kept}) AS last_day",
            f"min(day) FILTER (WHERE {kept}) AS first_day",
            f"{orders} AS orders",
            f"(sum(round(amount * {MONEY_SCALE})::BIGINT) FILTER (WHERE {kept}) + "
            f"coalesce(sum(round(amount * {MONEY_SCALE})::BIGINT) FILTER (WHERE {returned}), 0))"
            f"::DOUBLE / {MONEY_SCALE} AS revenue",
        ]
        if config.metrics.frequency == "days":
            parts.append(f"count(DISTINCT day) FILTER (WHERE {kept}) AS days")
        for i in range(len(self.contacts)):
            parts.append(
                f"arg_max(c{i}, {{'d': day, 'r': row, 'p': pos}}) "
                f"FILTER (WHERE {kept} AND c{i} IS NOT NULL) AS c{i}"
            )
        table = self.con.execute(
            f"SELECT {', '.join(parts)} FROM uniq WHERE fate IN ({FATE_PURCHASE}, {FATE_RETURN}) "
            f"GROUP BY customer HAVING count(*) FILTER (WHERE {kept}) > 0"
        ).df()
        order = np.argsort(table["customer"].to_numpy(dtype=object).astype(str), kind="stable")
        return table.iloc[order].reset_index(drop=True)

    def _report(self) -> CleaningReport:
        steps = []
        if self.duplicates:
            rule, description = RULES["duplicates"]
            steps.append(
                CleaningStep(
                    "duplicates", rule, description, self.duplicates, self.duplicate_examples
                )
            )
        for key in RULE_KEYS:
            count = self.fates.get(_FATE[key], 0)
            if key == "duplicates" or not count:
                continue
            examples = pd.concat(self.examples.get(key, []), ignore_index=True)
            rule, description = RULES[key]
            steps.append(
                CleaningStep(key, rule, description, count, examples.head(EXAMPLES_PER_RULE))
            )
        return CleaningReport(
            rows_read=self.rows_read,
            rows_used=self.fates.get(FATE_PURCHASE, 0),
            steps=tuple(steps),
            returns_netted=self.fates.get(FATE_RETURN, 0),
        )

    def _refuse_mostly_bad(self, cleaning: CleaningReport, share: float) -> None:
        """The in-memory "most rows fail" import error, counted over all chunks."""
        live = sum(self.fates.values()) - self.fates.get(_FATE["blank_customer"], 0)
        failed_amount = sum(self.amount_bad.values()) - self.amount_bad.get(
            _FATE["blank_customer"], 0
        )
        column_amount = self.columns.amount or self.columns.price
        for key, column, what, failed in (
            ("bad_date", self.columns.date, "date", self.fates.get(_FATE["bad_date"], 0)),
            ("bad_amount", column_amount, "amount", failed_amount),
        ):
            if live == 0 or failed <= share * live:
                continue
            shown = [s.examples for s in cleaning.steps if s.key == key]
            examples = shown[0] if shown else pd.DataFrame(columns=[column, ROW_COLUMN])
            examples = examples[examples[column].notna()]
            raise mostly_bad_error(
                column,
                what,
                failed,
                live,
                tuple(examples[column]),
                tuple(int(r) for r in examples[ROW_COLUMN]),
            )


def _rows_at(chunks: Iterator[pd.DataFrame], positions: list[int]) -> pd.DataFrame:
    """The source rows at these global positions, reading chunks only as far as needed."""
    wanted, found, start = sorted(positions), [], 0
    for chunk in chunks:
        inside = [p - start for p in wanted if start <= p < start + len(chunk)]
        if inside:
            found.append(chunk.iloc[inside])
        start += len(chunk)
        if start > wanted[-1]:
            break
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame()
