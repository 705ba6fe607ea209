"""sozialmonitor:export_map as a reader sees it: page size, text on the PDF, colours in the PNG, the .qgz."""
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
import maps_testing as mt  # noqa: E402
from sozialmonitor.plugin.core.maps.palettes import NO_DATA, NOT_EVALUATED, STATUS_PRESET  # noqa: E402

DPI = 100
# invented test classes of the fixture (see tests/fixtures/maps/SOURCE.md)
KNOWN = {"02010103": "sehr niedrig", "01011401": "hoch", "01011103": "niedrig", "01011303": "mittel"}


def run_export(tmp_path, **params):
    import processing

    mt.register_provider()
    base = {
        "INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019),
        "TITLE": "Soziale Lage im Zentrum (Testkarte)", "SUBTITLE": "Status-Index, erfundene Testklassen",
        "SOURCE": "Datenquelle: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin (Testauszug)",
        "AUTHOR": "Amt für Statistik Testhausen", "OVERLAY": mt.BEZIRKE, "DPI": DPI,
        "OUTPUT_PDF": str(tmp_path / "karte.pdf"), "OUTPUT_PNG": str(tmp_path / "karte.png"),
        "OUTPUT_PROJECT": str(tmp_path / "karte.qgz"),
    }
    base.update(params)
    return processing.run("sozialmonitor:export_map", base)


@pytest.fixture(scope="module")
def status_map(qgis_processing, tmp_path_factory, german_module):
    tmp = tmp_path_factory.mktemp("status_map")
    return tmp, run_export(tmp)


def test_pdf_is_a4_landscape_with_title_legend_source(status_map):
    tmp, result = status_map
    info = mt.pdf_info(tmp / "karte.pdf")
    assert info["pages"] == 1
    assert abs(info["width_mm"] - 297) < 1 and abs(info["height_mm"] - 210) < 1
    text = mt.pdf_text(tmp / "karte.pdf")
    assert "Soziale Lage im Zentrum (Testkarte)" in text
    assert "Status-Index, erfundene Testklassen" in text
    # legend: German class labels with the district count of the fixture (8/6/3/2, 1 secret, 1 without data)
    for line in ["hoch (8)", "mittel (6)", "niedrig (3)", "sehr niedrig (2)", "nicht bewertet (1)",
                 "(< 300 Einw., ausgeschlossen od. ohne Werte)",
                 "keine Daten (1)", "Bezirksgrenze"]:
        assert line in text, line
    assert "Senatsverwaltung für Stadtentwicklung und Wohnen Berlin" in text
    assert "Stand der Daten: 31.12.2018" in text  # recipe data_date, German format
    assert "Bearbeitung: Amt für Statistik Testhausen" in text
    assert result["LEGEND"].splitlines()[0] == "hoch (8)"


def _project_map(qgz):
    project = QgsProject()
    assert project.read(str(qgz))
    layouts = project.layoutManager().printLayouts()
    assert len(layouts) == 1
    return project, layouts[0].itemById("map")


def test_png_shows_class_colours_at_known_districts(status_map):
    tmp, _ = status_map
    project, map_item = _project_map(tmp / "karte.qgz")
    image = QImage(str(tmp / "karte.png"))
    assert image.width() == round(297 / 25.4 * DPI)
    layer = QgsVectorLayer(mt.RESULT, "r", "ogr")
    colours = dict(zip(STATUS_PRESET["labels"], STATUS_PRESET["colours"]))
    for feature in layer.getFeatures():
        key = feature["id"]
        if key not in KNOWN and key not in ("01011102", "02010102"):
            continue
        col, row = mt.pixel_of(map_item, feature.geometry().pointOnSurface().asPoint(), DPI)
        seen = mt.hex_colour(image.pixelColor(col, row))
        if key in KNOWN:
            assert seen == colours[KNOWN[key]], (key, seen)
        else:  # secret / no data: white or hatch grey, never a class colour
            assert seen not in STATUS_PRESET["colours"], (key, seen)
            assert seen in ("#ffffff", NOT_EVALUATED["hatch"], NO_DATA["hatch"]) or seen[1:3] == seen[3:5] == seen[5:]


