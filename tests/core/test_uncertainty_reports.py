"""The printed side of the uncertainty analysis: the methods-annex section (English and German, numbers from
the result) and the rank-interval chart (one bar per ranked district, the highlighted district on atlas pages)."""
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.index.uncertainty_run import run_uncertainty
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.core.reports.rank_interval_chart import HIGHLIGHT, rank_interval_svg
from sozialmonitor.plugin.core.reports.uncertainty_annex import CELL, choice_list, uncertainty_annex_html

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def berlin(request):
    root = request.config.rootpath
    raw = pd.read_csv(root / "tests" / "fixtures" / "mss2021" / "mss2021_index_indicators_raw.csv",
                      dtype={"PLR_ID": str, "BEZ_ID": str})
    recipe = Recipe.from_file(root / "resources" / "recipes" / "berlin_mss_2021_uncertainty.json")
    return recipe, run_uncertainty(raw, recipe, draws=200, seed=1, sobol_base=32)


def test_annex_states_the_result_and_the_sobol_table(berlin):
    recipe, result = berlin
    html = uncertainty_annex_html(recipe, result.summary, result.sobol)
    s = result.summary
    assert f"{s['n_uncertain']} of 536 districts have a class probability below 80 %" in html
    assert "weight of S4: 0.50 to 2.00" in html and "dropping one indicator" in html
    ordered = result.sobol.sort_values("ST", ascending=False)
    positions = [html.index(f"<td {CELL}>{choice}</td>") for choice in ordered["choice"]]
    assert positions == sorted(positions)  # the table lists the choices by total effect
    top = ordered.iloc[0]
    assert f"<td {CELL}>{top.ST:.2f} ± {top.ST_conf:.2f}</td>" in html


def test_choice_list_of_a_recipe_without_uncertainty_section_is_empty(berlin):
    # found by mypy: choice_list raised AttributeError on recipe.uncertainty None
    recipe, _result = berlin
    plain = Recipe.from_dict({k: v for k, v in recipe.to_dict().items() if k != "uncertainty"})
    assert plain.uncertainty is None
    assert choice_list(plain) == []
    assert len(choice_list(recipe)) == 8  # normalisation, aggregation, 3 weight ranges, winsorise, reference, drop


def test_annex_in_german_uses_the_translations_and_decimal_commas(berlin, german):
    recipe, result = berlin
    html = uncertainty_annex_html(recipe, result.summary, result.sobol)
    assert f"{result.summary['n_uncertain']} von 536 Gebieten haben eine Klassenwahrscheinlichkeit" in html
    assert "Gewicht von S4: 0,50 bis 2,00" in html
    width = f"{result.summary['median_interval_width']:.1f}".replace(".", ",")
    assert f"im Median {width} Ränge breit" in html


def test_chart_has_one_bar_per_ranked_district_and_the_highlight():
    rank = np.array([1.0, 2.0, np.nan, 3.0])
    p05, p95 = np.array([1.0, 1.0, np.nan, 2.0]), np.array([2.0, 3.0, np.nan, 3.0])
    cls, prob = np.array([4.0, 3.0, np.nan, 1.0]), np.array([0.9, 0.5, np.nan, 1.0])
    colours = ["#111111", "#222222", "#333333", "#444444"]
    svg = ET.fromstring(rank_interval_svg(rank, p05, p95, cls, prob, colours, list("abcd"), "T"))
    bars = [r for r in svg.iter(SVG + "rect") if r.get("width") != "22"]
    assert [b.get("fill") for b in bars] == ["#444444", "#333333", "#111111"]  # sorted by rank, class colours
    assert [b.get("stroke") for b in bars] == [None, "#000000", None]  # the uncertain one has an edge
    page = ET.fromstring(rank_interval_svg(rank, p05, p95, cls, prob, colours, list("abcd"), "T", highlight=1))
    red = [r for r in page.iter(SVG + "rect") if r.get("fill") == HIGHLIGHT]
    assert len(red) == 1
    assert float(red[0].get("x")) > float(bars[0].get("x"))  # district 1 is second in rank order
