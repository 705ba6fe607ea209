"""Numerical care (issue #15, part 6): each test fails without its fix.

Oracles: mapclassify (Fisher-Jenks), esda (Gi*), scipy.stats (MAD), numpy's two-pass SD; the index engine's
behaviour on small tables is checked against direct formulas.
"""
import warnings

import numpy as np
import pandas as pd
import pytest
from pysal_oracle import G_Local, libpysal
from sozialmonitor.plugin.core.errors import ComputationError
from sozialmonitor.plugin.core.index.aggregate import aggregate
from sozialmonitor.plugin.core.index.classify import compute_breaks, jenks_breaks
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.index.diagnostics import compute_diagnostics, cronbach_alpha, to_long_table
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.core.spatial import autocorrelation as ac
from sozialmonitor.plugin.core.spatial.weights import SpatialWeights

mapclassify = pytest.importorskip("mapclassify")  # requirements-oracles.txt; Debian 13: python3-mapclassify


def _recipe(**over):
    data = {"format": "sozialmonitor-recipe", "version": 1,
            "metadata": {"key_field": "key", "population_field": "pop"},
            "indicators": [{"id": "a", "field": "a", "group": "x"}, {"id": "b", "field": "b", "group": "x"}],
            "indices": [{"id": "x", "aggregation": "sum"}]}
    data.update(over)
    return Recipe.from_dict(data)


def _table(**cols):
    base = {"key": [f"{i:02d}" for i in range(1, 7)], "pop": [100.0, 200, 300, 400, 500, 600],
            "a": [1.0, 2, 3, 4, 5, 7], "b": [2.0, 1, 4, 3, 6, 5]}
    base.update(cols)
    return pd.DataFrame(base)


# ---- Jenks with a large common offset -------------------------------------------------------------------

