"""Benchmark: count_points inside PostGIS (OUTPUT_TABLE) vs the local path on the same PostGIS tables.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_in_database.py [--districts 20000] [--points 500000]

Starts a throw-away PostgreSQL + PostGIS server (the one of tests/postgis/conftest.py), creates a grid of
square districts (100 m, EPSG:25833, integer key, GiST index) and uniform random points (GiST index) with
SQL, then times ``processing.run("sozialmonitor:count_points")`` twice in this process: locally (points and
districts read through QGIS's postgres provider, output a GeoPackage) and inside the database (OUTPUT_TABLE).
The counts of both are compared district by district. Prints seconds and the ratio local / in-database.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--districts", type=int, default=20000)
    parser.add_argument("--points", type=int, default=500000)
    args = parser.parse_args()
    pg = _server_helpers()
    app = _setup.qgis_app()
    import processing
    from qgis.core import QgsDataSourceUri, QgsProcessingFeedback, QgsVectorLayer
    from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

    bindir = pg._bindir()
    server = pg._start(bindir)
    try:
        side = int(math.ceil(math.sqrt(args.districts)))
        server.psql(
            "CREATE TABLE d AS SELECT i AS gid, "
            "ST_MakeEnvelope(x, y, x + 100, y + 100, 25833)::geometry(Polygon, 25833) "
            f"AS geom FROM (SELECT i, 400000 + 100 * (i % {side}) AS x, 5800000 + 100 * (i / {side}) AS y "
            f"FROM generate_series(0, {args.districts - 1}) AS i) s; ALTER TABLE d ADD PRIMARY KEY (gid); "
            "CREATE INDEX ON d USING GIST (geom); "
            "SELECT setseed(0.5); CREATE TABLE p AS SELECT i AS pid, ST_SetSRID(ST_MakePoint("
            f"400000 + random() * {side * 100}, 5800000 + random() * {side * 100}), 25833)::geometry(Point, 25833) "
            f"AS geom FROM generate_series(1, {args.points}) AS i; ALTER TABLE p ADD PRIMARY KEY (pid); "
            "CREATE INDEX ON p USING GIST (geom); ANALYZE d; ANALYZE p")

        def source(table, key):
            uri = QgsDataSourceUri(server.uri)
            uri.setDataSource("public", table, "geom", "", key)
            return "postgres://" + uri.uri(False)
        params = {"INPUT": source("d", "gid"), "POINTS": source("p", "pid")}
        with tempfile.TemporaryDirectory() as tmp:
            out = str(Path(tmp) / "local.gpkg")
            start = time.perf_counter()
            processing.run("sozialmonitor:count_points", dict(params, OUTPUT=out), feedback=QgsProcessingFeedback())
            local_s = time.perf_counter() - start
            start = time.perf_counter()
            db = processing.run("sozialmonitor:count_points", dict(params, OUTPUT="TEMPORARY_OUTPUT",
                                                                   OUTPUT_TABLE="public.counts"),
                                feedback=QgsProcessingFeedback())
            db_s = time.perf_counter() - start
            a = layer_to_dataframe(QgsVectorLayer(out, "l", "ogr")).set_index("gid")["n_total"].sort_index()
            b = layer_to_dataframe(QgsVectorLayer(db["OUTPUT"], "d", "postgres")).set_index("gid")["n_total"]
            equal = a.tolist() == b.sort_index().tolist()
        print(f"count_points {args.districts:,} districts x {args.points:,} points (PostGIS inputs): "
              f"local {local_s:.1f} s, in database {db_s:.1f} s, ratio local/in-database {local_s / db_s:.1f}x, "
              f"counts equal: {equal}")
    finally:
        pg._stop(bindir, server.root)
        app.exitQgis()


if __name__ == "__main__":
    main()
