"""Uncertainty analysis of an index (core): the recipe itself is reproduced exactly, every simulated recipe
equals a plain compute_index run of the recipe it stands for, ranks match scipy, Sobol indices of a real
recipe match SALib on the same outputs, and bad uncertainty sections are refused with a clear message."""
import copy
import json

import numpy as np
import pandas as pd
import pytest
from scipy.stats import rankdata
from sozialmonitor.plugin.core.errors import ComputationError, RecipeError
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.index.uncertainty import IndexBatch, average_ranks, draw_settings, nominal
from sozialmonitor.plugin.core.index.uncertainty_draws import normal_quantile
from sozialmonitor.plugin.core.index.uncertainty_run import run_uncertainty, saltelli_outputs
from sozialmonitor.plugin.core.recipe.load import Recipe

pytestmark = pytest.mark.filterwarnings("ignore:unique with argument:FutureWarning")

UNCERTAINTY = {"normalisation": ["zscore", "minmax", "rank"], "aggregation": ["arithmetic", "geometric"],
               "weight_ranges": {"S1": [0.5, 1.5], "S3": [0.5, 1.5], "S4": [0.5, 2.0]},
               "winsorise": [None, {"method": "sd", "k": 2.5}], "reference": ["recipe", "all"],
               "drop_indicator": True}


@pytest.fixture(scope="module")
def mss(request):
    root = request.config.rootpath
    raw = pd.read_csv(root / "tests" / "fixtures" / "mss2021" / "mss2021_index_indicators_raw.csv",
                      dtype={"PLR_ID": str, "BEZ_ID": str})
    data = json.loads((root / "resources" / "recipes" / "berlin_mss_2021.json").read_text(encoding="utf-8"))
    return raw, data


def _recipe(data, **unc):
    d = copy.deepcopy(data)
    d["uncertainty"] = unc or UNCERTAINTY
    return Recipe.from_dict(d)


@pytest.mark.parametrize("index_id", ["status", "dynamik"])
def test_nominal_draw_reproduces_compute_index(mss, index_id):
    raw, data = mss
    recipe = _recipe(data, index=index_id, **UNCERTAINTY) if index_id == "status" else _recipe(
        data, index="dynamik", normalisation=["rank"])
    plain = compute_index(raw, Recipe.from_dict(data)).table
    batch = IndexBatch(raw, recipe)
    ranks, classes = nominal(batch)
    evaluated = plain["evaluated"].to_numpy(dtype=bool)
    np.testing.assert_array_equal(batch.ranked_rows, np.flatnonzero(evaluated))
    np.testing.assert_array_equal(classes + 1, plain[index_id + "_class_no"].to_numpy()[evaluated].astype(int))
    np.testing.assert_array_equal(ranks, rankdata(-np.round(plain[index_id + "_score"].to_numpy()[evaluated], 10)))


def _recipe_for_draw(data, batch, s, j):
    """The plain recipe a simulated recipe stands for (arithmetic draws only)."""
    d = copy.deepcopy(data)
    d.pop("uncertainty", None)
    unc = batch.unc
    if s.normalisation[j]:
        d["normalisation"]["method"] = unc.normalisation[s.normalisation[j] - 1]
    if s.winsorise[j]:
        rule = unc.winsorise[s.winsorise[j] - 1]
        d["treatment"]["winsorise"] = None if rule is None else rule.to_dict()
    if s.reference[j] and unc.reference[s.reference[j] - 1] == "all":
        d["reference"]["min_population"], d["reference"]["exclude_keys"] = None, {}
    for ind in d["indicators"]:
        if ind["id"] in batch.ids:
            ind["weight"] = float(s.weights[j][batch.ids.index(ind["id"])])
    if s.drop[j] >= 0:  # dropping = the index without that indicator (it stays in the recipe)
        d["indices"][0].pop("group", None)
        d["indices"][0]["indicators"] = [i for i in batch.ids if i != batch.ids[s.drop[j]]]
    return Recipe.from_dict(d)


CLASSIFICATIONS = {
    "mss": None,
    "quantile_weighted_mean": ({"method": "quantile", "n": 5}, "weighted_mean", False),
    "jenks": ({"method": "jenks", "n": 4}, "sum", True),
    "sd_units": ({"method": "fixed", "breaks": [-0.5, 0.5], "units": "sd", "equal_goes": "upper"}, "sum", False),
    "sd_steps": ({"method": "sd", "n": 4, "step": 0.5}, "mean", True),
}


