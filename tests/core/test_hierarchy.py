"""Indices built from sub-indices (issue #15, part 3): weights at each level, any depth, re-standardisation per
level. Checked on the shipped Kreis data against the flat county preset (the same index written flat) and
against direct numpy formulas."""
import copy
import json

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import RecipeError
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.index.diagnostics import compute_diagnostics
from sozialmonitor.plugin.core.recipe.load import Recipe


@pytest.fixture(scope="module")
def kreise(request):
    root = request.config.rootpath
    table = pd.read_csv(root / "tests" / "fixtures" / "kreise" / "niedersachsen_kreise_inkar_2021.csv",
                        dtype={"kreis_id": str})
    preset = json.loads((root / "resources" / "recipes" / "niedersachsen_kreise_inkar.json").read_text("utf-8"))
    return table, preset


def _hierarchical(preset, restandardise_domains=False, domain_weights=None):
    """The county preset as three domain indices (each the plain mean of its indicators) and a top index."""
    data = copy.deepcopy(preset)
    for ind in data["indicators"]:
        ind["weight"] = 1
    top = data["indices"][0]
    domains = [{"id": g, "indicators": [i["id"] for i in data["indicators"] if i["group"] == g],
                "aggregation": "weighted_mean", "restandardise": restandardise_domains}
               for g in ("erwerb", "bildung", "einkommen")]
    top["indicators"] = []
    top["sub_indices"] = ["erwerb", "bildung", "einkommen"]
    if domain_weights:
        top["weights"] = domain_weights
    data["indices"] = [top] + domains  # the parent first: the computing order does not depend on the listing
    return Recipe.from_dict(data)


def test_hierarchy_reproduces_the_flat_preset_exactly(kreise):
    table, preset = kreise
    flat = compute_index(table, Recipe.from_dict(preset)).table
    tree = compute_index(table, _hierarchical(preset)).table
    np.testing.assert_allclose(tree["deprivation_agg"], flat["deprivation_agg"], rtol=1e-13)
    np.testing.assert_allclose(tree["deprivation_score"], flat["deprivation_score"], rtol=1e-12, atol=1e-14)
    assert tree["deprivation_class_no"].tolist() == flat["deprivation_class_no"].tolist()
    np.testing.assert_allclose(tree["erwerb_score"], (flat["z_alq"] + flat["z_besch"]) / 2)


def test_restandardised_domains_and_weights_per_level(kreise):
    table, preset = kreise
    weights = {"erwerb": 2, "bildung": 1, "einkommen": 1}
    res = compute_index(table, _hierarchical(preset, restandardise_domains=True, domain_weights=weights)).table

    def z(x):
        return (x - x.mean()) / x.std(ddof=0)

    def col(field, better=False):
        return -z(table[field]) if better else z(table[field])

    erwerb = z((col("alq_pct") + col("beschaeftigtenquote_pct", True)) / 2)
    bildung = z(col("schulabgaenger_ohne_abschluss_pct"))
    einkommen = z((col("haushaltseinkommen_eur_je_ew", True) + col("schuldnerquote_pct")) / 2)
    top = z((2 * erwerb + bildung + einkommen) / 4)
    np.testing.assert_allclose(res["erwerb_score"], erwerb, rtol=1e-12)
    np.testing.assert_allclose(res["deprivation_score"], top, rtol=1e-11, atol=1e-13)


def test_three_levels_and_a_sub_index_oriented_the_other_way():
    rng = np.random.RandomState(2)
    t = pd.DataFrame({"key": [f"{i:02d}" for i in range(30)], "a": rng.normal(size=30), "b": rng.normal(size=30),
                      "c": rng.normal(size=30)})
    data = {"format": "sozialmonitor-recipe", "version": 1, "metadata": {"key_field": "key"},
            "indicators": [{"id": x, "field": x} for x in "abc"],
            "indices": [{"id": "top", "sub_indices": ["mid"], "indicators": ["c"], "aggregation": "sum"},
                        {"id": "mid", "sub_indices": ["low"], "indicators": ["b"], "aggregation": "sum",
                         "restandardise": True},
                        {"id": "low", "indicators": ["a"], "higher_means": "better", "restandardise": True}]}
    res = compute_index(t, Recipe.from_dict(data)).table

    def z(x):
        return (x - x.mean()) / x.std(ddof=0)

    low = z(-z(t["a"]))
    mid = z(z(t["b"]) - low)
    np.testing.assert_allclose(res["low_score"], low, atol=1e-12)
    np.testing.assert_allclose(res["top_score"], z(t["c"]) + mid, atol=1e-12)


