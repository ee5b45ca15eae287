"""``--selftest`` in-process: the checks a packaged build runs, against the engine's answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from desktop import i18n, selftest
from desktop.app import main
from resources import sample_orders_path
from rfm_engine import analyze

REPO = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_inputs_are_gbk_csv_and_xlsx_with_the_same_orders(tmp_path):
    csv_path, xlsx_path = selftest.write_inputs(tmp_path, rows=50)
    raw = csv_path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    assert text.splitlines()[0] == "订单编号,买家会员名,订单付款时间,买家实际支付金额"
    first = pd.read_csv(sample_orders_path(), dtype=str, nrows=1).iloc[0]
    assert text.splitlines()[1].split(",")[:2] == [first["order_id"], "买家" + first["customer_id"]]
    book = pd.read_excel(xlsx_path, dtype={"买家会员名": str}, engine="openpyxl")
    table = pd.read_csv(csv_path, encoding="gbk", dtype={"买家会员名": str})
    assert len(book) == len(table) == 50
    assert list(book["买家会员名"]) == list(table["买家会员名"])
    assert book["买家实际支付金额"].sum() == pytest.approx(table["买家实际支付金额"].sum())
    assert str(book["订单付款时间"].dtype).startswith("datetime64")


def test_selftest_matches_the_engine(qapp, tmp_path):
    png = tmp_path / "self.png"
    try:
        report = selftest.run(png, "zh_CN")
    finally:
        i18n.install("en")
    orders = pd.read_csv(sample_orders_path(), dtype=str, nrows=selftest.ROWS)
    # a first run in 简体中文 segments with the Chinese default scheme (cn8)
    from desktop.settings import default_config

    subset = analyze(orders[list(selftest.TAOBAO_HEADERS)], default_config("zh_CN")).customers
    largest = subset["segment"].value_counts()
    assert report.customers == len(subset)
    assert report.segment == largest.index[0]
    assert report.exported == largest.iloc[0]
    assert report.sample_customers == len(analyze(sample_orders_path()).customers)
    assert report.font
    image = QImage(str(png))
    assert image.width() >= 800 and image.height() >= 500
    assert report.line().startswith("selftest: RFM ") and str(png) in report.line()


def test_main_prints_one_line_and_exits_1_on_a_failure(qapp, tmp_path, capsys):
    png = tmp_path / "missing-folder" / "self.png"
    try:
        assert main(["--selftest", str(png)]) == 1
    finally:
        i18n.install("en")
    err = capsys.readouterr().err.strip()
    assert err == f"selftest: cannot write the screenshot {png}"


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts (no Chinese glyphs)")
def test_without_a_chinese_font_the_selftest_fails(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{DEJAVU}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--selftest", str(tmp_path / "self.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "selftest: no font with Chinese characters" in done.stderr
    assert not (tmp_path / "self.png").exists()


def test_an_error_dialog_fails_the_step_with_its_message(window):
    from desktop.error_dialog import show_error
    from rfm_engine import RfmError

    show_error(window, RfmError("orders.csv: no date column"))
    box = window.findChild(QMessageBox)
    try:
        with pytest.raises(selftest.SelftestError, match=r"^reading orders.csv: orders.csv: no"):
            selftest.wait_until(lambda: False, "reading orders.csv")
    finally:
        box.close()


def test_a_file_without_dates_stops_at_the_columns(window, tmp_path):
    path = tmp_path / "no_dates.csv"
    path.write_text("customer,amount\nc1,10\nc2,20\n", encoding="utf-8")
    with pytest.raises(selftest.SelftestError, match=r"^no_dates.csv: columns not recognised"):
        selftest.import_file(window, path)
    window.wizard.reject()
