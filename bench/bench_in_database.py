"""Benchmark: count_points and areal_interpolation inside PostGIS (OUTPUT_TABLE) vs the local path on the same
PostGIS tables.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_in_database.py [--cases count interp]
          [--districts 20000] [--points 500000] [--targets 20000] [--quick]

Starts a throw-away PostgreSQL + PostGIS server (the one of tests/postgis/conftest.py) and creates the inputs
with SQL (EPSG:25833, integer keys, GiST indexes), then times ``processing.run`` twice in this process: locally
(inputs read through QGIS's postgres provider, output a GeoPackage) and inside the database (OUTPUT_TABLE).
- count: a grid of 100 m square districts and uniform random points; counts compared district by district.
- interp: inhabitants (``ew``, extensive) and a share (``quote``, intensive) of 70 m grid cells, laid off the
  district grid so that most cells cut a boundary, carried by area to 100 m square districts (the cells of
  bench_scale.py's interpolation case); values (1e-9 relative), src_n and TOTALS_OK / MAX_DIFF_PCT /
  N_SPLIT_SOURCES compared target by target, REPORT written by both.
Prints seconds and the ratio local / in-database. ``--quick``: 2,000 districts x 50,000 points, 2,000 targets.
"""
import argparse
import importlib.util
import math
import tempfile
import time
from pathlib import Path

import _setup  # paths, offscreen Qt, the package alias (bench/_setup.py)

HERE = Path(__file__).resolve().parent