def _minimal(indices):
    return {"format": "sozialmonitor-recipe", "version": 1,
            "indicators": [{"id": "a", "field": "a"}, {"id": "b", "field": "b"}], "indices": indices}


@pytest.mark.parametrize("indices,message", [
    ([{"id": "x", "indicators": ["a"], "sub_indices": ["nope"]}], "unknown sub-index 'nope'"),
    ([{"id": "x", "indicators": ["a"], "sub_indices": ["x"]}], "lists itself"),
    ([{"id": "x", "indicators": ["a"], "sub_indices": ["y"]}, {"id": "y", "indicators": ["b"], "sub_indices": ["x"]}],
     "cycle: x > y > x"),
    ([{"id": "x", "indicators": ["a"], "sub_indices": ["y"]}, {"id": "y", "indicators": ["b"],
                                                               "higher_means": "better"}],
     "restandardise"),
    ([{"id": "x", "indicators": ["a"], "weights": {"b": 2}}], "'b' is neither an indicator nor a sub-index"),
    ([{"id": "x", "indicators": ["a", "b"], "weights": {"b": -1}}], "from 0 to"),
    ([{"id": "x", "indicators": ["a", "a"]}], "listed twice"),
])
def test_bad_hierarchies_are_refused_naming_the_entry(indices, message):
    with pytest.raises(RecipeError, match=message):
        Recipe.from_dict(_minimal(indices))


def test_old_recipes_serialise_without_the_new_keys(kreise):
    _t, preset = kreise
    out = Recipe.from_dict(preset).to_dict()
    assert all(not ({"sub_indices", "weights", "weights_from"} & set(i)) for i in out["indices"])
    tree = _hierarchical(preset, domain_weights={"erwerb": 2})
    again = Recipe.from_json(tree.to_json())
    assert again.to_dict() == tree.to_dict() and again.index("deprivation").weights == {"erwerb": 2.0}


def test_diagnostics_and_drop_one_see_through_the_levels(kreise):
    table, preset = kreise
    diag = compute_diagnostics(table, _hierarchical(preset))
    alpha = diag["alpha"].set_index("index")
    assert alpha.loc["deprivation", "items"] == 3
    drop = diag["drop_one"]
    assert set(drop.loc[drop["index"] == "deprivation", "indicator"]) == {"alq", "besch", "ohne_abschl",
                                                                          "einkommen", "schuldner"}


def test_methods_annex_names_sub_indices_weights_and_the_mad_rule(kreise):
    from sozialmonitor.plugin.core.index.data_weights import derive_weights
    from sozialmonitor.plugin.core.reports.methods_annex import methods_annex_html

    table, preset = kreise
    tree = _hierarchical(preset, domain_weights={"erwerb": 2})
    data = tree.to_dict()
    data["treatment"]["winsorise"] = {"method": "mad", "k": 3}
    html = methods_annex_html(Recipe.from_dict(data))
    assert "Teilindizes: erwerb, bildung, einkommen" in html and "Gewichte: erwerb 2" in html
    assert "Median ± 3 · 1,4826 · MAD" in html and "Perzentil" not in html
    weighted, _r = derive_weights(table, Recipe.from_dict(preset), date="2026-12-06")
    assert "berechnet: erste Hauptkomponente je Domäne (quadrierte Ladungen) (n = 45, 2026-12-06)" in \
        methods_annex_html(weighted)