@pytest.mark.parametrize("offset", [0.0, 1e6, 1e9])
def test_jenks_breaks_with_a_large_offset_equal_mapclassify_on_the_plain_values(offset):
    rng = np.random.RandomState(1)
    x = np.concatenate([rng.normal(0, 1, 30), rng.normal(5, 1, 30), rng.normal(10, 1, 30)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed"
        theirs = np.array(mapclassify.FisherJenks(x, 3).bins[:-1])
    # mapclassify itself loses the breaks at offset 1e6 (sum of squares of raw values), so it sees plain x
    np.testing.assert_allclose(jenks_breaks(x + offset, 3) - offset, theirs, atol=1e-6)
    np.testing.assert_allclose(compute_breaks(x + offset, "jenks", 3) - offset, theirs, atol=1e-6)


# ---- Gi* variance in two passes --------------------------------------------------------------------------

def test_gi_star_with_a_large_offset_equals_esda():
    w = libpysal.weights.lat2W(9, 8)
    ours = SpatialWeights.from_neighbours([w.neighbors[i] for i in range(w.n)])
    y = np.random.RandomState(1).normal(size=w.n) + 0.1 * np.arange(w.n) / 8
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = G_Local(y + 20.0, w, transform="B", star=True, permutations=0).Zs
    gi = ac.getis_ord_gi_star(y + 1e8, ours)["z"]
    np.testing.assert_allclose(gi, theirs, atol=1e-6)


# ---- spread problems are named, not reported as a constant indicator ------------------------------------

def test_tiny_values_are_standardised_not_reported_constant():
    plain = np.array([1.0, 2, 3, 4, 5, 7])
    res = compute_index(_table(a=plain * 1e-170), _recipe())
    # z does not change when the values are scaled; the squares of 1e-170 underflow to 0
    np.testing.assert_allclose(res.table["z_a"], (plain - plain.mean()) / plain.std(), rtol=1e-12)


def test_all_zero_population_weights_say_so():
    t = _table(pop=[0.0] * 6)
    with pytest.raises(ComputationError) as err:
        compute_index(t, _recipe(normalisation={"weighted": True}))
    text = str(err.value)
    assert "population weights" in text and "constant" not in text


def test_weights_summing_to_at_most_one_with_sample_sd_say_so():
    t = _table(pop=[0.1, 0.2, 0.1, 0.2, 0.1, 0.2])  # shares instead of inhabitants
    with pytest.raises(ComputationError) as err:
        compute_index(t, _recipe(normalisation={"weighted": True, "sd": "sample"}))
    text = str(err.value)
    assert "sum to 0.9" in text and "constant" not in text


def test_a_truly_constant_indicator_is_still_called_constant():
    with pytest.raises(ComputationError, match="constant"):
        compute_index(_table(a=[3.0] * 6), _recipe())


# ---- districts without population in a weighted reference -------------------------------------------------

def test_reference_district_without_population_is_named():
    t = _table(pop=[100.0, np.nan, 300, 0, 500, 600])
    res = compute_index(t, _recipe(normalisation={"weighted": True}))
    text = " ".join(res.messages)
    assert "2 reference district(s) have no population" in text and "02, 04" in text
    w = np.array([100.0, 0, 300, 0, 500, 600])
    a = t["a"].to_numpy()
    mean = np.sum(w * a) / w.sum()
    sd = np.sqrt(np.sum(w * (a - mean) ** 2) / w.sum())
    np.testing.assert_allclose(res.table["z_a"], (a - mean) / sd)
    assert res.summary["n_reference"] == 6


def test_negative_population_is_an_error_naming_the_key():
    with pytest.raises(ComputationError, match="negative value -5.*key 03"):
        compute_index(_table(pop=[100.0, 200, -5, 400, 500, 600]), _recipe(normalisation={"weighted": True}))


# ---- infinite values never reach the breaks silently -----------------------------------------------------

@pytest.mark.parametrize("method", ["quantile", "jenks", "equal_interval", "sd"])
def test_infinite_values_are_refused_by_the_breaks(method):
    with pytest.raises(ComputationError, match=r"2 of the values to classify are infinite \(\+inf, -inf\)"):
        compute_breaks([1.0, 2.0, np.inf, 3.0, -np.inf, 4.0], method, 3)


# ---- robust winsorising ----------------------------------------------------------------------------------

def test_mad_winsorising_clips_a_single_huge_outlier_that_percentiles_miss():
    stats = pytest.importorskip("scipy.stats")
    a = np.array([10.0, 11, 9, 10.5, 9.5, 10.2, 9.8, 10.1, 9.9, 10.4, 9.6, 10.3, 9.7, 10.6, 9.4, 10.0, 9.9, 10.1,
                  10.2, 1e6])
    t = pd.DataFrame({"key": [f"{i:02d}" for i in range(20)], "pop": 100.0, "a": a, "b": np.arange(20.0)})
    pct = compute_index(t, _recipe(treatment={"winsorise": {"method": "percentile", "lower": 1, "upper": 99}}))
    assert pct.treated["a"].max() > 8e5  # the 99th percentile lies between 11 and 1e6: the outlier stays huge
    res = compute_index(t, _recipe(treatment={"winsorise": {"method": "mad", "k": 3}}))
    centre = np.median(a)
    high = centre + 3 * stats.median_abs_deviation(a, scale="normal")
    assert res.treated["a"].max() == pytest.approx(high, rel=1e-12)
    assert res.summary["indicators"]["a"]["n_winsorised"] == 1


def test_mad_winsorising_refuses_a_zero_mad():
    t = _table(a=[1.0, 1, 1, 1, 2, 3])
    with pytest.raises(ComputationError, match="Indicator 'a'.*MAD = 0"):
        compute_index(t, _recipe(treatment={"winsorise": {"method": "mad", "k": 3}}))


def test_mad_rule_round_trips_through_the_recipe_file():
    r = _recipe(treatment={"winsorise": {"method": "mad", "k": 2.5}})
    assert Recipe.from_json(r.to_json()).treatment.winsorise.to_dict() == {"method": "mad", "k": 2.5}


# ---- geometric mean with a zero where the weight is 0 ----------------------------------------------------

def test_geometric_mean_ignores_a_zero_in_an_indicator_of_weight_zero():
    m = np.array([[2.0, 0.0, 8.0], [1.0, -1.0, 4.0]])
    out = aggregate(m, [1.0, 0.0, 1.0], "geometric_mean")
    np.testing.assert_allclose(out, [4.0, 2.0])
    with pytest.raises(ComputationError, match="above 0"):
        aggregate(m, [1.0, 0.5, 1.0], "geometric_mean")


# ---- the alpha shown is standardised alpha, and says so ---------------------------------------------------

def test_alpha_is_standardised_alpha_for_any_normalisation_and_labelled():
    rng = np.random.RandomState(3)
    base = rng.normal(size=40)
    t = pd.DataFrame({"key": [f"{i:02d}" for i in range(40)], "pop": 1.0, "a": base + rng.normal(size=40) * 0.5,
                      "b": 100 * (base + rng.normal(size=40))})
    t.loc[0, "b"] += 5000  # one outlier squeezes the other min-max values of b: raw alpha differs
    r = _recipe(normalisation={"method": "minmax"})
    diag = compute_diagnostics(t, r, drop_one=False)
    shown = diag["alpha"].set_index("index").loc["x", "alpha"]
    z = t[["a", "b"]].to_numpy()
    z = (z - z.mean(axis=0)) / z.std(axis=0)
    assert shown == pytest.approx(cronbach_alpha(z), rel=1e-12)  # raw alpha of z-scored items
    minmax = compute_index(t, r).normalised[["a", "b"]].to_numpy()
    assert abs(cronbach_alpha(minmax) - shown) > 0.01  # what was shown before: raw alpha of min-max values
    long = to_long_table(diag)
    assert long.loc[long["section"] == "cronbach_alpha", "column"].tolist() == ["standardised_alpha"]


def test_reference_sd_survives_overflow_and_underflow_of_the_squares():
    from sozialmonitor.plugin.core.index.normalise import reference_stats

    ref = np.ones(3, dtype=bool)
    for scale in (1e200, 1e-200):
        x = np.array([1.0, -1.0, 0.0]) * scale
        _mean, sd, n = reference_stats(x, ref)
        assert sd == pytest.approx(np.sqrt(2 / 3) * scale, rel=1e-14) and n == 3
        _mean, sd, _n = reference_stats(x, ref, weights=np.array([2.0, 1.0, 1.0]), ddof=1)
        mean = 0.25 * scale
        expected = np.sqrt((2 * (0.75) ** 2 + 1.25 ** 2 + 0.25 ** 2) / 3) * scale
        assert _mean == pytest.approx(mean, rel=1e-14) and sd == pytest.approx(expected, rel=1e-14)
