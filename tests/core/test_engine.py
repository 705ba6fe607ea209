"""Engine behaviour on small tables with hand-computed results."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ComputationError, RecipeError, TableError
from sozialmonitor.plugin.core.index.classify import assign_classes, class_edges, compute_breaks, jenks_breaks
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.recipe.load import Recipe


def recipe(**over):
    data = {
        "format": "sozialmonitor-recipe", "version": 1,
        "metadata": {"key_field": "key", "population_field": "pop"},
        "indicators": [{"id": "a", "field": "a", "group": "x"},
                       {"id": "b", "field": "b", "group": "x"}],
        "indices": [{"id": "x", "aggregation": "sum",
                     "classification": {"method": "fixed", "breaks": [0.0], "labels": ["low", "high"]}}],
    }
    for key, value in over.items():
        data[key] = value
    return Recipe.from_dict(data)


@pytest.fixture
def table():
    return pd.DataFrame({"key": ["01", "02", "03", "04", "05"], "pop": [1000, 2000, 100, 1000, 3000],
                         "a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [10.0, 10.0, 20.0, 30.0, 30.0]},
                        index=[10, 11, 12, 13, 14])


def test_population_zscore_sum_and_alignment(table):
    res = compute_index(table, recipe())
    za = (table.a - 3) / np.std(table.a)
    zb = (table.b - 20) / np.std(table.b)
    assert list(res.table.index) == [10, 11, 12, 13, 14]
    np.testing.assert_allclose(res.table.z_a, za)
    np.testing.assert_allclose(res.table.x_score, za + zb)
    assert res.table.x_class.tolist() == ["low", "low", "low", "high", "high"]
    assert res.table.x_class_no.tolist() == [1, 1, 1, 2, 2]
    assert [f[0] for f in res.fields] == list(res.table.columns)
    assert {f[2] for f in res.fields} <= {"double", "string", "int", "bool"}
    assert res.summary["indices"]["x"]["class_counts"] == {"low": 3, "high": 2}


def test_sample_sd_and_population_weights(table):
    res = compute_index(table, recipe(normalisation={"sd": "sample"}))
    np.testing.assert_allclose(res.table.z_a, (table.a - 3) / np.std(table.a, ddof=1))
    res = compute_index(table, recipe(normalisation={"weighted": True}))
    w = table["pop"].to_numpy(float)
    mean = np.sum(w * table.a) / w.sum()
    sd = np.sqrt(np.sum(w * (table.a - mean) ** 2) / w.sum())
    np.testing.assert_allclose(res.table.z_a, (table.a - mean) / sd)


def test_reference_rules_not_evaluated_vs_flagged(table):
    ref = {"min_population": 500, "exclude_keys": {"05": "outlier"}}
    res = compute_index(table, recipe(reference=ref))
    assert res.table.evaluated.tolist() == [True, True, False, True, False]
    assert res.table.eval_reason[12] == "fewer than 500 inhabitants"
    assert res.table.eval_reason[14] == "excluded: outlier"
    sub = table.a.iloc[[0, 1, 3]]
    np.testing.assert_allclose(res.table.z_a[[10, 11, 13]], (sub - sub.mean()) / np.std(sub))
    assert res.table.x_score[[12, 14]].isna().all() and res.table.x_class[12] is None
    flagged = compute_index(table, recipe(reference=dict(ref, excluded_get="flagged")))
    assert flagged.table.evaluated.all() and flagged.table.in_reference.sum() == 3
    np.testing.assert_allclose(flagged.table.z_a[14], (5 - sub.mean()) / np.std(sub))
    assert flagged.summary["n_flagged"] == 2


def test_missing_codes_per_indicator_and_all_equal(table):
    t = table.copy()
    t.loc[11, "a"] = -9999
    t.loc[13, ["a", "b"]] = 0
    t.loc[12, "a"] = 0  # a single 0 stays a value
    res = compute_index(t, recipe(treatment={"missing_codes": [-9999], "missing_if_all_equal": [0]}))
    assert res.table.evaluated.tolist() == [True, False, True, False, True]
    assert res.table.eval_reason[11] == "missing values: a"
    assert res.table.eval_reason[13] == "all indicators coded missing"
    ok = t.a[[10, 12, 14]]
    np.testing.assert_allclose(res.table.z_a[[10, 12, 14]], (ok - ok.mean()) / np.std(ok))
    # a per-indicator code overrides the recipe default
    per = recipe(indicators=[{"id": "a", "field": "a", "group": "x", "missing_codes": [0]},
                             {"id": "b", "field": "b", "group": "x"}])
    assert not compute_index(t, per).table.evaluated[12]


@pytest.mark.parametrize("method, fill", [("mean", 3.0), ("median", 3.0)])
def test_imputation_flags(table, method, fill):
    t = table.copy()
    t["a"] = [1.0, 2.0, np.nan, 4.0, 5.0]
    res = compute_index(t, recipe(treatment={"impute": method}))
    assert res.table.imputed.tolist() == [False, False, True, False, False]
    assert res.table.imputed_list[12] == "a" and res.table.evaluated.all()
    assert res.treated.a[12] == fill


def test_group_mean_imputation(table):
    t = table.copy()
    t["a"] = [1.0, 3.0, np.nan, 10.0, np.nan]
    t["g"] = ["p", "p", "p", "q", "r"]
    res = compute_index(t, recipe(treatment={"impute": "group_mean", "impute_group_field": "g"}))
    assert res.treated.a[12] == 2.0
    assert np.isnan(res.treated.a[14]) and not res.table.evaluated[14]
    assert any("could not be imputed" in m for m in res.messages)


def test_winsorise_and_log(table):
    t = table.copy()
    t["a"] = [1.0, 2.0, 3.0, 4.0, 100.0]
    res = compute_index(t, recipe(treatment={"winsorise": {"method": "percentile", "lower": 0, "upper": 75}}))
    assert res.treated.a.max() == 4.0 and res.summary["indicators"]["a"]["n_winsorised"] == 1
    res = compute_index(t, recipe(treatment={"winsorise": {"method": "sd", "k": 1}}))
    assert res.treated.a.max() == pytest.approx(np.mean(t.a) + np.std(t.a))
    res = compute_index(t, recipe(treatment={"transform": "log"}))
    np.testing.assert_allclose(res.treated.a, np.log(t.a))
    t.loc[10, "a"] = 0
    with pytest.raises(ComputationError, match="Indicator 'a': transformation 'log' needs values above 0.*key 01"):
        compute_index(t, recipe(treatment={"transform": "log"}))


def test_direction_and_other_normalisations(table):
    inds = [{"id": "a", "field": "a", "group": "x", "direction": "higher_is_better"},
            {"id": "b", "field": "b", "group": "x"}]
    res = compute_index(table, recipe(indicators=inds))
    np.testing.assert_allclose(res.table.z_a, -(table.a - 3) / np.std(table.a))
    res = compute_index(table, recipe(indicators=inds, normalisation={"method": "minmax", "range": [1, 100]}))
    np.testing.assert_allclose(res.table.z_a, [100, 75.25, 50.5, 25.75, 1])
    res = compute_index(table, recipe(normalisation={"method": "rank"}))
    np.testing.assert_allclose(res.table.z_b, [20, 20, 50, 80, 80])
    res = compute_index(table, recipe(normalisation={"method": "distance", "reference_value": 2, "relative": True}))
    np.testing.assert_allclose(res.table.z_a, [-50, 0, 50, 100, 150])
    res = compute_index(table, recipe(normalisation={"method": "none"}))
    np.testing.assert_allclose(res.table.x_score, table.a + table.b)


@pytest.mark.parametrize("aggregation, expected", [
    ("mean", lambda a, b: (a + b) / 2),
    ("weighted_mean", lambda a, b: (a + 3 * b) / 4),
    ("geometric_mean", lambda a, b: np.exp((np.log(a) + 3 * np.log(b)) / 4)),
])
def test_aggregations(table, aggregation, expected):
    inds = [{"id": "a", "field": "a", "group": "x"}, {"id": "b", "field": "b", "group": "x",
                                                      "weight": 1 if aggregation == "mean" else 3}]
    norm = {"method": "minmax", "range": [1, 2]}
    res = compute_index(table, recipe(indicators=inds, normalisation=norm,
                                      indices=[{"id": "x", "aggregation": aggregation}]))
    np.testing.assert_allclose(res.table.x_score, expected(res.table.z_a, res.table.z_b))


def test_geometric_mean_needs_positive_values(table):
    with pytest.raises(ComputationError, match="Index 'x': the geometric mean needs"):
        compute_index(table, recipe(indices=[{"id": "x", "aggregation": "geometric_mean"}]))


def test_restandardise(table):
    res = compute_index(table, recipe(indices=[{"id": "x", "restandardise": True}]))
    s = res.table.x_agg
    np.testing.assert_allclose(res.table.x_score, (s - s.mean()) / np.std(s))


def test_constant_and_all_missing_indicator_errors(table):
    t = table.copy()
    t["b"] = 7.0
    with pytest.raises(ComputationError, match=r"Indicator 'b' \(field b\) is constant over the 5 reference"):
        compute_index(t, recipe())
    t["b"] = np.nan
    # every district misses b, so nobody is in the reference: b is named, not a
    with pytest.raises(ComputationError, match=r"Indicator 'b' \(field b\): no district that passes the reference "
                                               r"rules has a value"):
        compute_index(t, recipe())
    t["b"] = -9999.0  # all coded missing
    with pytest.raises(ComputationError, match=r"Indicator 'b' \(field b\): no district"):
        compute_index(t, recipe(treatment={"missing_codes": [-9999]}))
    # each indicator has values, but no district has both
    t["a"] = [1.0, np.nan, 3.0, np.nan, np.nan]
    t["b"] = [np.nan, 2.0, np.nan, 4.0, 5.0]
    with pytest.raises(ComputationError, match=r"No district has values for all indicators \(a, b\)"):
        compute_index(t, recipe())


@pytest.mark.parametrize("method", ["rank", "distance", "none", "minmax"])
def test_constant_indicator_is_refused_by_every_normalisation(table, method):
    t = table.copy()
    t["b"] = 7.0
    with pytest.raises(ComputationError, match=r"Indicator 'b' \(field b\) is constant"):
        compute_index(t, recipe(normalisation={"method": method}))


def test_sd_thresholds_use_the_recipes_sd(table):
    """units 'sd' with sample SD: the thresholds are mean ± b * sample SD of the scores."""
    classification = {"method": "fixed", "breaks": [-0.5, 0.5], "units": "sd", "labels": ["l", "m", "h"]}
    res = compute_index(table, recipe(normalisation={"method": "zscore", "sd": "sample"},
                                      indices=[{"id": "x", "aggregation": "sum", "classification": classification}]))
    score = res.table.x_score.to_numpy()
    expected = score.mean() + np.array([-0.5, 0.5]) * np.std(score, ddof=1)
    np.testing.assert_allclose(res.summary["indices"]["x"]["breaks"], expected)
    assert not np.allclose(expected, score.mean() + np.array([-0.5, 0.5]) * np.std(score))


def test_equal_goes_per_break_needs_fixed_breaks():
    with pytest.raises(RecipeError, match=r"'equal_goes' per break needs fixed breaks"):
        recipe(indices=[{"id": "x", "aggregation": "sum", "classification": {
            "method": "quantile", "n": 3, "equal_goes": ["lower", "upper"]}}])


def test_non_numeric_text_is_reported_with_key(table):
    t = table.copy()
    t["a"] = ["1", "2,5", "", "vier", "5"]
    with pytest.raises(TableError, match="Field 'a' \\(indicator 'a'\\) has the non-numeric value 'vier' \\(key 04\\)"):
        compute_index(t, recipe())
    t["a"] = ["1", "2,5", "", "4", "5"]
    res = compute_index(t, recipe())
    assert res.treated.a[11] == 2.5 and not res.table.evaluated[12]


def test_text_fields_are_read_by_the_table_readers_number_parser(table):
    """One number parser: a text field holding statistics-office cells reads as the same column of a CSV
    (German thousands groups, suppression symbols as missing, never 0)."""
    t = table.copy()
    t["a"] = ["1.234,5", "2,5", ".", "x", "5"]
    res = compute_index(t, recipe())
    assert res.treated.a.iloc[0] == 1234.5 and res.treated.a.iloc[1] == 2.5
    assert res.treated.a.iloc[2:4].isna().all()
    assert not res.table.evaluated.iloc[2] and not res.table.evaluated.iloc[3]


def test_numeric_key_matches_text_exclusion(table):
    t = table.copy()
    t["key"] = [1, 2, 3, 4, 5]
    res = compute_index(t, recipe(reference={"exclude_keys": {"05": "outlier", "99": "gone"}}))
    assert not res.table.evaluated[14]
    assert any("'99'" in m for m in res.messages)


def test_typology_and_names(table):
    idx = [{"id": "x", "indicators": ["a"], "classification": {"method": "fixed", "breaks": [0], "codes": ["1", "2"],
                                                               "labels": ["good", "bad"]}},
           {"id": "y", "indicators": ["b"], "classification": {"method": "fixed", "breaks": [0], "codes": ["+", "-"],
                                                               "labels": ["up", "down"]}}]
    typ = [{"id": "t", "rows": "x", "columns": "y", "code": "{row_code}{col_code}",
            "label_template": "{row_label}/{col_label}", "names": {"2-": "hotspot"}}]
    res = compute_index(table, recipe(indices=idx, typologies=typ))
    assert res.table.t.tolist() == ["1+", "1+", "1+", "2-", "2-"]
    assert res.table.t_label[13] == "hotspot" and res.table.t_label[10] == "good/up"
    assert res.summary["typologies"]["t"] == {"1+": 3, "2-": 2}


def test_breaks_methods():
    v = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, np.nan])
    np.testing.assert_allclose(compute_breaks(v, "quantile", 4), [3.25, 5.5, 7.75])
    np.testing.assert_allclose(compute_breaks(v, "equal_interval", 3), [4, 7])
    np.testing.assert_allclose(compute_breaks(v, "sd", 4), [5.5 - np.std(v[:-1]), 5.5, 5.5 + np.std(v[:-1])])
    np.testing.assert_allclose(compute_breaks(v, "fixed", breaks=[-1, 1], units="sd"),
                               [5.5 - np.std(v[:-1]), 5.5 + np.std(v[:-1])])
    np.testing.assert_allclose(jenks_breaks([1, 2, 3, 10, 11, 12, 30, 31], 3), [3, 12])
    assert class_edges(v, [4, 7]) == [1, 4, 7, 10]
    assert assign_classes([-1, 1, 1.5, 2, np.nan], [-1, 1, 1.5], ["upper", "lower", "lower"]).tolist() == [
        1, 1, 2, 3, -1]
    assert assign_classes([1, 2, 3], [2], "upper").tolist() == [0, 1, 1]


def test_jenks_matches_brute_force():
    rng = np.random.default_rng(1)
    v = np.sort(np.round(rng.gamma(2, 2, 40), 2))
    best = None
    for i in range(1, len(v) - 1):
        for j in range(i + 1, len(v)):
            cost = sum(np.sum((s - s.mean()) ** 2) for s in (v[:i], v[i:j], v[j:]))
            if best is None or cost < best[0] - 1e-12:
                best = (cost, [v[i - 1], v[j - 1]])
    np.testing.assert_allclose(jenks_breaks(v, 3), best[1])


def test_data_driven_classification_in_recipe(table):
    idx = [{"id": "x", "classification": {"method": "quantile", "n": 2, "labels": ["low", "high"]}}]
    res = compute_index(table, recipe(indices=idx))
    assert res.summary["indices"]["x"]["class_counts"] == {"low": 3, "high": 2}