@pytest.mark.parametrize("variant", CLASSIFICATIONS)
def test_each_simulated_recipe_equals_a_plain_run(mss, variant):
    """Data-driven breaks are recomputed per draw exactly as compute_index computes them."""
    raw, data = mss
    data = copy.deepcopy(data)
    if CLASSIFICATIONS[variant]:
        cls, aggregation, restandardise = CLASSIFICATIONS[variant]
        data["indices"][0].update(classification=dict(cls, labels=[str(i) for i in range(cls.get("n", 3))]),
                                  aggregation=aggregation, restandardise=restandardise)
        data["typologies"] = []
    unc = dict(UNCERTAINTY)
    if variant == "sd_steps":  # the recipe's 'mean' ignores weights, so the draws vary everything else
        unc.pop("weight_ranges")
    batch = IndexBatch(raw, _recipe(data, **unc))
    s = draw_settings(batch, np.random.default_rng(4).random((40, len(batch.factors))))
    ranks, classes = batch.evaluate(s)
    checked = 0
    for j in np.flatnonzero(~s.geometric)[:12]:
        plain = compute_index(raw, _recipe_for_draw(data, batch, s, j)).table
        rows = batch.ranked_rows
        score = plain["status_score"].to_numpy()[rows]
        np.testing.assert_allclose(ranks[j], rankdata(-np.round(score, 10)))
        np.testing.assert_array_equal(classes[j] + 1, plain["status_class_no"].to_numpy()[rows].astype(int))
        checked += 1
    assert checked == 12
    assert len({(a, b, c) for a, b, c in zip(s.normalisation, s.winsorise, s.drop)}) > 5  # draws do vary


def test_geometric_draw_equals_minmax_1_100_geometric_recipe(mss):
    """Geometric aggregation of z-scores rescales each indicator to [1, 100] over the evaluated districts:
    with min-max [1, 100] normalisation and no reference rule that is the recipe's own geometric mean."""
    raw, data = mss
    d = copy.deepcopy(data)
    d["reference"] = {"min_population": None, "exclude_keys": {}}
    d["indices"][0]["aggregation"] = "geometric_mean"
    d["normalisation"] = {"method": "minmax", "range": [1, 100]}
    plain = compute_index(raw, Recipe.from_dict(d)).table
    d2 = copy.deepcopy(data)
    d2["reference"] = {"min_population": None, "exclude_keys": {}}
    recipe = _recipe(d2, aggregation=["geometric"])
    batch = IndexBatch(raw, recipe)
    s = draw_settings(batch, np.full((1, 1), 0.5))
    ranks, classes = batch.evaluate(s)
    rows = batch.ranked_rows
    np.testing.assert_allclose(ranks[0], rankdata(-np.round(plain["status_score"].to_numpy()[rows], 10)))
    np.testing.assert_array_equal(classes[0] + 1, plain["status_class_no"].to_numpy()[rows].astype(int))


def test_average_ranks_match_scipy_with_ties():
    rng = np.random.default_rng(0)
    scores = rng.integers(0, 6, size=(30, 40)).astype(float)
    expected = np.vstack([rankdata(-row) for row in scores])
    np.testing.assert_array_equal(average_ranks(scores), expected)


def test_results_are_reproducible_and_seeded(mss):
    raw, data = mss
    recipe = _recipe(data)
    a = run_uncertainty(raw, recipe, draws=300, seed=5)
    b = run_uncertainty(raw, recipe, draws=300, seed=5)
    c = run_uncertainty(raw, recipe, draws=300, seed=6)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert not a.table["status_rank_med"].equals(c.table["status_rank_med"])
    t = a.table.dropna(subset=["status_rank"])
    shares = t[[f"status_p_{k}" for k in range(1, 5)]].to_numpy()
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    np.testing.assert_allclose(t["status_class_prob"], shares.max(axis=1))
    assert (t["status_rank_p05"] <= t["status_rank_med"]).all() and (t["status_rank_med"] <= t["status_rank_p95"]).all()
    assert a.summary["n_uncertain"] == int((t["status_class_prob"] < 0.8).sum()) > 0


def test_no_real_variation_gives_certain_classes(mss):
    raw, data = mss
    result = run_uncertainty(raw, _recipe(data, weight_ranges={"S1": [1, 1]}), draws=50, seed=1)
    t = result.table.dropna(subset=["status_rank"])
    assert (t["status_class_prob"] == 1).all() and (t["status_class_mode"] == t["status_class_nom"]).all()
    assert (t["status_rank_p05"] == t["status_rank"]).all() and (t["status_rank_p95"] == t["status_rank"]).all()


def test_real_recipe_sobol_matches_salib(mss):
    salib = pytest.importorskip("SALib.analyze.sobol")
    raw, data = mss
    batch = IndexBatch(raw, _recipe(data))
    rank0, class0 = nominal(batch)
    groups, shift, changed = saltelli_outputs(batch, 128, 3, rank0, class0)
    names = [f"c{i}" for i in range(sum(len(g) for g in groups))]
    problem = {"num_vars": len(names), "names": names, "bounds": [[0, 1]] * len(names),
               "groups": [f"g{k}" for k, g in enumerate(groups) for _ in g]}
    result = run_uncertainty(raw, _recipe(data), draws=10, seed=3, sobol_base=128)
    theirs = salib.analyze(problem, shift, calc_second_order=False, seed=3)
    for key in ("S1", "ST", "S1_conf", "ST_conf"):
        np.testing.assert_allclose(result.sobol[key].to_numpy(), theirs[key], rtol=1e-10, atol=1e-12)
    theirs_class = salib.analyze(problem, changed, calc_second_order=False, seed=3)
    np.testing.assert_allclose(result.sobol["ST_class"].to_numpy(), theirs_class["ST"], rtol=1e-10)
    # weights and dropping an indicator dominate the rank shifts of the status index
    top = result.sobol.sort_values("ST", ascending=False)["choice"].iloc[0]
    assert top == "Dropping one indicator"


