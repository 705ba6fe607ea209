"""Moran's I, LISA, Gi*, FDR and the weights structure (plugin/core), checked against PySAL's esda.

esda/libpysal are test-only, imported by tests/pysal_oracle.py (which keeps libpysal 4.7 from polling
a web page). The real-data check (Berlin) is in tests/qgis/test_alg_spatial_autocorrelation.py.
"""
import warnings

import numpy as np
import pytest
from pysal_oracle import G_Local, Moran, Moran_Local, esda, libpysal
from sozialmonitor.plugin.core.errors import ComputationError
from sozialmonitor.plugin.core.spatial import autocorrelation as ac
from sozialmonitor.plugin.core.spatial.cluster_analysis import analyse
from sozialmonitor.plugin.core.spatial.weights import SpatialWeights


def _lattice(rows=9, cols=8, rook=False):
    w = libpysal.weights.lat2W(rows, cols, rook=rook)
    return SpatialWeights.from_neighbours([w.neighbors[i] for i in range(w.n)]), w


def _values(n, trend=0.08, seed=1):
    rng = np.random.RandomState(seed)
    return rng.normal(size=n) + trend * np.arange(n) / 8


@pytest.mark.parametrize("transform", ["r", "b"])
def test_global_moran_equals_esda(transform):
    ours, theirs = _lattice()
    y = _values(ours.n)
    np.random.seed(7)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = Moran(y, theirs, transformation=transform, permutations=999)
    g = ac.moran_global(y, ours.transformed(transform == "r"), 999, 7)
    assert 0.01 < m.p_sim < 0.5  # a mid-range p, so equal counts really test the permutation stream
    assert g["I"] == pytest.approx(m.I, abs=1e-12)
    assert g["EI"] == m.EI
    assert g["VI_norm"] == pytest.approx(m.VI_norm, rel=1e-12)
    assert g["z_norm"] == pytest.approx(m.z_norm, abs=1e-10)
    assert g["p_norm"] == pytest.approx(m.p_norm, rel=1e-9)
    assert g["p_sim"] == m.p_sim
    assert g["z_sim"] == pytest.approx(m.z_sim, abs=1e-10)
    assert np.array_equal(g["sim"], m.sim)


