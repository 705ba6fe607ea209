"""Map classes, palettes, secrecy, profile tables and file names — pure Python, no QGIS."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.i18n import tr
from sozialmonitor.plugin.core.maps import palettes
from sozialmonitor.plugin.core.maps.batch_names import groups, map_file_name, year_group, year_of
from sozialmonitor.plugin.core.maps.classes import categorical_classes, decimals_for, format_number, graduated_classes
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule, district_states, state_expression
from sozialmonitor.plugin.core.maps.typology_grid import grid_for_field
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.core.reports.district_profile import ProfileIndicator, profile_rows

RECIPE = Recipe.from_file(__import__("pathlib").Path(__file__).resolve().parents[2] / "resources" / "recipes" /
                          "berlin_mss_2019.json")


@pytest.mark.parametrize("preset", [palettes.STATUS_PRESET, palettes.DYNAMIK_PRESET])
def test_class_presets_get_darker_from_best_to_worst(preset):
    lum = [palettes.relative_luminance(c) for c in preset["colours"]]
    assert all(a - b > 0.08 for a, b in zip(lum, lum[1:])), lum  # distinguishable in greyscale


def test_typology_rows_get_darker_by_status_in_every_column():
    for col in range(3):
        lum = [palettes.relative_luminance(row[col]) for row in palettes.TYPOLOGY_COLOURS]
        assert all(a > b for a, b in zip(lum, lum[1:]))


def test_ramps_have_the_requested_number_of_colours():
    assert palettes.ramp_colours("Blues", 5) == ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    assert len(palettes.ramp_colours("PuOr", 9)) == 9
    assert palettes.ramp_colours("Oranges", 3, reverse=True)[0] == "#e6550d"
    with pytest.raises(Exception, match="Unknown colour ramp"):
        palettes.ramp_colours("Rainbow", 5)


def _frame():
    return pd.DataFrame({
        "status_class": ["hoch", "mittel", "mittel", None, None, "sehr niedrig"],
        "S3": [5.0, 12.0, 20.0, 30.0, np.nan, 41.0],
        "EW": [1000, 2000, 3000, 150, np.nan, 900],
        "evaluated": [1, 1, 1, 0, np.nan, 1],
    })


def test_states_and_counts_separate_secret_and_missing():
    rule = SecrecyRule(evaluated_field="evaluated", population_field="EW", min_population=300)
    states = district_states(_frame(), "status_class", rule).tolist()
    assert states == ["class", "class", "class", "not_evaluated", "no_data", "class"]
    classes = categorical_classes(_frame(), "status_class", rule)
    assert [c.legend for c in classes.classes] == ["hoch (1)", "mittel (2)", "niedrig (0)", "sehr niedrig (1)"]
    assert (classes.not_evaluated, classes.no_data) == (1, 1)
    expected = 'coalesce(coalesce("evaluated" = 0, false) OR coalesce("EW" < 300.0, false), false)'
    assert state_expression(rule) == expected


def test_unknown_class_value_is_an_error_naming_it():
    frame = _frame()
    frame.loc[0, "status_class"] = "Hoch"
    with pytest.raises(ExportError, match="'Hoch'"):
        categorical_classes(frame, "status_class", SecrecyRule(), labels=["hoch", "mittel", "niedrig"])


def test_graduated_classes_count_open_ended_fixed_breaks(german):
    rule = SecrecyRule(evaluated_field="evaluated")
    classes = graduated_classes(_frame(), "S3", rule, [0, 10, 20, 100], ["#a", "#b", "#c"], unit="%")
    assert [c.legend for c in classes.classes] == ["bis 10 % (1)", "über 10 bis 20 % (2)", "über 20 % (1)"]
    assert classes.not_evaluated == 1 and classes.no_data == 1


def test_german_numbers_and_decimals():
    assert format_number(12345.678, 1) == "12.345,7"
    assert decimals_for([10, 20, 30]) == 0 and decimals_for([1.25, 1.5]) == 2 and decimals_for([3.14159, 7.1]) == 1


def test_typology_grid_from_recipe_is_status_by_dynamics():
    grid = grid_for_field(RECIPE, "sdi", [])
    assert grid.row_labels == ["hoch", "mittel", "niedrig", "sehr niedrig"]
    assert grid.col_labels == ["positiv", "stabil", "negativ"]
    assert grid.codes[1][1] == "2+/-" and grid.codes[3][2] == "4-"
    assert grid_for_field(None, "x", ["a", "b"]) is None


def test_profile_rows_hide_secret_values_and_rank_the_rest():
    frame = _frame()
    rule = SecrecyRule(evaluated_field="evaluated")
    rows = profile_rows(frame, pd.Series(range(1, 7), index=frame.index), [ProfileIndicator("S3", "T", "%")], rule)
    assert rows["value"].tolist() == ["5,0 %", "12,0 %", "20,0 %", ".", "–", "41,0 %"]
    assert rows["city"].iloc[0] == "19,5 %"  # mean of 5, 12, 20, 41 (secret and missing excluded)
    of = tr("{rank} of {n}")  # "4 von 4" with the German catalogue
    assert rows["rank"].tolist() == [of.format(rank=4, n=4), of.format(rank=3, n=4), of.format(rank=2, n=4), ".",
                                     "–", of.format(rank=1, n=4)]
    assert rows["deviation"].iloc[5] == "+21,5 Pp."


def test_batch_names_and_year_groups():
    assert map_file_name(3, "Kinderarmut Ü15") == "03_kinderarmut_ue15.pdf"
    assert year_of("S1_2019") == "2019" and year_group("S1_2019") == "S1" and year_of("status_class") is None
    assert groups(["S1_2019", "S3_2019", "S1_2021"]) == {"S1": ["S1_2019", "S1_2021"], "S3": ["S3_2019"]}