def test_dirichlet_weights_have_dirichlet_moments(mss):
    raw, data = mss
    batch = IndexBatch(raw, _recipe(data, weight_dirichlet=30))
    s = draw_settings(batch, np.random.default_rng(1).random((40000, 3)))
    shares = s.weights / s.weights.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(shares.mean(axis=0), [1 / 3] * 3, atol=0.005)
    np.testing.assert_allclose(shares.var(axis=0), [(1 / 3) * (2 / 3) / 31] * 3, rtol=0.08)
    np.testing.assert_allclose(s.weights.sum(axis=1), 3.0)


def test_normal_quantile_matches_statistics():
    from statistics import NormalDist

    u = np.array([1e-6, 0.01, 0.02425, 0.3, 0.5, 0.9, 0.99, 1 - 1e-6])
    np.testing.assert_allclose(normal_quantile(u), [NormalDist().inv_cdf(x) for x in u], rtol=1e-8)


@pytest.mark.parametrize("unc, text", [
    ({"normalisation": ["zscore", "median"]}, "alternatives must be among"),
    ({"weight_ranges": {"D1": [0, 2]}}, "is not an indicator of the index 'status'"),
    ({"weight_ranges": {"S1": [2, 1]}}, "0 ≤ low ≤ high"),
    ({"weight_dirichlet": 2}, "must be at least 3"),
    ({"weight_dirichlet": 20, "weight_ranges": {"S1": [0, 1]}}, "not both"),
    ({"index": "nope", "drop_indicator": True}, "'index' names 'nope'"),
    ({"drop_indicator": False}, "names no choice"),
    ({"normalisation": ["rank"], "draws": 5}, "unknown key(s) 'draws'"),
    ({"winsorise": [None, None]}, "twice"),
])
def test_bad_uncertainty_sections_are_refused(mss, unc, text):
    _raw, data = mss
    with pytest.raises(RecipeError) as err:
        _recipe(data, **unc)
    assert text in err.value.message and "uncertainty" in err.value.message


def test_round_trip_and_drop_one_copy(mss):
    _raw, data = mss
    recipe = _recipe(data)
    again = Recipe.from_json(recipe.to_json())
    assert again.uncertainty == recipe.uncertainty
    assert recipe.without_indicator("S4").uncertainty is None


def test_imputation_alternative_that_leaves_gaps_is_refused():
    df = pd.DataFrame({"k": list("abcdefgh"), "a": [1, 2, 3, 4, 5, 6, 7, np.nan],
                       "b": [2.0, 1, 4, 3, 6, 5, 8, 7]})
    data = {"format": "sozialmonitor-recipe", "version": 1, "metadata": {"key_field": "k"},
            "treatment": {"impute": "mean"}, "indicators": [{"id": "a"}, {"id": "b"}],
            "indices": [{"id": "i", "indicators": ["a", "b"], "classification": {"method": "quantile", "n": 2}}],
            "uncertainty": {"impute": ["median", "none"]}}
    with pytest.raises(ComputationError, match="imputation none: 1 district"):
        run_uncertainty(df, Recipe.from_dict(data), draws=20)
    data["uncertainty"] = {"impute": ["group_mean"]}
    with pytest.raises(RecipeError, match="uncertainty.impute: 'group_mean' needs treatment.impute_group_field"):
        run_uncertainty(df, Recipe.from_dict(data), draws=20)
    data["uncertainty"] = {"impute": ["median"], "normalisation": ["rank"]}
    result = run_uncertainty(df, Recipe.from_dict(data), draws=20)
    assert result.table["i_rank"].notna().all()


def test_higher_means_better_ranks_lowest_score_first(mss):
    """An index where a high score is good: rank 1 is the district with the lowest score."""
    raw, data = mss
    d = copy.deepcopy(data)
    d["indices"][0]["higher_means"] = "better"
    d["typologies"] = []
    plain = compute_index(raw, Recipe.from_dict(d)).table
    batch = IndexBatch(raw, _recipe(d, normalisation=["rank"]))
    ranks, classes = nominal(batch)
    rows = batch.ranked_rows
    np.testing.assert_array_equal(ranks, rankdata(np.round(plain["status_score"].to_numpy()[rows], 10)))
    np.testing.assert_array_equal(classes + 1, plain["status_class_no"].to_numpy()[rows].astype(int))