@pytest.mark.parametrize("transform", ["r", "b"])
def test_local_moran_equals_esda(transform):
    ours, theirs = _lattice()
    y = _values(ours.n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lm = Moran_Local(y, theirs, transformation=transform, permutations=999, seed=3, n_jobs=1)
    loc = ac.moran_local(y, ours.transformed(transform == "r"), 999, 3)
    assert np.array_equal(loc["Is"], lm.Is)
    assert np.array_equal(loc["q"], lm.q)
    assert np.array_equal(loc["p_sim"], lm.p_sim)
    assert np.allclose(loc["z_sim"], lm.z_sim, atol=1e-12)
    assert len(set(lm.p_sim)) > 20  # varied p-values: identity is not an accident of p = 0.001


def test_different_seed_gives_different_but_close_p_values():
    ours, _ = _lattice()
    y = _values(ours.n)
    a = ac.moran_local(y, ours.row_standardised(), 999, 1)["p_sim"]
    b = ac.moran_local(y, ours.row_standardised(), 999, 2)["p_sim"]
    assert not np.array_equal(a, b)
    # Monte Carlo error of a pseudo p-value with M = 999: SD <= sqrt(0.25 / 999) ~ 0.016
    assert np.abs(a - b).max() < 0.1


def test_gi_star_equals_esda_binary_and_is_shift_and_scale_invariant():
    ours, theirs = _lattice()
    y = _values(ours.n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = G_Local(y + 20.0, theirs, transform="B", star=True, permutations=0)
    gi = ac.getis_ord_gi_star(y, ours)
    assert np.allclose(gi["z"], g.Zs, rtol=0, atol=1e-10)
    assert np.allclose(gi["p"], 2 * g.p_norm, rtol=1e-9)  # esda's p_norm is one-sided
    assert np.allclose(ac.getis_ord_gi_star(y + 1000.0, ours.row_standardised())["z"], gi["z"], atol=1e-9)


def test_weight_sums_match_libpysal_for_asymmetric_knn():
    rng = np.random.RandomState(5)
    points = rng.uniform(size=(60, 2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        knn = libpysal.weights.KNN.from_array(points, k=4)
    ours = SpatialWeights.from_neighbours([knn.neighbors[i] for i in range(60)])
    for transform, w in (("b", ours.binary()), ("r", ours.row_standardised())):
        knn.transform = transform
        assert (w.s0, w.s1) == pytest.approx((knn.s0, knn.s1), rel=1e-12)
        assert w.s2 == pytest.approx(knn.s2, rel=1e-12)
        assert np.allclose(w.to_dense(), knn.full()[0])
        assert np.array_equal(w.lag(points[:, 0]), knn.sparse @ points[:, 0])  # same summation order


def test_checkerboard_is_perfectly_negative():
    ours, _ = _lattice(4, 4, rook=True)
    board = np.array([(i % 4 + i // 4) % 2 for i in range(16)], dtype=float)
    assert ac.moran_global(board, ours.row_standardised(), 0)["I"] == pytest.approx(-1.0, abs=1e-12)


def test_benjamini_hochberg_by_hand_and_against_esda():
    q = ac.benjamini_hochberg([0.01, 0.04, 0.03, np.nan, 0.5])
    assert np.allclose(q[[0, 1, 2, 4]], [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])
    assert np.isnan(q[3])
    p = np.random.RandomState(0).uniform(size=200) ** 3
    cut = esda.fdr(p, 0.1)
    assert ((ac.benjamini_hochberg(p) <= 0.1) == (p <= cut)).all()


def test_islands_and_missing_values_are_excluded_and_named():
    ours, theirs = _lattice(6, 6)
    neighbours = ours.neighbour_lists() + [[]]  # observation 36: an island
    w = SpatialWeights.from_neighbours(neighbours, ids=[f"k{i}" for i in range(37)])
    y = _values(37)
    y[5] = np.nan  # missing
    result = analyse(y, w, permutations=99, seed=1)
    assert result.islands == ["k36"] and result.missing == ["k5"] and result.n_analysed == 36
    table = result.table
    assert table.loc[36, "lisa_cluster"] == "island" and np.isnan(table.loc[36, "lisa_i"])
    assert table.loc[36, "gi_class"] == "island" and np.isnan(table.loc[36, "gi_z"])
    assert table.loc[5, "lisa_cluster"] == "missing" and table.loc[5, "gi_class"] == "missing"
    # esda keeps islands in n (and the mean), as we do
    keep = np.isfinite(y)
    lists = {i: w.subset(keep).neighbours(i) for i in range(36)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.random.seed(1)
        m = Moran(y[keep], libpysal.weights.W(lists, silence_warnings=True), permutations=0)
    assert result.global_moran["I"] == pytest.approx(m.I, abs=1e-12)


def test_errors_and_cancel():
    ours, _ = _lattice(3, 3)
    with pytest.raises(ComputationError, match="All 9 analysed values are equal"):
        analyse(np.ones(9), ours)
    with pytest.raises(ComputationError, match="Only 2 features have a value"):
        analyse(np.array([1.0, 2.0] + [np.nan] * 7), ours)
    lonely = SpatialWeights.from_neighbours([[] for _ in range(5)])
    with pytest.raises(ComputationError, match="has a neighbour"):
        analyse(np.arange(5.0), lonely)
    seen = []
    with pytest.raises(ac.CancelledError):
        analyse(np.arange(9.0), ours, progress=seen.append, is_canceled=lambda: len(seen) > 3)


def test_subset_renumbers_and_drops_links():
    w = SpatialWeights.from_neighbours([[1, 2], [0], [0, 3], [2]], ids=list("abcd"))
    sub = w.subset([True, False, True, True])
    assert sub.ids == ["a", "c", "d"] and sub.neighbour_lists() == [[1], [0, 2], [1]]
    assert sub.row_standardised().to_dense()[1].tolist() == [0.5, 0.0, 0.5]
