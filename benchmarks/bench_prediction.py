"""Fit and predict the purchase models for many customers: our scipy implementation beside
lifetimes (and pymc-marketing, from another interpreter) on the same synthetic data.

Run from the repo root (not part of the test suite)::

    python benchmarks/bench_prediction.py [--customers 1000000] [--skip-lifetimes]
        [--pymc-python /path/to/venv-with-pymc-marketing/bin/python]

The customers are drawn from the BG/NBD process itself (r = 0.25, α = 4, a = 0.8, b = 2.5,
weeks) with observation periods of 26 to 78 weeks counted in whole days, and spend from the
Gamma-Gamma process (p = 6, q = 4, γ = 15), so the fitted values can be compared with the truth.
Each library fits and predicts (P(alive), expected purchases in 90 days, expected spend); the
table gives wall seconds, the peak of Python-tracked memory (tracemalloc) for our run, the
process's peak resident size, and the largest relative difference of their predictions from
ours.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TRUE_BGNBD = {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.5}
TRUE_GG = {"p": 6.0, "q": 4.0, "gamma": 15.0}
HORIZON_WEEKS = 90 / 7


def synthetic_summary(customers: int, seed: int = 7) -> pd.DataFrame:
    """frequency, recency, T (weeks, whole days / 7) and monetary_value per customer."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(TRUE_BGNBD["r"], 1 / TRUE_BGNBD["alpha"], customers)
    p = rng.beta(TRUE_BGNBD["a"], TRUE_BGNBD["b"], customers)
    T_days = rng.integers(26 * 7, 78 * 7 + 1, customers)
    T = T_days / 7
    x = np.zeros(customers, dtype="int64")
    t_x = np.zeros(customers)
    now = np.zeros(customers)
    active = np.arange(customers)
    while len(active):
        now[active] += rng.exponential(1 / lam[active])
        bought = now[active] <= T[active]
        active = active[bought]
        x[active] += 1
        t_x[active] = now[active]
        stays = rng.random(len(active)) >= p[active]
        active = active[stays]
    recency = np.floor(t_x * 7) / 7  # whole days, like real exports
    nu = rng.gamma(TRUE_GG["q"], 1 / TRUE_GG["gamma"], customers)
    spend = np.full(customers, np.nan)
    repeat = x > 0
    spend[repeat] = rng.gamma(TRUE_GG["p"] * x[repeat], 1 / nu[repeat]) / x[repeat]
    return pd.DataFrame({"frequency": x, "recency": recency, "T": T, "monetary_value": spend})


def run_ours(summary: pd.DataFrame) -> tuple[dict, dict[str, np.ndarray]]:
    from rfm_engine.prediction import bgnbd, gamma_gamma

    x, t_x, T = (summary[c].to_numpy(dtype="float64") for c in ("frequency", "recency", "T"))
    m = summary["monetary_value"].to_numpy()
    tracemalloc.start()
    start = time.perf_counter()
    bg = bgnbd.fit_bgnbd(x, t_x, T)
    fitted = time.perf_counter()
    repeat = x > 0
    gg = gamma_gamma.fit_gamma_gamma(x[repeat], m[repeat])
    gg_fitted = time.perf_counter()
    predictions = {
        "p_alive": bgnbd.probability_alive(bg.params, x, t_x, T),
        "purchases_90d": bgnbd.expected_purchases(bg.params, HORIZON_WEEKS, x, t_x, T),
        "spend": gamma_gamma.expected_spend(gg.params, x, m),
    }
    end = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    row = {
        "library": "rfm_engine (scipy)",
        "bgnbd_fit_s": fitted - start,
        "gamma_gamma_fit_s": gg_fitted - fitted,
        "predict_s": end - gg_fitted,
        "total_s": end - start,
        "tracked_peak_mb": peak / 2**20,
        **{k: round(v, 4) for k, v in bg.params.to_dict().items()},
        **{k: round(v, 4) for k, v in gg.params.to_dict().items()},
    }
    return row, predictions


def run_lifetimes(summary: pd.DataFrame) -> tuple[dict, dict[str, np.ndarray]]:
    import lifetimes

    start = time.perf_counter()
    bgf = lifetimes.BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
    fitted = time.perf_counter()
    repeat = summary[summary["frequency"] > 0]
    ggf = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    gg_fitted = time.perf_counter()
    x, t_x, T = summary["frequency"], summary["recency"], summary["T"]
    predictions = {
        "p_alive": np.asarray(bgf.conditional_probability_alive(x, t_x, T)),
        "purchases_90d": np.asarray(
            bgf.conditional_expected_number_of_purchases_up_to_time(HORIZON_WEEKS, x, t_x, T)
        ),
        "spend": np.asarray(
            ggf.conditional_expected_average_profit(x, summary["monetary_value"].fillna(0))
        ),
    }
    end = time.perf_counter()
    row = {
        "library": f"lifetimes {lifetimes.__version__}",
        "bgnbd_fit_s": fitted - start,
        "gamma_gamma_fit_s": gg_fitted - fitted,
        "predict_s": end - gg_fitted,
        "total_s": end - start,
        **{k: round(float(bgf.params_[k]), 4) for k in ("r", "alpha", "a", "b")},
        "p": round(float(ggf.params_["p"]), 4),
        "q": round(float(ggf.params_["q"]), 4),
        "gamma": round(float(ggf.params_["v"]), 4),
    }
    return row, predictions


