"""core/index/summary: the summary the panel shows and compute_index writes, checked against the official
MSS 2019 classes (class counts) and against its own inputs (histogram, alpha, diagnostics)."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.index.diagnostics import compute_diagnostics, cronbach_alpha, to_long_table
from sozialmonitor.plugin.core.index.summary import read_summary, summarise, write_summary
from sozialmonitor.plugin.core.recipe.load import Recipe

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "mss2019"


@pytest.fixture(scope="module")
def run():
    shares = pd.read_csv(FIX / "mss2019_index_indicators_shares_plr.csv", dtype={"PLR_ID": str})
    recipe = Recipe.from_file(ROOT / "resources" / "recipes" / "berlin_mss_2019.json")
    result = compute_index(shares, recipe)
    diagnostics = to_long_table(compute_diagnostics(shares, recipe, result, drop_one=False))
    return shares, recipe, result, diagnostics


def test_class_counts_are_the_official_ones(run):
    _shares, recipe, result, diagnostics = run
    summary = summarise(result.table, recipe, diagnostics)
    official = pd.read_csv(FIX / "mss2019_indices_official_plr.csv", dtype={"PLR_ID": str})
    status = {label: n for index, label, n in summary["counts"] if index == recipe.indices[0].label}
    expected = official["STATUS_KLASSE"].value_counts().to_dict()
    assert {k: v for k, v in status.items() if v} == expected
    assert summary["n_evaluated"] == 436 and summary["n"] == 447


def test_histogram_covers_every_evaluated_score_once(run):
    _shares, recipe, result, diagnostics = run
    edges, counts, colours = summarise(result.table, recipe, diagnostics)["histogram"]
    scores = result.table[recipe.indices[0].id + "_score"].dropna()
    assert sum(counts) == len(scores) == 436
    assert edges[0] == pytest.approx(scores.min()) and edges[-1] == pytest.approx(scores.max())
    assert len(colours) == len(counts) and set(colours) <= set(recipe.indices[0].classification.colours) | {
        "#8c8c8c"}


def test_alpha_and_diagnostics_come_from_the_diagnostics_table(run, tmp_path):
    shares, recipe, result, diagnostics = run
    summary = summarise(result.table, recipe, diagnostics)
    status = recipe.indices[0]
    ids = [i.id for i in recipe.indicators if i.group == status.id or i.id in (status.indicators or [])]
    z = result.normalised.loc[result.reference, ids]
    assert summary["alpha"][status.label] == pytest.approx(cronbach_alpha(z.to_numpy()), abs=1e-12)
    path = tmp_path / "summary.json"
    write_summary(summary, path)
    back = read_summary(path)
    assert back["counts"] == summary["counts"] and back["alpha"] == summary["alpha"]
    table = back["diagnostics"]
    assert list(table.iloc[:, 0]) == [i.id for i in recipe.indicators]
    assert np.allclose(table["mean"].astype(float), [shares.loc[result.reference.to_numpy(), i].mean()
                                                     for i in table.iloc[:, 0]])
