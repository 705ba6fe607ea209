"""sozialmonitor:derive_weights on the shipped Kreis data: PCA weights written into a new recipe with their
provenance (the PCA itself is checked against sklearn in tests/core/test_engine_county.py)."""
import shutil
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "fixtures" / "kreise" / "niedersachsen_kreise_inkar_2021.csv"
PRESET = ROOT / "resources" / "recipes" / "niedersachsen_kreise_inkar.json"


def test_pca_weights_over_all_indicators_reach_the_saved_recipe(run, tmp_path):
    pytest.importorskip("sklearn.decomposition")
    from sklearn.decomposition import PCA

    out = tmp_path / "weighted.json"
    result = run("derive_weights", {"INPUT": str(TABLE), "RECIPE": str(PRESET), "METHOD": 0, "DOMAINS": 1,
                                    "OUTPUT_RECIPE": str(out)})
    assert result["N_REFERENCE"] == 45 and Path(result["OUTPUT_RECIPE"]) == out
    saved = Recipe.from_file(out).index("deprivation")
    assert saved.weights_from["method"] == "pca_first_component" and saved.weights_from["n"] == 45
    assert saved.weights_from["date"] and saved.weights_from["data"]
    # the oracle: sklearn's first component of the oriented z-values of the five indicators
    computed = run("compute_index", {"INPUT": str(TABLE), "RECIPE": str(PRESET), "OUTPUT": str(tmp_path / "i.gpkg")})
    ids = ["alq", "besch", "ohne_abschl", "einkommen", "schuldner"]
    z = layer_to_dataframe(QgsVectorLayer(computed["OUTPUT"], "i", "ogr"), ["z_" + i for i in ids]).to_numpy(float)
    first = PCA().fit(z).components_[0]
    np.testing.assert_allclose([saved.weights[i] for i in ids], 3.0 * first ** 2, rtol=1e-6)


def test_writing_over_the_input_recipe_is_refused(run, tmp_path):
    recipe = tmp_path / "r.json"
    shutil.copy(PRESET, recipe)
    before = recipe.read_bytes()
    with pytest.raises(QgsProcessingException):
        run("derive_weights", {"INPUT": str(TABLE), "RECIPE": str(recipe), "OUTPUT_RECIPE": str(recipe)})
    assert recipe.read_bytes() == before


def test_an_indicator_loading_against_its_domain_is_named(run, tmp_path):
    import json

    from qgis.core import QgsProcessingFeedback

    data = json.loads(PRESET.read_text("utf-8"))
    besch = next(i for i in data["indicators"] if i["id"] == "besch")
    besch["direction"] = "higher_is_worse"  # wrong: a high employment rate is good
    recipe = tmp_path / "wrong.json"
    recipe.write_text(json.dumps(data), "utf-8")

    class Warnings(QgsProcessingFeedback):
        texts = []

        def pushWarning(self, text):  # noqa: N802
            self.texts.append(text)

    feedback = Warnings()
    run("derive_weights", {"INPUT": str(TABLE), "RECIPE": str(recipe), "OUTPUT_RECIPE": str(tmp_path / "o.json")},
        feedback)
    assert any("load against" in t and "(erwerb, -" in t for t in feedback.texts)
