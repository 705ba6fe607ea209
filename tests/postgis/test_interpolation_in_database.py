"""areal_interpolation inside PostGIS (OUTPUT_TABLE) against the local path, on the live test server (conftest.py).

Two datasets: a 4 x 4 grid of 100 m source squares (scrambled keys, missing values) carried to targets of
other sizes: sources inside one target, cut by several, partly and wholly outside all targets, a target that
no source reaches and one only partly covered; and the real Berlin Planungsräume 2019 carried to the
Prognoseräume 2021 (slivers, uncovered parts). The oracle is the local path (overlay_geometry.polygon_pieces +
core overlay.interpolate, itself tested against shapely and QGIS's native chain) run on the same PostGIS layers:
values to 1e-9 relative, src_n, src_cover_pct, NULLs, TOTALS_OK, MAX_DIFF_PCT, N_SPLIT_SOURCES and the REPORT.
"""
import math
import re

import pandas as pd
import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingException,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
from sozialmonitor.plugin.gis.spatial import interpolation_in_database

pytestmark = pytest.mark.postgis

SOURCE_KEYS = [11, 4, 15, 7, 2, 13, 9, 16, 5, 1, 12, 8, 14, 3, 10, 6]  # row by row from the south-west
EW = {11: 100, 4: 250, 15: None, 7: 40, 2: 1000, 13: 0, 9: 77, 16: 500, 5: 12, 1: 300, 12: None, 8: 60,
      14: 900, 3: 33, 10: 150, 6: 7}
SHARE = {k: (None if k in (2, 9) else 0.5 + (k % 5) * 3.25) for k in SOURCE_KEYS}
# key: (xmin, ymin, xmax, ymax); 70 lies far away (no source), 50 only partly on the sources
TARGETS = {40: (0, 0, 150, 150), 20: (150, 0, 300, 150), 30: (0, 150, 150, 300), 10: (150, 150, 300, 300),
           60: (220, 310, 380, 360), 50: (380, 0, 450, 100), 70: (1000, 0, 1100, 100)}


@pytest.fixture(scope="module")
def sql(pg_server, qgis_app):
    from qgis.core import QgsProviderRegistry
    connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(pg_server.uri, {})
    return connection.executeSql


def _layer(uri_text, table, key, name):
    uri = QgsDataSourceUri(uri_text)
    uri.setDataSource("public", table, "geom", "", key)
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
    assert layer.isValid(), table
    return layer


def _literal(value):
    return "NULL" if value is None else repr(value)


def _grid_sql():
    rows = []
    for i, key in enumerate(SOURCE_KEYS):
        x, y = 100 * (i % 4), 100 * (i // 4)
        rows.append(f"({key}, 'S{key}', {_literal(EW[key])}, {_literal(SHARE[key])}, "
                    f"ST_MakeEnvelope({x}, {y}, {x + 100}, {y + 100}, 25833))")
    targets = [f"({k}, 'T{k}', 1, ST_MakeEnvelope({a}, {b}, {c}, {d}, 25833))" for k, (a, b, c, d) in TARGETS.items()]
    return ("DROP TABLE IF EXISTS ip_s, ip_t; "
            "CREATE TABLE ip_s (sid integer PRIMARY KEY, name text, ew integer, share float8, "
            "geom geometry(Polygon, 25833)); INSERT INTO ip_s VALUES " + ", ".join(rows) + "; "
            "CREATE TABLE ip_t (tid integer PRIMARY KEY, name text, share integer, geom geometry(Polygon, 25833)); "
            "INSERT INTO ip_t VALUES " + ", ".join(targets) + "; "
            "CREATE INDEX ON ip_s USING GIST (geom); CREATE INDEX ON ip_t USING GIST (geom)")


@pytest.fixture(scope="module")
def grid(pg_server, sql):
    """public.ip_s (16 source squares) and public.ip_t (7 targets); the target's 'share' is replaced."""
    sql(_grid_sql())
    return _layer(pg_server.uri, "ip_s", "sid", "ip_s"), _layer(pg_server.uri, "ip_t", "tid", "ip_t")


def _postgres(layer):
    return "postgres://" + layer.source()


def _same(a, b, tol=1e-9, abs_tol=1e-12):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return b is not None and not (isinstance(b, float) and math.isnan(b)) and math.isclose(a, b, rel_tol=tol,
                                                                                          abs_tol=abs_tol)


def _same_printed(a, b):
    """a and b, printed with 6 significant digits, differ by at most one unit in the last digit."""
    big = max(abs(a), abs(b))
    return abs(a - b) <= (1.01 * 10 ** (math.floor(math.log10(big)) - 5) if big > 0 else 0.0)


def _report(path):
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype={"source": str, "target": str})


