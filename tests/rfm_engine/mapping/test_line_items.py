"""Line-item files outside the presets: an order-total column is recognised from its pattern
(first row only, or repeated on every row) and counts once; item amounts are summed."""

from __future__ import annotations

from pathlib import Path

from rfm_engine import ColumnMap, RfmConfig, analyze


def _lines(total_on: str) -> str:
    """Six orders of customer c1..c3, each with 2-3 item rows; order k totals 10*k."""
    rows = ["order,customer,date,total,item"]
    for k in range(1, 7):
        items = 2 + k % 2
        for i in range(items):
            if total_on == "first":
                total = str(10 * k) if i == 0 else ""
            elif total_on == "every":
                total = str(10 * k)
            else:  # item amounts that add up to 10*k
                total = str(10 * k - (items - 1)) if i == 0 else "1"
            rows.append(f"o{k},c{k % 3 + 1},2024-01-{k:02d},{total},item{i}")
    return "\n".join(rows) + "\n"


def _monetary(path: Path, config: RfmConfig | None = None) -> dict[str, float]:
    result = analyze(path, config or RfmConfig())
    return dict(zip(result.customers["customer_id"], result.customers["monetary"], strict=True))


# c1: orders 3, 6 (30 + 60); c2: orders 1, 4 (10 + 40); c3: orders 2, 5 (20 + 50)
EXPECTED = {"c1": 90.0, "c2": 50.0, "c3": 70.0}


def test_total_on_the_first_row_only(tmp_path: Path) -> None:
    path = tmp_path / "first.csv"
    path.write_text(_lines("first"))
    result = analyze(path)
    assert result.config.columns.amount_is_order_total
    assert _monetary(path) == EXPECTED
    assert result.cleaning.rows_dropped("order_lines") == 9
    assert result.cleaning.rows_dropped("bad_amount") == 0


def test_total_repeated_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "every.csv"
    path.write_text(_lines("every"))
    assert _monetary(path) == EXPECTED


def test_item_amounts_are_summed(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text(_lines("items"))
    result = analyze(path)
    assert not result.config.columns.amount_is_order_total
    assert _monetary(path) == EXPECTED
    assert dict(
        zip(result.customers["customer_id"], result.customers["frequency"], strict=True)
    ) == {"c1": 2, "c2": 2, "c3": 2}


def test_naming_the_amount_turns_detection_off(tmp_path: Path) -> None:
    path = tmp_path / "every.csv"
    path.write_text(_lines("every"))
    config = RfmConfig(columns=ColumnMap(amount="total"))
    assert _monetary(path, config) == {"c1": 210.0, "c2": 110.0, "c3": 190.0}
