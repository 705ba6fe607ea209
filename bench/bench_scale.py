"""Benchmark at national size: Sozialmonitor algorithms vs QGIS's own, same files, same run, time and peak memory.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_scale.py [--cases join count index]
      [--join-rows 1000000] [--count-districts 172225] [--count-points 5600000] [--index-cells 3000000]
      [--interp-targets 100000] [--data DIR] [--quick]  (100,000 rows; 17,161 x 560,000; 100,000 cells; 10,000)

Every tool runs in its own child process (a fresh QGIS with Processing); the child times
``processing.run`` alone and the parent reads the child's peak resident memory (``os.wait4``: the
maximum RSS of that process, QGIS's own start-up memory included for both tools alike).
Cases (inputs GeoPackage, EPSG:25833, outputs GeoPackage):
- join: ``sozialmonitor:join_table`` vs ``native:joinattributestable`` (1:1, no prefix) of N square
  districts with an N-row semicolon CSV in German notation (decimal comma; key with leading zeros);
  QGIS reads that CSV through OGR (all text, as a user gets it without a .csvt). The number of matched
  districts of both is compared.
- count: ``sozialmonitor:count_points`` vs ``native:countpointsinpolygon`` of uniform points in a grid of
  squares; no point lies on a boundary, so both counts must be equal (boundary points are checked by
  tests/qgis/test_alg_count_points_scale.py). The counts of both outputs are compared district by district.
- index: ``sozialmonitor:compute_index`` (10 indicators) vs ``native:savefeatures`` of the same layer.
- interp: ``sozialmonitor:areal_interpolation`` (inhabitants of 70 m cells off the district grid, by area) vs
  ``native:intersection`` + ``native:fieldcalculator`` (piece share) + ``native:aggregate`` (sum per district),
  run as one chain in one child; the values are compared district by district.
Prints: case, size, ours s / MB, QGIS s / MB, time ratio QGIS/ours (> 1: ours faster), memory ratio.
Everything is invented; only sizes and shapes are realistic.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import numpy as np

HERE = Path(__file__).resolve().parent


# ------------------------------------------------------------------------------------------- test data

def _translate_csv(csv_path, gpkg_path, layer, geometry_type, names, types):
    """CSV with a last WKT column -> GeoPackage layer (GDAL in C++, spatial index built once).

    ``types``: the OGR CSV types of the other columns ("String", "Integer", "Real")."""
    from osgeo import gdal

    gdal.UseExceptions()
    Path(csv_path).with_suffix(".csvt").write_text(",".join(f'"{t}"' for t in [*types, "WKT"]))
    options = gdal.VectorTranslateOptions(options=[
        "-f", "GPKG", "-nln", layer, "-a_srs", "EPSG:25833", "-nlt", geometry_type, "-gt", "100000",
        "-sql", "SELECT {} FROM \"{}\"".format(", ".join(names), Path(csv_path).stem)])
    gdal.VectorTranslate(str(gpkg_path), str(csv_path), options=options)
    os.remove(csv_path)
    os.remove(Path(csv_path).with_suffix(".csvt"))
    return f"{gpkg_path}|layername={layer}"


def square_districts(path, n, size=100.0, extra=None, origin=(400000.0, 5800000.0)):
    """ceil(sqrt(n)) columns of ``size`` squares, n in all; key "D%08d" (text), ew; returns (uri, side)."""
    side = int(np.ceil(np.sqrt(n)))
    k = np.arange(n)
    x0 = origin[0] + (k // side) * size
    y0 = origin[1] + (k % side) * size
    x1, y1 = x0 + size, y0 + size
    csv_path = Path(path).with_suffix(".csv")
    rng = np.random.default_rng(11)
    with open(csv_path, "w") as out:
        names = ["key", "ew"] + (list(extra) if extra else [])
        out.write(",".join(names + ["wkt"]) + "\n")
        ew = rng.integers(50, 30000, size=n)
        cols = [np.char.mod('"D%08d"', k), ew.astype(str)]
        for _name in (extra or []):
            cols.append(np.char.mod("%.5f", np.exp(rng.normal(1.5, 0.5, size=n))))
        wkt = np.char.add(np.char.add(np.char.mod('"POLYGON((%.1f ', x0), np.char.mod("%.1f,", y0)),
                          np.char.mod("%.1f ", x1))
        wkt = np.char.add(np.char.add(wkt, np.char.mod("%.1f,", y0)), np.char.mod("%.1f ", x1))
        wkt = np.char.add(np.char.add(wkt, np.char.mod("%.1f,", y1)), np.char.mod("%.1f ", x0))
        wkt = np.char.add(np.char.add(wkt, np.char.mod("%.1f,", y1)), np.char.mod("%.1f ", x0))
        wkt = np.char.add(wkt, np.char.mod('%.1f))"', y0))
        cols.append(wkt)
        for start in range(0, n, 200000):
            rows = [",".join(parts) for parts in zip(*(c[start:start + 200000] for c in cols))]
            out.write("\n".join(rows) + "\n")
    types = ["String", "Integer"] + ["Real"] * len(extra or [])
    return _translate_csv(csv_path, path, "districts", "POLYGON", names, types), side


def random_points(path, n, side, size=100.0, seed=1):
    """``n`` uniform points over the district grid and 2.5 % beyond each side, off every boundary."""
    rng = np.random.default_rng(seed)
    extent = side * size
    xy = rng.uniform(-0.025 * extent, 1.025 * extent, size=(n, 2))
    # never on a district boundary (multiples of ``size``): both tools must then agree exactly
    on_line = np.isclose(np.mod(xy, size), 0.0, atol=1e-3) | np.isclose(np.mod(xy, size), size, atol=1e-3)
    xy[on_line] += 0.5
    xy += [400000.0, 5800000.0]
    csv_path = Path(path).with_suffix(".csv")
    with open(csv_path, "w") as out:
        out.write("art,wkt\n")
        cats = np.array(["Kita", "Schule", "Arzt"])[rng.integers(0, 3, size=n)]
        for start in range(0, n, 500000):
            chunk = xy[start:start + 500000]
            wkt = np.char.add(np.char.add(np.char.mod('"POINT(%.3f ', chunk[:, 0]), np.char.mod('%.3f)"', chunk[:, 1])),
                              "")
            out.write("\n".join(np.char.add(np.char.add(cats[start:start + 500000], ","), wkt)) + "\n")
    return _translate_csv(csv_path, path, "points", "POINT", ["art"], ["String"])


def german_csv(path, n, k=6, seed=3):
    """An n-row indicator table as statistics offices deliver it: ';' separated, decimal comma, text key."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)  # not in the layer's order
    cols = [np.char.mod("D%08d", order)]
    header = ["Schluessel"]
    for i in range(k):
        values = np.char.replace(np.char.mod("%.2f", rng.uniform(0, 100, size=n)), ".", ",")
        cols.append(values)
        header.append(f"Anteil_{i + 1}")
    with open(path, "w", encoding="utf-8") as out:
        out.write(";".join(header) + "\n")
        for start in range(0, n, 200000):
            rows = [";".join(parts) for parts in zip(*(c[start:start + 200000] for c in cols))]
            out.write("\n".join(rows) + "\n")
    return str(path)


