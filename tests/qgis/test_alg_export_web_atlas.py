"""sozialmonitor:export_web_atlas on Berlin's 448 Planungsräume (MSS 2019, real data).

Faithful: every number and class in the atlas's data files is read back and compared with the GeoPackage
(values, the official MSS 2019 classes of the published table) and with the classes of the printed map
(``map_classes_for``, the function export_map uses). Secret districts have no number in the files.
Geometry: decoded from the page's file, valid, no overlaps or gaps between neighbours (shapely as oracle).
"""
import csv
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
import web_atlas_testing as wt  # noqa: E402

OFFICIAL = Path(__file__).resolve().parents[1] / "fixtures" / "mss2019" / "mss2019_indices_official_plr.csv"


@pytest.fixture(scope="module")
def berlin(tmp_path_factory, run):
    folder = tmp_path_factory.mktemp("web_atlas")
    layer = wt.berlin_layer(folder, run)
    result = run("export_web_atlas", {"INPUT": layer, "RECIPE": str(wt.RECIPE_2019), "SOURCE": wt.SOURCE,
                                      "LICENCE": "CC BY 4.0", "OUTPUT_FOLDER": str(folder / "atlas")})
    data = wt.read_script(folder / "atlas" / "data" / "atlas.js")
    geometry = wt.read_script(folder / "atlas" / "data" / "geometry.js")
    return layer, result, data, geometry, folder


def layer_rows(path, fields):
    """Attribute rows as plain Python values (no QVariant may outlive QGIS: that crashes at exit)."""
    from qgis.core import NULL, QgsVectorLayer

    layer = QgsVectorLayer(path, "berlin", "ogr")
    assert layer.isValid()
    rows = [[None if f[name] == NULL else f[name] for name in fields] for f in layer.getFeatures()]
    return None, rows