def test_project_reopens_with_styled_layer_layout_and_recipe(status_map):
    tmp, _ = status_map
    project, map_item = _project_map(tmp / "karte.qgz")
    names = {layer.name() for layer in project.mapLayers().values()}
    assert {"Status-Index", "Bezirksgrenze"} <= names
    styled = project.mapLayersByName("Status-Index")[0]
    assert styled.isValid() and styled.featureCount() == 21
    labels = [rule.label() for rule in styled.renderer().rootRule().children()]
    assert labels[:4] == ["hoch (8)", "mittel (6)", "niedrig (3)", "sehr niedrig (2)"]
    text, ok = project.readEntry("sozialmonitor", "recipe")
    assert ok and '"Status-Index"' in text


def test_portrait_and_a3_templates_give_their_page_size(qgis_processing, tmp_path):
    for index, (w, h) in [(0, (210, 297)), (2, (420, 297))]:
        pdf = tmp_path / f"k{index}.pdf"
        run_export(tmp_path, TEMPLATE=index, OUTPUT_PDF=str(pdf), OUTPUT_PNG=None, OUTPUT_PROJECT=None)
        info = mt.pdf_info(pdf)
        assert abs(info["width_mm"] - w) < 1 and abs(info["height_mm"] - h) < 1
        assert "sehr niedrig (2)" in mt.pdf_text(pdf)


def test_graduated_indicator_map_hides_secret_district(qgis_processing, tmp_path, german):
    result = run_export(tmp_path, FIELD="S3", METHOD=0, CLASSES=4, TITLE="Transferbezug",
                        OUTPUT_PNG=None, OUTPUT_PROJECT=None)
    lines = [line for line in result["LEGEND"].splitlines() if not line.startswith("(")]
    assert len(lines) == 6
    counts = [int(line.rsplit("(", 1)[1].rstrip(")")) for line in lines]
    assert sum(counts[:4]) == 19  # 21 districts - 1 secret (EW 196) - 1 without data
    assert lines[0].startswith("bis ") and lines[3].startswith("über ") and "%" in lines[0]
    text = mt.pdf_text(tmp_path / "karte.pdf")
    assert "nicht bewertet (1)" in text and "Transferbezug" in text


def test_fixed_breaks_are_used_as_given(qgis_processing, tmp_path, german):
    result = run_export(tmp_path, FIELD="S3", BREAKS="10; 20; 30", OUTPUT_PNG=None, OUTPUT_PROJECT=None)
    labels = [line.rsplit(" (", 1)[0] for line in result["LEGEND"].splitlines()[:4]]
    assert labels == ["bis 10 %", "über 10 bis 20 %", "über 20 bis 30 %", "über 30 %"]


def test_own_template_without_map_item_is_refused(qgis_processing, tmp_path):
    from qgis.core import QgsProcessingException

    bad = tmp_path / "firma.qpt"
    text = (mt.ROOT / "resources" / "templates" / "sozialmonitor_a4_landscape.qpt").read_text(encoding="utf-8")
    bad.write_text(text.replace('id="map"', 'id="karte"'), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="id 'map'"):
        run_export(tmp_path, TEMPLATE_FILE=str(bad), OUTPUT_PDF=str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_typology_map_has_two_way_legend_with_counts(qgis_processing, tmp_path, german):
    result = run_export(tmp_path, FIELD="sdi", TITLE="Status-Dynamik-Index (Testkarte)", OUTPUT_PROJECT=None)
    legend = result["LEGEND"].splitlines()
    # 4 x 3 cells in reading order (status best first, dynamics positiv first); fixture counts
    assert legend[:12] == ["1+ (2)", "1+/- (6)", "1- (0)", "2+ (0)", "2+/- (6)", "2- (0)", "3+ (0)", "3+/- (1)",
                           "3- (2)", "4+ (0)", "4+/- (0)", "4- (2)"]
    text = mt.pdf_text(tmp_path / "karte.pdf")
    assert "Status-Dynamik-Index" in text
    for word in ["positiv", "stabil", "negativ", "hoch", "mittel", "sehr niedrig", "2+/-", "nicht bewertet (1)"]:
        assert word in text, word
