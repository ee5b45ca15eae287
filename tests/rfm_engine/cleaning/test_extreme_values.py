"""Placeholder dates (``9999-12-31``, ``0001-01-01``), days at the edge of pandas' range and
non-finite amounts: dropped by a cleaning rule with examples, the same in both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from rfm_engine import ConfigError, DataError, Period, RfmConfig, analyze
from rfm_engine.io.parsing import parse_amounts, parse_dates

GOOD = (
    "customer,date,amount,order\n"
    "a,2024-01-05,10,o1\n"
    "b,2024-02-05,20,o2\n"
    "c,2024-03-05,30,o3\n"
    "a,2024-04-05,15,o4\n"
    "d,2024-05-05,25,o5\n"
)


def _engines() -> list[str]:
    engines = ["memory"]
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return engines
    return [*engines, "duckdb"]


@pytest.mark.parametrize("engine", _engines())
@pytest.mark.parametrize(
    "day", ["9999-12-31", "0001-01-01", "2262-04-11", "1677-09-21", "2101-01-01", "31/12/9999"]
)
def test_placeholder_dates_are_dropped_as_implausible(tmp_path: Path, day: str, engine) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(GOOD + f"e,{day},5,o6\n", encoding="utf-8")
    config = RfmConfig.from_dict({"reading": {"engine": engine, "dayfirst": True}})
    result = analyze(path, config)
    # The day after the latest real purchase, never a day in 2262; recency never negative.
    assert result.as_of == dt.date(2024, 5, 6)
    assert (result.customers["recency_days"] >= 0).all()
    assert set(result.customers["customer_id"]) == {"a", "b", "c", "d"}
    assert result.cleaning.rows_dropped("implausible_date") == 1
    step = next(s for s in result.cleaning.steps if s.key == "implausible_date")
    assert step.examples["date"].tolist() == [day]


def test_both_ends_of_the_plausible_days_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(GOOD + "e,1900-01-01,5,o6\nf,2100-12-31,5,o7\n", encoding="utf-8")
    result = analyze(path, RfmConfig(period=Period(as_of=dt.date(2100, 12, 31))))
    assert result.cleaning.rows_dropped("implausible_date") == 0
    assert (
        result.customers.set_index("customer_id").loc["e", "recency_days"]
        == (dt.date(2100, 12, 31) - dt.date(1900, 1, 1)).days
    )


def test_parser_clamps_instead_of_wrapping_around() -> None:
    days = parse_dates(pd.Series(["9999-12-31", "0001-01-01", "2024-02-29", None]))
    assert days.dtype == "datetime64[ns]"
    assert days.iloc[0] > pd.Timestamp("2200-01-01")
    assert days.iloc[1] < pd.Timestamp("1700-01-01")
    assert days.iloc[2] == pd.Timestamp("2024-02-29")
    assert pd.isna(days.iloc[3])
    # A datetime column read from a workbook (microseconds reach year 9999).
    stamps = pd.Series(np.array(["9999-12-31", "2024-01-01"], dtype="datetime64[us]"))
    assert parse_dates(stamps).iloc[0] > pd.Timestamp("2200-01-01")


def test_a_four_digit_year_one_is_not_2001() -> None:
    assert parse_dates(pd.Series(["13/02/0001"])).iloc[0] < pd.Timestamp("1700-01-01")


@pytest.mark.parametrize("field", ["as_of", "start"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2262-04-11"])
def test_period_days_beyond_range_are_a_config_error(field: str, day: str) -> None:
    with pytest.raises(ConfigError, match="not a plausible day") as info:
        Period(**{field: day})
    assert info.value.option == f"period.{field}"
    assert info.value.code == "implausible_date"


@pytest.mark.parametrize("engine", _engines())
def test_non_finite_amounts_are_unreadable(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "orders.csv"
    bad = ["inf", "-inf", "Infinity", "1e309", "NaN"]
    path.write_text(
        GOOD + "".join(f"x{i},2024-05-01,{v},p{i}\n" for i, v in enumerate(bad)),
        encoding="utf-8",
    )
    result = analyze(path, RfmConfig.from_dict({"reading": {"engine": engine}}))
    assert result.cleaning.rows_dropped("bad_amount") == len(bad)
    assert np.isfinite(result.customers["monetary"]).all()
    assert result.customers["monetary"].sum() == 100
    assert "nan" not in result.summary.to_csv()


def test_parse_amounts_never_returns_infinity() -> None:
    parsed = parse_amounts(pd.Series(["inf", "1e309", "12.5", "-Infinity"]))
    assert parsed.isna().tolist() == [True, True, False, True]
    assert parse_amounts(pd.Series([np.inf, 3.0])).isna().tolist() == [True, False]


@pytest.mark.parametrize("engine", _engines())
def test_amounts_beyond_a_trillion_are_implausible(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "orders.csv"
    rows = "big,2024-05-01,1e308,p1\nbig,2024-05-02,999999999999999,p2\n"
    rows += "".join(f"rich,2024-05-0{i},900000000000,r{i}\n" for i in range(1, 9))
    path.write_text(GOOD + rows, encoding="utf-8")
    result = analyze(path, RfmConfig.from_dict({"reading": {"engine": engine}}))
    assert result.cleaning.rows_dropped("implausible_amount") == 2
    step = next(s for s in result.cleaning.steps if s.key == "implausible_amount")
    assert step.examples["amount"].tolist() == ["1e308", "999999999999999"]
    # Large but plausible amounts add up exactly, beyond 64-bit millionths in total.
    rich = result.customers.set_index("customer_id").loc["rich", "monetary"]
    assert rich == 8 * 900_000_000_000


def test_totals_beyond_a_float_are_refused_naming_the_customer() -> None:
    from rfm_engine.aggregate import CustomerTotals
    from rfm_engine.cleaning import CleaningReport
    from rfm_engine.model.metrics import metrics_table
    from rfm_engine.options import ColumnMap

    totals = CustomerTotals(
        customers=np.array(["a", "big"], dtype=object),
        first_day=np.array([19000, 19000]),
        last_day=np.array([19001, 19001]),
        orders=np.array([1, 2]),
        revenue=np.array([5.0, np.inf]),
        days=None,
        contacts=pd.DataFrame(index=range(2)),
        cleaning=CleaningReport(rows_read=3, rows_used=3, steps=()),
        columns=ColumnMap(customer="c", date="d", amount="m"),
    )
    with pytest.raises(DataError, match="customer 'big'") as info:
        metrics_table(totals, as_of=dt.date(2022, 1, 1))
    assert info.value.code == "amount_overflow"


def test_a_database_source_drops_the_same_rows(tmp_path: Path) -> None:
    """Text and typed columns in SQLite: placeholder dates and infinite amounts as in files."""
    pytest.importorskip("ibis")
    import sqlite3

    from rfm_engine import DatabaseSource

    csv_path = tmp_path / "orders.csv"
    extra = "e,9999-12-31,5,o6\nf,0001-01-01,5,o7\ng,2024-05-01,inf,o8\n"
    csv_path.write_text(GOOD + extra, encoding="utf-8")
    frame = pd.read_csv(csv_path, dtype=str)
    typed = frame.assign(amount=frame["amount"].astype(float))
    with sqlite3.connect(tmp_path / "shop.db") as con:
        frame.to_sql("text_orders", con, index=False)
        typed.to_sql("typed_orders", con, index=False)
    expected = analyze(csv_path, RfmConfig())
    for table in ("text_orders", "typed_orders"):
        got = analyze(DatabaseSource(f"sqlite:///{tmp_path / 'shop.db'}", table=table))
        assert got.cleaning.rows_dropped("implausible_date") == 2
        assert got.cleaning.rows_dropped("bad_amount") == 1
        assert got.customers_table().to_csv(index=False) == expected.customers_table().to_csv(
            index=False
        )
        assert got.as_of == dt.date(2024, 5, 6)
