"""Analysing online_retail.csv in the desktop app: time to the filled tables, progress steps
seen, and the longest the GUI event loop was blocked (a 10 ms timer records its gaps).

    PYTHONPATH=. python benchmarks/bench_desktop_analysis.py [PATH]

Targets (issue 6): under 3 s, the progress bar moving, no event-loop gap over 0.1 s.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT = REPO.parent / "shared" / "datasets" / "online_retail" / "online_retail.csv"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings
    from rfm_engine import RfmConfig

    app = QApplication.instance() or QApplication([])
    store = QSettings(f"{tempfile.mkdtemp()}/bench.ini", QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(store), "en")
    window.show()
    app.processEvents()

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    progress: list[tuple[float, int, int]] = []
    window.runner.progress.connect(lambda d, t: progress.append((time.perf_counter(), d, t)))
    shown: list[float] = []
    window.result_changed.connect(lambda result: shown.append(time.perf_counter()))

    timer.start()
    start = time.perf_counter()
    ticks.append(start)
    window.run_analysis([path], RfmConfig())
    while not shown:
        app.processEvents()
        time.sleep(0.001)
    end = shown[0]
    app.processEvents()
    timer.stop()

    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    worst = max(gaps, default=0.0)
    customers = len(window.result.customers)
    print(f"file: {path.name}")
    print(f"customers: {customers:,}")
    print(f"time to tables shown: {end - start:.2f} s (target < 3 s)")
    steps = ", ".join(f"{d}/{t}@{p - start:.2f}s" for p, d, t in progress)
    print(f"progress updates: {len(progress)} ({steps})")
    print(f"longest event-loop gap: {worst * 1000:.0f} ms (target <= 100 ms)")
    late = [
        f"{(b - a) * 1000:.0f} ms ending at {b - start:.2f}s"
        for a, b in itertools.pairwise(ticks)
        if b - a > 0.1
    ]
    print(f"gaps over 100 ms: {', '.join(late) or 'none'}")
    print(f"event-loop gaps over 100 ms: {sum(g > 0.1 for g in gaps)} of {len(gaps)}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
