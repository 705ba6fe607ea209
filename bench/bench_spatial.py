"""Benchmark: Sozialmonitor spatial overlays vs QGIS's own tools on the same synthetic data, same run.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_spatial.py [--quick]
      [--points 100000] [--districts 10000] [--cells 1000000] [--zones 500]

Cases (all layers GeoPackage, EPSG:25833, outputs written to GeoPackage):
1. points → districts: ``sozialmonitor:count_points`` vs ``native:countpointsinpolygon``
   (districts: a grid of squares with 16 vertices each; points uniform, 5 % outside the districts).
   The counts of both tools are compared (they must be equal: no point lies on a boundary).
2. grid cells → districts: ``sozialmonitor:areal_interpolation`` (one extensive field, area weights) vs
   ``native:intersection`` of the cells with the districts (QGIS's first step of the same job; the
   aggregation by district that would follow is not timed, which only favours QGIS). Districts are
   Voronoi polygons of random seeds (irregular, shared boundaries); cells are squares, many cut by a boundary.
3. accessibility: ``sozialmonitor:accessibility`` (uniform population, 500 m) vs the QGIS workflow
   ``native:buffer`` (16 segments, dissolved) + ``native:intersection`` with the districts (the area
   computation that would follow is not timed). Districts: 1 km squares; facilities uniform, 5 % outside.
4. spatial autocorrelation: ``sozialmonitor:spatial_autocorrelation`` (queen, 999 permutations: global
   Moran's I, LISA, Gi*) vs PySAL (libpysal ``Queen.from_iterable`` + esda ``Moran``, ``Moran_Local``,
   ``G_Local(star=True)``, 999 permutations; a test-only dependency) on 10,000 square districts with a
   spatially smooth value plus noise; both read the GeoPackage. The global I of both is compared.
Prints the seconds of each tool (points: best of 3 alternating runs; cells: one run each) and the ratio
QGIS / Sozialmonitor (> 1: Sozialmonitor is faster).
Everything is invented; only the shapes are realistic.
"""
import argparse
import struct
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: E402,F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import numpy as np


def _srs():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    return srs


