"""Diagnostics: statistics, correlation, alpha, PCA and drop-one class changes."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.index.diagnostics import (
    COLUMNS,
    compute_diagnostics,
    cronbach_alpha,
    pca,
    to_long_table,
    write_csv,
)
from sozialmonitor.plugin.core.recipe.load import Recipe


@pytest.fixture(scope="module")
def mss(request):
    root = request.config.rootpath
    raw = pd.read_csv(root / "tests" / "fixtures" / "mss2021" / "mss2021_index_indicators_raw.csv",
                      dtype={"PLR_ID": str, "BEZ_ID": str})
    recipe = Recipe.from_file(root / "resources" / "recipes" / "berlin_mss_2021.json")
    return raw, recipe, compute_diagnostics(raw, recipe)


def test_indicator_statistics_use_reference_districts(mss):
    raw, _recipe, diag = mss
    valid = raw[raw["KOM"] == "gültig"]
    stats = diag["indicators"]
    assert stats.loc["S1", "n"] == 536 and stats.loc["S1", "missing"] == 6
    assert stats.loc["S1", "mean"] == pytest.approx(valid["S1"].mean())
    assert stats.loc["S1", "sd"] == pytest.approx(valid["S1"].std(ddof=0))
    assert stats.loc["S4", "max"] == valid["S4"].max()
    assert stats.loc["S3", "skew"] == pytest.approx(valid["S3"].skew(), rel=0.02)  # pandas: adjusted G1
    corr = diag["correlation"]
    assert corr.loc["S1", "S3"] == pytest.approx(np.corrcoef(valid["S1"], valid["S3"])[0, 1])


def test_alpha_and_pca_against_direct_formulas():
    rng = np.random.default_rng(3)
    base = rng.normal(size=500)
    m = np.column_stack([base + rng.normal(scale=s, size=500) for s in (0.5, 0.7, 1.0)])
    k = 3
    expected = k / (k - 1) * (1 - m.var(axis=0, ddof=1).sum() / m.sum(axis=1).var(ddof=1))
    assert cronbach_alpha(m) == pytest.approx(expected)
    shares, loadings = pca(m)
    assert shares.sum() == pytest.approx(1) and shares[0] > 0.6
    assert (loadings[:, 0] > 0).all()
    # loadings squared sum to the eigenvalue (= share * number of items)
    assert (loadings[:, 0] ** 2).sum() == pytest.approx(shares[0] * 3)


def test_mss_alpha_pca_and_drop_one(mss):
    _raw, _recipe, diag = mss
    alpha = diag["alpha"].set_index("index")["alpha"]
    assert alpha["status"] > 0.9  # S1, S3, S4 measure one construct
    var = diag["pca_variance"]
    assert var[var["index"] == "status"]["explained"].iloc[0] > 0.85
    drop = diag["drop_one"].set_index(["indicator", "index"])
    assert set(drop.index) == {("S1", "status"), ("S3", "status"), ("S4", "status"), ("D1", "dynamik"),
                               ("D3", "dynamik"), ("D4", "dynamik")}
    assert (drop["changed"] > 0).all() and (drop["changed"] < 536).all()


def test_long_table_and_csv(mss, tmp_path):
    _raw, _recipe, diag = mss
    table = to_long_table(diag)
    assert list(table.columns) == COLUMNS
    assert set(table["section"]) == {"indicator_stats", "correlation", "cronbach_alpha", "pca_variance",
                                     "pca_loadings", "drop_one_class_changes"}
    write_csv(table, tmp_path / "d.csv")
    again = pd.read_csv(tmp_path / "d.csv")
    assert len(again) == len(table)


def test_single_indicator_index_has_no_alpha():
    df = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [2.0, 1, 4, 3]})
    recipe = Recipe.from_dict({"format": "sozialmonitor-recipe", "version": 1,
                               "indicators": [{"id": "a"}, {"id": "b"}],
                               "indices": [{"id": "x", "indicators": ["a"],
                                            "classification": {"method": "fixed", "breaks": [0]}},
                                           {"id": "y", "indicators": ["b"]}]})
    diag = compute_diagnostics(df, recipe, compute_index(df, recipe))
    assert np.isnan(diag["alpha"].set_index("index").loc["x", "alpha"])
    assert diag["drop_one"]["note"].iloc[0] == "an index would have no indicator left"
