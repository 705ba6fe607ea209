"""County preset (INKAR indicators, Niedersachsen 2021) and its relation to the RKI's GISD."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.recipe.load import Recipe


@pytest.fixture(scope="module")
def county(request):
    root = request.config.rootpath
    table = pd.read_csv(root / "tests" / "fixtures" / "kreise" / "niedersachsen_kreise_inkar_2021.csv",
                        dtype={"kreis_id": str})
    gisd = pd.read_csv(root / "tests" / "fixtures" / "kreise" / "gisd_2021_niedersachsen.csv",
                       dtype={"kreis_id": str})
    recipe = Recipe.from_file(root / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
    result = compute_index(table, recipe)
    merged = table[["kreis_id"]].join(result.table).merge(gisd, on="kreis_id", validate="1:1")
    return table, result, merged


def test_all_kreise_evaluated_in_quintiles(county):
    table, result, _m = county
    assert len(table) == 45 and result.summary["n_evaluated"] == 45
    assert list(result.summary["indices"]["deprivation"]["class_counts"].values()) == [9, 9, 9, 9, 9]
    score = result.table["deprivation_score"]
    assert score.mean() == pytest.approx(0, abs=1e-12) and score.std(ddof=0) == pytest.approx(1)


def test_directions_and_domain_weights(county):
    table, result, _m = county
    z = result.table
    # higher income and employment rate mean less deprivation: their oriented z-values are reversed
    inc = table["haushaltseinkommen_eur_je_ew"]
    np.testing.assert_allclose(z["z_einkommen"], -(inc - inc.mean()) / inc.std(ddof=0))
    agg = (0.5 * z.z_alq + 0.5 * z.z_besch + z.z_ohne_abschl + 0.5 * z.z_einkommen + 0.5 * z.z_schuldner) / 3
    np.testing.assert_allclose(z["deprivation_agg"], agg)


def test_relation_to_gisd(county):
    _t, _r, m = county
    rho = np.corrcoef(m["deprivation_score"].rank(), m["gisd_score_bund"].rank())[0, 1]
    assert rho == pytest.approx(0.710, abs=0.001)  # a different method: high, not exact (README)
    peine = m[m["kreis_id"] == "03157"].iloc[0]
    assert peine["deprivation_class_no"] == 1 and peine["gisd_5_bund"] == 3


# ---- data-driven weights (issue #15, part 4) ---------------------------------------------------------------

def test_pca_weights_over_all_indicators_equal_sklearn(county, request):
    decomposition = pytest.importorskip("sklearn.decomposition")
    from sozialmonitor.plugin.core.index.data_weights import derive_weights

    table, result, _m = county
    recipe = Recipe.from_file(request.config.rootpath / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
    new, report = derive_weights(table, recipe, "pca_first_component", by_group=False, data="INKAR 2021",
                                 date="2026-12-06")
    ids = ["alq", "besch", "ohne_abschl", "einkommen", "schuldner"]
    z = result.normalised[ids].to_numpy()  # oriented z-values with the population SD: PCA of the correlations
    first = decomposition.PCA().fit(z).components_[0]
    expected = 3.0 * first ** 2  # the index's total weight (0.5 + 0.5 + 1 + 0.5 + 0.5) is kept
    spec = new.index("deprivation")
    np.testing.assert_allclose([spec.weights[i] for i in ids], expected, rtol=1e-9)
    assert spec.weights_from["method"] == "pca_first_component" and spec.weights_from["n"] == 45
    assert spec.weights_from["data"] == "INKAR 2021" and spec.weights_from["date"] == "2026-12-06"
    share = decomposition.PCA().fit(z / z.std(axis=0)).explained_variance_ratio_[0]
    assert spec.weights_from["explained"]["deprivation"] == pytest.approx(share, abs=1e-6)
    # the new recipe computes the weighted mean with these weights
    score = compute_index(table, new).table["deprivation_score"]
    agg = z @ expected / expected.sum()
    np.testing.assert_allclose(score, (agg - agg.mean()) / agg.std(), atol=1e-12)
    assert report["new_weight"].sum() == pytest.approx(3.0)


def test_pca_weights_of_two_indicator_domains_are_equal_and_the_recipe_stores_them(county, request, tmp_path):
    from sozialmonitor.plugin.core.index.data_weights import derive_weights

    table, result, _m = county
    recipe = Recipe.from_file(request.config.rootpath / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
    new, _report = derive_weights(table, recipe, "pca_first_component", by_group=True, data="kreise.csv")
    spec = new.index("deprivation")
    # a 2 x 2 correlation matrix has the first eigenvector (1, 1) / sqrt 2: each domain keeps 0.5 / 0.5
    assert spec.weights == pytest.approx({"alq": 0.5, "besch": 0.5, "ohne_abschl": 1.0, "einkommen": 0.5,
                                          "schuldner": 0.5})
    path = tmp_path / "weighted.json"
    new.save(path)
    again = Recipe.from_file(path)
    assert again.index("deprivation").weights_from == spec.weights_from
    assert set(spec.weights_from["loadings"]) == {"alq", "besch", "einkommen", "schuldner"}
    np.testing.assert_allclose(compute_index(table, again).table["deprivation_score"],
                               result.table["deprivation_score"], atol=1e-12)


def test_equal_within_domain_weights(county, request):
    from sozialmonitor.plugin.core.index.data_weights import derive_weights

    table, _r, _m = county
    recipe = Recipe.from_file(request.config.rootpath / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
    new, _report = derive_weights(table, recipe, "equal_within_domain", by_group=False)
    assert list(new.index("deprivation").weights.values()) == pytest.approx([0.6] * 5)
    assert "loadings" not in new.index("deprivation").weights_from
