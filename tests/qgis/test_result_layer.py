"""The bulk GeoPackage writer and the feature-by-feature writer give the same layer (plugin/processing/result_layer.py).

join_table and count_points write a new .gpkg in bulk; into an existing GeoPackage (or any other format) they
write feature by feature. Both outputs are read back and compared value by value, NULLs, suppressed values
and flag fields included.
"""
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
OVERLAY = ROOT / "tests" / "fixtures" / "overlay" / "berlin_overlay.gpkg"


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def _frame(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    frame = layer_to_dataframe(layer).reset_index(drop=True)
    return frame.drop(columns=[c for c in frame.columns if c == "fid"])


def _bulk_and_feature_by_feature(run, alg, params, tmp_path, layer_name):
    bulk = tmp_path / "bulk.gpkg"
    run(alg, dict(params, OUTPUT=str(bulk)))
    existing = tmp_path / "existing.gpkg"
    shutil.copy(OVERLAY, existing)  # an existing GeoPackage: the result layer is added feature by feature
    run(alg, dict(params, OUTPUT=f"{existing}|layername={layer_name}"))
    return _frame(bulk), _frame(f"{existing}|layername={layer_name}")


def test_join_table_bulk_and_generic_outputs_are_equal(run, tmp_path):
    layer = QgsVectorLayer(f"{SAMPLE}|layername=planungsraeume", "p", "ogr")
    keys = sorted(str(f["id"]) for f in layer.getFeatures())[:40]
    table = tmp_path / "t.csv"
    cells = ["12,5", ".", "", "1.234,5", "-", "7 p", "(3,0)", "x"]
    table.write_text("Schluessel;wert;text\n" + "\n".join(
        f"{k};{cells[i % len(cells)]};T{i}" for i, k in enumerate(keys)) + "\n", encoding="utf-8")
    params = {"INPUT": f"{SAMPLE}|layername=planungsraeume", "INPUT_KEY": "id", "TABLE": str(table),
              "TABLE_KEY": "Schluessel", "MIN_MATCH_PERCENT": 0, "ADD_FLAGS": True}
    bulk, generic = _bulk_and_feature_by_feature(run, "sozialmonitor:join_table", params, tmp_path, "joined")
    assert list(bulk.columns) == list(generic.columns)
    assert {"wert", "text", "wert_flag"} <= set(bulk.columns)
    assert bulk["wert"].notna().sum() >= 5 and bulk["wert"].isna().sum() > 0
    assert bulk.equals(generic)


def test_count_points_bulk_and_generic_outputs_are_equal(run, tmp_path):
    params = {"INPUT": f"{OVERLAY}|layername=plr2019", "POINTS": f"{OVERLAY}|layername=schulen",
              "CATEGORY_FIELD": "schulart", "POPULATION_FIELD": "EW", "KEY_FIELD": "id"}
    bulk, generic = _bulk_and_feature_by_feature(run, "sozialmonitor:count_points", params, tmp_path, "counted")
    assert "n_total" in bulk.columns and bulk["n_total"].sum() > 0
    assert list(bulk.columns) == list(generic.columns)
    assert bulk.equals(generic)
