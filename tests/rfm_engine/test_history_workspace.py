"""Workspace: overlapping monthly exports merged into the customers of the whole file, imports
recorded, failed imports leaving nothing behind, orders never counted twice, migrations."""

from __future__ import annotations

import dataclasses
import random
import sqlite3

import pandas as pd
import pytest

from resources import sample_orders_path
from rfm_engine import InputFileError, RfmConfig, analyze
from rfm_engine.history import SCHEMA_VERSION, Workspace
from rfm_engine.history.schema import APPLICATION_ID, migrate
from rfm_engine.history.stored_rows import encode_rows, row_hash


def _customers(result) -> pd.DataFrame:
    return result.customers_table().sort_values("customer_id").reset_index(drop=True)


def _build(tmp_path, paths, seed=7):
    shuffled = list(paths)
    random.Random(seed).shuffle(shuffled)
    workspace = Workspace(tmp_path / "shop.rfmdb", create=True)
    for path in shuffled:
        workspace.add([path])
    return workspace


def test_sample_split_into_overlapping_months_gives_the_whole_file(tmp_path, monthly_exports):
    source = sample_orders_path()
    parts = monthly_exports(source, "order_date", tmp_path / "parts")
    rows_in_parts = sum(len(pd.read_csv(p, dtype=str)) for p in parts)
    whole = analyze(source)
    with _build(tmp_path, parts) as workspace:
        records = workspace.imports()
        assert len(records) == len(parts)
        assert sum(r.rows_read for r in records) == rows_in_parts
        # Every source row is stored once; the overlaps were recognised as the same rows.
        assert workspace.row_count() == whole.cleaning.rows_read == 5636
        assert sum(r.rows_added for r in records) == 5636
        assert sum(r.rows_merged for r in records) == rows_in_parts - 5636 > 0
        result = analyze(workspace.table(), workspace.config)
    pd.testing.assert_frame_equal(_customers(result), _customers(whole))
    assert result.cut_points == whole.cut_points


@pytest.mark.parametrize(
    ("folder", "file", "date", "options"),
    [
        ("rfm_r_sample", "rfm_data_orders.csv", "order_date", {}),
        (
            "online_retail",
            "online_retail.csv",
            "InvoiceDate",
            dict(
                quantity="Quantity",
                price="UnitPrice",
                customer="CustomerID",
                date="InvoiceDate",
                order="InvoiceNo",
            ),
        ),
    ],
)
def test_shared_dataset_split_into_months_gives_the_whole_file(
    tmp_path, shared_datasets, monthly_exports, folder, file, date, options
):
    from rfm_engine import ColumnMap

    source = shared_datasets / folder / file
    config = RfmConfig(columns=ColumnMap(**options))
    parts = monthly_exports(source, date, tmp_path / "parts", overlap_days=5)
    whole = analyze(source, config)
    shuffled = list(parts)
    random.Random(3).shuffle(shuffled)
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add(shuffled[:1], config)
        workspace.add(shuffled[1:])
        assert workspace.row_count() == whole.cleaning.rows_read
        result = analyze(workspace.table(), workspace.config)
    pd.testing.assert_frame_equal(_customers(result), _customers(whole))
    reference = pd.read_csv(shared_datasets / folder / "reference_default.csv", dtype={0: str})
    assert len(result.customers) == len(reference)


def _csv(path, rows, header="order_id,customer_id,order_date,amount,status"):
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_changed_order_from_a_later_export_replaces_the_stored_one(tmp_path):
    first = _csv(
        tmp_path / "may.csv",
        ["A1,alice,2024-05-02,10.00,paid", "B1,bob,2024-05-03,20.00,paid"],
    )
    # A1 was corrected (amount), B1 is the same row again, C1 is new.
    second = _csv(
        tmp_path / "june.csv",
        [
            "A1,alice,2024-05-02,12.50,paid",
            "B1,bob,2024-05-03,20.00,paid",
            "C1,carol,2024-06-01,5,paid",
        ],
    )
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add([first])
        (record,) = workspace.add([second])
        assert (record.rows_read, record.rows_added, record.rows_merged) == (3, 2, 1)
        assert record.orders_replaced == 1
        (warning,) = record.warnings
        assert warning.code == "orders_replaced"
        assert dict(warning.evidence) == {"file": "june.csv", "orders": ["alice/A1"], "count": 1}
        assert warning.stage == "history" and "(e.g. alice/A1)" in warning.message
        (kept,) = workspace.imports()[1].warnings
        assert kept.to_dict() == warning.to_dict()
        assert workspace.row_count() == 3
        customers = analyze(workspace.table(), workspace.config).customers.set_index("customer_id")
    assert customers.loc["alice", "monetary"] == 12.5
    assert customers.loc["alice", "frequency"] == 1
    assert customers.loc["bob", "frequency"] == 1


