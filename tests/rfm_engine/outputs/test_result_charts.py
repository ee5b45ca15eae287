"""Chart specifications of a result, drawn as SVG: colours, labels, cut points, click targets."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from resources import sample_orders_path
from rfm_engine import RfmConfig, analyze
from rfm_engine.outputs import charts, result_charts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def result():
    return analyze([sample_orders_path()], RfmConfig())


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # also checks the SVG is well-formed XML
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_segment_bars_one_colour_per_segment_and_no_scientific_notation(result):
    spec = result_charts.segment_bars(result, "revenue", "GBP")
    drawing = charts.render(spec, 640, 360)
    words = texts(drawing.svg())
    assert not any(re.search(r"\de[+-]?\d", w) for w in words)
    colours = result_charts.segment_colours(result)
    assert len(set(colours.values())) == len(colours)  # one colour per segment
    bars = [r for r in drawing.regions if r.target[0] == "segment"]
    shown = result.summary[result.summary["revenue"] > 0]
    assert [r.target[1] for r in bars] == shown["segment"].tolist()
    # bar lengths are proportional to revenue
    widths = np.array([r.width for r in bars])
    revenue = shown["revenue"].to_numpy()
    assert np.allclose(widths / widths.max(), revenue / revenue.max(), atol=1e-3)
    top = shown.loc[shown["revenue"].idxmax()]
    assert any(w.startswith("£" + f"{top.revenue / 1000:.1f}k") for w in words)


def test_treemap_areas_follow_the_measure(result):
    spec = result_charts.segment_treemap(result, "customers")
    drawing = charts.render(spec, 600, 400)
    areas = {r.target[1]: r.width * r.height for r in drawing.regions}
    counts = result.summary.set_index("segment")["customers"]
    shown = counts[counts > 0]
    # tiles are drawn 1 px inside their boxes; compare with the boxes' shares
    boxes = charts.squarify(sorted(shown.tolist(), reverse=True), 0, 0, 100, 100)
    assert sum(w * h for _, _, w, h in boxes) == pytest.approx(10000)
    biggest = max(areas, key=areas.get)
    assert biggest == shown.idxmax()
    assert set(areas) == set(shown.index)


def test_rf_heatmap_counts_and_titles_follow_the_bins():
    result = analyze(
        [sample_orders_path()],
        RfmConfig.from_dict({"scoring": {"bins": 4}, "segments": {"scheme": "cn8"}}),
    )
    spec = result_charts.rf_heatmap(result)
    assert spec.row_title == "R score (4 = most recent)"
    assert len(spec.values) == 4 and sum(map(sum, spec.values)) == len(result.customers)
    c = result.customers
    n = int(((c["r_score"] == 4) & (c["f_score"] == 1)).sum())
    assert spec.values[0][0] == n and spec.targets[0][0] == ("rf", 4, 1)
    regions = charts.render(spec, 500, 400).regions
    assert {r.target for r in regions} == {
        spec.targets[i][j] for i in range(4) for j in range(4) if spec.values[i][j]
    }


def test_money_histogram_on_a_log_axis_with_labelled_cut_points(result):
    spec = result_charts.metric_histogram(result, "monetary", "GBP")
    assert spec.log
    assert sum(spec.counts) == len(result.customers)
    words = texts(charts.render(spec, 640, 360).svg())
    for cut in result.cut_points["monetary"].cut_points:
        assert result_charts.ValueStyle("money", "GBP").short(cut) in words
    assert "£100" in words and "£10" in words  # round log ticks


def test_frequency_ties_draw_once_between_the_bars(result):
    cuts = result.cut_points["frequency"].cut_points
    assert cuts[0] == cuts[1]  # the sample's frequency ties (a fixture of this test)
    spec = result_charts.metric_histogram(result, "frequency")
    assert spec.cuts[0] == cuts[0] + 0.5
    words = texts(charts.render(spec, 640, 360).svg())
    assert words.count(f"≤{cuts[0]:g}") == 1


def test_overview_figures(result):
    c = result.customers
    ov = result_charts.overview(result)
    assert ov.customers == c["customer_id"].nunique()
    assert ov.revenue == pytest.approx(result.summary["revenue"].sum())
    assert ov.repeat_rate == pytest.approx((c["orders"] > 1).sum() / len(c))
    at_risk = result.summary[result.summary["segment"].isin(ov.at_risk_segments)]
    assert ov.revenue_at_risk == pytest.approx(at_risk["revenue"].sum())
    todo = result_charts.do_now(result)
    assert todo[-1]["segment"] == "champions"
    assert [t["revenue"] for t in todo[:-1]] == sorted(
        (t["revenue"] for t in todo[:-1]), reverse=True
    )


def test_overview_matches_the_online_retail_reference(shared_datasets):
    import pandas as pd

    from rfm_engine import ColumnMap

    folder = shared_datasets / "online_retail"
    config = RfmConfig(
        columns=ColumnMap(
            customer="CustomerID",
            date="InvoiceDate",
            order="InvoiceNo",
            quantity="Quantity",
            price="UnitPrice",
        )
    )
    result = analyze([folder / "online_retail.csv"], config)
    reference = pd.read_csv(folder / "reference_default.csv")
    ov = result_charts.overview(result)
    assert ov.customers == len(reference) == 4338
    assert ov.revenue == pytest.approx(reference["monetary"].sum(), abs=0.01)
    assert ov.active == int((reference["recency_days"] <= 90).sum())
    assert ov.repeat_rate == pytest.approx((reference["frequency"] >= 2).mean())
