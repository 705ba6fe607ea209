"""Empirical Bayes rate smoothing and the EB-adjusted Moran's I (plugin/core/spatial/rate_smoothing.py),
checked against PySAL's esda (Empirical_Bayes, Spatial_Empirical_Bayes, assuncao_rate, Moran_Rate).

The data are esda's own example (St. Louis homicides, stl_hom: 78 counties, HC8488 homicides and PE87
population), shipped with libpysal, and a lattice with small simulated populations.
"""
import warnings
from pathlib import Path

import numpy as np
import pytest
from pysal_oracle import esda, libpysal
from sozialmonitor.plugin.core.errors import ComputationError
from sozialmonitor.plugin.core.spatial import rate_smoothing as rs
from sozialmonitor.plugin.core.spatial.weights import SpatialWeights

smoothing = pytest.importorskip("esda.smoothing")


def _ours(w):
    return SpatialWeights.from_neighbours([[w.id2i[j] for j in w.neighbors[i]] for i in w.id_order])


@pytest.fixture(scope="module")
def stl():
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "stl"  # libpysal's example, copied (SOURCE.md)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = libpysal.io.open(str(folder / "stl_hom.csv"), "r")
        e = np.array(table[:, 10], dtype=float).ravel()
        b = np.array(table[:, 13], dtype=float).ravel()
        w = libpysal.io.open(str(folder / "stl.gal"), "r").read()
    assert w.id_order == [str(i) for i in range(1, len(e) + 1)]  # the rows of stl_hom.csv
    return e, b, w


@pytest.fixture(scope="module")
def small():
    """9 x 8 lattice, populations 20..400: rates of small districts scatter widely."""
    rng = np.random.RandomState(4)
    w = libpysal.weights.lat2W(9, 8)
    b = rng.randint(20, 400, size=w.n).astype(float)
    risk = 0.02 + 0.2 * (np.arange(w.n) % 8) / 8
    e = rng.binomial(b.astype(int), risk).astype(float)
    return e, b, w


def test_global_eb_equals_esda_on_stl(stl):
    e, b, _w = stl
    ours, m, v, weight = rs.global_eb(e, b)
    assert v > 0  # the case where esda's unclamped variance and ours agree
    np.testing.assert_allclose(ours, smoothing.Empirical_Bayes(e, b).r.ravel(), rtol=1e-12)
    assert m == pytest.approx(e.sum() / b.sum(), rel=1e-15)
    assert np.all((weight > 0) & (weight < 1))


def test_global_eb_equals_esda_on_small_populations(small):
    e, b, _w = small
    ours = rs.global_eb(e, b)[0]
    np.testing.assert_allclose(ours, smoothing.Empirical_Bayes(e, b).r.ravel(), rtol=1e-12)
    raw = e / b
    assert ours.std() < raw.std()  # shrunk towards the mean


def test_negative_variance_gives_the_reference_rate():
    # rates scatter less than Poisson noise alone would make them: the between-district variance estimate is < 0
    e = np.array([10.0, 10, 11, 9, 10, 10])
    b = np.array([100.0, 100, 100, 100, 100, 100])
    ours, m, v, _w = rs.global_eb(e, b)
    assert v == 0
    np.testing.assert_allclose(ours, np.full(6, e.sum() / b.sum()))
    theirs = smoothing.Empirical_Bayes(e, b).r.ravel()  # esda keeps the negative variance
    assert np.abs(theirs - m).max() > np.abs(ours - m).max()


@pytest.mark.parametrize("data", ["stl", "small"])
def test_spatial_eb_equals_esda(data, request):
    e, b, w = request.getfixturevalue(data)
    w.transform = "b"
    theirs = smoothing.Spatial_Empirical_Bayes(e, b, w).r.ravel()
    ours = rs.spatial_eb(e, b, _ours(w))[0]
    np.testing.assert_allclose(ours, theirs, rtol=1e-10)


def test_assuncao_reis_rates_equal_esda(stl):
    e, b, _w = stl
    np.testing.assert_allclose(rs.assuncao_reis_z(e, b), smoothing.assuncao_rate(e, b), rtol=1e-12)


@pytest.mark.parametrize("transform", ["r", "b"])
def test_eb_moran_equals_esda_moran_rate(small, transform):
    e, b, w = small
    np.random.seed(11)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = esda.moran.Moran_Rate(e, b, w, adjusted=True, transformation=transform, permutations=999)
    ours = rs.eb_moran(e, b, _ours(w), transform == "r", 999, 11)
    assert ours["I"] == pytest.approx(theirs.I, abs=1e-12)
    assert ours["z_norm"] == pytest.approx(theirs.z_norm, abs=1e-10)
    assert ours["p_sim"] == theirs.p_sim
    raw = rs.eb_moran(e, b, _ours(w), transform == "r", 0)
    assert raw["I"] != pytest.approx(esda.moran.Moran(e / b, w, transformation=transform, permutations=0).I)


def test_smooth_leaves_out_districts_without_population_and_names_them(small):
    e, b, w = small
    b = b.copy()
    e = e.copy()
    b[5] = 0.0
    e[7] = np.nan
    ids = [f"k{i}" for i in range(len(e))]
    rates = rs.check_rates(e, b, ids)
    out = rs.smooth(rates, _ours(w), "spatial")
    assert np.isnan(out["smoothed"][[5, 7]]).all() and np.isfinite(np.delete(out["smoothed"], [5, 7])).all()
    text = rs.excluded_text(rates)
    assert "1 district(s) have a population of 0 and get no rate: k5." in text and "k7" in text
    # the others are smoothed as if the two districts did not exist
    keep = np.ones(len(e), bool)
    keep[[5, 7]] = False
    sub = libpysal.weights.w_subset(w, [i for i in w.id_order if keep[i]])
    sub.transform = "b"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sub.id_order = [i for i in w.id_order if keep[i]]
    theirs = smoothing.Spatial_Empirical_Bayes(e[keep], b[keep], sub).r.ravel()
    np.testing.assert_allclose(out["smoothed"][keep], theirs, rtol=1e-10)


def test_bad_counts_are_refused_with_the_district():
    with pytest.raises(ComputationError, match="Field 'cases' has the value -1 for B"):
        rs.check_rates([1.0, -1, 2, 3], [10.0, 10, 10, 10], ["A", "B", "C", "D"], "cases", "pop")
    with pytest.raises(ComputationError, match="at least 3"):
        rs.check_rates([1.0, 1, 2, 3], [10.0, 0, 0, np.nan])
    with pytest.raises(ComputationError, match="0 in every"):
        rs.check_rates([0.0, 0, 0], [10.0, 20, 30], events_name="cases")