def test_line_items_of_one_order_seen_twice_count_once(tmp_path):
    header = "order_id,customer_id,order_date,quantity,price"
    early = _csv(tmp_path / "a.csv", ["O1,ann,2024-05-02,1,3.0", "O1,ann,2024-05-02,2,4.0"], header)
    late = _csv(
        tmp_path / "b.csv",
        ["O1,ann,2024-05-02,1,3.0", "O1,ann,2024-05-02,2,4.0", "O1,ann,2024-05-02,1,9.0"],
        header,
    )
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add([early])
        (record,) = workspace.add([late])
        # A superset of the stored lines: one line added, nothing replaced.
        assert (record.rows_added, record.rows_merged, record.orders_replaced) == (1, 2, 0)
        customers = analyze(workspace.table(), workspace.config).customers
    assert customers["monetary"].tolist() == [20.0]
    assert customers["frequency"].tolist() == [1]


def test_a_row_repeated_inside_one_export_is_kept_as_often_as_there(tmp_path):
    header = "customer_id,order_date,amount"
    first = _csv(tmp_path / "a.csv", ["x,2024-01-01,5", "x,2024-01-01,5", "y,2024-01-02,7"], header)
    second = _csv(tmp_path / "b.csv", ["x,2024-01-01,5", "y,2024-01-03,8"], header)
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add([first, second])
        assert workspace.row_count() == 4
        table = workspace.table()
    whole = pd.concat([pd.read_csv(first, dtype=str), pd.read_csv(second, dtype=str).iloc[1:]])
    assert sorted(map(tuple, table[["customer_id", "order_date", "amount"]].values)) == sorted(
        map(tuple, whole.values)
    )


def test_a_failed_import_leaves_the_workspace_as_it_was(tmp_path):
    header = "customer_id,order_date,amount"
    good = _csv(tmp_path / "good.csv", ["x,2024-01-01,5"], header)
    more = _csv(tmp_path / "more.csv", ["y,2024-02-01,6", "z,2024-02-02,7"], header)
    other_layout = _csv(tmp_path / "other.csv", ["x,2024-01-01,5,1"], header + ",extra")
    path = tmp_path / "shop.rfmdb"
    with Workspace(path, create=True) as workspace:
        workspace.add([good])
    before = path.read_bytes()
    with Workspace(path) as workspace:
        with pytest.raises(InputFileError, match=r"other\.csv: its columns differ .*extra extra"):
            workspace.add([more, other_layout])

        def stop_after_the_first_file(done, total):
            if done == 2:  # more.csv's rows are written, the transaction is still open
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            workspace.add([more, good], progress=stop_after_the_first_file)
        with pytest.raises(InputFileError, match=r"missing\.csv: no such file"):
            workspace.add([more, tmp_path / "missing.csv"])
        assert workspace.row_count() == 1
        assert [r.file for r in workspace.imports()] == ["good.csv"]
    assert path.read_bytes() == before


def test_a_new_workspace_refuses_data_it_cannot_analyse_and_keeps_nothing(tmp_path):
    bad = _csv(tmp_path / "bad.csv", ["x,soon,5"], "customer_id,order_date,amount")
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        with pytest.raises(Exception, match="order_date"):
            workspace.add([bad])
        assert workspace.row_count() == 0
        assert workspace.config is None


def _version_one_workspace(path, tmp_path):
    """A workspace as version 1 of the schema wrote it (no merge counts, no snapshots)."""
    source = _csv(tmp_path / "old.csv", ["o1,ann,2024-01-05,5.5,paid", "o2,bob,2024-01-09,3,paid"])
    frame = pd.read_csv(source, dtype=str)
    headers = list(frame.columns)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn, 0, target=1)
    conn.executemany("INSERT INTO source_columns VALUES (?, ?)", list(enumerate(headers)))
    config = RfmConfig().to_json()
    conn.execute("INSERT INTO settings (saved_at, config_json) VALUES ('2024-02-01', ?)", (config,))
    conn.execute(
        "INSERT INTO imports (file, path, sha256, rows_read, rows_added, imported_at) "
        "VALUES ('old.csv', '/x/old.csv', 'abc', 2, 2, '2024-02-01T00:00:00+00:00')"
    )
    texts = encode_rows(frame, headers)
    conn.executemany(
        "INSERT INTO rows (import_id, row, hash, okey, data) VALUES (1, ?, ?, NULL, ?)",
        [(i + 1, row_hash(t), t) for i, t in enumerate(texts)],
    )
    conn.execute("COMMIT")
    conn.close()
    return source


