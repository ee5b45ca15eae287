"""Every chart, at window and report sizes, in English and Chinese: no two labels overlap and
none runs off the picture (text boxes from the drawing's own width estimate)."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from resources import sample_orders_path
from rfm_engine import RfmConfig, analyze, compare_periods
from rfm_engine.outputs import charts
from rfm_engine.outputs import result_charts as rc
from rfm_engine.outputs.svg_drawing import text_width

SVG = "{http://www.w3.org/2000/svg}"
SIZES = ((640, 360), (450, 300), (1340, 600))  # report, a third of 1366, a full-width chart


def text_boxes(svg: str) -> list[tuple[float, float, float, float, str]]:
    boxes = []
    for t in ET.fromstring(svg).iter(f"{SVG}text"):
        if t.get("transform"):  # rotated axis titles and labels: placed on their own
            continue
        x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
        width = text_width(t.text, size)
        anchor = t.get("text-anchor")
        x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        boxes.append((x0, y - size * 0.8, x0 + width, y + size * 0.2, t.text))
    return boxes


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def specs(request):
    result = analyze([sample_orders_path()], RfmConfig(lang=request.param))
    moves = compare_periods(
        [sample_orders_path()], result.config, as_of_now=result.as_of, days=90
    ).matrix
    return [
        rc.segment_treemap(result, "revenue", "GBP"),
        rc.segment_treemap(result, "customers"),
        rc.segment_bars(result, "customers"),
        rc.segment_bars(result, "revenue", "CNY"),
        rc.rf_heatmap(result),
        rc.migration_heatmap(result, moves),
        *(
            rc.metric_histogram(result, axis, "GBP")
            for axis in ("recency", "frequency", "monetary")
        ),
    ]


@pytest.mark.parametrize("size", SIZES)
def test_labels_neither_overlap_nor_run_off(specs, size):
    width, height = size
    for spec in specs:
        boxes = text_boxes(charts.render(spec, width, height).svg())
        assert len(boxes) > 5, spec.title
        for a, b in itertools.combinations(boxes, 2):
            apart = a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1
            assert apart, (spec.title, size, a[4], b[4])
        for box in boxes:
            inside = box[0] >= 0 and box[2] <= width + 0.5 and box[1] >= 0 and box[3] <= height
            assert inside, (spec.title, size, box)
