"""Recipe format: presets load, round-trip, atomic save, and validation messages that name the entry."""
import copy
import json

import pytest
from sozialmonitor.plugin.core.errors import RecipeError
from sozialmonitor.plugin.core.recipe.load import FORMAT_NAME, Recipe

PRESETS = ["berlin_mss_2021.json", "berlin_mss_2019.json", "niedersachsen_kreise_inkar.json"]


def minimal():
    return {
        "format": FORMAT_NAME,
        "version": 1,
        "metadata": {"title": "t", "key_field": "KEY", "population_field": "EW"},
        "reference": {"min_population": 300, "exclude_keys": {"007": "outlier"}},
        "indicators": [
            {"id": "A", "field": "a", "group": "status"},
            {"id": "B", "field": "b", "group": "status", "direction": "higher_is_better", "weight": 2},
        ],
        "indices": [{"id": "status", "aggregation": "weighted_mean", "restandardise": True,
                     "classification": {"method": "fixed", "breaks": [-1, 1], "labels": ["lo", "mid", "hi"]}}],
    }


def error_for(mutate):
    data = minimal()
    mutate(data)
    with pytest.raises(RecipeError) as info:
        Recipe.from_dict(data)
    return info.value.message


@pytest.mark.parametrize("name", PRESETS)
def test_presets_load_and_round_trip(repo_root, name):
    path = repo_root / "resources" / "recipes" / name
    if not path.exists():
        pytest.skip("preset not written yet")
    recipe = Recipe.from_file(path)
    again = Recipe.from_json(recipe.to_json())
    assert again.to_dict() == recipe.to_dict()
    assert recipe.to_dict()["format"] == "sozialmonitor-recipe" and recipe.to_dict()["version"] == 1


def test_berlin_2021_preset_contract(repo_root):
    recipe = Recipe.from_file(repo_root / "resources" / "recipes" / "berlin_mss_2021.json")
    assert [i.field for i in recipe.indicators] == ["S1", "S3", "S4", "D1", "D3", "D4"]
    assert recipe.required_fields() == ["PLR_ID", "PLR_NAME", "EW", "S1", "S3", "S4", "D1", "D3", "D4"]
    assert recipe.index("status").classification.labels == ["hoch", "mittel", "niedrig", "sehr niedrig"]
    assert recipe.index("dynamik").classification.labels == ["positiv", "stabil", "negativ"]
    assert recipe.treatment.missing_codes == [-9999.0]
    assert recipe.reference.min_population == 300 and "10100205" in recipe.reference.exclude_keys
    assert recipe.metadata.source.startswith("Datenquelle: Senatsverwaltung")


def test_save_is_atomic_and_readable(tmp_path):
    recipe = Recipe.from_dict(minimal())
    target = tmp_path / "r.json"
    recipe.save(target)
    assert Recipe.from_file(target).to_dict() == recipe.to_dict()
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    with pytest.raises(RecipeError, match="Cannot write"):
        recipe.save(tmp_path / "missing-dir" / "r.json")


def test_defaults_are_filled():
    recipe = Recipe.from_dict(minimal())
    assert recipe.normalisation.method == "zscore" and recipe.normalisation.sd == "population"
    assert recipe.index("status").indicators == ["A", "B"]
    assert recipe.index("status").classification.codes == ["1", "2", "3"]


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d.update(format="other"), "not a Sozialmonitor recipe"),
    (lambda d: d.update(version=2), "version 2 is not supported"),
    (lambda d: d["indicators"][1].update(weight=-1), "indicators[1] (id 'B'): negative weight -1.0"),
    (lambda d: [i.update(weight=0) for i in d["indicators"]], "indices[0] (id 'status'): the weights of its"),
    (lambda d: d["indices"][0]["classification"].update(breaks=[1, -1]), "thresholds out of order: 1.0 is not below"),
    (lambda d: d["indices"][0]["classification"].update(labels=["a", "b"]), "3 classes but 2 labels"),
    (lambda d: d["indicators"][0].update(wieght=2), "unknown key(s) 'wieght'"),
    (lambda d: d["indicators"][0].update(direction="up"), "'direction' must be one of higher_is_worse"),
    (lambda d: d["indicators"][1].update(id="A"), "the indicator id 'A' appears twice"),
    (lambda d: d["indicators"][0].update(id="1bad"), "indicators[0] (id '1bad'): the id must start with a letter"),
    (lambda d: d["indices"][0].update(indicators=["A", "C"]), "unknown indicator id(s) C"),
    (lambda d: d.update(typologies=[{"id": "t", "rows": "status", "columns": "dyn"}]), "refers to index 'dyn'"),
    (lambda d: d["metadata"].update(population_field=""), "needs metadata.population_field"),
    (lambda d: d.update(typologies=[{"id": "evaluated", "rows": "status", "columns": "status"}]),
     "typologies (id 'evaluated')"),
    (lambda d: d["indices"][0].update(aggregation="mean"), "aggregation 'mean' ignores weights"),
    (lambda d: d.update(treatment={"impute": "group_mean"}), "needs 'impute_group_field'"),
    (lambda d: d.update(treatment={"winsorise": {"method": "percentile", "lower": 99, "upper": 1}}), "0 <= lower"),
    (lambda d: d["indices"][0]["classification"].update(method="quantile", breaks=[]), "needs 'n'"),
])
def test_structural_validation_messages(mutate, expected):
    assert expected in error_for(mutate)


def test_validate_columns_names_entry_and_suggests_case():
    recipe = Recipe.from_dict(minimal())
    recipe.validate(["KEY", "EW", "a", "b"])
    with pytest.raises(RecipeError) as info:
        recipe.validate(["KEY", "EW", "a", "B"])
    msg = info.value.message
    assert "indicators[1] (id 'B')" in msg and "unknown field 'b'" in msg and "did you mean 'B'" in msg
    with pytest.raises(RecipeError, match="metadata.population_field"):
        recipe.validate(["KEY", "a", "b"])


def test_invalid_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(RecipeError, match="bad.json is not valid JSON"):
        Recipe.from_file(bad)
    with pytest.raises(RecipeError, match="Cannot read the recipe file"):
        Recipe.from_file(tmp_path / "nope.json")


def test_without_indicator():
    recipe = Recipe.from_dict(minimal())
    smaller = recipe.without_indicator("A")
    assert smaller.index("status").indicators == ["B"]
    data = copy.deepcopy(minimal())
    data["indicators"] = data["indicators"][:1]
    assert Recipe.from_dict(data).without_indicator("A") is None


def test_json_has_no_code_execution(tmp_path):
    """Templates are plain replacement: braces with attribute access stay literal text."""
    data = minimal()
    data["indices"].append({"id": "dyn", "indicators": ["A"],
                            "classification": {"method": "fixed", "breaks": [0], "codes": ["+", "-"]}})
    data["typologies"] = [{"id": "t", "rows": "status", "columns": "dyn",
                           "code": "{row_code.__class__}{col_code}", "label_template": "{row_label}"}]
    recipe = Recipe.from_json(json.dumps(data))
    typ = recipe.typologies[0]
    assert typ.render(typ.code, "1", "a", "+", "b") == "{row_code.__class__}+"
