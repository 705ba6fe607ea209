"""What a reader sees in legends, atlas tables, the methods annex and the workbook (pure Python, no QGIS).

Real values: Kinderarmut (S4) and the change indicators of resources/sample (MSS 2019).
"""
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.i18n import tr
from sozialmonitor.plugin.core.index.classify import compute_breaks
from sozialmonitor.plugin.core.maps.classes import graduated_classes, map_edges, nice_breaks
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.core.reports.district_profile import ProfileIndicator, profile_rows, unit_symbol
from sozialmonitor.plugin.core.reports.methods_annex import class_ranges, column_widths, methods_annex_html
from sozialmonitor.plugin.core.reports.workbook import workbook_note, workbook_sheets, write_workbook

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv"
RECIPE = Recipe.from_file(ROOT / "resources" / "recipes" / "berlin_mss_2019.json")
INKAR = Recipe.from_file(ROOT / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
COLOURS = ["#1", "#2", "#3", "#4", "#5"]
NO_SECRECY = SecrecyRule(evaluated_field=None)


@pytest.fixture(scope="module")
def sample():
    frame = pd.read_csv(SAMPLE, dtype={"PLR_ID": str})
    return frame[frame["EW"] >= 300].reset_index(drop=True)  # the evaluated districts


def _german(text):
    return float(text.replace(".", "").replace(",", "."))


def label_bounds(label):
    """(lower, upper) a reader takes from a German legend label: 'über 16 bis 31 %' -> (16, 31)."""
    numbers = [_german(n) for n in re.findall(r"-?\d[\d.]*(?:,\d+)?", label)]
    if label.startswith(tr("up to {high}{unit}").split("{")[0]):
        return None, numbers[0]
    if len(numbers) == 1:
        return numbers[0], None
    return numbers[0], numbers[1]


@pytest.mark.parametrize("method", ["equal_interval", "quantile", "jenks", "sd"])
def test_legend_labels_and_classification_agree(sample, german, method):
    """Count the districts as a reader would from the printed ranges: the same counts as the map."""
    values = sample["S4"].to_numpy(dtype=float)
    edges = map_edges(values, compute_breaks(values, method, n=5))
    classes = graduated_classes(sample, "S4", NO_SECRECY, edges, COLOURS[:len(edges) - 1], unit="%")
    for cls in classes.classes:
        low, high = label_bounds(cls.label)
        inside = np.ones(len(values), bool)
        if low is not None:
            inside &= values > low
        if high is not None:
            inside &= values <= high
        assert int(inside.sum()) == cls.count, (cls.label, cls.count, int(inside.sum()))


def test_equal_interval_breaks_are_the_printed_round_numbers(sample, german):
    values = sample["S4"].to_numpy(dtype=float)
    raw = compute_breaks(values, "equal_interval", n=5)  # steps of about 15.5 points
    assert all(abs(b - round(b)) > 0.01 for b in raw)
    edges = map_edges(values, raw)
    assert edges[1:-1] == [float(round(b)) for b in raw]
    classes = graduated_classes(sample, "S4", NO_SECRECY, edges, COLOURS, unit="%")
    third = classes.classes[2]
    assert third.label == f"über {round(raw[1])} bis {round(raw[2])} %"
    assert third.upper == round(raw[2])  # the renderer rule uses the printed number
    # the districts between the raw and the printed break: with the raw break they were drawn in the
    # next class although the legend put them here
    between = (values > min(raw[2], round(raw[2]))) & (values <= max(raw[2], round(raw[2])))
    assert between.any()
    assert third.count == int(((values > round(raw[1])) & (values <= round(raw[2]))).sum())


def test_sd_classes_of_a_skewed_indicator_stay_ascending_inside_the_data():
    """Child poverty: many districts near 0 %, a long tail; mean - 1.5 SD lies below 0 %."""
    rng = np.random.default_rng(4)
    values = np.concatenate([rng.lognormal(2.5, 0.9, 400), [0.64433, 77.19298]])
    inner = compute_breaks(values, "sd", n=5)
    assert inner[0] < values.min()  # the defect: a break below the minimum
    edges = map_edges(values, inner)
    assert edges == sorted(edges) and len(set(edges)) == len(edges)
    assert edges[0] == pytest.approx(values.min()) and edges[-1] == pytest.approx(values.max())
    assert all(values.min() < b < values.max() for b in edges[1:-1])
    frame = pd.DataFrame({"v": values})
    classes = graduated_classes(frame, "v", NO_SECRECY, edges, COLOURS[:len(edges) - 1])
    assert all(c.count > 0 for c in classes.classes)


def test_manual_breaks_are_kept_exactly_also_outside_the_data(german):
    values = np.array([12.0, 14.0, 18.0, 25.0])
    edges = map_edges(values, [10.0, 12.345, 30.0], given=True)
    assert edges == [10.0, 10.0, 12.345, 30.0, 30.0]
    classes = graduated_classes(pd.DataFrame({"v": values}), "v", NO_SECRECY, edges, COLOURS[:4], unit="%")
    assert [c.label for c in classes.classes] == ["bis 10 %", "über 10 bis 12,345 %", "über 12,345 bis 30 %",
                                                   "über 30 %"]
    assert [c.count for c in classes.classes] == [0, 1, 3, 0]


def test_nice_breaks_keep_neighbours_apart():
    assert nice_breaks([0.1234, 0.2567, 0.5]) == [0.12, 0.26, 0.5]
    assert nice_breaks([-0.84, -0.25, 0.25, 0.84]) == [-0.84, -0.25, 0.25, 0.84]
    assert nice_breaks([1234.56, 2345.67]) == [1235.0, 2346.0]


def test_every_unit_is_shown_in_the_profile_table(sample, german):
    frame = sample.head(5).copy()
    pages = pd.Series(range(1, 6), index=frame.index)
    indicators = [ProfileIndicator("S4", "Kinderarmut", "%"), ProfileIndicator("D4", "Veränderung Kinderarmut",
                                                                              "Prozentpunkte"),
                  ProfileIndicator("EW", "Haushaltseinkommen", "EUR je Einwohner und Monat")]
    rows = profile_rows(frame, pages, indicators, NO_SECRECY)
    first = rows[rows["page"] == 1].set_index("pos")
    assert first.loc[0, "value"] == "15,4 %" and first.loc[0, "deviation"].endswith(" Pp.")
    # Prozentpunkte: value, city value and deviation all in Pp. (D4 of Stülerstraße = -5.07658)
    assert first.loc[1, "value"] == "-5,1 Pp." and first.loc[1, "city"].endswith(" Pp.")
    assert first.loc[1, "deviation"].endswith(" Pp.")
    # a long unit is named once in the row label, not squeezed into every cell
    assert first.loc[2, "indicator"] == "Haushaltseinkommen (EUR je Einwohner und Monat)"
    assert unit_symbol("% der 15- bis 64-Jährigen") == "%" and unit_symbol("EUR") == "EUR"


def test_annex_states_classes_with_their_ranges_and_no_template_leaks():
    html = methods_annex_html(RECIPE)
    assert "{" not in html and "}" not in html  # no "{row_code}{col_code}"
    assert "„2+/-“ = Status mittel, Dynamik stabil" in html
    assert "Klassen nach Indexwert (vom niedrigsten zum höchsten)" in html
    assert "niedrigster Wert zuerst" not in html
    status = RECIPE.index("status").classification
    # breaks -1, 1, 1.5; -1 belongs to the upper class, 1 and 1.5 to the lower one
    assert class_ranges(status) == ["hoch: unter −1", "mittel: ab −1 bis 1", "niedrig: über 1 bis 1,5",
                                    "sehr niedrig: über 1,5"]
    assert "höherer Indexwert = ungünstigere Lage" in html
    assert html.count("<thead>") == 2  # header rows repeat and never split over a page break


def test_annex_columns_hold_their_longest_word():
    for recipe in (RECIPE, INKAR):
        html = methods_annex_html(recipe)
        assert "Gew.<" not in html
    widths = column_widths(["Indikator (Feld)", "Einheit", "Richtung, Gewicht", "Beschreibung"],
                           [["Veränderung Arbeitslosigkeit (D1)", "Prozentpunkte", ["höher = ungünstiger"], "x"]],
                           [30, 12, 20, 38])
    assert widths[1] > 12 and sum(widths) <= 101  # "Prozentpunkte" (13 letters) needs more than 12 %


def test_annex_and_workbook_use_the_given_source():
    source = "Datenquelle: SenSBW; Geometrie: Amt für Statistik Berlin-Brandenburg, CC BY 3.0 DE"
    assert source in methods_annex_html(RECIPE, source=source)
    frame = pd.DataFrame({"id": ["a"], "name": ["A"], "EW": [1000], "S1": [2.5]})
    sheets = workbook_sheets(frame, RECIPE, NO_SECRECY, "id", "name", source=source)
    assert set(sheets["Quellen"]["Quelle"]) == {source}
    assert set(sheets["Quellen"]["Datenstand"]) == {"31.12.2018"}
    assert source in workbook_note(source) and "„.“" in workbook_note(source) and "„–“" in workbook_note(source)


def test_workbook_numbers_have_the_printed_precision_and_missing_values_a_dash(tmp_path):
    import openpyxl  # a declared dependency (requirements-dev.txt, python3-openpyxl): no skip
    frame = pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"], "EW": [12345, 150, 800],
                          "evaluated": [1, 0, 1], "S1": [2.7978, 5.0, np.nan],
                          "status_score": [-0.5242646359675467, 1.0, 0.25], "status_class": ["mittel", None, "hoch"]})
    rule = SecrecyRule(evaluated_field="evaluated")
    path = write_workbook(workbook_sheets(frame, RECIPE, rule, "id", "name"), tmp_path / "t.xlsx",
                          note=workbook_note())
    wb = openpyxl.load_workbook(path)
    ind, idx = wb["Indikatoren"], wb["Index"]
    heads = [c.value for c in ind[1]]
    s1 = ind.cell(2, heads.index("Arbeitslosigkeit (%)") + 1)
    assert s1.value == pytest.approx(2.7978) and s1.number_format == "0.0"  # Excel shows 2,8
    assert ind.cell(3, heads.index("Arbeitslosigkeit (%)") + 1).value == "."  # secret
    assert ind.cell(4, heads.index("Arbeitslosigkeit (%)") + 1).value == "–"  # no data
    assert ind.cell(2, heads.index("Einwohner") + 1).number_format == "#,##0"
    score = idx.cell(2, [c.value for c in idx[1]].index("Status-Index (Wert)") + 1)
    assert score.value == pytest.approx(-0.5242646) and score.number_format == "0.00"
    notes = [row[0] for row in ind.iter_rows(values_only=True) if row[0] and str(row[0]).startswith("„")]
    assert notes and "„–“ = kein Wert" in notes[0]


def test_workbook_of_an_index_without_classification_lists_its_class_field_as_found():
    # found by mypy: a '<index>_class' field left from an earlier run of a recipe whose index is no longer
    # classified made workbook_sheets fail with AttributeError ('NoneType' has no attribute 'labels')
    data = RECIPE.to_dict()
    data["typologies"] = []
    for spec in data["indices"]:
        if spec["id"] == "status":
            spec.pop("classification")
    recipe = Recipe.from_dict(data)
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "name": ["A", "B", "C", "D"], "evaluated": [1, 1, 0, 1],
                          "status_class": ["mittel", "hoch", "hoch", None]})
    sheets = workbook_sheets(frame, recipe, SecrecyRule(evaluated_field="evaluated"), "id", "name")
    counts = {row["Klasse"]: row["Gebiete"] for row in sheets["Klassen"].to_dict("records")}
    assert counts == {"hoch": 1, "mittel": 1, "nicht bewertet": 1, "keine Daten": 1}
    assert list(sheets["Klassen"]["Klasse"])[-2:] == ["nicht bewertet", "keine Daten"]