def _write(path, layer_name, gtype, fields, rows):
    """rows: iterable of (wkb bytes, [values]); one transaction."""
    from osgeo import ogr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path)) if not Path(path).exists() else ogr.Open(
        str(path), 1)
    # the GeoPackage R-tree is built once at the end (per-row triggers make writing 10x slower)
    lyr = ds.CreateLayer(layer_name, _srs(), gtype, options=["SPATIAL_INDEX=NO"])
    for name, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for wkb, values in rows:
        feature = ogr.Feature(defn)
        for i, value in enumerate(values):
            feature.SetField(i, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    ds.ExecuteSQL(f"SELECT CreateSpatialIndex('{layer_name}', '{lyr.GetGeometryColumn()}')")
    ds = None
    return f"{path}|layername={layer_name}"


def square_districts(path, n, size=100.0):
    """ceil(sqrt(n))² ≥ n squares (side ``size``), each with 16 vertices; returns (uri, extent side)."""
    from osgeo import ogr
    from shapely.geometry import Polygon

    side = int(np.ceil(np.sqrt(n)))
    t = np.linspace(0, 1, 5)[:-1]

    def rows():
        k = 0
        for i in range(side):
            for j in range(side):
                if k >= n:
                    return
                x0, y0 = 400000 + i * size, 5800000 + j * size
                ring = ([(x0 + a * size, y0) for a in t] + [(x0 + size, y0 + a * size) for a in t]
                        + [(x0 + size - a * size, y0 + size) for a in t] + [(x0, y0 + size - a * size) for a in t])
                k += 1
                yield Polygon(ring).wkb, [f"D{k:06d}", 1000]

    return _write(path, "districts", ogr.wkbPolygon, [("key", ogr.OFTString), ("ew", ogr.OFTInteger)], rows()), side


def random_points(path, n, side, size=100.0, seed=1):
    from osgeo import ogr
    from shapely.geometry import Point

    rng = np.random.default_rng(seed)
    extent = side * size
    # 5 % outside the district grid; offsets avoid exact boundary coordinates
    xy = rng.uniform(-0.025 * extent, 1.025 * extent, size=(n, 2)) + 0.0137
    cats = np.array(["Kita", "Schule", "Arzt"])[rng.integers(0, 3, size=n)]
    rows = ((Point(400000 + x, 5800000 + y).wkb, [str(c)]) for (x, y), c in zip(xy, cats))
    return _write(path, "points", ogr.wkbPoint, [("art", ogr.OFTString)], rows)


def voronoi_zones(path, n, extent, seed=2):
    from osgeo import ogr
    from shapely.geometry import MultiPoint, box
    from shapely.ops import voronoi_diagram

    rng = np.random.default_rng(seed)
    seeds = MultiPoint([(400000 + x, 5800000 + y) for x, y in rng.uniform(0, extent, size=(n, 2))])
    frame = box(400000, 5800000, 400000 + extent, 5800000 + extent)
    cells = [c.intersection(frame) for c in voronoi_diagram(seeds, envelope=frame).geoms]
    rows = ((c.wkb, [f"Z{k:04d}"]) for k, c in enumerate(cells))
    return _write(path, "zones", ogr.wkbPolygon, [("key", ogr.OFTString)], rows)


def _box_wkb(x0, y0, x1, y1):
    return struct.pack("<BIII10d", 1, 3, 1, 5, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)


def grid_cells(path, n, extent, seed=3):
    from osgeo import ogr

    side = int(np.ceil(np.sqrt(n)))
    size = extent / side
    rng = np.random.default_rng(seed)
    pop = rng.integers(0, 50, size=side * side)

    def rows():
        k = 0
        for i in range(side):
            for j in range(side):
                x0, y0 = 400000 + i * size, 5800000 + j * size
                yield _box_wkb(x0, y0, x0 + size, y0 + size), [int(pop[k])]
                k += 1

    return _write(path, "cells", ogr.wkbPolygon, [("pop", ogr.OFTInteger)], rows()), int(pop.sum()), side * side


def timed(alg, params, repeat=1):
    """Best wall time of ``repeat`` runs (the machine may be shared) and the last result."""
    import processing

    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = processing.run(alg, params)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def case_points(tmp, n_points, n_districts, repeat=3):
    from qgis.core import QgsVectorLayer

    t0 = time.perf_counter()
    districts, side = square_districts(tmp / "districts.gpkg", n_districts)
    points = random_points(tmp / "points.gpkg", n_points, side)
    prep = time.perf_counter() - t0
    ours = native = None
    for k in range(repeat):  # alternate the tools so both see the same machine load
        t_ours, res = timed("sozialmonitor:count_points", {"INPUT": districts, "POINTS": points,
                                                           "OUTPUT": str(tmp / f"ours_count_{k}.gpkg")})
        t_native, nres = timed("native:countpointsinpolygon", {
            "POLYGONS": districts, "POINTS": points, "FIELD": "NUMPOINTS",
            "OUTPUT": str(tmp / f"native_count_{k}.gpkg")})
        ours = t_ours if ours is None else min(ours, t_ours)
        native = t_native if native is None else min(native, t_native)
    a = sorted((f["key"], f["n_total"]) for f in QgsVectorLayer(res["OUTPUT"]).getFeatures())
    b = sorted((f["key"], f["NUMPOINTS"]) for f in QgsVectorLayer(nres["OUTPUT"]).getFeatures())
    same = a == b
    return {"case": f"{n_points:,} points → {n_districts:,} districts", "prep": prep, "ours": ours,
            "qgis": native, "qgis_tool": "native:countpointsinpolygon", "check": "counts equal" if same else
            "COUNTS DIFFER"}


def case_cells(tmp, n_cells, n_zones, extent=20000.0):
    t0 = time.perf_counter()
    zones = voronoi_zones(tmp / "zones.gpkg", n_zones, extent)
    cells, total_pop, n_real = grid_cells(tmp / "cells.gpkg", n_cells, extent)
    prep = time.perf_counter() - t0
    ours, res = timed("sozialmonitor:areal_interpolation", {
        "INPUT": cells, "TARGET": zones, "EXTENSIVE_FIELDS": ["pop"], "OUTPUT": str(tmp / "ours_interp.gpkg")})
    native, _nres = timed("native:intersection", {"INPUT": cells, "OVERLAY": zones, "INPUT_FIELDS": ["pop"],
                                                   "OVERLAY_FIELDS": ["key"], "OUTPUT": str(tmp / "native_int.gpkg")})
    check = "totals ok (diff {:.2e} %)".format(res["MAX_DIFF_PCT"]) if res["TOTALS_OK"] else "TOTALS NOT PRESERVED"
    return {"case": f"{n_real:,} grid cells → {n_zones:,} districts", "prep": prep, "ours": ours,
            "qgis": native, "qgis_tool": "native:intersection", "check": check}


def case_access(tmp, n_facilities, n_districts, distance=500.0):
    t0 = time.perf_counter()
    districts, side = square_districts(tmp / "acc_districts.gpkg", n_districts, size=1000.0)
    facilities = random_points(tmp / "facilities.gpkg", n_facilities, side, size=1000.0, seed=4)
    prep = time.perf_counter() - t0
    ours, res = timed("sozialmonitor:accessibility", {"INPUT": districts, "FACILITIES": facilities,
                                                      "DISTANCE": distance, "POPULATION_FIELD": "ew",
                                                      "OUTPUT": str(tmp / "ours_acc.gpkg")})
    start = time.perf_counter()
    import processing

    buffered = processing.run("native:buffer", {"INPUT": facilities, "DISTANCE": distance, "SEGMENTS": 16,
                                                "DISSOLVE": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    processing.run("native:intersection", {"INPUT": districts, "OVERLAY": buffered, "INPUT_FIELDS": ["key"],
                                           "OVERLAY_FIELDS": [], "OUTPUT": str(tmp / "native_acc.gpkg")})
    native = time.perf_counter() - start
    return {"case": f"{n_facilities:,} facilities, {distance:g} m → {n_districts:,} districts",
            "prep": prep, "ours": ours, "qgis": native, "qgis_tool": "native:buffer (dissolved) + native:intersection",
            "check": "city share {:.1f} %".format(res["SHARE_PCT"])}


def smooth_districts(path, n, size=100.0, seed=5):
    """Square districts with a value that varies smoothly across space plus noise (autocorrelated)."""
    from osgeo import ogr
    from shapely.geometry import box

    side = int(np.ceil(np.sqrt(n)))
    rng = np.random.default_rng(seed)

    def rows():
        for k in range(n):
            i, j = divmod(k, side)
            value = np.sin(i / 15.0) + np.cos(j / 11.0) + rng.normal(0, 0.5)
            x0, y0 = 400000 + i * size, 5800000 + j * size
            yield box(x0, y0, x0 + size, y0 + size).wkb, [f"D{k:06d}", float(value)]

    return _write(path, "smooth", ogr.wkbPolygon, [("key", ogr.OFTString), ("value", ogr.OFTReal)], rows())


def _pysal_run(uri, permutations):
    """The same analysis with PySAL, reading the same GeoPackage; returns global I."""
    import types

    sys.modules.setdefault("libpysal.examples", types.ModuleType("libpysal.examples"))  # polls the web otherwise
    import libpysal
    import shapely.wkb
    from esda.getisord import G_Local
    from esda.moran import Moran, Moran_Local
    from osgeo import ogr

    path, layer_name = uri.split("|layername=")
    dataset = ogr.Open(path)  # keep a reference: the layer dies with its dataset
    layer = dataset.GetLayerByName(layer_name)
    shapes, values = [], []
    for feature in layer:
        shapes.append(shapely.wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())))
        values.append(feature.GetField("value"))
    w = libpysal.weights.Queen.from_iterable(shapes)
    w.transform = "r"
    y = np.asarray(values)
    global_i = Moran(y, w, permutations=permutations).I
    Moran_Local(y, w, permutations=permutations, seed=12345)
    G_Local(y, w, star=True, permutations=permutations, seed=12345)
    return global_i


def case_autocorr(tmp, n_districts, permutations=999):
    t0 = time.perf_counter()
    uri = smooth_districts(tmp / "smooth.gpkg", n_districts)
    prep = time.perf_counter() - t0
    ours, res = timed("sozialmonitor:spatial_autocorrelation", {
        "INPUT": uri, "FIELD": "value", "PERMUTATIONS": permutations, "OUTPUT": str(tmp / "ours_lisa.gpkg")})
    try:
        start = time.perf_counter()
        pysal_i = _pysal_run(uri, permutations)
        theirs = time.perf_counter() - start
    except ImportError:
        return {"case": f"{n_districts:,} districts, queen, {permutations} perm.", "prep": prep,
                "ours": ours, "qgis": float("nan"), "qgis_tool": "PySAL not installed: skipped", "check": "-"}
    same = abs(pysal_i - res["GLOBAL_I"]) < 1e-9
    return {"case": f"{n_districts:,} districts, queen, {permutations} perm.", "prep": prep,
            "ours": ours, "qgis": theirs, "qgis_tool": "PySAL libpysal Queen + esda Moran/Moran_Local/G_Local",
            "check": "Moran's I {:.4f} {}".format(res["GLOBAL_I"], "equal" if same else "DIFFERS")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100000)
    parser.add_argument("--districts", type=int, default=10000)
    parser.add_argument("--cells", type=int, default=1000000)
    parser.add_argument("--zones", type=int, default=500)
    parser.add_argument("--facilities", type=int, default=10000)
    parser.add_argument("--access-districts", type=int, default=2500)
    parser.add_argument("--autocorr-districts", type=int, default=10000)
    parser.add_argument("--quick", action="store_true",
                        help="10,000 points / 1,000 districts; 40,000 cells / 100; 1,000 facilities / 400; "
                             "1,000 districts for autocorrelation")
    parser.add_argument("--only", choices=["points", "cells", "access", "autocorr"], help="run one case")
    parser.add_argument("--sizes", nargs="*", help=argparse.SUPPRESS)  # accepted from run_all, ignored
    args = parser.parse_args()
    if args.quick:
        args.points, args.districts, args.cells, args.zones = 10000, 1000, 40000, 100
        args.facilities, args.access_districts, args.autocorr_districts = 1000, 400, 1000
    app = _setup.qgis_app()
    print("{:<42} {:>9} {:>10} {:>10} {:>8}  {}".format("case", "data s", "ours s", "base s", "base/ours",
                                                        "baseline tool; check"), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_spatial_") as tmp:
        cases = {"points": lambda: case_points(Path(tmp), args.points, args.districts),
                 "cells": lambda: case_cells(Path(tmp), args.cells, args.zones),
                 "access": lambda: case_access(Path(tmp), args.facilities, args.access_districts),
                 "autocorr": lambda: case_autocorr(Path(tmp), args.autocorr_districts)}
        for name, case in cases.items():
            if args.only and name != args.only:
                continue
            row = case()
            print("{:<42} {:9.1f} {:10.2f} {:10.2f} {:8.1f}x  {}; {}".format(
                row["case"], row["prep"], row["ours"], row["qgis"], row["qgis"] / row["ours"], row["qgis_tool"],
                row["check"]), flush=True)
    del app


if __name__ == "__main__":
    main()