def _compare(run, tmp_path, sources, targets, key, table, **extra):
    params = dict({"INPUT": _postgres(sources), "TARGET": _postgres(targets)}, **extra)
    local = run("areal_interpolation", dict(params, OUTPUT=QgsProcessing.TEMPORARY_OUTPUT,
                                            REPORT=str(tmp_path / "local.csv")))
    db = run("areal_interpolation", dict(params, OUTPUT=QgsProcessing.TEMPORARY_OUTPUT, OUTPUT_TABLE=table,
                                         REPORT=str(tmp_path / "db.csv")))
    out = QgsVectorLayer(db["OUTPUT"], "db", "postgres")
    assert out.isValid() and out.featureCount() == targets.featureCount()
    loc = local["OUTPUT"] if isinstance(local["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(local["OUTPUT"])
    a = layer_to_dataframe(out).set_index(key).sort_index()
    b = layer_to_dataframe(loc).set_index(key).sort_index()
    assert a.index.tolist() == b.index.tolist()
    assert sorted(a.columns) == sorted(b.columns)
    fields = [f for f in list(extra.get("EXTENSIVE_FIELDS", [])) + list(extra.get("INTENSIVE_FIELDS", []))]
    for col in fields + ["src_n", "src_cover_pct"]:
        for k in a.index:
            assert _same(a.at[k, col], b.at[k, col]), (col, k, a.at[k, col], b.at[k, col])
    for stat in ("TOTALS_OK", "N_SPLIT_SOURCES"):
        assert db[stat] == local[stat], stat
    assert db["MAX_DIFF_PCT"] == pytest.approx(local["MAX_DIFF_PCT"], rel=1e-9, abs=1e-9)
    ra, rb = _report(tmp_path / "db.csv"), _report(tmp_path / "local.csv")
    assert len(ra) == len(rb) > 0
    for col in ("section", "source", "target", "field"):
        assert ra[col].fillna("").tolist() == rb[col].fillna("").tolist(), col
    # the area of a sliver no target covers is a difference, area(source) - Σ pieces: where QGIS and PostGIS
    # measure a piece slightly differently (Debian 13), it differs by less than 1e-6 m² (printed 0.101457 vs
    # 0.101456 in Berlin), so the report's numbers are compared to 1e-6 absolute (m², %, inhabitants), and the
    # texts with 6 significant digits to one unit in the last digit
    for x, y in zip(ra["detail"].fillna(""), rb["detail"].fillna("")):
        tx, ty = (re.split(r"(-?\d+(?:\.\d*)?(?:e[-+]?\d+)?)", t) for t in (x, y))
        assert [t for t in tx[::2]] == [t for t in ty[::2]], (x, y)
        assert all(_same_printed(float(p), float(q)) for p, q in zip(tx[1::2], ty[1::2])), (x, y)
    for col in ("value_in", "value_out", "share_pct"):
        assert all(_same(x, y, abs_tol=1e-6) for x, y in zip(ra[col], rb[col])), col
    return a, db, ra


def test_grid_equals_local_path(run, pg_server, sql, grid, tmp_path):
    sources, targets = grid
    before = sql("SELECT md5(string_agg(t::text, ',' ORDER BY sid)) FROM ip_s t")
    frame, db, report = _compare(run, tmp_path, sources, targets, "tid", "public.ip_out",
                                 EXTENSIVE_FIELDS=["ew"], INTENSIVE_FIELDS=["share"], SOURCE_KEY="name")
    # what the data was built to contain: NULL where no source reaches, a partly covered target, split sources
    assert frame.loc[70, "src_n"] == 0 and math.isnan(frame.loc[70, "ew"]) and math.isnan(frame.loc[70, "share"])
    assert frame.loc[70, "src_cover_pct"] == 0
    assert 0 < frame.loc[50, "src_cover_pct"] < 100 and frame.loc[40, "src_cover_pct"] == pytest.approx(100)
    assert frame.loc[40, "src_n"] == 4 and db["N_SPLIT_SOURCES"] > 5 and db["TOTALS_OK"] == 0
    assert frame.loc[10, "name"] == "T10" and pd.api.types.is_float_dtype(frame["share"])  # the target's replaced
    assert set(report["section"]) == {"total", "uncovered_source", "reallocation"}
    assert "S6" in set(report["source"])  # SOURCE_KEY names the sources
    assert sql("SELECT md5(string_agg(t::text, ',' ORDER BY sid)) FROM ip_s t") == before
    assert sql("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'sozialmonitor\\_tmp\\_%'") == [[0]]
    assert sql("SELECT count(*) FROM pg_indexes WHERE tablename = 'ip_out' AND indexdef LIKE '%gist%'") == [[1]]


def test_berlin_reform_equals_local_path(run, pg_server, sql, fixtures_dir, tmp_path):
    gpkg = fixtures_dir / "overlay" / "berlin_overlay.gpkg"
    for name, table in (("plr2019", "plr19_ip"), ("pgr2021", "pgr21_ip")):
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        uri = QgsDataSourceUri(pg_server.uri)
        uri.setDataSource("public", table, "geom", "", "gid")
        error, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs(), False, {})
        assert error == QgsVectorLayerExporter.NoError, message
    sql("CREATE INDEX ON plr19_ip USING GIST (geom); CREATE INDEX ON pgr21_ip USING GIST (geom)")
    frame, db, report = _compare(
        run, tmp_path, _layer(pg_server.uri, "plr19_ip", "gid", "plr"), _layer(pg_server.uri, "pgr21_ip", "gid", "pgr"),
        "gid", "public.pgr21_ew", EXTENSIVE_FIELDS=["EW"], INTENSIVE_FIELDS=["S1"], SOURCE_KEY="id", TARGET_KEY="id")
    # the README's numbers of the reform: preserved, 29 Planungsräume with uncovered slivers
    assert db["TOTALS_OK"] == 1 and frame["EW"].sum() == pytest.approx(672560, abs=1)
    assert (report["section"] == "uncovered_source").sum() == 29


def test_existing_table_kept_failure_writes_nothing(run, pg_server, sql, grid, tmp_path, monkeypatch):
    sources, targets = grid
    report = tmp_path / "r.csv"
    params = {"INPUT": _postgres(sources), "TARGET": _postgres(targets), "EXTENSIVE_FIELDS": ["ew"],
              "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "OUTPUT_TABLE": "ip_exists", "REPORT": str(report)}
    sql("DROP TABLE IF EXISTS ip_exists; CREATE TABLE ip_exists (x integer); INSERT INTO ip_exists VALUES (7)")
    with pytest.raises(QgsProcessingException, match="already exists.*OVERWRITE_TABLE"):
        run("areal_interpolation", params)
    assert sql("SELECT x FROM ip_exists") == [[7]]
    original = interpolation_in_database.interpolation_sql

    def failing(*args, **kwargs):
        return original(*args, **kwargs) + ["SELECT 1 / 0"]
    monkeypatch.setattr(interpolation_in_database, "interpolation_sql", failing)
    with pytest.raises(QgsProcessingException, match="refused the interpolation.*nothing was written"):
        run("areal_interpolation", dict(params, OVERWRITE_TABLE=True))
    assert sql("SELECT x FROM ip_exists") == [[7]]
    monkeypatch.undo()

    # the last step, renaming the finished table, fails after the report was written: the report goes too
    monkeypatch.setattr(interpolation_in_database.postgis, "swap_sql", lambda *args: "SELECT 1 / 0")
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("areal_interpolation", dict(params, OUTPUT_TABLE="ip_new"))
    assert not report.exists()
    assert sql("SELECT count(*) FROM pg_class WHERE relname IN ('ip_new') "
               "OR relkind = 'r' AND relname LIKE 'sozialmonitor\\_tmp\\_%'") == [[0]]
    monkeypatch.undo()
    run("areal_interpolation", dict(params, OVERWRITE_TABLE=True))
    assert sql("SELECT count(*) FROM ip_exists") == [[len(TARGETS)]] and report.exists()


def test_refusals_say_what_to_do(run, pg_server, sql, grid, fixtures_dir):
    sources, targets = grid
    base = {"INPUT": _postgres(sources), "TARGET": _postgres(targets), "EXTENSIVE_FIELDS": ["ew"],
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "OUTPUT_TABLE": "public.ip_refused"}
    gpkg = fixtures_dir / "overlay" / "berlin_overlay.gpkg"
    with pytest.raises(QgsProcessingException, match="'berlin_overlay' is not a PostGIS table.*Leave OUTPUT_TABLE"):
        run("areal_interpolation", dict(base, TARGET=f"{gpkg}|layername=pgr2021"))
    with pytest.raises(QgsProcessingException, match="POPULATION_LAYER.*not supported.*Leave OUTPUT_TABLE empty"):
        run("areal_interpolation", dict(base, POPULATION_LAYER=_postgres(sources), POPULATION_FIELD="ew"))
    pg_server.psql("DROP DATABASE IF EXISTS ip_other", dbname="postgres")
    pg_server.psql("CREATE DATABASE ip_other", dbname="postgres")
    pg_server.psql("CREATE EXTENSION postgis", dbname="ip_other")
    pg_server.psql(_grid_sql(), dbname="ip_other")
    other = pg_server.uri.replace(f"dbname={pg_server.dbname}", "dbname=ip_other")
    with pytest.raises(QgsProcessingException, match="different databases.*Leave OUTPUT_TABLE empty"):
        run("areal_interpolation", dict(base, TARGET=_postgres(_layer(other, "ip_t", "tid", "t_other"))))
    sql("DROP TABLE IF EXISTS ip_bad; CREATE TABLE ip_bad AS SELECT * FROM ip_t; ALTER TABLE ip_bad ADD PRIMARY KEY "
        "(tid); INSERT INTO ip_bad VALUES (99, 'bow', 1, 'SRID=25833;POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))')")
    with pytest.raises(QgsProcessingException, match="1 geometries of 'ip_bad' are NULL, empty or invalid"):
        run("areal_interpolation", dict(base, TARGET=_postgres(_layer(pg_server.uri, "ip_bad", "tid", "ip_bad"))))
    sql("DROP TABLE IF EXISTS ip_big; CREATE TABLE ip_big AS SELECT tid::bigint AS tid, name, geom FROM ip_t; "
        "ALTER TABLE ip_big ADD PRIMARY KEY (tid)")
    with pytest.raises(QgsProcessingException, match="key column 'tid' of 'ip_big' is not of type integer"):
        run("areal_interpolation", dict(base, TARGET=_postgres(_layer(pg_server.uri, "ip_big", "tid", "ip_big"))))
    assert sql("SELECT count(*) FROM pg_class WHERE relname = 'ip_refused'") == [[0]]