def test_writes_a_complete_offline_folder(berlin):
    _, result, data, _, folder = berlin
    atlas = folder / "atlas"
    assert result["INDEX_HTML"] == str(atlas / "index.html") and result["DISTRICTS"] == 448
    for name in ("index.html", "app.js", "app.css", "vendor/leaflet/leaflet.js", "vendor/leaflet/LICENSE"):
        assert (atlas / name).is_file(), name
    html = (atlas / "index.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # nothing loaded from the network
    assert "BSD" in (atlas / "vendor" / "leaflet" / "LICENSE").read_text() or "Copyright" in \
        (atlas / "vendor" / "leaflet" / "LICENSE").read_text()
    assert result["SIZE_BYTES"] < 2_000_000
    themes = [f["theme"] for f in data["fields"]]
    assert themes[:5] == ["index"] * 5 and "indicators" in themes  # classes, scores, typology; then indicators
    assert data["meta"]["source"] == wt.SOURCE and data["meta"]["tolerance"] == 5.0


def test_values_are_those_of_the_geopackage_and_secret_ones_are_absent(berlin):
    from qgis.core import NULL

    layer_path, _, data, _, _ = berlin
    fields = ["id", "S1", "S3", "S4", "D1", "evaluated", "EW", "status_score"]
    _, rows = layer_rows(layer_path, fields)
    assert [str(r[0]) for r in rows] == data["districts"]["key"]
    by_id = {f["id"]: f for f in data["fields"]}
    secret = data["districts"]["secret"]
    assert sum(secret) == 11  # the polygons of the not evaluated PLR of the MSS 2019 table (legend: 11)
    for name in fields[1:5] + ["status_score"]:
        col = fields.index(name)
        entry = by_id[name]
        for i, row in enumerate(rows):
            value = row[col]
            value = None if value is None or value == NULL else value
            if secret[i]:
                assert entry["values"][i] is None and entry["rank"][i] is None and entry["deviation"][i] is None
            elif value is None or value != value:
                assert entry["values"][i] is None
            else:
                assert entry["values"][i] == pytest.approx(round(float(value), entry["decimals"]), abs=1e-9), (name, i)


def test_classes_are_the_official_ones_and_those_of_the_printed_map(berlin, qgis_app):
    from qgis.core import QgsVectorLayer
    from sozialmonitor.plugin.core.recipe.load import Recipe
    from sozialmonitor.plugin.gis.style.renderers import map_classes_for, secrecy_rule

    layer_path, _, data, _, _ = berlin
    with open(OFFICIAL, encoding="utf-8") as handle:
        official = {r["PLR_ID"]: r["STATUS_KLASSE"] for r in csv.DictReader(handle)}
    status = next(f for f in data["fields"] if f["id"] == "status_class")
    keys = data["districts"]["key"]
    compared = 0
    for i, key in enumerate(keys):
        if status["cls"][i] >= 0 and keys.index(key) == i and key in official:
            assert status["classes"][status["cls"][i]]["label"] == official[key], key
            compared += 1
    assert compared >= 430
    layer = QgsVectorLayer(layer_path, "berlin", "ogr")
    recipe = Recipe.from_file(wt.RECIPE_2019)
    rule = secrecy_rule(layer, recipe)
    for name in ("status_class", "S1", "D3"):
        printed = map_classes_for(layer, name, rule, recipe=recipe)
        entry = next(f for f in data["fields"] if f["id"] == name)
        assert [c["count"] for c in entry["classes"]] == [c.count for c in printed.classes]
        assert [c["colour"] for c in entry["classes"]] == [c.colour for c in printed.classes]
        assert (entry["not_evaluated"], entry["no_data"]) == (printed.not_evaluated, printed.no_data)
        if printed.kind == "graduated":
            assert entry["edges"] == printed.edges
            assert [c["upper"] for c in entry["classes"]] == [c.upper for c in printed.classes]
        # each district's class: its value lies in the class's interval (open first and last class)
        if printed.kind == "graduated":
            for i, c in enumerate(entry["cls"]):
                if c >= 0:
                    cls = entry["classes"][c]
                    raw = entry["values"][i]
                    assert cls["lower"] is None or raw >= cls["lower"] - 0.05
                    assert cls["upper"] is None or raw <= cls["upper"] + 0.05


def test_simplified_boundaries_have_no_gaps_or_overlaps(berlin):
    import shapely

    _, result, _, geometry, _ = berlin
    simple = np.array(wt.decode_geometry(geometry), dtype=object)
    assert len(simple) == 448 and shapely.is_valid(simple).all()
    tree = shapely.STRtree(simple)
    a, b = tree.query(simple, predicate="intersects")
    keep = a < b
    overlap = shapely.area(shapely.intersection(simple[a[keep]], simple[b[keep]]))
    # in degrees²; 1e-10 deg² ≈ 0.7 m² at 52.5° N. The source has one 0.1 m² overlap, nothing more may appear.
    assert overlap.sum() < 1e-9
    union = shapely.union_all(simple)
    holes = sum(len(p.interiors) for p in getattr(union, "geoms", [union]))
    assert holes <= 1  # the source's own single hole; a gap between simplified neighbours would add more
    assert result["VERTICES"] < 0.25 * 70055  # 70,055 vertices in the source polygons


def test_bad_input_gets_a_clear_message(berlin, run, tmp_path):
    from qgis.core import QgsProcessingException

    layer_path = berlin[0]
    other = tmp_path / "docs"
    other.mkdir()
    (other / "letter.txt").write_text("keep me")
    with pytest.raises(QgsProcessingException, match="not empty"):
        run("export_web_atlas", {"INPUT": layer_path, "RECIPE": str(wt.RECIPE_2019), "OUTPUT_FOLDER": str(other)})
    assert (other / "letter.txt").read_text() == "keep me"
    with pytest.raises(QgsProcessingException, match="Bezirk"):
        run("export_web_atlas", {"INPUT": layer_path, "RECIPE": str(wt.RECIPE_2019), "NAME_FIELD": "Bezirk",
                                 "OUTPUT_FOLDER": str(tmp_path / "a")})
    with pytest.raises(QgsProcessingException, match="no field to show"):
        run("export_web_atlas", {"INPUT": layer_path, "OUTPUT_FOLDER": str(tmp_path / "b")})
