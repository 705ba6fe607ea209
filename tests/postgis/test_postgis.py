"""PostGIS in and out (issue 7, part 5) against a real PostgreSQL 15 + PostGIS 3 server (conftest.py).

The Berlin sample (448 Planungsraum polygons, key 06010102 twice) is loaded into PostGIS with QGIS's
own exporter; join_table and compute_index then read the PostGIS layers, export_postgis writes the
result back, and every value is compared with the same pipeline on the GeoPackage.
"""
import math
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.index.output_fields import output_field_specs
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
from sozialmonitor.plugin.gis.io.postgis import qualified_name, quote_ident, quote_literal

ROOT = Path(__file__).resolve().parents[2]
GPKG = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
TABLE = ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv"
RECIPE = ROOT / "resources" / "recipes" / "berlin_mss_2019.json"
pytestmark = pytest.mark.postgis

NASTY_SCHEMA = "Sozial Monitor"
NASTY_TABLE = 'sozial"; DROP TABLE districts; --'


@pytest.fixture(scope="module")
def sql(pg_server, qgis_app):
    """Run SQL through QGIS's connection API; returns the rows."""
    connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(pg_server.uri, {})
    return connection.executeSql


@pytest.fixture(scope="module")
def berlin_pg(pg_server, sql):
    """The Berlin Planungsräume in public.planungsraeume, written by QGIS's exporter (serial key gid),
    next to the table public.districts that the nasty table name tries to drop."""
    sql("CREATE TABLE IF NOT EXISTS public.districts (id text PRIMARY KEY); "
        "INSERT INTO public.districts VALUES ('a'), ('b') ON CONFLICT DO NOTHING")
    layer = QgsVectorLayer(f"{GPKG}|layername=planungsraeume", "planungsraeume", "ogr")
    assert layer.featureCount() == 448
    uri = QgsDataSourceUri(pg_server.uri)
    uri.setDataSource("public", "planungsraeume", "geom", "", "gid")
    error, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs(), False, {})
    assert error == QgsVectorLayerExporter.NoError, message
    pg = QgsVectorLayer(uri.uri(False), "planungsraeume", "postgres")
    assert pg.isValid() and pg.featureCount() == 448
    return pg


def _postgres(source):
    """A Processing input string for a postgres-provider layer (works in processing.run and qgis_process)."""
    return "postgres://" + source


def _frame(layer, keys=("id", "name")):
    frame = layer_to_dataframe(layer).reset_index(drop=True)
    # key 06010102 occurs twice (different names), so (id, name) identifies a Planungsraum
    return frame.sort_values(list(keys)).reset_index(drop=True)


def _load(result_value, provider):
    if isinstance(result_value, QgsVectorLayer):
        return result_value
    layer = QgsVectorLayer(result_value, "out", provider)
    assert layer.isValid(), result_value
    return layer


def _assert_same_values(pg, ref, columns, key="id", tolerance=1e-12):
    """Equal values row by row. ``tolerance`` for doubles. Result fields are declared with 6 decimals; the
    GeoPackage route once returned them rounded to those 6 decimals (PostGIS float8 never is), so result
    columns are compared to 5e-7 and input columns exactly."""
    assert len(pg) == len(ref)
    assert pg[key].tolist() == ref[key].tolist()
    for col in columns:
        a, b = pg[col].tolist(), ref[col].tolist()
        for i, (x, y) in enumerate(zip(a, b)):
            if isinstance(y, float) and math.isnan(y):
                assert x is None or (isinstance(x, float) and math.isnan(x)), (col, i, x, y)
            elif isinstance(y, float):
                assert x == pytest.approx(y, rel=0, abs=tolerance), (col, ref[key][i], x, y)
            else:
                assert x == y, (col, ref[key][i], x, y)


