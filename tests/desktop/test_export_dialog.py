"""Exporting segments from the app writes the engine's customers table, Excel-safe."""

from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.export_dialog import ExportDialog


def open_export(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    window.export_dialog()
    dialog = window.exporter
    qtbot.addWidget(dialog)
    return dialog


def only(dialog, key):
    for i in range(dialog.segments.count()):
        item = dialog.segments.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) == key
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)


def test_csv_of_one_segment(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    only(dialog, "champions")
    dialog.path.setText(str(tmp_path / "champions.csv"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    written = pd.read_csv(
        tmp_path / "champions.csv",
        dtype={"customer_id": str, "rfm_code": str},
        encoding="utf-8-sig",
    )
    expected = window.result.customers_table()
    expected = expected[expected["segment"] == "champions"]
    assert list(written["customer_id"]) == list(expected["customer_id"])
    assert (written["monetary"] - expected["monetary"].to_numpy()).abs().max() < 0.005
    assert f"{len(expected):,} customers" in dialog.message.text()


def test_report_workbook_has_every_sheet(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    assert dialog.path.text().endswith(".xlsx")
    dialog.path.setText(str(tmp_path / "report.xlsx"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    # The engine's report workbook, as `rfm analyze --report` writes it.
    book = load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["Summary", "Customers", "RxF grid", "Settings", "Cleaning"]
    assert book["Customers"].max_row == len(window.result.customers) + 1
    assert len(book["Summary"]._charts) == 2


def test_mailchimp_is_not_offered_without_an_email_column(qtbot, window, tmp_path):
    from desktop import engine_adapter as engine

    source = tmp_path / "orders.csv"
    source.write_text("customer,date,amount\na,2024-01-01,10\nb,2024-01-02,5\n", encoding="utf-8")
    result = engine.analyze([source], engine.RfmConfig(segments=engine.SegmentConfig("cn8")))
    dialog = ExportDialog(result, "en", window.runner, window, inputs=[source])
    qtbot.addWidget(dialog)
    offered = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert offered == ["csv", "xlsx", "report"]
    # it starts next to the input, not in the home folder
    assert dialog.path.text() == str(tmp_path / "orders_segments.csv")


def test_it_asks_before_replacing_a_file(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    only(dialog, "champions")
    target = tmp_path / "champions.csv"
    target.write_text("keep me\n", encoding="utf-8")
    dialog.path.setText(str(target))
    dialog.export()
    assert dialog.written is None and dialog.export_button.text() == "Replace"
    assert "champions.csv already exists" in dialog.message.text()
    assert target.read_text(encoding="utf-8") == "keep me\n"
    dialog.export()  # the user confirms
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    assert target.read_text(encoding="utf-8-sig").startswith("customer_id")
    assert dialog.folder_button.isVisible() or not dialog.isVisible()


def test_the_report_says_it_holds_every_customer(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    only(dialog, "champions")
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    dialog.path.setText(str(tmp_path / "report.xlsx"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert dialog.message.text().startswith(f"Wrote {len(window.result.customers):,} customers")


def test_export_starts_with_the_segment_being_viewed(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    window.customers_panel.select_segment("at_risk")
    window.export_dialog()
    dialog = window.exporter
    qtbot.addWidget(dialog)
    assert [
        dialog.segments.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.segments.count())
        if dialog.segments.item(i).checkState() == Qt.CheckState.Checked
    ] == ["at_risk"]
    assert dialog.path.text().endswith("rfm_at_risk.csv")


def test_sample_mailchimp_has_the_emails(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    only(dialog, "at_risk")
    dialog.format.setCurrentIndex(dialog.format.findData("mailchimp"))
    dialog.path.setText(str(tmp_path / "mc.csv"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    written = pd.read_csv(tmp_path / "mc.csv", encoding="utf-8-sig")
    customers = window.result.customers
    emails = customers.loc[customers["segment"] == "at_risk", "email"].dropna()
    # Invalid addresses ("x at y") and repeats are left out of an email list.
    expected = [e for e in emails if "@" in e and " " not in e]
    expected = list(dict.fromkeys(expected))
    assert list(written["Email Address"]) == expected
    assert set(written["Tags"]) == {"At Risk"}


def test_mailchimp_with_contacts(qtbot, window, wait_idle, tmp_path, shared_datasets):
    from desktop import engine_adapter as engine

    path = shared_datasets / "rfm_r_sample" / "rfm_data_orders.csv"
    result = engine.analyze([path], engine.RfmConfig())
    assert any("mail" in c.lower() for c in result.contacts)
    dialog = ExportDialog(result, "en", window.runner, window)
    qtbot.addWidget(dialog)
    only(dialog, "champions")
    dialog.format.setCurrentIndex(dialog.format.findData("mailchimp"))
    dialog.path.setText(str(tmp_path / "mc.csv"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    written = pd.read_csv(tmp_path / "mc.csv", encoding="utf-8-sig")
    assert list(written.columns[:1]) == ["Email Address"]
    assert set(written["Tags"]) == {"Champions"}
    assert len(written) == int((result.customers["segment"] == "champions").sum())


def test_nothing_chosen(qtbot, window, wait_idle, tmp_path):
    dialog = open_export(qtbot, window, wait_idle)
    only(dialog, "no-such")
    dialog.export()
    assert "at least one" in dialog.message.text()


def test_exports_take_the_apps_language_but_mailchimp_keeps_its_headers(
    qtbot, app_settings, wait_idle, tmp_path
):
    from desktop.main_window import MainWindow

    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    dialog = open_export(qtbot, window, wait_idle)
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    dialog.path.setText(str(tmp_path / "报告.xlsx"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    book = load_workbook(tmp_path / "报告.xlsx")
    assert book.sheetnames == ["概览", "客户", "R×F 分布", "设置", "数据清洗"]
    assert [c.value for c in book["客户"][1]][:2] == ["客户ID", "距最近购买天数"]
    assert book["客户"].max_row == len(window.result.customers) + 1
    dialog.written = None
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "全部.csv"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    table = pd.read_csv(tmp_path / "全部.csv", encoding="utf-8-sig", dtype=str)
    assert list(table.columns[:3]) == ["客户ID", "距最近购买天数", "购买次数"]
    assert len(table) == len(window.result.customers)
    if dialog.format.findData("mailchimp") >= 0:
        dialog.written = None
        dialog.format.setCurrentIndex(dialog.format.findData("mailchimp"))
        dialog.path.setText(str(tmp_path / "mc.csv"))
        dialog.export()
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
        assert list(pd.read_csv(tmp_path / "mc.csv", nrows=0).columns) == [
            "Email Address",
            "First Name",
            "Last Name",
            "Tags",
        ]
    window.runner.cancel_all()
    window.runner.wait()


def test_export_shown_customers_in_chinese(qtbot, app_settings, wait_idle, tmp_path):
    from desktop.main_window import MainWindow

    window = MainWindow(app_settings, "zh_CN")
    qtbot.addWidget(window)
    window.open_sample()
    wait_idle(window)
    window.customers_panel.select_segment("champions")
    shown = window.customers_panel.shown_rows()
    window.write_customers(tmp_path / "shown.xlsx", shown)
    wait_idle(window)
    book = load_workbook(tmp_path / "shown.xlsx")
    assert book.sheetnames == ["客户"]
    assert book["客户"]["A1"].value == "客户ID"
    assert book["客户"].max_row == len(shown) + 1
    window.runner.cancel_all()
    window.runner.wait()
