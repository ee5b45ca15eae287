"""The overview page: key figures, treemap, do-this-now, warnings with their fix; the customer
detail, exports of exactly the customers shown, and Export → Report."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from desktop import engine_adapter as engine
from desktop.engine_text import warning_text


def buttons(widget, text: str) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton) if b.text().startswith(text)]


def test_overview_first_with_key_figures_and_do_now(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    page = window.overview_page
    assert window.tabs.currentWidget() is page
    c = window.result.customers
    assert page.cards[0].value.text() == f"{len(c):,}"
    assert page.cards[1].value.text() == f"{int((c['recency_days'] <= 90).sum()):,}"
    assert page.cards[3].value.text() == f"{(c['orders'] >= 2).mean() * 100:.1f}%"
    assert sum(i.value for i in page.treemap.spec.items) == len(c)
    page.size_by.setCurrentIndex(1)
    assert sum(i.value for i in page.treemap.spec.items) == pytest.approx(c["revenue"].sum())
    # the first "do this now" line is the at-risk segment with the most revenue
    buttons(page.todo_box, "Customers")[0].click()
    assert window.tabs.currentWidget() is window.customers_panel
    shown = window.customers_panel.shown_rows()
    assert set(shown["segment"]) == {"at_risk"}
    assert len(shown) == int((c["segment"] == "at_risk").sum())
    buttons(page.todo_box, "Export")[0].click()
    assert window.exporter.chosen_segments() == ["at_risk"]
    window.exporter.reject()


def test_currency_is_shown_on_money(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    page = window.overview_page
    assert page.cards[2].value.text() == "296k"  # the sample's columns name no currency
    window.set_currency("GBP")
    assert page.cards[2].value.text() == "£296k"
    assert window.charts_panel.revenue_chart.spec.style.currency == "GBP"
    assert window.settings.currency() == "GBP"


def test_customer_detail_and_export_of_exactly_the_shown(qtbot, window, wait_idle, tmp_path):
    window.open_sample()
    wait_idle(window)
    window.open_target(("rf", 1, 5))
    panel = window.customers_panel
    shown = panel.shown_rows()
    c = window.result.customers
    assert set(shown["customer_id"]) == set(
        c.loc[(c["r_score"] == 1) & (c["f_score"] == 5), "customer_id"]
    )
    assert "last_purchase" in shown.columns
    first = shown.iloc[0]
    expected_day = (
        pd.Timestamp(window.result.as_of) - pd.Timedelta(days=first.recency_days)
    ).date()
    assert first.last_purchase == expected_day
    window._open_customer(panel.view.model().index(0, 0))
    texts = [w.text() for w in window.detail.findChildren(QLabel)]
    assert str(first.customer_id) in texts and first.segment_name in texts
    assert expected_day.isoformat() in texts
    wait_idle(window)  # the purchases are read in the background
    table = window.detail.purchases
    orders = {table.item(i, 1).text() for i in range(table.rowCount())}
    assert len(orders) == first.frequency
    assert table.item(table.rowCount() - 1, 0).text() == expected_day.isoformat()
    window.detail.close()
    path = tmp_path / "shown.csv"
    window.write_customers(path, shown)
    wait_idle(window)
    back = pd.read_csv(path, encoding="utf-8-sig", dtype={"customer_id": str})
    assert set(back["customer_id"]) == set(shown["customer_id"])


def test_report_from_the_window(qtbot, window, wait_idle, tmp_path):
    window.open_sample()
    wait_idle(window)
    window.write_report(tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 7 and "Do this now" in html
    window.write_report(tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


TAOBAO = engine.ColumnMap(
    customer="买家会员名", date="订单付款时间 ", amount="买家实际支付金额", order="订单编号"
)


def test_tie_warning_on_taobao_and_its_one_click_fix(qtbot, window, wait_idle, shared_datasets):
    path = shared_datasets / "taobao_toy_shop_2017" / "orders_utf8.csv"
    window.run_analysis([path], engine.RfmConfig(columns=TAOBAO))
    wait_idle(window)
    page = window.overview_page
    ties = [w for w in window.result.warnings if w.code == "quantile_ties"]
    assert [w.evidence["axis"] for w in ties] == ["frequency"]
    before = window.result.customers["f_score"]
    assert set(before.unique()) == {1, 5}  # F is only 1 or 5: the finding
    # every warning is on the overview, and the tie has its fix
    labels = [w.text() for w in page.warning_box.findChildren(QLabel)]
    assert all(warning_text(w, "en") in labels for w in window.result.warnings)
    fix = buttons(page.warning_box, "Use fixed thresholds")
    assert len(fix) == 1
    fix[0].click()
    dialog = window.tie_fix
    suggested = ties[0].evidence["customers_per_score_suggested"]
    assert [dialog.table.item(1, i).text() for i in range(5)] == [f"{n:,}" for n in suggested]
    dialog.accept()
    wait_idle(window)
    result = window.result
    assert result.config.scoring.frequency.method == "fixed"
    frequency = result.customers["frequency"]
    used = result.customers["f_score"].nunique()
    assert used == min(5, frequency.nunique())  # every score the data allows
    assert not [w for w in result.warnings if w.code == "quantile_ties"]
    assert list(result.cut_points["frequency"].counts) == list(suggested)


def test_segments_with_actions_lead_to_their_customers(qtbot, window, wait_idle):
    window.open_sample()
    wait_idle(window)
    page = window.overview_page
    text = page.segments_list.text()
    summary = window.result.summary
    for row in summary[summary["customers"] > 0].itertuples():
        assert row.action in text and f'href="{row.segment}"' in text
    page.segments_list.linkActivated.emit("lost")
    shown = window.customers_panel.shown_rows()
    assert set(shown["segment"]) == {"lost"}


def test_segment_table_shows_each_segments_chart_colour(qtbot, window, wait_idle):
    from PySide6.QtCore import Qt

    from rfm_engine.outputs import segment_colours

    window.open_sample()
    wait_idle(window)
    model = window.summary_panel.model
    colours = segment_colours(window.result)
    keys = window.result.summary["segment"].tolist()
    for row, key in enumerate(keys):
        swatch = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
        assert swatch.name() == colours[key]
    bars = {i.target[1]: i.colour for i in window.charts_panel.customers_chart.spec.items}
    assert all(bars[k] == colours[k] for k in bars)
