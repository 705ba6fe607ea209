"""Benchmark: index uncertainty (1,000 simulated recipes as one batch) vs 1,000 sequential runs of the index.

Run:  OMP_NUM_THREADS=1 .venv/bin/python bench/bench_uncertainty.py [--sizes 542 10000] [--draws 1000]
      [--sequential N] [--sobol-base B]

Single core: BLAS threads are limited to 1 before numpy is imported. Per size (districts x 10 synthetic
indicators, bench/synthetic.py; 542 = Berlin's Planungsräume of the MSS 2021 fixture with its 6 indicators
and the real recipe) it prints:
- batch: ``run_uncertainty`` with ``--draws`` draws over normalisation (z / min-max / rank), aggregation
  (arithmetic / geometric), a weight range per indicator, winsorising on/off and dropping one indicator;
- sequential: ``compute_index`` run ``--sequential`` times on recipes that differ in the same way (the
  baseline, measured in the same run), scaled to ``--draws`` runs; ratio = sequential / batch;
- with --sobol-base B > 0 also the Sobol design (B x (choices + 2) further draws).
"""
import argparse
import copy
import os
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import _setup  # noqa: E402,F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import synthetic  # noqa: E402

K = 10


def _section(ids):
    return {"normalisation": ["zscore", "minmax", "rank"], "aggregation": ["arithmetic", "geometric"],
            "weight_ranges": {i: [0.5, 1.5] for i in ids}, "winsorise": [None, {"method": "sd", "k": 3}],
            "drop_indicator": True}


def synthetic_case(n):
    from sozialmonitor.plugin.core.recipe.load import Recipe

    data = synthetic.bench_recipe(K).to_dict()
    data["uncertainty"] = _section([f"x{i}" for i in range(1, K + 1)])
    return synthetic.make_frame(n, K), Recipe.from_dict(data)


def berlin_case():
    import json

    from sozialmonitor.plugin.core.recipe.load import Recipe

    raw = pd.read_csv(_setup.ROOT / "tests" / "fixtures" / "mss2021" / "mss2021_index_indicators_raw.csv",
                      dtype={"PLR_ID": str, "BEZ_ID": str})
    data = json.loads((_setup.ROOT / "resources" / "recipes" / "berlin_mss_2021.json").read_text(encoding="utf-8"))
    data["uncertainty"] = _section(["S1", "S3", "S4"])
    return raw, Recipe.from_dict(data)


def time_sequential(frame, recipe, runs, seed=0):
    """``runs`` plain compute_index runs on recipes varied like the draws (arithmetic aggregation)."""
    from sozialmonitor.plugin.core.index.compute import compute_index

    rng = np.random.default_rng(seed)
    unc = recipe.uncertainty
    variants = []
    for _ in range(runs):
        r = copy.deepcopy(recipe)
        r.uncertainty = None
        r.normalisation.method = unc.normalisation[rng.integers(len(unc.normalisation))]
        r.treatment.winsorise = unc.winsorise[rng.integers(len(unc.winsorise))]
        for ind in r.indicators:
            if ind.id in unc.weight_ranges:
                low, high = unc.weight_ranges[ind.id]
                ind.weight = low + (high - low) * rng.random()
        variants.append(r)
    start = time.perf_counter()
    for r in variants:
        compute_index(frame, r)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[542, 10000])
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--sequential", type=int, default=50, help="plain runs measured, scaled to --draws")
    parser.add_argument("--sobol-base", type=int, default=0)
    args, _unknown = parser.parse_known_args()  # run_all.py passes every benchmark the same arguments
    from sozialmonitor.plugin.core.index.uncertainty_run import run_uncertainty

    print(f"{'districts':>10} {'indic.':>6} {'draws':>6} {'batch s':>8} {'seq. s (1 run)':>15} "
          f"{'seq. s (draws)':>15} {'ratio':>7} {'sobol runs':>10} {'sobol s':>8}")
    for n in args.sizes:
        frame, recipe = berlin_case() if n == 542 else synthetic_case(n)
        k = len(recipe.indices[0].indicators)
        start = time.perf_counter()
        run_uncertainty(frame, recipe, draws=args.draws, seed=1)
        batch = time.perf_counter() - start
        one = time_sequential(frame, recipe, args.sequential) / args.sequential
        sobol_runs, sobol_s = 0, 0.0
        if args.sobol_base:
            start = time.perf_counter()
            result = run_uncertainty(frame, recipe, draws=0, seed=1, sobol_base=args.sobol_base)
            sobol_s = time.perf_counter() - start
            sobol_runs = result.summary["sobol_runs"]
        print(f"{n:>10} {k:>6} {args.draws:>6} {batch:>8.2f} {one:>15.4f} {one * args.draws:>15.1f} "
              f"{one * args.draws / batch:>7.1f} {sobol_runs:>10} {sobol_s:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
