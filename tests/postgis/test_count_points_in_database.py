"""count_points inside PostGIS (OUTPUT_TABLE) against the local path, on the live test server (conftest.py).

Two datasets: a 3 x 3 grid of squares whose keys are scrambled (so "lowest id" is tested) with points on every
shared edge and corner, inside, outside and without geometry; and the real Berlin Planungsräume with the
day-care centres of the overlay fixture. The oracle is the local path (plugin/core/spatial/points_in_polygons.py,
itself tested against QGIS's native:countpointsinpolygon) run on the same PostGIS layers.
"""
import math

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingException,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
from sozialmonitor.plugin.gis.spatial import in_database

pytestmark = pytest.mark.postgis

GRID_KEYS = [5, 3, 9, 1, 7, 2, 8, 4, 6]  # row by row from the south-west square
EW = {5: 1000, 3: 0, 9: None, 1: 250, 7: 4000, 2: 10, 8: 333, 4: 77, 6: 12}


@pytest.fixture(scope="module")
def sql(pg_server, qgis_app):
    from qgis.core import QgsProviderRegistry
    connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(pg_server.uri, {})
    return connection.executeSql


def _layer(pg_server, table, geom, key, name):
    uri = QgsDataSourceUri(pg_server.uri)
    uri.setDataSource("public", table, geom, "", key)
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
    assert layer.isValid(), table
    return layer


