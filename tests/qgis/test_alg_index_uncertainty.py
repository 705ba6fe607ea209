"""sozialmonitor:index_uncertainty through processing.run on the MSS 2019 GeoPackage fixture: the layer
holds exactly the core's results, the side outputs (Sobol CSV, chart SVG, annex HTML) are complete, the
loaded layer gets the certainty map, and a recipe without an uncertainty section is refused clearly."""
import json
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ALG = "sozialmonitor:index_uncertainty"
UNCERTAINTY = {"normalisation": ["zscore", "rank"], "weight_ranges": {"S4": [0.5, 2.0]},
               "winsorise": [None, {"method": "sd", "k": 3}], "drop_indicator": True}


@pytest.fixture(scope="module")
def processing_run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


@pytest.fixture
def recipe_path(repo_root, tmp_path):
    data = json.loads((repo_root / "resources" / "recipes" / "berlin_mss_2019.json").read_text(encoding="utf-8"))
    data["uncertainty"] = UNCERTAINTY
    path = tmp_path / "recipe.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_layer_and_side_outputs(processing_run, fixtures_dir, recipe_path, tmp_path):
    from sozialmonitor.plugin.core.index.uncertainty_run import run_uncertainty
    from sozialmonitor.plugin.core.recipe.load import Recipe

    gpkg = fixtures_dir / "mss2019" / "mss2019_plr_grid.gpkg"
    out = {k: tmp_path / n for k, n in (("OUTPUT", "u.gpkg"), ("OUTPUT_SOBOL", "sobol.csv"),
                                        ("OUTPUT_CHART", "chart.svg"), ("OUTPUT_ANNEX", "annex.html"))}
    result = processing_run(ALG, {"INPUT": f"{gpkg}|layername=plr", "RECIPE": str(recipe_path), "DRAWS": 200,
                                  "SEED": 3, "SOBOL_BASE": 32, **{k: str(v) for k, v in out.items()}})
    assert result["N_RANKED"] == 436
    layer = QgsVectorLayer(str(result["OUTPUT"]), "u", "ogr")
    frame = layer_to_dataframe(layer)
    assert layer.featureCount() == 447
    source = layer_to_dataframe(QgsVectorLayer(f"{gpkg}|layername=plr", "in", "ogr"))
    core = run_uncertainty(source, Recipe.from_file(recipe_path), draws=200, seed=3, sobol_base=32)
    for name, _alias, _kind in core.fields:
        np.testing.assert_allclose(frame[name].to_numpy(dtype=float, na_value=np.nan),
                                   core.table[name].to_numpy(dtype=float, na_value=np.nan), err_msg=name)
    assert result["N_UNCERTAIN"] == core.summary["n_uncertain"] == int((frame["status_class_prob"] < 0.8).sum())
    sobol = pd.read_csv(out["OUTPUT_SOBOL"])
    assert sobol["choice"].tolist() == ["Normalisation", "Winsorising", "Weight S4", "Dropping one indicator"]
    svg = ET.parse(out["OUTPUT_CHART"]).getroot()
    bars = [e for e in svg.iter("{http://www.w3.org/2000/svg}rect") if e.get("width") != "22"]
    assert len(bars) == 436
    html = out["OUTPUT_ANNEX"].read_text(encoding="utf-8")
    assert "Sobol" in html and f"{result['N_UNCERTAIN']} of 436 districts" in html

    from sozialmonitor.plugin.processing.algorithms.index_uncertainty import UncertaintyStyler

    UncertaintyStyler.create(core.fields, "status", ["hoch", "mittel", "niedrig", "sehr niedrig"],
                             ["#fff3c4", "#fdc46a", "#e6702a", "#8c2d04"],
                             core.table).postProcessLayer(layer, None, None)
    legend = [item.label() for item in layer.renderer().legendSymbolItems()]
    assert f"class uncertain: probability below 80 % ({result['N_UNCERTAIN']})" in legend
    counts = frame["status_class_nom"].value_counts()
    assert f"sehr niedrig ({counts[4]})" in legend and "not evaluated (11)" in legend
    assert layer.fields().field("status_rank_p95").alias() == "Status-Index: rank, 95th percentile"


def test_recipe_without_section_is_refused(processing_run, fixtures_dir, repo_root, tmp_path):
    gpkg = fixtures_dir / "mss2019" / "mss2019_plr_grid.gpkg"
    with pytest.raises(QgsProcessingException, match="no 'uncertainty' section"):
        processing_run(ALG, {"INPUT": f"{gpkg}|layername=plr",
                             "RECIPE": str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json"),
                             "OUTPUT": str(tmp_path / "u.gpkg")})
    assert not (tmp_path / "u.gpkg").exists()


def test_atlas_page_shows_rank_interval_and_class_probability(processing_run, recipe_path, tmp_path):
    """An atlas of the uncertainty output prints each district's rank interval under its class."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
    import maps_testing as mt

    data = json.loads(recipe_path.read_text(encoding="utf-8"))
    data["metadata"]["name_field"] = "name"  # the fixture's district names
    recipe_path.write_text(json.dumps(data), encoding="utf-8")
    result = processing_run(ALG, {"INPUT": mt.RESULT, "RECIPE": str(recipe_path), "DRAWS": 100, "SEED": 2,
                                  "SOBOL_BASE": 0, "KEY_FIELD": "id",
                                  "OUTPUT": str(tmp_path / "u.gpkg")})
    layer = QgsVectorLayer(str(result["OUTPUT"]), "u", "ogr")
    frame = layer_to_dataframe(layer).set_index("id")
    processing_run("sozialmonitor:export_atlas", {
        "INPUT": result["OUTPUT"], "FIELD": "status_class", "RECIPE": str(recipe_path), "NAME_FIELD": "name",
        "KEY_FIELD": "id", "TITLE": "Test", "OUTPUT_PDF": str(tmp_path / "atlas.pdf"),
        "OUTPUT_PROJECT": str(tmp_path / "atlas.qgz")})
    svg = ET.parse(tmp_path / "atlas_trend" / "ranks_1.svg").getroot()  # kept beside the project
    red = [e for e in svg.iter("{http://www.w3.org/2000/svg}rect") if e.get("fill") == "#d7301f"]
    assert len(red) == 1 and len([e for e in svg.iter("{http://www.w3.org/2000/svg}rect")]) == 19 + 1
    page1 = mt.pdf_text_page(tmp_path / "atlas.pdf", 1)  # 01011101 Stülerstraße
    row = frame.loc["01011101"]

    def rank(v):
        return f"{v:.1f}".removesuffix(".0")

    expected = "Status-Index: rank {r} (5–95 %: {lo}–{hi}), class probability {p} % over simulated recipes".format(
        r=rank(row["status_rank"]), lo=rank(row["status_rank_p05"]), hi=rank(row["status_rank_p95"]),
        p=round(100 * row["status_class_prob"]))
    assert expected in " ".join(page1.split())
    # the rank-interval chart below the table: all 19 ranked districts, this one highlighted (SVG per page)
    assert "Status-Index: rank among all 19 districts (bar: 5–95 % over simulated recipes; red: this district)" in (
        " ".join(page1.split()))
    page2 = mt.pdf_text_page(tmp_path / "atlas.pdf", 2)  # 01011102, secret (EW 196): no rank line
    assert "class probability" not in page2
