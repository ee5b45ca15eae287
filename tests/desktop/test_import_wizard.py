"""The import wizard from file to segment table; numbers match ``rfm analyze``."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from resources import sample_orders_path
from rfm_cli.main import main as rfm_main


def drive_wizard(qtbot, window, paths, *, encoding=None):
    """Open ``paths`` in the window and click through every page with the detected guesses."""
    window.open_files(paths)
    wizard = window.wizard
    qtbot.addWidget(wizard)
    assert wizard.currentPage() is wizard.reading_page  # the files are chosen already
    if encoding is not None:
        page = wizard.reading_page
        page.encoding.setCurrentIndex(page.encoding.findData(encoding))
        page.reload()
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    wizard.next()
    return wizard


def finish(qtbot, window, wizard, wait_idle):
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    wizard.next()
    assert wizard.currentPage() is wizard.period_page
    wizard.accept()
    qtbot.waitUntil(lambda: window.result is not None, timeout=30000)
    wait_idle(window)


def cli_customers(tmp_path, *args) -> pd.DataFrame:
    out = tmp_path / "cli"
    assert rfm_main(["analyze", *map(str, args), "--out", str(out)]) == 0
    return pd.read_csv(out / "customers.csv", dtype={"customer_id": str, "rfm_code": str})


def assert_same_as_cli(window, cli: pd.DataFrame) -> None:
    shown = window.customers_panel.model.frame()
    assert len(shown) == len(cli)
    mine = shown.set_index("customer_id").sort_index()
    theirs = cli.set_index("customer_id").sort_index()
    assert list(mine.index) == list(theirs.index)
    for column in ("recency_days", "frequency", "r_score", "f_score", "m_score", "rfm_score"):
        assert (mine[column].to_numpy() == theirs[column].to_numpy()).all(), column
    assert (mine["monetary"] - theirs["monetary"]).abs().max() < 0.005
    assert (mine["segment"] == theirs["segment"]).all()


def test_sample_through_the_wizard(qtbot, window, wait_idle, tmp_path, capsys):
    wizard = drive_wizard(qtbot, window, [sample_orders_path()])
    columns = wizard.columns_page.column_map()
    assert columns.customer and columns.date
    assert wizard.columns_page.isComplete()
    finish(qtbot, window, wizard, wait_idle)
    assert_same_as_cli(window, cli_customers(tmp_path, sample_orders_path()))


def test_wrong_date_column_is_shown_on_the_check_page(qtbot, window, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount,note\n"
        + "".join(f"c{i},2024-01-0{i},10,x{i}\n" for i in range(1, 8)),
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    page = wizard.columns_page
    page.boxes["date"].setCurrentIndex(page.boxes["date"].findData("note"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.error.isVisible(), timeout=10000)
    assert "'note'" in wizard.check_page.error.text()
    rows = wizard.check_page.model.frame()
    assert list(rows["row"]) == [1, 2, 3, 4, 5] and rows["value"].iloc[0] == "x1"
    assert not wizard.check_page.isComplete()


def test_cleaning_option_recounts(qtbot, window, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount\na,2024-01-01,10\na,2024-01-01,10\nb,2024-01-02,5\n",
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.cleaning.rows_used == 2
    wizard.check_page.duplicates.setChecked(False)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.cleaning.rows_used == 3
    assert wizard.final_config().cleaning.drop_duplicates is False


def test_online_retail(qtbot, window, wait_idle, tmp_path, shared_datasets):
    path = shared_datasets / "online_retail" / "online_retail.csv"
    wizard = drive_wizard(qtbot, window, [path])
    columns = wizard.columns_page.column_map()
    assert (columns.customer, columns.quantity, columns.price) == (
        "CustomerID",
        "Quantity",
        "UnitPrice",
    )
    wizard.next()
    page = wizard.check_page
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)
    # The case: a quarter of the rows has no CustomerID, flagged loudly with the fix.
    assert "135,037 of 541,909 rows (25%) have no 'CustomerID'" in page.warnings.text()
    assert page.warnings.isVisibleTo(wizard) and page.fix_key.isVisibleTo(wizard)
    wizard.back()
    finish(qtbot, window, wizard, wait_idle)
    assert len(window.result.customers) == 4338
    assert_same_as_cli(window, cli_customers(tmp_path, path))


def test_gbk_taobao_is_auto_mapped(qtbot, window, wait_idle, tmp_path, shared_datasets):
    path = shared_datasets / "taobao_toy_shop_2017" / "orders_gbk.csv"
    wizard = drive_wizard(qtbot, window, [path])
    preview = wizard.reading_page.model.frame()
    assert "买家会员名" in preview.columns  # decoded, not mojibake
    columns = wizard.columns_page.column_map()
    assert columns.customer == "买家会员名" and columns.amount == "买家实际支付金额"
    finish(qtbot, window, wizard, wait_idle)
    reference = pd.read_csv(
        shared_datasets / "taobao_toy_shop_2017" / "reference_default.csv",
        dtype={"customer_id": str},
    )
    assert len(window.result.customers) == len(reference) == 3410
    assert_same_as_cli(window, cli_customers(tmp_path, path))


@pytest.mark.parametrize("encoding", ["gb18030"])
def test_gbk_with_the_encoding_chosen(qtbot, window, shared_datasets, encoding):
    path = shared_datasets / "taobao_toy_shop_2017" / "orders_gbk.csv"
    wizard = drive_wizard(qtbot, window, [path], encoding=encoding)
    assert wizard.config.reading.encoding == encoding
    assert wizard.columns_page.column_map().customer == "买家会员名"


def test_two_yearly_workbooks_combined(qtbot, window, wait_idle, shared_datasets):
    folder = shared_datasets / "mingrisoft_taobao_2018_2019"
    wizard = drive_wizard(qtbot, window, [folder / "2018.xlsx", folder / "2019.xlsx"])
    assert wizard.reading_page.sheet.isEnabled()
    assert wizard.config.reading.sheet is None  # first sheet of each file, whatever its name
    finish(qtbot, window, wizard, wait_idle)
    reference = pd.read_csv(folder / "reference_default.csv", dtype={"customer_id": str})
    mine = window.result.customers.set_index("customer_id").sort_index()
    ref = reference.set_index("customer_id").sort_index()
    assert list(mine.index) == list(ref.index) and len(ref) == 2417
    assert (mine["recency_days"] == ref["recency_days"]).all()
    assert (mine["frequency"] == ref["frequency"]).all()
    assert (mine["monetary"] - ref["monetary"]).abs().max() < 0.005


def test_gbk_wizard_scoring_export_match_cli_flags(
    qtbot, window, wait_idle, tmp_path, shared_datasets
):
    """File → wizard → fixed thresholds in the scoring dialog → export one segment: the rows
    equal ``rfm analyze`` run with the same thresholds given as flags."""
    path = shared_datasets / "taobao_toy_shop_2017" / "orders_gbk.csv"
    wizard = drive_wizard(qtbot, window, [path])
    finish(qtbot, window, wizard, wait_idle)
    window.edit_scoring()
    dialog = window.scoring
    qtbot.addWidget(dialog)
    breaks = {"recency": "3, 7, 14, 21", "frequency": "2, 3, 4, 5", "monetary": "50, 100, 200, 400"}
    for axis, text in breaks.items():
        editor = dialog.axes[axis]
        editor.method.setCurrentIndex(editor.method.findData("fixed"))
        editor.breaks.setText(text)
    before = window.result
    dialog.accept()
    qtbot.waitUntil(lambda: window.result is not before, timeout=30000)
    wait_idle(window)
    window.export_dialog()
    exporter = window.exporter
    qtbot.addWidget(exporter)
    for i in range(exporter.segments.count()):
        item = exporter.segments.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) == "new"
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    exporter.path.setText(str(tmp_path / "new.csv"))
    exporter.export()
    qtbot.waitUntil(lambda: exporter.written is not None, timeout=10000)
    exported = pd.read_csv(
        tmp_path / "new.csv", dtype={"customer_id": str, "rfm_code": str}, encoding="utf-8-sig"
    )
    cli = cli_customers(
        tmp_path,
        path,
        "--method",
        "fixed",
        "--r-breaks",
        "3,7,14,21",
        "--f-breaks",
        "2,3,4,5",
        "--m-breaks",
        "50,100,200,400",
    )
    cli_new = cli[cli["segment"] == "new"]
    assert len(exported) == len(cli_new) > 0
    assert list(exported["customer_id"]) == list(cli_new["customer_id"])
    for column in ("recency_days", "frequency", "r_score", "f_score", "m_score", "rfm_code"):
        assert list(exported[column]) == list(cli_new[column]), column
    assert (exported["monetary"].to_numpy() - cli_new["monetary"].to_numpy()).max() < 0.005


def test_unreadable_file_error_on_the_reading_page(qtbot, window, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    window.open_files([path])
    wizard = window.wizard
    qtbot.addWidget(wizard)
    page = wizard.reading_page
    qtbot.waitUntil(lambda: page.error.isVisibleTo(wizard), timeout=10000)
    assert "binary file" in page.error.text() and "photo.csv" in page.error.text()
    assert not page.isComplete()
    assert wizard.currentPage() is page


def test_the_check_page_lists_the_engines_uncertain_choices(qtbot, window, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        'customer,date,amount\na,2024-01-01,"1.234,50"\nNA,2024-01-02,5\nb,2024-01-02,"2.500"\n',
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    facts = wizard.check_page.warnings.text()
    assert wizard.check_page.warnings.isVisibleTo(wizard)
    assert "'NA'" in facts  # the missing marker read as blank, not a customer
    assert "'2.500'" in facts and "2500" in facts  # the decimal separator decided


def test_shopify_guest_orders_keyed_by_phone_as_on_the_command_line(
    qtbot, window, wait_idle, tmp_path
):
    path = tmp_path / "orders_export.csv"
    header = (
        "Name,Email,Financial Status,Paid at,Total,Created at,Lineitem quantity,Cancelled at,Phone"
    )
    rows = [
        "#1,a@x.example,paid,,10.00,2024-03-01 09:00:00 -0500,1,,",
        "#2,,paid,,20.00,2024-03-02 09:00:00 -0500,1,,+15550001",
        "#3,,paid,,5.00,2024-03-03 09:00:00 -0500,1,,+15550001",
        "#4,a@x.example,paid,,7.00,2024-03-04 09:00:00 -0500,1,2024-03-05 09:00:00 -0500,",
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    wizard = drive_wizard(qtbot, window, [path])
    assert wizard.columns_page.column_map().customer_fallback == ("Phone",)
    finish(qtbot, window, wizard, wait_idle)
    cli = cli_customers(tmp_path, path)
    cli["customer_id"] = cli["customer_id"].str.lstrip("'")
    assert set(cli["customer_id"]) == {"a@x.example", "+15550001"}
    assert_same_as_cli(window, cli)


def test_a_chosen_file_skips_the_files_page_which_stays_one_back_away(qtbot, window, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("customer,date,amount\na,2024-01-01,10\nb,2024-01-02,5\n", encoding="utf-8")
    wizard = drive_wizard(qtbot, window, [path])  # asserts it opened on the reading page
    assert wizard.currentPage() is wizard.columns_page
    wizard.back()
    wizard.back()
    assert wizard.currentPage() is wizard.files_page
    assert [wizard.files_page.files.item(i).text() for i in range(1)] == [str(path)]


def _orders(path, customers, header="who,when,paid,note"):
    rows = [f"{c},2024-0{1 + i % 9}-1{i % 9},{5 + i},n{i}" for i, c in enumerate(customers)]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_remembered_layout_opens_on_the_check_page(qtbot, window, wait_idle, tmp_path):
    january = _orders(tmp_path / "january.csv", "abcabcde")
    february = _orders(tmp_path / "february.csv", "abffgh")
    wizard = drive_wizard(qtbot, window, [january])
    page = wizard.columns_page
    for role, header in (("customer", "who"), ("date", "when"), ("amount", "paid")):
        page.boxes[role].setCurrentIndex(page.boxes[role].findData(header))  # not guessed
    finish(qtbot, window, wizard, wait_idle)

    window.open_files([february])
    wizard = window.wizard
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert wizard.currentPage() is wizard.check_page
    assert wizard.columns_page.recalled
    assert wizard.result.config.columns.customer == "who"
    assert sorted(wizard.result.customers["customer_id"]) == ["a", "b", "f", "g", "h"]
    wizard.back()  # the user can still go back and change the columns
    assert wizard.currentPage() is wizard.columns_page
    assert wizard.columns_page.boxes["customer"].currentData() == "who"
    wizard.back()
    assert wizard.currentPage() is wizard.reading_page
    # A new choice on the reading page does not jump ahead again.
    wizard.reading_page.reload()
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    assert wizard.currentPage() is wizard.reading_page

    other = _orders(tmp_path / "other.csv", "abc", header="customer,date,amount,memo")
    window.open_files([other])  # another layout: the columns are for the user to confirm
    wizard = window.wizard
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    assert wizard.currentPage() is wizard.reading_page


def test_encodings_by_name_and_what_was_detected(qtbot, window, tmp_path):
    path = tmp_path / "taobao.csv"
    text = "买家会员名,订单付款时间,买家实际支付金额\n张三,2024/3/1 10:00,19.00\n"
    path.write_bytes((text + "王五的店,2024/3/2 9:00,18.00\n").encode("gb18030"))
    wizard = drive_wizard(qtbot, window, [path])
    wizard.back()
    page = wizard.reading_page
    names = [page.encoding.itemText(i) for i in range(page.encoding.count())]
    for name in (
        "Unicode (UTF-8)",
        "Chinese Simplified (GBK/GB18030)",
        "Chinese Traditional (Big5)",
        "Western (Windows-1252)",
        "Japanese (Shift_JIS)",
    ):
        assert name in names
    assert not [n for n in names if n in ("utf-8-sig", "gb18030", "big5", "cp1252")]
    assert page.detected.text() == (
        "Encoding: Chinese Simplified (GBK/GB18030). How sure: likely (it reads as common "
        "Chinese characters)."
    )
    page.encoding.setCurrentIndex(page.encoding.findData("gb18030"))
    page.reload()
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    assert page.detected.text() == (
        "Encoding: Chinese Simplified (GBK/GB18030). How sure: certain (chosen by you)."
    )


def test_column_pickers_show_the_first_distinct_values(qtbot, window, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount\n,2024-01-01,10\nann,2024-01-01,10\nann,2024-01-02,5\n"
        " bob ,2024-01-03,7\ncy,2024-01-04,8\ndi,2024-01-05,9\n",
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    box = wizard.columns_page.boxes["customer"]
    assert box.currentData() == "customer"
    assert box.currentText() == "customer   ·   ann, bob, cy"  # blanks and repeats skipped
    amounts = wizard.columns_page.boxes["amount"]
    assert amounts.itemText(amounts.findData("amount")) == "amount   ·   10, 5, 7"


def test_cleaning_rules_by_their_meaning(qtbot, window, tmp_path):
    from rfm_engine.outputs import label

    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount\na,2024-01-01,10\na,2024-01-01,10\nb,2024-01-02,-5\nc,2024-01-03,4\n",
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    table = wizard.check_page.model.frame()
    headers = [wizard.check_page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["What cleaning did", "Rows", "Examples"]  # no rule numbers
    assert list(table["what"]) == [
        label("rule_rows_read"),
        label("rule_duplicates"),
        label("rule_non_positive"),
        label("rule_rows_used"),
    ]
    assert list(table["rows"]) == [4, 1, 1, 2]
    assert table["examples"].iloc[1] == "row 2: customer=a, date=2024-01-01, amount=10"


def test_rows_without_customer_are_flagged_and_a_fallback_column_keys_them(
    qtbot, window, wait_idle, tmp_path
):
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer,date,amount,ref\na,2024-01-01,10,\n,2024-01-02,5,x1\n"
        ",2024-01-03,6,x1\nb,2024-01-03,7,\n",
        encoding="utf-8",
    )
    wizard = drive_wizard(qtbot, window, [path])
    wizard.next()
    page = wizard.check_page
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert page.warnings.isVisibleTo(wizard) and page.fix_key.isVisibleTo(wizard)
    text = page.warnings.text()
    assert "2 of 4 rows (50%) have no 'customer'" in text
    assert "Import › If the customer id is blank, use" in text
    page.fix_key.click()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    columns.fallback.hidePopup()
    columns.fallback.setCurrentIndex(columns.fallback.findData("ref"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert "many_blank_customers" not in {w.code for w in wizard.result.warnings}
    assert not page.fix_key.isVisibleTo(wizard)
    finish_from_check = wizard.next
    finish_from_check()
    wizard.accept()
    qtbot.waitUntil(lambda: window.result is not None, timeout=30000)
    wait_idle(window)
    cli = cli_customers(tmp_path, path, "--customer-fallback", "ref")
    assert sorted(cli["customer_id"]) == ["a", "b", "x1"]
    assert_same_as_cli(window, cli)


def test_columns_are_remembered_only_when_the_wizard_finishes(qtbot, window, tmp_path):
    path = _orders(tmp_path / "orders.csv", "abcab")
    wizard = drive_wizard(qtbot, window, [path])
    page = wizard.columns_page
    for role, header in (("customer", "who"), ("date", "note"), ("amount", "paid")):
        page.boxes[role].setCurrentIndex(page.boxes[role].findData(header))  # a wrong date
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.error.isVisible(), timeout=10000)
    wizard.reject()
    assert window.session.recall_columns(["who", "when", "paid", "note"]) is None
    window.open_files([path])  # so the next file is not sent to a failing check
    wizard = window.wizard
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.raw is not None, timeout=30000)
    assert wizard.currentPage() is wizard.reading_page


def test_an_encoding_guessed_from_statistics_says_so_and_stands_out(qtbot, window, tmp_path):
    path = tmp_path / "kunden.csv"
    rows = "".join(
        f"Müller-Lüdenscheidt {i},2024-03-0{i % 9 + 1},2{i}.00\nGroß,2024-04-01,9.99\n"
        for i in range(8)
    )
    path.write_bytes(("customer,date,amount\n" + rows).encode("cp1252"))
    wizard = drive_wizard(qtbot, window, [path])
    wizard.back()
    page = wizard.reading_page
    assert page.detected.text() == (
        "Encoding: Western (Windows-1252). How sure: a guess (chosen from how often letters "
        "occur; check the preview)."
    )
    assert "bold" in page.detected.styleSheet()
    assert "Müller-Lüdenscheidt 0" in set(wizard.raw["customer"])