def _indicator_layer():
    """The MSS 2019 indicator table as typed columns (key text, values double), as a statistics office
    would keep it in its database."""
    table = pd.read_csv(TABLE, dtype={"PLR_ID": str, "PLR_NAME": str})
    layer = QgsVectorLayer("None", "mss2019_indicators", "memory")
    numeric = [c for c in table.columns if c not in ("PLR_ID", "PLR_NAME")]
    layer.dataProvider().addAttributes([QgsField("PLR_ID", FieldType.String), QgsField("PLR_NAME", FieldType.String)]
                                       + [QgsField(c, FieldType.Double) for c in numeric])
    layer.updateFields()
    features = []
    for row in table.itertuples(index=False):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([row.PLR_ID, row.PLR_NAME] + [float(getattr(row, c)) for c in numeric])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture(scope="module")
def indicators_pg(pg_server, qgis_app):
    """public.mss2019_indicators (447 rows, no geometry), written by QGIS's exporter."""
    layer = _indicator_layer()
    assert layer.featureCount() == 447
    uri = QgsDataSourceUri(pg_server.uri)
    uri.setDataSource("public", "mss2019_indicators", "", "", "rid")
    error, message = QgsVectorLayerExporter.exportLayer(layer, uri.uri(False), "postgres", layer.crs(), False, {})
    assert error == QgsVectorLayerExporter.NoError, message
    return QgsVectorLayer(uri.uri(False), "mss2019_indicators", "postgres")


@pytest.fixture(scope="module")
def gpkg_route(run, tmp_path_factory):
    """The demo pipeline on files (scripts/demo.sh): compute_index on the CSV table, join to the GeoPackage."""
    tmp = tmp_path_factory.mktemp("gpkg_route")
    index = run("compute_index", {"INPUT": str(TABLE), "RECIPE": str(RECIPE), "OUTPUT": str(tmp / "index.gpkg")})
    joined = run("join_table", {"INPUT": f"{GPKG}|layername=planungsraeume", "INPUT_KEY": "id",
                                "INPUT_NAME": "name", "TABLE_LAYER": index["OUTPUT"], "TABLE_KEY": "PLR_ID",
                                "TABLE_NAME": "PLR_NAME", "OUTPUT": str(tmp / "joined.gpkg")})
    return index, joined