# ---------------------------------------------------------------------------------- one run per child

def child(alg, params_json):
    """In the child: start QGIS, run one algorithm, print {"seconds", "result"} as JSON on the last line.

    ``alg`` "chain": ``params`` is a list of [algorithm, parameters]; "@prev" stands for the previous OUTPUT."""
    app = _setup.qgis_app()
    import processing

    params = json.loads(params_json)
    steps = params if alg == "chain" else [[alg, params]]
    start = time.perf_counter()
    result = {}
    for step_alg, step_params in steps:
        step_params = {k: (result["OUTPUT"] if v == "@prev" else v) for k, v in step_params.items()}
        result = processing.run(step_alg, step_params)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "result": {k: v for k, v in result.items()
                                                     if isinstance(v, (int, float, str, type(None)))}}), flush=True)
    del app


def measured(alg, params, script=None):
    """(seconds, peak MB, result) of ``alg`` run in a child process (``script --child alg params``; default: this
    file; another bench passes its own file to time its own child code)."""
    script = script or Path(__file__).resolve()
    proc = subprocess.Popen([sys.executable, str(script), "--child", alg, json.dumps(params)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.decode().splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{alg} failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    data = json.loads(lines[-1])
    return data["seconds"], usage.ru_maxrss / 1024.0, data["result"]


def _values(uri, key, field):
    from osgeo import ogr

    path, _sep, layer_name = uri.partition("|layername=")
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    return {f.GetField(key): f.GetField(field) for f in layer}


# ------------------------------------------------------------------------------------------------- cases

def _kept(data, name, make):
    """``make(path)`` unless --data holds the file from an earlier run (then its uri / path as ``make`` gives it)."""
    path = data / name
    if path.exists():
        if path.suffix != ".gpkg":
            return str(path), None
        from osgeo import ogr

        dataset = ogr.Open(str(path))  # keep it: the layer dies with its dataset (a crash otherwise)
        layer = dataset.GetLayer(0)
        side = int(np.ceil(np.sqrt(layer.GetFeatureCount())))
        return f"{path}|layername={layer.GetName()}", side
    made = make(path)
    return made if isinstance(made, tuple) else (made, None)


def case_join(tmp, data, n):
    districts, _side = _kept(data, f"districts_{n}.gpkg", lambda p: square_districts(p, n))
    table, _ = _kept(data, f"table_{n}.csv", lambda p: german_csv(p, n))
    ours_out, native_out = str(tmp / "join_ours.gpkg"), str(tmp / "join_native.gpkg")
    ours = measured("sozialmonitor:join_table", {"INPUT": districts, "INPUT_KEY": "key", "TABLE": table,
                                                 "TABLE_KEY": "Schluessel", "OUTPUT": ours_out,
                                                 "REPORT": str(tmp / "join_report.csv")})
    native = measured("native:joinattributestable", {"INPUT": districts, "FIELD": "key", "INPUT_2": table,
                                                     "FIELD_2": "Schluessel", "METHOD": 1, "PREFIX": "",
                                                     "OUTPUT": native_out})
    same = ours[2].get("MATCHED") == native[2].get("JOINED_COUNT")
    return "join_table", f"{n:,} districts + {n:,}-row CSV", ours, native, "native:joinattributestable", \
        "matched {} / {}".format(ours[2].get("MATCHED"), "equal" if same else "DIFFERS from native")


def case_count(tmp, data, n_districts, n_points):
    districts, side = _kept(data, f"districts_{n_districts}.gpkg", lambda p: square_districts(p, n_districts))
    points, _ = _kept(data, f"points_{side}_{n_points}.gpkg", lambda p: random_points(p, n_points, side))
    ours_out, native_out = str(tmp / "count_ours.gpkg"), str(tmp / "count_native.gpkg")
    ours = measured("sozialmonitor:count_points", {"INPUT": districts, "POINTS": points, "OUTPUT": ours_out})
    native = measured("native:countpointsinpolygon", {"POLYGONS": districts, "POINTS": points, "FIELD": "NUMPOINTS",
                                                      "OUTPUT": native_out})
    a = _values(ours_out + "|layername=districts", "key", "n_total")
    b = _values(native_out, "key", "NUMPOINTS")
    same = a == {k: int(v) for k, v in b.items()}
    return "count_points", f"{n_districts:,} districts x {n_points:,} points", ours, native, \
        "native:countpointsinpolygon", "counts " + ("equal" if same else "DIFFER")


def case_index(tmp, data, n):
    import synthetic

    districts, _side = _kept(data, f"cells_{n}.gpkg",
                             lambda p: square_districts(p, n, extra=[f"x{i}" for i in range(1, 11)]))
    districts_for_recipe = synthetic.bench_recipe(10)
    districts_for_recipe.metadata.key_field = "key"
    districts_for_recipe.metadata.population_field = "ew"
    recipe_path = tmp / "recipe.json"
    districts_for_recipe.save(recipe_path)
    ours = measured("sozialmonitor:compute_index", {"INPUT": districts, "RECIPE": str(recipe_path),
                                                    "OUTPUT": str(tmp / "index_ours.gpkg")})
    native = measured("native:savefeatures", {"INPUT": districts, "OUTPUT": str(tmp / "index_native.gpkg")})
    return "compute_index", f"{n:,} cells x 10 indicators", ours, native, "native:savefeatures", \
        "evaluated {}".format(ours[2].get("N_EVALUATED"))


def case_interp(tmp, data, n_targets, cell=70.0):
    """Area-weighted interpolation of inhabitants from grid cells (70 m, offset: most cut a district boundary)
    to 100 m square districts; QGIS's chain: intersection, piece share of each cell, sum per district."""
    side = int(np.ceil(np.sqrt(n_targets)))
    n_cells = int(np.ceil(side * 100.0 / cell)) ** 2
    districts, _side = _kept(data, f"districts_{n_targets}.gpkg", lambda p: square_districts(p, n_targets))
    cells, _ = _kept(data, f"cells70_{n_cells}.gpkg",
                     lambda p: square_districts(p, n_cells, size=cell, origin=(400000.0 - 17.0, 5800000.0 - 23.0)))
    ours_out, native_out = str(tmp / "interp_ours.gpkg"), str(tmp / "interp_native.gpkg")
    ours = measured("sozialmonitor:areal_interpolation", {"INPUT": cells, "TARGET": districts,
                                                          "EXTENSIVE_FIELDS": ["ew"], "OUTPUT": ours_out})
    chain = [["native:intersection", {"INPUT": cells, "OVERLAY": districts, "INPUT_FIELDS": ["ew"],
                                      "OVERLAY_FIELDS": ["key"], "OUTPUT": "TEMPORARY_OUTPUT"}],
             ["native:fieldcalculator", {"INPUT": "@prev", "FIELD_NAME": "ew_part", "FIELD_TYPE": 0,
                                         "FORMULA": f'"ew" * $area / {cell * cell}', "OUTPUT": "TEMPORARY_OUTPUT"}],
             ["native:aggregate", {"INPUT": "@prev", "GROUP_BY": '"key"', "OUTPUT": native_out, "AGGREGATES": [
                 {"aggregate": "first_value", "input": '"key"', "name": "key", "type": 10, "length": 0,
                  "precision": 0},
                 {"aggregate": "sum", "input": '"ew_part"', "name": "ew", "type": 6, "length": 0, "precision": 0}]}]]
    native = measured("chain", chain)
    a = _values(ours_out, "key", "ew")
    b = _values(native_out, "key", "ew")
    worst = max(abs(a[k] - b[k]) / max(abs(b[k]), 1.0) for k in b) if b else float("nan")
    same = set(a) >= set(b) and worst < 1e-6
    return "areal_interp.", f"{n_cells:,} cells -> {n_targets:,} districts", ours, native, \
        "native:intersection + fieldcalculator + aggregate", \
        "values {} (max rel. diff {:.1e})".format("equal" if same else "DIFFER", worst)


def print_row(name, size, ours, native, tool, check):
    ratios = f"{native[0] / ours[0]:>7.2f}x {native[1] / ours[1]:>6.2f}x"
    print(f"{name:<14} {size:<38} {ours[0]:>8.1f} {ours[1]:>7.0f} {native[0]:>8.1f} {native[1]:>7.0f} {ratios}  "
          f"{tool}; {check}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=["join", "count", "index", "interp"],
                        choices=["join", "count", "index", "interp"])
    parser.add_argument("--join-rows", type=int, default=1000000)
    parser.add_argument("--count-districts", type=int, default=172225)
    parser.add_argument("--count-points", type=int, default=5600000)
    parser.add_argument("--index-cells", type=int, default=3000000)
    parser.add_argument("--interp-targets", type=int, default=100000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", help="folder that keeps the generated inputs between runs (default: a temporary "
                                       "folder, removed at the end)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", nargs="*", help=argparse.SUPPRESS)  # accepted from run_all, ignored
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.quick:
        args.join_rows, args.count_districts, args.count_points, args.index_cells = 100000, 17161, 560000, 100000
        args.interp_targets = 10000
    print("{:<14} {:<38} {:>8} {:>7} {:>8} {:>7} {:>8} {:>7}  {}".format(
        "operation", "size", "ours s", "ours MB", "QGIS s", "QGIS MB", "time", "memory", "QGIS tool; check"),
        flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        tmp = Path(tmp)
        data = Path(args.data) if args.data else tmp
        data.mkdir(parents=True, exist_ok=True)
        cases = {"join": lambda: case_join(tmp, data, args.join_rows),
                 "count": lambda: case_count(tmp, data, args.count_districts, args.count_points),
                 "index": lambda: case_index(tmp, data, args.index_cells),
                 "interp": lambda: case_interp(tmp, data, args.interp_targets)}
        for name in args.cases:
            print_row(*cases[name]())
            for path in tmp.iterdir():  # the next case starts from an empty folder (disk space)
                if path.is_file() and data != tmp:
                    path.unlink()


if __name__ == "__main__":
    main()
