"""Outputs complete or not at all, and plain errors for bad input (QA findings D4, D5, D7, D11, D13, Dminor).

Every failing run must raise a QgsProcessingException with a message naming the file/field, and leave no
output layer behind.
"""
import random
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MSS = FIXTURES / "mss2019" / "mss2019_plr_grid.gpkg"
OVERLAY = FIXTURES / "overlay" / "berlin_overlay.gpkg"
RECIPE = ROOT / "resources" / "recipes" / "berlin_mss_2019.json"
SAMPLE = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def uri(path, layer):
    return f"{path}|layername={layer}"


def _left(folder):
    return sorted(p.name for p in Path(folder).iterdir())


# ------------------------------------------------------------------ D4 / D5: side files checked before the sink
def test_areal_interpolation_report_in_missing_folder_leaves_no_output(run, tmp_path):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*nonexist.*r\.csv.*Choose another folder"):
        run("sozialmonitor:areal_interpolation", {
            "INPUT": uri(OVERLAY, "plr2019"), "TARGET": uri(OVERLAY, "pgr2021"), "EXTENSIVE_FIELDS": ["EW"],
            "OUTPUT": str(out), "REPORT": str(tmp_path / "nonexist" / "r.csv")})
    assert _left(tmp_path) == []


def test_compute_index_diagnostics_in_missing_folder_leaves_no_output(run, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*nonexist.*d\.csv"):
        run("sozialmonitor:compute_index", {
            "INPUT": uri(MSS, "plr_table"), "RECIPE": str(RECIPE), "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_DIAGNOSTICS": str(tmp_path / "nonexist" / "d.csv"), "DROP_ONE": False})
    assert _left(tmp_path) == []


def test_compute_index_diagnostics_on_a_file_as_folder(run, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*afile.*d\.csv"):
        run("sozialmonitor:compute_index", {
            "INPUT": uri(MSS, "plr"), "RECIPE": str(RECIPE), "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_DIAGNOSTICS": str(afile / "d.csv"), "DROP_ONE": False})
    assert _left(tmp_path) == ["afile"]


def test_join_table_report_in_missing_folder_leaves_no_output(run, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("PLR_ID;EW\n01011101;100\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*nonexist.*r\.csv"):
        run("sozialmonitor:join_table", {
            "INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
            "OUTPUT": str(tmp_path / "j.gpkg"), "REPORT": str(tmp_path / "nonexist" / "r.csv")})
    assert _left(tmp_path) == ["t.csv"]


# ------------------------------------------------------------------ D11: Shapefile outputs
@pytest.mark.parametrize("alg,params", [
    ("sozialmonitor:compute_index", {"INPUT": uri(MSS, "plr_table"), "RECIPE": str(RECIPE), "DROP_ONE": False}),
    ("sozialmonitor:count_points", {"INPUT": uri(OVERLAY, "bezirke"), "POINTS": uri(OVERLAY, "kitas")}),
])
def test_shapefile_output_refused(run, tmp_path, alg, params):
    with pytest.raises(QgsProcessingException, match=r"o\.shp: Shapefiles cut field names.*GeoPackage"):
        run(alg, dict(params, OUTPUT=str(tmp_path / "o.shp")))
    assert _left(tmp_path) == []


def test_join_table_shapefile_output_refused(run, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("PLR_ID;EW\n01011101;100\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"j\.shp: Shapefiles.*GeoPackage"):
        run("sozialmonitor:join_table", {
            "INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
            "OUTPUT": str(tmp_path / "j.shp")})
    assert _left(tmp_path) == ["t.csv"]


# ------------------------------------------------------------------ D7: unclosed quote through join_table
def test_join_table_unclosed_quote_names_file_and_row(run, tmp_path):
    table = tmp_path / "u.csv"
    table.write_text('PLR_ID;EW;S1\n01011101;100;1,5\n"01011102;200;2,5\n01011103;300;3,5\n01011104;300;3,5\n',
                     encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"u\.csv, row 3: a quote"):
        run("sozialmonitor:join_table", {
            "INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
            "OUTPUT": str(tmp_path / "j.gpkg")})
    assert _left(tmp_path) == ["u.csv"]


# ------------------------------------------------------------------ D13: binary "CSV" as compute_index INPUT
def test_compute_index_binary_csv_input(run, tmp_path):
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(random.Random(1).randbytes(4096))  # OGR's CSV driver opens it, with garbage field names
    with pytest.raises(QgsProcessingException, match=r"garbage\.csv contains binary data, not a text table"):
        run("sozialmonitor:compute_index", {"INPUT": str(garbage), "RECIPE": str(RECIPE),
                                            "OUTPUT": str(tmp_path / "o.gpkg")})
    assert _left(tmp_path) == ["garbage.csv"]


@pytest.mark.parametrize("name,content,expected", [
    ("empty.csv", b"", r"INPUT: .*empty\.csv is empty \(0 bytes\)"),
    # QGIS >= 3.40's OGR opens these two as text (garbage fields): compute_index's own check names them then
    ("nul.csv", b"\x00" * 100, r"(INPUT: )?.*nul\.csv contains binary data, not a text table"),
    ("report.csv", b"%PDF-1.4\n" + bytes(range(256)) * 8, r"(INPUT: )?.*report\.csv contains binary data"),
    ("districts.gpkg", b"not a geopackage\n" * 20, r"INPUT: .*districts\.gpkg exists, but QGIS cannot open it"),
])
def test_unopenable_input_file_is_named_with_the_reason(run, tmp_path, name, content, expected):
    # QGIS's own parameter check would say "Could not load source layer for INPUT: … not found"
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(QgsProcessingException, match=expected) as err:
        run("sozialmonitor:compute_index", {"INPUT": str(bad), "RECIPE": str(RECIPE),
                                            "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "not found" not in str(err.value)
    assert sorted(_left(tmp_path)) == [name]


# ------------------------------------------------------------------ Dminor
def test_compute_index_key_field_overrides_recipe(run, tmp_path_factory):
    # the renamed input is a file, not a memory layer: a layer object that outlives the QGIS application
    # crashes the interpreter at exit
    renamed = str(tmp_path_factory.mktemp("input") / "renamed.gpkg")
    run("native:renametablefield", {"INPUT": uri(MSS, "plr"), "FIELD": "PLR_ID", "NEW_NAME": "key",
                                    "OUTPUT": renamed})
    tmp_path = tmp_path_factory.mktemp("output")
    with pytest.raises(QgsProcessingException, match=r"metadata\.key_field: unknown field 'PLR_ID'.*KEY_FIELD"):
        run("sozialmonitor:compute_index", {"INPUT": renamed, "RECIPE": str(RECIPE),
                                            "OUTPUT": str(tmp_path / "o.gpkg"), "DROP_ONE": False})
    with pytest.raises(QgsProcessingException, match=r"KEY_FIELD: the layer has no field 'nokey'"):
        run("sozialmonitor:compute_index", {"INPUT": renamed, "RECIPE": str(RECIPE), "KEY_FIELD": "nokey",
                                            "OUTPUT": str(tmp_path / "o.gpkg"), "DROP_ONE": False})
    assert _left(tmp_path) == []
    result = run("sozialmonitor:compute_index", {"INPUT": renamed, "RECIPE": str(RECIPE), "KEY_FIELD": "key",
                                                 "OUTPUT": str(tmp_path / "o.gpkg"), "DROP_ONE": False})
    assert result["N_EVALUATED"] == 436 and result["N_NOT_EVALUATED"] == 11
    out = QgsVectorLayer(result["OUTPUT"], "o", "ogr")
    assert out.featureCount() == 447 and out.fields().lookupField("status_class") >= 0
    del out


def test_count_points_invalid_prefix(run, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"PREFIX 'a b;c' is not a valid field name prefix"):
        run("sozialmonitor:count_points", {"INPUT": uri(OVERLAY, "bezirke"), "POINTS": uri(OVERLAY, "kitas"),
                                           "PREFIX": "a b;c", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert _left(tmp_path) == []


def test_areal_interpolation_text_field_names_parameter(run, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"'name' of layer 'plr2019' \(EXTENSIVE_FIELDS\) must be numeric"):
        run("sozialmonitor:areal_interpolation", {
            "INPUT": uri(OVERLAY, "plr2019"), "TARGET": uri(OVERLAY, "pgr2021"), "EXTENSIVE_FIELDS": ["name"],
            "OUTPUT": str(tmp_path / "o.gpkg")})


def test_count_points_table_without_geometry_wording(run, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"must be a polygon layer, but it has no geometry") as info:
        run("sozialmonitor:count_points", {"INPUT": uri(MSS, "plr_table"), "POINTS": uri(OVERLAY, "kitas"),
                                           "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "No geometry geometries" not in str(info.value)


def test_join_report_lists_text_cells_rows_as_integers_and_counts_rows_without_key(run, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        infos = []

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)

    table = tmp_path / "t.csv"
    table.write_text("PLR_ID;EW;S1\n01011101;100;1,5\n01011102;200;abc\n01011103;300;2,5\n01011104;400;3,5\n"
                     ";500;4,5\n", encoding="utf-8")
    report = tmp_path / "r.csv"
    feedback = Feedback()
    result = run("sozialmonitor:join_table", {
        "INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
        "MIN_MATCH_PERCENT": 0,  # 4 of 448 districts: a small table, accepted explicitly
        "OUTPUT": str(tmp_path / "j.gpkg"), "REPORT": str(report)}, feedback=feedback)
    assert result["UNMATCHED_ROWS"] == 1
    text = "\n".join(feedback.infos)
    assert "Suppressed or missing values (1):\n  column 'S1': 1 × 'invalid'" in text
    assert "Cells that are not a number (1):\n  column 'S1', row 3: 'abc'" in text
    assert "1 table rows without district (1 of them without key)" in text
    import pandas as pd

    csv = pd.read_csv(report, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    bad = csv[csv["section"] == "not_a_number"]
    assert bad[["row", "column", "detail"]].values.tolist() == [["3", "S1", "abc"]]
    assert csv.loc[csv["section"] == "table_row_without_key", "row"].tolist() == ["6"]
    summary = csv[csv["section"] == "summary"].set_index("detail")["count"]
    assert summary["table_rows_without_district"] == "1" and summary["table_rows_without_key"] == "1"


# ------------------------------------------------------------------ maps: all outputs checked before the first
def _map_params(tmp_path, **extra):
    sys.path.insert(0, str(FIXTURES / "maps"))
    import maps_testing as mt

    params = {"INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019), "DPI": 72,
              "OUTPUT_PDF": str(tmp_path / "karte.pdf")}
    params.update(extra)
    return params


def test_export_map_unwritable_project_leaves_no_pdf(run, tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*afile/karte\.qgz: .*not a folder"):
        run("sozialmonitor:export_map", _map_params(tmp_path, OUTPUT_PROJECT=str(tmp_path / "afile" / "karte.qgz")))
    assert _left(tmp_path) == ["afile"]


def test_export_map_logo_that_is_no_picture(run, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("this is not a PNG")
    with pytest.raises(QgsProcessingException, match=r"logo\.png is not an SVG or image QGIS can read"):
        run("sozialmonitor:export_map", _map_params(tmp_path, LOGO=str(logo)))
    with pytest.raises(QgsProcessingException, match=r"picture file .*nologo\.svg does not exist"):
        run("sozialmonitor:export_map", _map_params(tmp_path, LOGO=str(tmp_path / "nologo.svg")))
    assert _left(tmp_path) == ["logo.png"]


def test_cancelled_single_pdf_leaves_nothing(run, tmp_path):
    from qgis.core import QgsProcessingFeedback
    from sozialmonitor.plugin.core.errors import ExportError
    from sozialmonitor.plugin.gis.printing.multi_pdf import layouts_to_pdf

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(ExportError, match="cancelled"):
        layouts_to_pdf([object()], tmp_path / "alle.pdf", feedback=feedback)
    assert _left(tmp_path) == []


# ------------------------------------------------------------------ output layers: staged, moved when complete
COUNT = {"INPUT": uri(OVERLAY, "bezirke"), "POINTS": uri(OVERLAY, "kitas")}


def _interrupt_writing(monkeypatch, how):
    """Let count_points write all features, then cancel the run or fail, as a late cancel or error would.

    Both writers: feature by feature (into an existing file) and in bulk (a new GeoPackage)."""
    from sozialmonitor.plugin.core.errors import ComputationError
    from sozialmonitor.plugin.gis.io import gpkg_bulk
    from sozialmonitor.plugin.processing import result_layer

    real = result_layer.write_features
    real_fill = gpkg_bulk._fill_columns

    def interrupted(sink, source, frame, specs, fields, feedback=None):
        written = real(sink, source, frame, specs, fields, feedback)
        if how == "cancel":
            feedback.cancel()
            return written
        raise ComputationError("disk full (simulated)")

    def interrupted_fill(tmp, table, frame, specs):
        real_fill(tmp, table, frame, specs)
        raise ComputationError("disk full (simulated)")

    monkeypatch.setattr(result_layer, "write_features", interrupted)
    if how != "cancel":
        monkeypatch.setattr(gpkg_bulk, "_fill_columns", interrupted_fill)


def _layer_names(path):
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(str(path))) as con:  # `with connect()` alone commits but never closes
        return [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]


def test_cancel_while_writing_keeps_the_old_file(run, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingFeedback

    out = tmp_path / "o.gpkg"
    run("sozialmonitor:count_points", dict(COUNT, OUTPUT=str(out)))
    before = out.read_bytes()
    _interrupt_writing(monkeypatch, "cancel")
    result = run("sozialmonitor:count_points", dict(COUNT, PREFIX="kita", OUTPUT=str(out)),
                 feedback=QgsProcessingFeedback())
    assert "OUTPUT" not in result
    assert out.read_bytes() == before  # the complete old result, not a half-written new one
    assert _left(tmp_path) == ["o.gpkg"]  # no staging folder left


def test_error_while_writing_leaves_no_output(run, tmp_path, monkeypatch):
    _interrupt_writing(monkeypatch, "error")
    with pytest.raises(QgsProcessingException, match="disk full"):
        run("sozialmonitor:count_points", dict(COUNT, OUTPUT=str(tmp_path / "o.gpkg")))
    assert _left(tmp_path) == []


def test_staged_output_keeps_its_name_and_is_loaded_from_the_destination(run, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    out = tmp_path / "kitas_je_bezirk.gpkg"
    result = run("sozialmonitor:count_points",
                 dict(COUNT, OUTPUT=QgsProcessingOutputLayerDefinition(str(out), project)), context=context)
    assert result["OUTPUT"] == str(out)
    assert list(context.layersToLoadOnCompletion()) == [str(out)]
    assert _layer_names(out) == ["kitas_je_bezirk"]  # GDAL names the layer after the file, as without staging
    assert _left(tmp_path) == ["kitas_je_bezirk.gpkg"]
    layer = QgsVectorLayer(str(out), "o", "ogr")
    assert layer.featureCount() == 2 and layer.fields().lookupField("n_total") >= 0
    del layer, context, project  # QGIS objects must not outlive the application


def test_join_report_csv_records_reading_decisions_and_field_names(run, tmp_path):
    import pandas as pd

    table = tmp_path / "t.csv"
    table.write_bytes("Tabelle 3: Altersstruktur\nPLR_ID;Anteil in %\n01011101;12,5\n01011102;7,25\n"
                      "Quelle: Amt für Statistik\n".encode("cp1252"))
    report = tmp_path / "r.csv"
    run("sozialmonitor:join_table", {
        "INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id", "TABLE": str(table), "TABLE_KEY": "PLR_ID",
        "MIN_MATCH_PERCENT": 0, "OUTPUT": str(tmp_path / "j.gpkg"), "REPORT": str(report)})
    csv = pd.read_csv(report, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    reading = "\n".join(csv.loc[csv["section"] == "reading", "detail"])
    for text in ["encoding: Windows-1252", "separator: ';'", "decimal separator: ','", "header row(s): 2",
                 "skipped title row 1: Tabelle 3: Altersstruktur", "Quelle: Amt für Statistik"]:
        assert text in reading, text
    added = csv[csv["section"] == "column_added"]
    assert added[["column", "name"]].values.tolist() == [["Anteil_in_pct", "Anteil in %"]]
    out = QgsVectorLayer(str(tmp_path / "j.gpkg"), "j", "ogr")
    assert out.fields().lookupField("Anteil_in_pct") >= 0
    del out


def test_output_is_complete_even_when_something_still_holds_the_sink(run, tmp_path, monkeypatch):
    """A staged GeoPackage is moved onto its destination after ``execute``; the sink is closed first even
    when a reference outlives ``execute`` (a traceback kept by a debugger or a warning hook, a reference
    cycle freed only by the garbage collector). Before, the file was moved half-written (GDAL commits when
    the sink dies) and the output lacked its features: "disk I/O error", a silently empty layer."""
    from sozialmonitor.plugin.processing.algorithm import SozialmonitorAlgorithm

    held = []
    real = SozialmonitorAlgorithm.create_sink

    def holding(self, *args, **kwargs):
        sink, dest_id = real(self, *args, **kwargs)
        held.append(sink)
        return sink, dest_id

    monkeypatch.setattr(SozialmonitorAlgorithm, "create_sink", holding)
    table = tmp_path / "t.csv"
    table.write_text("PLR_ID;wert\n01011101;12,5\n01011102;7,25\n", encoding="utf-8")
    out = tmp_path / "j.geojson"  # a new .gpkg would be written in bulk, without a sink
    run("sozialmonitor:join_table", {"INPUT": uri(SAMPLE, "planungsraeume"), "INPUT_KEY": "id",
                                     "TABLE": str(table), "TABLE_KEY": "PLR_ID", "OUTPUT": str(out),
                                     "MIN_MATCH_PERCENT": 0})  # two districts on purpose
    assert held
    layer = QgsVectorLayer(str(out), "j", "ogr")
    assert layer.isValid() and layer.featureCount() == 448 and layer.fields().lookupField("wert") >= 0
    values = sorted(f["wert"] for f in layer.getFeatures() if isinstance(f["wert"], float))  # NULL is no float
    assert values == [7.25, 12.5]
    assert _left(tmp_path) == ["j.geojson", "j_join_report.csv", "t.csv"]  # no staging folder left
    del layer