@pytest.fixture(scope="module")
def pg_route(run, pg_server, berlin_pg, indicators_pg):
    """The same pipeline inside PostGIS: compute_index reads the PostGIS table, its result is written to
    PostGIS; join_table reads the PostGIS polygons and that PostGIS table; the result goes back to PostGIS
    into a table with a hostile name."""
    index = run("compute_index", {"INPUT": _postgres(indicators_pg.source()), "RECIPE": str(RECIPE),
                                  "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
    index_pg = run("export_postgis", {"INPUT": index["OUTPUT"], "DATABASE": pg_server.uri, "SCHEMA": "public",
                                      "TABLE": "mss2019_index"})
    joined = run("join_table", {"INPUT": _postgres(berlin_pg.source()), "INPUT_KEY": "id", "INPUT_NAME": "name",
                                "TABLE_LAYER": _postgres(index_pg["OUTPUT"]), "TABLE_KEY": "PLR_ID",
                                "TABLE_NAME": "PLR_NAME", "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
    written = run("export_postgis", {"INPUT": joined["OUTPUT"], "DATABASE": pg_server.uri, "SCHEMA": NASTY_SCHEMA,
                                     "TABLE": NASTY_TABLE, "PRIMARY_KEY": "fid"})
    return index, index_pg, joined, written


def test_identifier_quoting():
    assert quote_ident("plain") == '"plain"'
    assert quote_ident(NASTY_TABLE) == '"sozial""; DROP TABLE districts; --"'
    assert qualified_name(NASTY_SCHEMA, 'a"b') == '"Sozial Monitor"."a""b"'
    for bad in ("", "x" * 64, "ä" * 32, "a\x00b"):
        with pytest.raises(ExportError):
            quote_ident(bad)
    assert quote_ident("ä" * 31)  # 62 bytes: allowed


def test_postgis_layer_reads_like_the_geopackage(berlin_pg):
    pg = _frame(berlin_pg)
    ref = _frame(QgsVectorLayer(f"{GPKG}|layername=planungsraeume", "p", "ogr"))
    _assert_same_values(pg, ref, ["id", "name"])
    assert (pg["id"] == "06010102").sum() == 2  # the duplicated key survives (the PostGIS key is gid)
    assert pg["id"].str.len().eq(8).all() and pg["id"].iloc[0] == "01011101"


def test_index_from_postgis_matches_geopackage_and_official(pg_route, gpkg_route, fixtures_dir):
    index, index_pg, _j, _w = pg_route
    ref_index = gpkg_route[0]
    assert index["N_EVALUATED"] == ref_index["N_EVALUATED"] == 436
    assert index_pg["FEATURE_COUNT"] == 447
    pg = _frame(_load(index_pg["OUTPUT"], "postgres"), keys=["PLR_ID"])
    ref = _frame(_load(ref_index["OUTPUT"], "ogr"), keys=["PLR_ID"])
    for col in ("EW", "S1", "D4"):  # OGR reads every CSV column as text; the PostGIS table has numbers
        ref[col] = pd.to_numeric(ref[col])
    specs = output_field_specs(Recipe.from_file(RECIPE))
    _assert_same_values(pg, ref, ["PLR_NAME", "EW", "S1", "D4"], key="PLR_ID")
    _assert_same_values(pg, ref, [n for n, _a, _k in specs], key="PLR_ID", tolerance=5.000001e-7)
    # export_postgis itself stores exactly what compute_index computed (float8, no rounding)
    computed = _frame(index["OUTPUT"], keys=["PLR_ID"])
    _assert_same_values(pg, computed, ["PLR_NAME", "EW", "S1", "D4"] + [n for n, _a, _k in specs], key="PLR_ID",
                        tolerance=0)
    # independent check: the published MSS 2019 classes of the 436 evaluated Planungsräume
    official = pd.read_csv(fixtures_dir / "mss2019" / "mss2019_indices_official_plr.csv", dtype={"PLR_ID": str})
    merged = pg.merge(official, on="PLR_ID", how="inner", validate="1:1")
    evaluated = merged[merged["evaluated"] == 1]
    assert len(evaluated) == 436
    assert (evaluated["status_class"] == evaluated["STATUS_KLASSE"]).all()
    assert (evaluated["dynamik_class"] == evaluated["DYNAMIK_KLASSE"]).all()
    assert (evaluated["sdi"] == evaluated["SDI"]).all()


def test_join_from_postgis_written_back_matches_geopackage(pg_route, gpkg_route, pg_server, sql):
    _i, _ip, joined, written = pg_route
    ref_joined = gpkg_route[1]
    for key in ("MATCHED", "UNMATCHED_DISTRICTS", "UNMATCHED_ROWS"):
        assert joined[key] == ref_joined[key], key
    assert ref_joined["MATCHED"] == 447 and ref_joined["UNMATCHED_DISTRICTS"] == 1  # 09041403: later LOR revision
    assert written["FEATURE_COUNT"] == 448
    # read back what PostgreSQL stored, through the source the algorithm returned
    assert "password" not in written["OUTPUT"]
    back = _load(written["OUTPUT"], "postgres")
    ref_layer = _load(ref_joined["OUTPUT"], "ogr")
    assert back.featureCount() == 448 and back.wkbType() == ref_layer.wkbType()
    assert back.crs().authid() == ref_layer.crs().authid() == "EPSG:25833"
    pg, ref = _frame(back), _frame(ref_layer)
    specs = output_field_specs(Recipe.from_file(RECIPE))
    _assert_same_values(pg, ref, ["name", "EW", "S1", "S3", "S4", "D1", "D3", "D4"])
    _assert_same_values(pg, ref, [n for n, _a, _k in specs], tolerance=5.000001e-7)
    assert pg["status_class"].notna().sum() == ref["status_class"].notna().sum() > 400
    # geometry: same area per Planungsraum (m², planar in EPSG:25833)
    area_pg = sorted((f["id"], f["name"], f.geometry().area()) for f in back.getFeatures())
    area_ref = sorted((f["id"], f["name"], f.geometry().area()) for f in ref_layer.getFeatures())
    assert [a[:2] for a in area_pg] == [a[:2] for a in area_ref]
    assert all(abs(a[2] - b[2]) < 1e-6 * b[2] for a, b in zip(area_pg, area_ref))
    # the generated key is the primary key: 1..448, even though district key 06010102 occurs twice
    target = qualified_name(NASTY_SCHEMA, NASTY_TABLE)
    keys = sql("SELECT min(fid), max(fid), count(DISTINCT fid), count(*) FILTER (WHERE id = '06010102') "
               f"FROM {target}")
    assert [int(v) for v in keys[0]] == [1, 448, 448, 2]
    pk = sql("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
             "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '{}'::regclass AND i.indisprimary".format(
                 target.replace("'", "''")))
    assert pk == [["fid"]]
    # doubles are float8, not numeric(20,6)
    kind = pg_server.psql("SELECT data_type FROM information_schema.columns WHERE table_schema = 'Sozial Monitor' "
                          "AND column_name = 'status_score'")
    assert kind == "double precision"


def test_hostile_names_did_not_inject(pg_route, pg_server):
    assert pg_server.psql("SELECT count(*) FROM public.districts") == "2"
    tables = pg_server.psql("SELECT schemaname || '|' || tablename FROM pg_tables "
                            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1").splitlines()
    assert "Sozial Monitor|" + NASTY_TABLE in tables
    assert "public|districts" in tables
    assert not [t for t in tables if "sozialmonitor_tmp_" in t]  # no temporary table left behind
    spatial = pg_server.psql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'Sozial Monitor' AND tablename = '{}' "
                             "AND indexdef LIKE '%USING gist (geom)%'".format(NASTY_TABLE.replace("'", "''")))
    assert spatial == "1"


@pytest.mark.parametrize("schema", ["a'; DROP TABLE public.districts; --", "b\\'; DROP TABLE public.districts; --"])
def test_single_quotes_and_backslashes_in_the_schema_do_not_inject(run, pg_server, sql, berlin_pg, schema):
    """QGIS 3.22's tableExists/createSpatialIndex put the schema into SQL unescaped; the plugin uses its own
    quoted SQL. The export runs twice: a new schema, then the existing schema (the existence check)."""
    params = {"INPUT": _postgres(berlin_pg.source()), "DATABASE": pg_server.uri, "SCHEMA": schema, "TABLE": "t"}
    assert run("export_postgis", params)["FEATURE_COUNT"] == 448
    with pytest.raises(QgsProcessingException, match="OVERWRITE"):
        run("export_postgis", params)  # found: the existence check saw the table in that schema
    assert run("export_postgis", dict(params, OVERWRITE=True))["FEATURE_COUNT"] == 448
    assert pg_server.psql("SELECT count(*) FROM public.districts") == "2"
    target = qualified_name(schema, "t")
    assert int(sql(f"SELECT count(*) FROM {target}")[0][0]) == 448
    gist = sql(f"SELECT count(*) FROM pg_indexes WHERE schemaname = {quote_literal(schema)} AND tablename = 't' "
               "AND indexdef LIKE '%USING gist (geom)%'")
    assert int(gist[0][0]) == 1


def test_quote_literal():
    assert quote_literal("plain") == "'plain'"
    assert quote_literal("a'b") == "'a''b'"
    assert quote_literal("a\\'b") == "E'a\\\\''b'"


def test_existing_table_needs_overwrite(run, pg_server, sql, berlin_pg):
    table = "überschreiben'); DELETE FROM districts; --"
    target = qualified_name(NASTY_SCHEMA, table)
    params = {"INPUT": _postgres(berlin_pg.source()), "DATABASE": pg_server.uri, "SCHEMA": NASTY_SCHEMA,
              "TABLE": table}
    assert run("export_postgis", params)["FEATURE_COUNT"] == 448
    before = sql(f"SELECT count(*), sum(fid) FROM {target}")
    with pytest.raises(QgsProcessingException, match="OVERWRITE"):
        run("export_postgis", params)
    assert sql(f"SELECT count(*), sum(fid) FROM {target}") == before
    # with OVERWRITE: replaced by the Planungsräume whose key starts with 0101
    few = QgsVectorLayer(berlin_pg.source(), "few", "postgres")
    few.setSubsetString("id LIKE '0101%'")
    n_few = few.featureCount()
    assert 0 < n_few < 448
    result = run("export_postgis", dict(params, INPUT=few, OVERWRITE=True))
    assert result["FEATURE_COUNT"] == n_few
    assert int(sql(f"SELECT count(*) FROM {target}")[0][0]) == n_few
    assert pg_server.psql("SELECT count(*) FROM public.districts") == "2"


def test_failed_overwrite_keeps_the_old_table(run, pg_server, sql, berlin_pg):
    # a view depends on the table, so PostgreSQL refuses DROP TABLE: the swap must fail as a whole
    sql("CREATE TABLE public.kept AS SELECT 1 AS a; CREATE VIEW public.kept_view AS SELECT a FROM public.kept")
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("export_postgis", {"INPUT": _postgres(berlin_pg.source()), "DATABASE": pg_server.uri,
                               "SCHEMA": "public", "TABLE": "kept", "OVERWRITE": True})
    assert sql("SELECT a FROM public.kept") == [[1]]
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'sozialmonitor_tmp_%'") == "0"


def test_drop_and_rename_are_one_transaction(run, pg_server, sql, berlin_pg, monkeypatch):
    """A failure after DROP and RENAME (here: a statement appended to the swap) undoes both."""
    from sozialmonitor.plugin.gis.io import postgis

    params = {"INPUT": _postgres(berlin_pg.source()), "DATABASE": pg_server.uri, "SCHEMA": "Neues Schema",
              "TABLE": "atomic"}
    assert run("export_postgis", params)["FEATURE_COUNT"] == 448
    few = QgsVectorLayer(berlin_pg.source(), "few", "postgres")
    few.setSubsetString("id LIKE '0101%'")
    original = postgis.swap_sql
    monkeypatch.setattr(postgis, "swap_sql", lambda *args: original(*args) + "; SELECT 1/0")
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("export_postgis", dict(params, INPUT=few, OVERWRITE=True))
    assert int(sql('SELECT count(*) FROM "Neues Schema".atomic')[0][0]) == 448
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'sozialmonitor_tmp_%'") == "0"


def test_failed_write_into_new_schema_leaves_no_schema(run, pg_server, berlin_pg, monkeypatch):
    from sozialmonitor.plugin.gis.io import postgis

    monkeypatch.setattr(postgis, "swap_sql", lambda *args: "SELECT 1/0")
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("export_postgis", {"INPUT": _postgres(berlin_pg.source()), "DATABASE": pg_server.uri,
                               "SCHEMA": "nie angelegt", "TABLE": "t"})
    assert pg_server.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'nie angelegt'") == "0"
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'sozialmonitor_tmp_%'") == "0"


def test_cancel_writes_nothing(run, pg_server, berlin_pg):
    class Cancelling(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress > 0:
                self.cancel()

    feedback = Cancelling()
    small = QgsVectorLayer(berlin_pg.source(), "p", "postgres")
    from sozialmonitor.plugin.gis.io import postgis

    old_batch, postgis.BATCH = postgis.BATCH, 100  # check for cancel every 100 features
    try:
        result = run("export_postgis", {"INPUT": small, "DATABASE": pg_server.uri, "SCHEMA": "public",
                                        "TABLE": "cancelled"}, feedback=feedback)
    finally:
        postgis.BATCH = old_batch
    assert result == {} or "FEATURE_COUNT" not in result
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE tablename IN ('cancelled') "
                          "OR tablename LIKE 'sozialmonitor_tmp_%'") == "0"


def test_integer_key_in_postgis_joins_with_pad_zeros(run, sql, pg_server, berlin_pg, tmp_path):
    # A municipality that stores the Planungsraum key as integer lost the leading zero (1011101).
    sql("CREATE TABLE public.plr_int AS SELECT gid, id::integer AS plr, name, geom FROM public.planungsraeume; "
        "ALTER TABLE public.plr_int ADD PRIMARY KEY (gid)")
    uri = QgsDataSourceUri(pg_server.uri)
    uri.setDataSource("public", "plr_int", "geom", "", "gid")
    layer = QgsVectorLayer(uri.uri(False), "plr_int", "postgres")
    assert layer.isValid() and layer.fields().field("plr").typeName() == "int4"
    feedback = _Log()
    result = run("join_table", {"INPUT": layer, "INPUT_KEY": "plr", "TABLE": str(TABLE), "TABLE_KEY": "PLR_ID",
                                "KEY_RULE": 1, "OUTPUT": str(tmp_path / "int.gpkg")}, feedback=feedback)
    assert result["MATCHED"] == 447 and result["UNMATCHED_DISTRICTS"] == 1
    assert any("numeric" in line for line in feedback.infos)  # the conversion is reported
    frame = layer_to_dataframe(_load(result["OUTPUT"], "ogr"))
    mitte = frame[frame["plr"] == 1011101]
    assert len(mitte) == 1 and mitte["S1"].iloc[0] == pytest.approx(2.7978, abs=1e-12)


class _Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)


def test_saved_connection_name(run, pg_server, berlin_pg, sql):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = f"sozialmonitor-test-{pg_server.port}"
    # as the Browser's "New connection" dialog stores it with "Store user name" ticked
    metadata.saveConnection(metadata.createConnection(pg_server.uri, {"saveUsername": True}), name)
    try:
        result = run("export_postgis", {"INPUT": _postgres(berlin_pg.source()), "DATABASE": name,
                                        "SCHEMA": "public", "TABLE": "via_connection_name"})
    finally:
        metadata.deleteConnection(name)
    assert result["FEATURE_COUNT"] == 448
    assert int(sql('SELECT count(*) FROM public."via_connection_name"')[0][0]) == 448
    with pytest.raises(QgsProcessingException, match="No PostgreSQL connection named"):
        run("export_postgis", {"INPUT": _postgres(berlin_pg.source()), "DATABASE": "no such connection",
                               "SCHEMA": "public", "TABLE": "never"})


def test_export_map_from_postgis(run, pg_route, tmp_path):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    written = pg_route[3]
    result = processing.run("sozialmonitor:export_map", {
        "INPUT": _postgres(written["OUTPUT"]), "FIELD": "status_class", "RECIPE": str(RECIPE), "DPI": 72,
        "TITLE": "Status-Index aus PostGIS", "OUTPUT_PDF": str(tmp_path / "karte.pdf")})
    pdf = Path(result["OUTPUT_PDF"])
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    assert "Status-Index aus PostGIS" in _pdf_text(pdf)


def _pdf_text(path):
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_null_and_zero_stay_apart(run, pg_server, sql):
    """QGIS 3.22's postgres provider stores a whole batch as 0 when a column holds only 0 and NULL
    (Qt compares them equal); export_postgis splits such batches."""
    layer = QgsVectorLayer("Point?crs=EPSG:25833&field=flag:double&field=n:integer&field=txt:string", "m", "memory")
    rows = [(0.0, 0, ""), (None, None, None), (0.0, 0, ""), (None, 5, "x")]
    features = []
    for i, (flag, n, txt) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([flag, n, txt])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(390000 + i, 5810000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    result = run("export_postgis", {"INPUT": layer, "DATABASE": pg_server.uri, "SCHEMA": "public", "TABLE": "nulls"})
    assert result["FEATURE_COUNT"] == 4
    stored = sql("SELECT flag IS NULL, n IS NULL, txt IS NULL FROM public.nulls ORDER BY fid")
    assert stored == [[False, False, False], [True, True, True], [False, False, False], [True, False, False]]


def test_text_primary_key_table_as_input(run, pg_route, pg_server, sql):
    """A statistics table whose primary key is the text district key (no integer id): QGIS maps the keys to
    feature ids; compute_index must still put every result on its own row."""
    sql('CREATE TABLE public.indicators_textkey AS SELECT "PLR_ID", "PLR_NAME", "EW", "S1", "S3", "S4", "D1", '
        '"D3", "D4" FROM public.mss2019_indicators ORDER BY "PLR_ID" DESC; '
        'ALTER TABLE public.indicators_textkey ADD PRIMARY KEY ("PLR_ID")')
    uri = QgsDataSourceUri(pg_server.uri)
    uri.setDataSource("public", "indicators_textkey", "", "", "PLR_ID")
    layer = QgsVectorLayer(uri.uri(False), "textkey", "postgres")
    assert layer.isValid() and layer.featureCount() == 447
    result = run("compute_index", {"INPUT": _postgres(layer.source()), "RECIPE": str(RECIPE),
                                   "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
    assert result["N_EVALUATED"] == 436
    got = _frame(result["OUTPUT"], keys=["PLR_ID"])
    ref = _frame(_load(pg_route[1]["OUTPUT"], "postgres"), keys=["PLR_ID"])
    specs = output_field_specs(Recipe.from_file(RECIPE))
    # rows come in reverse order, so sums differ in the last bit
    _assert_same_values(got, ref, ["PLR_NAME", "EW"] + [n for n, _a, _k in specs], key="PLR_ID", tolerance=1e-12)


def test_spatial_algorithms_read_postgis_like_the_geopackage(run, berlin_pg, fixtures_dir):
    """count_points and accessibility on the PostGIS polygons give what they give on the GeoPackage."""
    kitas = "{}|layername=kitas".format(fixtures_dir / "overlay" / "berlin_overlay.gpkg")
    gpkg = f"{GPKG}|layername=planungsraeume"
    counts = {}
    for name, districts in (("pg", _postgres(berlin_pg.source())), ("gpkg", gpkg)):
        out = run("count_points", {"INPUT": districts, "POINTS": kitas, "KEY_FIELD": "id",
                                   "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
        frame = _frame(_load(out["OUTPUT"], "ogr") if isinstance(out["OUTPUT"], str) else out["OUTPUT"])
        counts[name] = sorted(zip(frame["id"], frame["name"], frame["n_total"], frame["area_km2"].round(9)))
        assert out["N_POINTS"] > 0
    assert counts["pg"] == counts["gpkg"]
    assert sum(c[2] for c in counts["pg"]) > 0
    shares = {}
    for name, districts in (("pg", _postgres(berlin_pg.source())), ("gpkg", gpkg)):
        out = run("accessibility", {"INPUT": districts, "FACILITIES": kitas, "DISTANCE": 300,
                                    "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
        frame = _frame(_load(out["OUTPUT"], "ogr") if isinstance(out["OUTPUT"], str) else out["OUTPUT"])
        shares[name] = frame["acc_area_pct"].round(9).tolist()
    assert shares["pg"] == shares["gpkg"] and max(shares["pg"]) > 50