PYMC_SCRIPT = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd
import pymc_marketing
from pymc_extras.prior import Prior
from pymc_marketing.clv import BetaGeoModel
data = np.load(sys.argv[1])
frame = pd.DataFrame({"customer_id": np.arange(len(data["T"])), "frequency": data["frequency"],
                      "recency": data["recency"], "T": data["T"]})
flat = {k: Prior("HalfFlat") for k in ("r", "alpha", "a", "b")}
start = time.perf_counter()
model = BetaGeoModel(data=frame, model_config=flat)
model.fit(fit_method="map", progressbar=False)
fitted = time.perf_counter()
params = model.fit_summary()
alive = model.expected_probability_alive().mean(("chain", "draw")).to_numpy()
purchases = model.expected_purchases(future_t=float(sys.argv[3])).mean(("chain", "draw")).to_numpy()
end = time.perf_counter()
np.savez(sys.argv[2], p_alive=alive, purchases_90d=purchases)
print(json.dumps({"library": "pymc-marketing " + pymc_marketing.__version__ + " (MAP, flat priors)",
                  "bgnbd_fit_s": fitted - start, "predict_s": end - fitted,
                  "total_s": end - start,
                  **{k: round(float(params[k]), 4) for k in ("r", "alpha", "a", "b")}}))
"""


def run_pymc(python: str, summary: pd.DataFrame) -> tuple[dict, dict[str, np.ndarray]]:
    with tempfile.TemporaryDirectory(prefix="bench_prediction_") as tmp:
        data = Path(tmp) / "summary.npz"
        out = Path(tmp) / "predictions.npz"
        np.savez(data, **{c: summary[c].to_numpy() for c in ("frequency", "recency", "T")})
        script = Path(tmp) / "pymc_case.py"
        script.write_text(PYMC_SCRIPT, encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run(
            [python, str(script), str(data), str(out), str(HORIZON_WEEKS)],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1])
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row["process_wall_s"] = wall
        with np.load(out) as arrays:
            predictions = {k: arrays[k] for k in arrays.files}
    return row, predictions


def max_relative_difference(theirs: dict, ours: dict) -> float:
    worst = 0.0
    for key, values in theirs.items():
        mine = ours[key]
        scale = np.maximum(np.abs(mine), 1e-12)
        worst = max(worst, float(np.nanmax(np.abs(values - mine) / scale)))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--skip-lifetimes", action="store_true")
    parser.add_argument("--pymc-python", help="a Python with pymc-marketing installed")
    args = parser.parse_args()

    start = time.perf_counter()
    summary = synthetic_summary(args.customers)
    repeat = int((summary["frequency"] > 0).sum())
    print(
        f"{args.customers:,} synthetic customers ({repeat:,} repeat buyers) made in "
        f"{time.perf_counter() - start:.1f} s; distinct (x, t_x, T): "
        f"{len(summary[['frequency', 'recency', 'T']].drop_duplicates()):,}"
    )
    print(f"true values: {TRUE_BGNBD} {TRUE_GG}")
    rows = []
    ours_row, ours = run_ours(summary)
    rows.append(ours_row)
    if not args.skip_lifetimes:
        row, theirs = run_lifetimes(summary)
        row["max_rel_diff_vs_ours"] = max_relative_difference(theirs, ours)
        rows.append(row)
    if args.pymc_python:
        try:
            row, theirs = run_pymc(args.pymc_python, summary)
            theirs = {k: v for k, v in theirs.items() if k in ours}
            row["max_rel_diff_vs_ours"] = max_relative_difference(theirs, ours)
            rows.append(row)
        except (RuntimeError, OSError) as exc:
            print(f"pymc-marketing: failed ({exc})")
    table = pd.DataFrame(rows).set_index("library").T
    with pd.option_context("display.width", 160, "display.max_columns", 10):
        print(table.to_string(float_format=lambda v: f"{v:.4g}"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident size of this process (ours and lifetimes): {peak_mb:,.0f} MB")
    print(f"cpus: {os.cpu_count()}")


if __name__ == "__main__":
    main()