def test_an_old_workspace_is_migrated_when_opened(tmp_path):
    path = tmp_path / "old.rfmdb"
    source = _version_one_workspace(path, tmp_path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Workspace(path) as workspace:
        assert workspace.schema_version == SCHEMA_VERSION == 2
        (record,) = workspace.imports()
        assert (record.file, record.rows_added, record.rows_merged, record.warnings) == (
            "old.csv",
            2,
            0,
            (),
        )
        result = analyze(workspace.table(), workspace.config)
        (again,) = workspace.add([source])
        assert (again.rows_added, again.rows_merged) == (0, 2)
    assert sorted(result.customers["customer_id"]) == ["ann", "bob"]


def test_version_zero_an_empty_file_becomes_a_workspace(tmp_path):
    path = tmp_path / "empty.rfmdb"
    path.write_bytes(b"")
    with Workspace(path, create=True) as workspace:
        assert workspace.schema_version == SCHEMA_VERSION
        assert workspace.row_count() == 0
        with pytest.raises(InputFileError, match="holds no rows yet"):
            workspace.table()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_files_that_are_not_workspaces_are_refused_in_one_line(tmp_path):
    newer = tmp_path / "newer.rfmdb"
    with Workspace(newer, create=True):
        pass
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(InputFileError, match="made by a newer version") as newer_error:
        Workspace(newer)
    assert newer_error.value.code == "newer_workspace"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(InputFileError, match="not a workspace"):
        Workspace(other)
    text = tmp_path / "notes.rfmdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(InputFileError, match="is not a workspace database") as text_error:
        Workspace(text)
    assert text_error.value.code == "not_a_workspace"
    with pytest.raises(InputFileError, match="no such workspace"):
        Workspace(tmp_path / "missing.rfmdb")


def test_settings_in_force_change_but_the_column_mapping_does_not(tmp_path):
    from rfm_engine import ColumnMap, ConfigError, ScoringConfig

    orders = _csv(tmp_path / "a.csv", ["o1,ann,2024-01-05,5.5,paid", "o2,bob,2024-01-09,3,paid"])
    with Workspace(tmp_path / "shop.rfmdb", create=True) as workspace:
        workspace.add([orders])
        stored = workspace.config
        assert stored.columns.customer == "customer_id" and stored.columns.order == "order_id"
        assert workspace.update_settings(stored) is False
        four = dataclasses.replace(
            stored,
            scoring=ScoringConfig(bins=4),
            segments=dataclasses.replace(stored.segments, scheme="cn8"),
        )
        assert workspace.update_settings(four) is True
        assert workspace.config.scoring.bins == 4
        count = workspace.conn.execute("SELECT count(*) FROM settings").fetchone()[0]
        assert count == 2  # the earlier settings are kept as history
        other = dataclasses.replace(stored, columns=ColumnMap(customer="status"))
        with pytest.raises(ConfigError, match="keeps the columns customer = customer_id"):
            workspace.update_settings(other)
        assert workspace.config.scoring.bins == 4


def test_workbooks_and_a_gbk_copy_merge_by_their_cells(tmp_path, shared_datasets):
    books = shared_datasets / "mingrisoft_taobao_2018_2019"
    whole = analyze([books / "2018.xlsx", books / "2019.xlsx"])
    with Workspace(tmp_path / "books.rfmdb", create=True) as workspace:
        workspace.add([books / "2019.xlsx"])
        workspace.add([books / "2018.xlsx", books / "2018.xlsx"])
        added = [(r.rows_added, r.rows_merged) for r in workspace.imports()]
        assert added == [(2124, 0), (1784, 0), (0, 1784)]
        result = analyze(workspace.table(), workspace.config)
    pd.testing.assert_frame_equal(_customers(result), _customers(whole))
    toys = shared_datasets / "taobao_toy_shop_2017"
    with Workspace(tmp_path / "toys.rfmdb", create=True) as workspace:
        workspace.add([toys / "orders_utf8.csv"])
        (gbk,) = workspace.add([toys / "orders_gbk.csv"])
        # The same export in another encoding: the same cells, nothing added.
        assert (gbk.rows_read, gbk.rows_added, gbk.orders_replaced) == (3989, 0, 0)
        result = analyze(workspace.table(), workspace.config)
    pd.testing.assert_frame_equal(_customers(result), _customers(analyze(toys / "orders_gbk.csv")))
