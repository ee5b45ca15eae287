"""Rule 7 in a database: order totals on line items, one row per order.

In a file, an order's role cells (customer, date, amount, status …) are taken from its first
line that has them, and its other lines are dropped (:func:`~.rules.clean`). A database table
has no first line, so here each role cell is the order's one non-blank value: exports that give
an order total on its first line only (Shopify) or repeat it on every line (JD) hold exactly one.
An order whose lines disagree on a role cell would depend on a row order the table does not
have: it is refused, naming the column and an order, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ConfigError
from ..options.config import ColumnMap

_ORDER_KEY = "_rfm_order_key"
_LINES = "_rfm_lines"


def collapse_order_totals(
    work: Any,
    columns: ColumnMap,
    order_id: Callable[[Any], Any],
    record: Callable[[str, int, Any], None],
) -> Any:
    """``work`` with each order (rows with the same non-blank ``order_id``) as one row; the
    extra lines are counted as rule 7 through ``record(key, rows, example_rows)``."""
    import ibis

    source_columns = list(work.columns)
    names = [*columns.roles.values(), *columns.customer_fallback, *columns.contacts]
    roles = [c for c in dict.fromkeys(names) if c and c in source_columns]
    keyed = work.filter(order_id(work).notnull()).mutate(**{_ORDER_KEY: order_id(work)})
    _refuse_disagreeing_lines(keyed, roles)
    schema = work.schema()
    parts = {c: _one_value(keyed[c], schema[c], c in roles) for c in source_columns}
    orders = keyed.group_by(_ORDER_KEY).aggregate(**parts, **{_LINES: keyed.count()})
    extra = int((orders[_LINES] - 1).sum().execute() or 0)
    if extra:
        several = orders.filter(orders[_LINES] > 1).select(_ORDER_KEY)
        lines = keyed.semi_join(several, _ORDER_KEY).select(source_columns)
        record("order_lines", extra, lines)
    collapsed = orders.select(source_columns)
    loose = work.filter(order_id(work).isnull())
    return ibis.union(collapsed.cast(schema), loose.select(source_columns), distinct=False)


def _one_value(column: Any, dtype: Any, role: bool) -> Any:
    """A role cell's one non-blank value (another column: its largest, shown in examples)."""
    if dtype.is_boolean():
        return column.any()
    return column.max()


def _refuse_disagreeing_lines(keyed: Any, roles: list[str]) -> None:
    counts = keyed.group_by(_ORDER_KEY).aggregate(
        **{f"_rfm_n{i}": keyed[c].nunique() for i, c in enumerate(roles)}
    )
    worst = counts.aggregate(
        **{f"_rfm_n{i}": counts[f"_rfm_n{i}"].max() for i in range(len(roles))}
    )
    row = worst.to_pandas().iloc[0]
    for i, column in enumerate(roles):
        if int(row[f"_rfm_n{i}"] or 0) > 1:
            n = counts[f"_rfm_n{i}"]
            example = counts.filter(n > 1).select(_ORDER_KEY).limit(1).to_pandas()
            raise ConfigError(
                f"order {example.iloc[0, 0]!r} has lines with different {column!r} values; "
                "with order totals on line items a database table has no first line to take "
                "them from: aggregate the orders in a query (one row per order)",
                option="columns.amount_is_order_total",
            )
