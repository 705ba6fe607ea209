"""core.trend / core.trend_chart: year series detection, reference mean, gaps, secrecy, well-formed SVG."""
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule
from sozialmonitor.plugin.core.reports.trend import (
    detect_series,
    label_and_unit,
    select_series,
    series_from_mapping,
    trend_data,
)
from sozialmonitor.plugin.core.reports.trend_chart import (
    DISTRICT_COLOUR,
    REFERENCE_COLOUR,
    ChartScale,
    chart_texts,
    district_caption,
    nice_ticks,
    trend_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
YEARS = [2015, 2016, 2017, 2018]


def frame():
    """Four districts; C is not evaluated (and extreme, so a leak into the mean would show); D has a gap."""
    return pd.DataFrame({
        "name": ["A", "B", "C", "D"],
        "evaluated": [1, 1, 0, 1],
        "q_pct_2015": [10.0, 20.0, 900.0, 30.0],
        "q_pct_2016": [12.0, 22.0, 900.0, np.nan],
        "q_pct_2017": [14.0, np.nan, 900.0, 34.0],
        "q_pct_2018": [16.0, 26.0, 900.0, 36.0],
        "single_2021": [1.0, 2.0, 3.0, 4.0],
    }, index=[11, 12, 13, 14])


def test_detect_series_needs_two_years_and_reads_unit():
    columns = ["ARS", "q_pct_2015", "q_pct_2016", "single_2021", "old_1850", "old_1851", "x_20155",
               "haushaltseinkommen_eur_je_ew_2019", "haushaltseinkommen_eur_je_ew_2020"]
    series = detect_series(columns)
    assert [s.prefix for s in series] == ["q_pct", "haushaltseinkommen_eur_je_ew"]
    assert series[0].years == [2015, 2016] and series[0].fields[2016] == "q_pct_2016"
    assert (series[0].label, series[0].unit) == ("Q", "%")
    assert label_and_unit("haushaltseinkommen_eur_je_ew") == ("Haushaltseinkommen", "€ je Einw.")
    assert label_and_unit("schuldnerquote_pct") == ("Schuldnerquote", "%")


def test_explicit_mapping_and_selection():
    series = series_from_mapping({"alq": {"fields": {2020: "alq20", 2019: "alq19"}, "label": "Arbeitslosenquote",
                                          "unit": "%"}}, columns=["alq19", "alq20"])
    assert series[0].years == [2019, 2020] and series[0].label == "Arbeitslosenquote"
    with pytest.raises(ExportError, match="alq21"):
        series_from_mapping({"alq": {2019: "alq19", 2021: "alq21"}}, columns=["alq19"])
    found = detect_series(["a_2019", "a_2020", "b_2019", "b_2020", "c_2019", "c_2020"])
    assert [s.prefix for s in select_series(found)] == ["a", "b"]  # at most two by default
    assert [s.prefix for s in select_series(found, ["c"])] == ["c"]
    with pytest.raises(ExportError, match="No year series for zz"):
        select_series(found, ["zz"])
    with pytest.raises(ExportError, match="At most 2"):
        select_series(found, ["a", "b", "c"])


def test_reference_is_mean_of_evaluated_districts_with_a_value_per_year():
    data = trend_data(frame(), detect_series(frame().columns)[0], SecrecyRule())
    # 2015: (10+20+30)/3; 2016: D missing -> (12+22)/2; 2017: B missing -> (14+34)/2; C (secret) never counts
    np.testing.assert_allclose(data.reference, [20.0, 17.0, 24.0, 26.0])
    assert data.n_reference.tolist() == [3, 2, 2, 3]
    assert data.reference_label("Kreise") == "Mittel der 2–3 bewerteten Kreise (ungewichtet)"
    assert data.district(13) is None  # secret: no values at all
    assert np.isnan(data.values[2]).all()
    np.testing.assert_array_equal(data.district(11), [10.0, 12.0, 14.0, 16.0])


def test_missing_values_are_gaps_not_zeros():
    scale = ChartScale.for_data(YEARS, [[30.0, np.nan, 34.0, 36.0]], [20.0, 17.0, 24.0, 26.0])
    root = ET.fromstring(trend_svg(scale, [30.0, np.nan, 34.0, 36.0], [20.0, 17.0, 24.0, 26.0]))
    district = [e for e in root.iter(SVG + "polyline") if e.get("stroke") == DISTRICT_COLOUR]
    assert len(district) == 1 and len(district[0].get("points").split()) == 2  # 2017-2018; 2015 alone
    dots = [e for e in root.iter(SVG + "circle") if e.get("fill") == DISTRICT_COLOUR]
    assert len(dots) == 3  # one per value, so the lone 2015 value is visible
    assert scale.ticks[0] > 0  # nothing was read as 0
    caption = district_caption("D", scale, [30.0, np.nan, 34.0, 36.0], unit="%")
    assert caption == "D: 30,0 % (2015) → 36,0 % (2018); Lücke = kein Wert"
    assert district_caption("E", scale, [np.nan] * 4) == "E: keine Werte"


def test_secret_district_shows_only_the_reference():
    values, reference = [900.0] * 4, [20.0, 17.0, 24.0, 26.0]
    scale = ChartScale.for_data(YEARS, [[np.nan] * 4], reference)
    svg = trend_svg(scale, values, reference, secret=True)
    root = ET.fromstring(svg)
    assert DISTRICT_COLOUR not in svg  # neither line, dots nor legend key
    assert [e.get("stroke") for e in root.iter(SVG + "polyline")] == [REFERENCE_COLOUR]
    assert district_caption("C", scale, values, secret=True) == "C: nicht bewertet – keine Werte (Geheimhaltung)"


def test_svg_is_well_formed_and_texts_are_german():
    scale = ChartScale.for_data(YEARS, [[1800.5, 1850.0, 1900.0, 2236.7]], [1700.0, 1750.0, 1800.0, 1850.0])
    root = ET.fromstring(trend_svg(scale, [1800.5, 1850.0, 1900.0, 2236.7], [1700.0, 1750.0, 1800.0, 1850.0],
                                   width=91, height=46))
    assert root.tag == SVG + "svg" and root.get("viewBox") == "0 0 910 460"
    assert not list(root.iter(SVG + "text"))  # texts are layout labels (PDF text), see chart_texts
    texts = [t.text for t in chart_texts(scale, "Haushaltseinkommen", "€ je Einw.", "Mittel", 91, 46)]
    assert texts[0] == "Haushaltseinkommen (€ je Einw.), 2015–2018"
    assert "1.800" in texts and "2.200" in texts and all(str(y) in texts for y in YEARS)
    assert district_caption("Peine", scale, [1800.5, 1850.0, 1900.0, 2236.7], unit="€ je Einw.") == \
        "Peine: 1.800 € je Einw. (2015) → 2.237 € je Einw. (2018)"


def test_nice_ticks_cover_the_data_with_round_steps():
    ticks, decimals = nice_ticks(8.33, 11.03)
    assert ticks[0] <= 8.33 and ticks[-1] >= 11.03 and decimals in (0, 1)
    steps = np.diff(ticks)
    assert np.allclose(steps, steps[0]) and len(ticks) <= 6
    ticks, decimals = nice_ticks(0.12, 0.61)
    assert np.allclose(ticks, [0.0, 0.2, 0.4, 0.6, 0.8]) and decimals == 1
    ticks, decimals = nice_ticks(0.0, 9.0)
    assert ticks == [0.0, 2.5, 5.0, 7.5, 10.0] and decimals == 1  # 2,5 needs its decimal
    ticks, decimals = nice_ticks(5.0, 5.0)  # constant series: still a usable axis
    assert ticks[0] < 5.0 < ticks[-1]