def _server_helpers():
    """tests/postgis/conftest.py under another name (tests/conftest.py is already ``conftest``)."""
    path = HERE.parent / "tests" / "postgis" / "conftest.py"
    spec = importlib.util.spec_from_file_location("pg_server_helpers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _squares(table, n, size, x0, y0, extra=""):
    """SQL: ``table`` with n squares of ``size`` m in a square grid from (x0, y0), integer key gid, GiST index."""
    side = int(math.ceil(math.sqrt(n)))
    return (f"CREATE TABLE {table} AS SELECT i AS gid{extra}, "
            f"ST_MakeEnvelope(x, y, x + {size}, y + {size}, 25833)::geometry(Polygon, 25833) AS geom "
            f"FROM (SELECT i, {x0} + {size} * (i % {side}) AS x, {y0} + {size} * (i / {side}) AS y "
            f"FROM generate_series(0, {n - 1}) AS i) s; ALTER TABLE {table} ADD PRIMARY KEY (gid); "
            f"CREATE INDEX ON {table} USING GIST (geom); ANALYZE {table}; ")


def _timed(processing, alg, params):
    from qgis.core import QgsProcessingFeedback
    start = time.perf_counter()
    result = processing.run(alg, params, feedback=QgsProcessingFeedback())
    return result, time.perf_counter() - start


def case_count(server, processing, source, tmp, n_districts, n_points):
    side = int(math.ceil(math.sqrt(n_districts)))
    server.psql(_squares("d", n_districts, 100, 400000, 5800000) +
                "SELECT setseed(0.5); CREATE TABLE p AS SELECT i AS pid, ST_SetSRID(ST_MakePoint("
                f"400000 + random() * {side * 100}, 5800000 + random() * {side * 100}), 25833)"
                f"::geometry(Point, 25833) AS geom FROM generate_series(1, {n_points}) AS i; "
                "ALTER TABLE p ADD PRIMARY KEY (pid); CREATE INDEX ON p USING GIST (geom); ANALYZE p")
    from qgis.core import QgsVectorLayer
    from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
    params = {"INPUT": source("d", "gid"), "POINTS": source("p", "pid")}
    out = str(tmp / "count_local.gpkg")
    _local, local_s = _timed(processing, "sozialmonitor:count_points", dict(params, OUTPUT=out))
    db, db_s = _timed(processing, "sozialmonitor:count_points",
                      dict(params, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_TABLE="public.counts"))
    a = layer_to_dataframe(QgsVectorLayer(out, "l", "ogr")).set_index("gid")["n_total"].sort_index()
    b = layer_to_dataframe(QgsVectorLayer(db["OUTPUT"], "d", "postgres")).set_index("gid")["n_total"]
    equal = a.tolist() == b.sort_index().tolist()
    print(f"count_points {n_districts:,} districts x {n_points:,} points (PostGIS inputs): "
          f"local {local_s:.1f} s, in database {db_s:.1f} s, ratio local/in-database {local_s / db_s:.1f}x, "
          f"counts equal: {equal}", flush=True)


def case_interp(server, processing, source, tmp, n_targets, cell=70):
    side = int(math.ceil(math.sqrt(n_targets)))
    n_cells = int(math.ceil(side * 100.0 / cell)) ** 2
    server.psql(_squares("t", n_targets, 100, 400000, 5800000) +
                "SELECT setseed(0.25); " +
                _squares("c", n_cells, cell, 400000 - 17, 5800000 - 23,
                         extra=", (random() * 200)::integer AS ew, "
                               "CASE WHEN random() < 0.02 THEN NULL ELSE random() * 40 END AS quote") +
                "UPDATE c SET ew = NULL WHERE gid % 97 = 0; ANALYZE c")
    from qgis.core import QgsVectorLayer
    from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
    params = {"INPUT": source("c", "gid"), "TARGET": source("t", "gid"), "EXTENSIVE_FIELDS": ["ew"],
              "INTENSIVE_FIELDS": ["quote"]}
    out = str(tmp / "interp_local.gpkg")
    local, local_s = _timed(processing, "sozialmonitor:areal_interpolation",
                            dict(params, OUTPUT=out, REPORT=str(tmp / "local.csv")))
    db, db_s = _timed(processing, "sozialmonitor:areal_interpolation",
                      dict(params, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_TABLE="public.interpolated",
                           REPORT=str(tmp / "db.csv")))
    columns = ["ew", "quote", "src_n", "src_cover_pct"]
    a = layer_to_dataframe(QgsVectorLayer(out, "l", "ogr")).set_index("gid")[columns].sort_index()
    b = layer_to_dataframe(QgsVectorLayer(db["OUTPUT"], "d", "postgres")).set_index("gid")[columns].sort_index()
    worst = 0.0
    for col in columns:
        x, y = a[col].to_numpy(dtype=float), b[col].to_numpy(dtype=float)
        both = ~(x != x) & ~(y != y)
        if ((x != x) != (y != y)).any():
            worst = float("inf")
        diff = abs(x[both] - y[both]) / abs(x[both]).clip(min=1e-300)
        worst = max(worst, float(diff.max()) if both.any() else 0.0)
    outputs = all(local[k] == db[k] for k in ("TOTALS_OK", "N_SPLIT_SOURCES")) and \
        math.isclose(local["MAX_DIFF_PCT"], db["MAX_DIFF_PCT"], rel_tol=1e-9, abs_tol=1e-9)
    with open(tmp / "db.csv", encoding="utf-8-sig") as fh:
        report_rows = sum(1 for _ in fh) - 1
    print(f"areal_interpolation {n_cells:,} cells (70 m) -> {n_targets:,} districts (PostGIS inputs, area weights, "
          f"1 extensive + 1 intensive field): local {local_s:.1f} s, in database {db_s:.1f} s, ratio "
          f"local/in-database {local_s / db_s:.1f}x; values equal (max rel. diff {worst:.1e}), outputs equal: "
          f"{outputs} (N_SPLIT_SOURCES {db['N_SPLIT_SOURCES']:,}, MAX_DIFF_PCT {db['MAX_DIFF_PCT']:.2e}), "
          f"report rows {report_rows:,}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", nargs="+", default=["count", "interp"], choices=["count", "interp"])
    parser.add_argument("--districts", type=int, default=20000)
    parser.add_argument("--points", type=int, default=500000)
    parser.add_argument("--targets", type=int, default=20000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.districts, args.points, args.targets = 2000, 50000, 2000
    pg = _server_helpers()
    app = _setup.qgis_app()
    import processing
    from qgis.core import QgsDataSourceUri

    bindir = pg._bindir()
    server = pg._start(bindir)
    try:
        def source(table, key):
            uri = QgsDataSourceUri(server.uri)
            uri.setDataSource("public", table, "geom", "", key)
            return "postgres://" + uri.uri(False)
        with tempfile.TemporaryDirectory() as tmp:
            if "count" in args.cases:
                case_count(server, processing, source, Path(tmp), args.districts, args.points)
            if "interp" in args.cases:
                case_interp(server, processing, source, Path(tmp), args.targets)
    finally:
        pg._stop(bindir, server.root)
        app.exitQgis()


if __name__ == "__main__":
    main()
