"""`rfm report`: the HTML report renders its charts offline in a headless browser, and the PDF
converts to pages that show the same charts. Both from the built-in sample."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest

from resources import sample_orders_path
from rfm_cli.main import main
from rfm_engine import RfmConfig, analyze
from rfm_engine.outputs import segment_colours

QtGui = pytest.importorskip("PySide6.QtGui")


def colour_pixels(png) -> Counter:
    """How many pixels (every 2nd row and column) have each exact colour, as ``#rrggbb``."""
    image = QtGui.QImage(str(png))
    assert not image.isNull(), png
    counts: Counter = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            counts[QtGui.QColor(image.pixel(x, y)).name()] += 1
    return counts


def segments_drawn(counts: Counter, min_pixels: int) -> set[str]:
    """Segments whose colour (give or take 4 per channel: PDF rasterising shifts it) covers at
    least ``min_pixels`` of the sampled pixels."""
    colours = segment_colours(analyze([sample_orders_path()], RfmConfig()))

    def near(a: str, b: str) -> bool:
        return all(abs(int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) <= 4 for i in (1, 3, 5))

    return {
        key
        for key, colour in colours.items()
        if sum(n for c, n in counts.items() if near(c, colour)) >= min_pixels
    }


def test_html_report_renders_its_charts_offline(tmp_path, capsys):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (scripts/bootstrap.sh dev installs it)")
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--currency", "GBP"]) == 0
    assert f"Report: {out}" in capsys.readouterr().out
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-proxy-server", "--proxy-server=127.0.0.1:9",
            "--window-size=1366,2600", f"--screenshot={shot}", out.as_uri(),
        ],
        check=True, capture_output=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    counts = colour_pixels(shot)
    # every segment with customers shows in its colour (treemap and bars), not only as text
    assert len(segments_drawn(counts, 200)) >= 10
    assert counts["#4e79a7"] > 5000  # the histograms' bars


def test_pdf_report_pages_show_the_charts(tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (poppler-utils; scripts/bootstrap.sh dev)")
    out = tmp_path / "report.pdf"
    assert main(["report", "--out", str(out), "--lang", "zh_CN"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page")], check=True, timeout=120
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 3 <= len(pages) <= 12
    counts = sum((colour_pixels(p) for p in pages), Counter())
    assert len(segments_drawn(counts, 20)) >= 10
    assert not list(tmp_path.glob("*.tmp*"))  # written atomically, nothing left over


def test_bad_output_name_is_one_line(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "report.docx")]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {tmp_path / 'report.docx'}: give a file name ending in .html or .pdf"]
    assert main(["report", "--out", str(tmp_path / "r.html"), "--currency", "XYZ"]) == 3
    assert "--currency XYZ" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
