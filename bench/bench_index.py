"""Benchmark: Sozialmonitor index engine vs the same z-score index with QGIS field-calculator expressions.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_index.py [--sizes 1000 100000 1000000]
      [--fieldcalc-max N] [--algorithm-max N] [--quick]

Prints, per size (districts x 10 indicators):
- core: ``compute_index(df, recipe)`` on an in-memory DataFrame (best of 3);
- algorithm: ``sozialmonitor:compute_index`` reading a GeoPackage and writing a GeoPackage (bulk path);
- fieldcalc: the same index with a chain of ``native:fieldcalculator`` steps: one per indicator
  ``("x1" - mean("x1")) / stdev("x1")`` (note: QGIS ``stdev()`` is the sample SD; fine for timing, the
  reference-set filter of the engine (EW >= 300) is also left out, which only favours the field calculator),
  then the sum, its re-standardisation and the class (CASE), the last step written to a GeoPackage;
- the ratio fieldcalc / algorithm. By default every size runs all three (the field calculator needs
  about 6 minutes at 1,000,000 on two cores); --fieldcalc-max / --algorithm-max skip the QGIS runs above
  a size, --quick runs 1,000 and 10,000 only.
"""
import argparse
import tempfile
import time
from pathlib import Path

import _setup  # noqa: E402,F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import synthetic  # noqa: E402

K = 10


def time_core(n, recipe, repeat):
    from sozialmonitor.plugin.core.index.compute import compute_index

    frame = synthetic.make_frame(n, K)
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        compute_index(frame, recipe)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def time_algorithm(uri, recipe_path, out_path):
    import processing

    start = time.perf_counter()
    processing.run("sozialmonitor:compute_index", {"INPUT": uri, "RECIPE": str(recipe_path), "OUTPUT": str(out_path)})
    return time.perf_counter() - start


def time_fieldcalc(uri, out_path):
    import processing

    start = time.perf_counter()
    layer = uri
    steps = []
    for i in range(1, K + 1):
        steps.append((f"z_x{i}", f'("x{i}" - mean("x{i}")) / stdev("x{i}")'))
    steps.append(("idx_agg", " + ".join(f'"z_x{i}"' for i in range(1, K + 1))))
    steps.append(("idx_score", '("idx_agg" - mean("idx_agg")) / stdev("idx_agg")'))
    steps.append(("idx_class", "CASE WHEN \"idx_score\" < -1 THEN 'hoch' WHEN \"idx_score\" <= 1 THEN 'mittel' "
                               "WHEN \"idx_score\" <= 1.5 THEN 'niedrig' ELSE 'sehr niedrig' END"))
    for j, (name, formula) in enumerate(steps):
        last = j == len(steps) - 1
        result = processing.run("native:fieldcalculator", {
            "INPUT": layer, "FIELD_NAME": name, "FIELD_TYPE": 2 if name == "idx_class" else 0,
            "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": formula,
            "OUTPUT": str(out_path) if last else "TEMPORARY_OUTPUT"})
        layer = result["OUTPUT"]
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000, 1000000])
    parser.add_argument("--fieldcalc-max", type=int, default=None, help="default: the largest size")
    parser.add_argument("--algorithm-max", type=int, default=None, help="default: the largest size")
    parser.add_argument("--quick", action="store_true", help="sizes 1,000 and 10,000 only")
    args = parser.parse_args()
    if args.quick:
        args.sizes = [1000, 10000]
    args.fieldcalc_max = max(args.sizes) if args.fieldcalc_max is None else args.fieldcalc_max
    args.algorithm_max = max(args.sizes) if args.algorithm_max is None else args.algorithm_max

    recipe = synthetic.bench_recipe(K)
    app = _setup.qgis_app()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        recipe_path = Path(tmp) / "bench_recipe.json"
        recipe.save(recipe_path)
        for n in args.sizes:
            core = time_core(n, recipe, 3)  # best of 3: the first call also pays for imports and caches
            alg = calc = None
            if n <= max(args.fieldcalc_max, args.algorithm_max):
                uri = synthetic.write_gpkg(synthetic.make_frame(n, K), Path(tmp) / f"in_{n}.gpkg")
                if n <= args.algorithm_max:
                    alg = time_algorithm(uri, recipe_path, Path(tmp) / f"alg_{n}.gpkg")
                if n <= args.fieldcalc_max:
                    calc = time_fieldcalc(uri, Path(tmp) / f"calc_{n}.gpkg")
            rows.append((n, core, alg, calc))
            print_row(rows[-1], header=len(rows) == 1)
    del app


def _fmt(value):
    return f"{value:9.3f}" if value is not None else "  skipped"


def print_row(row, header=False):
    if header:
        print("{:>10} {:>9} {:>9} {:>9} {:>12} {:>12}".format(
            "districts", "core s", "alg s", "fcalc s", "fcalc/alg", "fcalc/core"))
    n, core, alg, calc = row
    ratio_alg = f"{calc / alg:12.1f}" if (calc and alg) else "           -"
    ratio_core = f"{calc / core:12.1f}" if calc else "           -"
    print(f"{n:>10} {_fmt(core)} {_fmt(alg)} {_fmt(calc)} {ratio_alg} {ratio_core}", flush=True)


if __name__ == "__main__":
    main()