@pytest.fixture(scope="module")
def grid(pg_server, sql):
    """public.grid_d (9 squares of 100 m, scrambled integer keys) and public.grid_p (points)."""
    rows = []
    for i, key in enumerate(GRID_KEYS):
        x, y = 1000 + 100 * (i % 3), 5000 + 100 * (i // 3)
        ew = "NULL" if EW[key] is None else EW[key]
        rows.append(f"({key}, 'D{key}', {ew}, ST_MakeEnvelope({x}, {y}, {x + 100}, {y + 100}, 25833))")
    sql("DROP TABLE IF EXISTS grid_d; CREATE TABLE grid_d (gid integer PRIMARY KEY, name text, ew integer, "
        "geom geometry(Polygon, 25833)); INSERT INTO grid_d VALUES " + ", ".join(rows) + "; "
        "CREATE INDEX ON grid_d USING GIST (geom)")
    points = []
    for gx in range(1000, 1301, 50):  # every vertex, edge midpoint and centre of the grid, and its outline
        for gy in range(5000, 5301, 50):
            points.append(f"ST_SetSRID(ST_MakePoint({gx}, {gy}), 25833)")
    for gx, gy in ((1013.7, 5021.2), (1199.9, 5250.0), (999.99, 5100), (1400, 5400), (1300.0001, 5150)):
        points.append(f"ST_SetSRID(ST_MakePoint({gx}, {gy}), 25833)")
    kinds = ["'Grundschule'", "'Förderschwerp. Lernen'", "NULL", "'a_km2'", "'a'"]  # 'a' and 'a_km2' must not clash
    values = ", ".join(f"({g}, {kinds[i % 5]}, {i % 3})" for i, g in enumerate(points)) + ", (NULL, 'a', NULL)"
    sql("DROP TABLE IF EXISTS grid_p; CREATE TABLE grid_p (pid serial PRIMARY KEY, geom geometry(Point, 25833), "
        f"kind text, level integer); INSERT INTO grid_p (geom, kind, level) VALUES {values}; "
        "ALTER TABLE grid_p ADD COLUMN w float8 DEFAULT 0.5; CREATE INDEX ON grid_p USING GIST (geom)")
    return _layer(pg_server, "grid_d", "geom", "gid", "grid_d"), _layer(pg_server, "grid_p", "geom", "pid", "grid_p")


def _postgres(layer):
    return "postgres://" + layer.source()


def _by_key(layer, key):
    frame = layer_to_dataframe(layer).reset_index(drop=True)
    return frame.set_index(key).sort_index()


def _same(a, b, tol=1e-9):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return b is not None and not (isinstance(b, float) and math.isnan(b)) and math.isclose(a, b, rel_tol=tol)


def _compare(run, pg_server, districts, points, key, table, pop="", category=""):
    params = {"INPUT": _postgres(districts), "POINTS": _postgres(points), "POPULATION_FIELD": pop,
              "CATEGORY_FIELD": category}
    local = run("count_points", dict(params, OUTPUT=QgsProcessing.TEMPORARY_OUTPUT))
    db = run("count_points", dict(params, OUTPUT=QgsProcessing.TEMPORARY_OUTPUT, OUTPUT_TABLE=f"public.{table}"))
    out = QgsVectorLayer(db["OUTPUT"], "db", "postgres")
    assert out.isValid() and out.featureCount() == districts.featureCount()
    loc = local["OUTPUT"] if isinstance(local["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(local["OUTPUT"])
    a, b = _by_key(out, key), _by_key(loc, key)
    assert a.index.tolist() == b.index.tolist()
    assert a.columns.tolist() == b.columns.tolist()  # the same fields (per category too), in the same order
    columns = [c for c in b.columns if c.startswith("n_")] + ["area_km2"]
    for col in columns:
        for k in a.index:
            assert _same(a.at[k, col], b.at[k, col]), (col, k, a.at[k, col], b.at[k, col])
    for stat in ("N_POINTS", "N_INSIDE", "N_OUTSIDE", "N_BOUNDARY", "N_NO_POPULATION"):
        assert db[stat] == local[stat], stat
    return a, db


def test_grid_with_boundary_points_equals_local_path(run, pg_server, sql, grid):
    districts, points = grid
    before = sql("SELECT md5(string_agg(t::text, ',' ORDER BY gid)) FROM grid_d t")
    frame, db = _compare(run, pg_server, districts, points, "gid", "grid_counts", pop="ew")
    # 7 x 7 lattice points all lie in the closed grid, plus 2 more inside; every one counted exactly once
    assert int(frame["n_total"].sum()) == 49 + 2 == db["N_INSIDE"]
    assert db["N_POINTS"] == 49 + 5 + 1 and db["N_OUTSIDE"] == 4
    # the centre vertex (1100/5100... 1200/5200) touches four squares: it goes to the lowest key among them
    assert db["N_BOUNDARY"] > 0
    assert sql("SELECT md5(string_agg(t::text, ',' ORDER BY gid)) FROM grid_d t") == before
    assert sql("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'sozialmonitor\\_tmp\\_%'") == [[0]]


def test_categories_equal_local_path(run, pg_server, sql, grid):
    """CATEGORY_FIELD inside the database: the same fields (names made safe, a NULL category) and counts."""
    districts, points = grid
    frame, _db = _compare(run, pg_server, districts, points, "gid", "grid_kinds", pop="ew", category="kind")
    assert {"n_Grundschule", "n_Foerderschwerp_Lernen", "n_NULL", "n_a", "n_a_km2_2_p1000"} <= set(frame.columns)
    kinds = [c for c in frame.columns if c.startswith("n_") and not c.endswith(("_p1000", "_km2"))
             and c != "n_total"]
    assert (frame[kinds].sum(axis=1) == frame["n_total"]).all()
    _compare(run, pg_server, districts, points, "gid", "grid_levels", category="level")
    with pytest.raises(QgsProcessingException, match="category field 'w' is of type double precision.*text and "
                                                     "integer"):
        run("count_points", {"INPUT": _postgres(districts), "POINTS": _postgres(points), "CATEGORY_FIELD": "w",
                             "OUTPUT_TABLE": "public.grid_geoms", "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})


def test_berlin_kitas_equal_local_path(run, pg_server, sql, fixtures_dir):
    berlin = QgsVectorLayer("{}|layername=planungsraeume".format(
        fixtures_dir.parents[1] / "resources" / "sample" / "berlin_lor_2019.gpkg"), "plr", "ogr")
    kitas = QgsVectorLayer("{}|layername=kitas".format(fixtures_dir / "overlay" / "berlin_overlay.gpkg"), "k", "ogr")
    for layer, table in ((berlin, "plr_indb"), (kitas, "kitas_indb")):
        uri = QgsDataSourceUri(pg_server.uri)
        uri.setDataSource("public", table, "geom", "", "gid")
        error, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs(), False, {})
        assert error == QgsVectorLayerExporter.NoError, message
    sql("CREATE INDEX ON plr_indb USING GIST (geom); CREATE INDEX ON kitas_indb USING GIST (geom)")
    frame, db = _compare(run, pg_server, _layer(pg_server, "plr_indb", "geom", "gid", "plr"),
                         _layer(pg_server, "kitas_indb", "geom", "gid", "kitas"), "gid", "plr_kita_counts")
    assert db["N_INSIDE"] > 100 and (frame["n_total"] > 0).sum() > 100
    frame, _db = _compare(run, pg_server, _layer(pg_server, "plr_indb", "geom", "gid", "plr"),
                          _layer(pg_server, "kitas_indb", "geom", "gid", "kitas"), "gid", "plr_kita_kinds",
                          category="e_art")
    assert "n_Tageseinrichtung_Kita" in frame.columns


def test_existing_table_kept_and_failure_writes_nothing(run, pg_server, sql, grid, monkeypatch):
    districts, points = grid
    params = {"INPUT": _postgres(districts), "POINTS": _postgres(points), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
              "OUTPUT_TABLE": "public.grid_exists"}
    sql("DROP TABLE IF EXISTS grid_exists; CREATE TABLE grid_exists (x integer); INSERT INTO grid_exists VALUES (7)")
    with pytest.raises(QgsProcessingException, match="already exists.*OVERWRITE_TABLE"):
        run("count_points", params)
    assert sql("SELECT x FROM grid_exists") == [[7]]
    original = in_database.count_points_sql

    def failing(*args, **kwargs):
        return original(*args, **kwargs) + ["SELECT 1 / 0"]
    monkeypatch.setattr(in_database, "count_points_sql", failing)
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("count_points", dict(params, OVERWRITE_TABLE=True))
    assert sql("SELECT x FROM grid_exists") == [[7]]
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("count_points", dict(params, OUTPUT_TABLE="public.grid_new"))
    assert sql("SELECT count(*) FROM pg_class WHERE relname IN ('grid_new') "
               "OR relkind = 'r' AND relname LIKE 'sozialmonitor\\_tmp\\_%'") == [[0]]
    monkeypatch.undo()
    run("count_points", dict(params, OVERWRITE_TABLE=True))
    assert sql("SELECT count(*) FROM grid_exists") == [[9]]


def test_not_in_database_says_why(run, grid, fixtures_dir):
    districts, _points = grid
    kitas = "{}|layername=kitas".format(fixtures_dir / "overlay" / "berlin_overlay.gpkg")
    with pytest.raises(QgsProcessingException, match="not a PostGIS table"):
        run("count_points", {"INPUT": _postgres(districts), "POINTS": kitas, "OUTPUT_TABLE": "public.x",
                             "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})


def test_parse_table_name():
    assert in_database.parse_table_name("public.a") == ("public", "a")
    assert in_database.parse_table_name("kitas") == ("public", "kitas")
    assert in_database.parse_table_name('"my.schema"."t ""x"""') == ("my.schema", 't "x"')
    with pytest.raises(Exception, match="not a table name"):
        in_database.parse_table_name("a.b.c")


def test_in_database_plan_decides(pg_server, grid):
    """The one decision: same database, plain tables with keys, projected CRS; each refusal names its reason."""
    districts, points = grid
    plan, reason = in_database.in_database_plan([districts, points])
    assert reason == "" and (plan.districts.table, plan.districts.key, plan.points.table, plan.points.key) == (
        "grid_d", "gid", "grid_p", "pid")
    assert in_database.in_database_plan([districts, points], selected_only=True)[1] == \
        "only selected features are to be used"
    filtered = QgsVectorLayer(districts.source(), "f", "postgres")
    filtered.setSubsetString("gid > 3")
    assert "filter" in in_database.in_database_plan([filtered, points])[1]
    other = QgsDataSourceUri(points.source())
    other.setDatabase("postgres")  # another database on the same server
    assert "different databases" in in_database.in_database_plan(
        [districts, QgsVectorLayer(other.uri(False), "o", "postgres")])[1]
    geographic = QgsVectorLayer(districts.source(), "g", "postgres")
    from qgis.core import QgsCoordinateReferenceSystem
    geographic.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    assert "not projected" in in_database.in_database_plan([geographic, points])[1]
    memory = QgsVectorLayer("Point?crs=EPSG:25833", "m", "memory")
    assert "not a PostGIS table" in in_database.in_database_plan([districts, memory])[1]
