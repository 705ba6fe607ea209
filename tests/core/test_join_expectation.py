"""A join states its expectation (issue 13, item 3): too few matches fail with the likely cause and the fix.

The cases are real tables with damaged keys (tests/fixtures/joins/make_joins.py): the MSS 2021 table on the
2019 Planungsräume, a part of the city, lost leading zeros, decimal and scientific keys, long format.
"""
import math
import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import JoinError, TableError
from sozialmonitor.plugin.core.join import keys as keymod
from sozialmonitor.plugin.core.join.expectation import JoinExpectationError, _pct
from sozialmonitor.plugin.core.join.match import join_table
from sozialmonitor.plugin.core.tables import read_table
from sozialmonitor.plugin.core.tables.long_detect import detect_long_format
from sozialmonitor.plugin.core.tables.longwide import long_to_wide

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "joins"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "tables"))
import make_joins  # noqa: E402
import make_nasty  # noqa: E402


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return make_joins.write_all(tmp_path_factory.mktemp("joins"))


@pytest.fixture(scope="module")
def plr():
    with sqlite3.connect(str(make_joins.DISTRICTS_2019)) as con:
        rows = con.execute("SELECT fid, id, name FROM planungsraeume ORDER BY fid").fetchall()
    return pd.DataFrame([r[1:] for r in rows], columns=["id", "name"], index=pd.Index([r[0] for r in rows]))


@pytest.fixture(scope="module")
def kreise():
    with sqlite3.connect(str(make_joins.KREISE)) as con:
        rows = con.execute("SELECT fid, ARS FROM kreise ORDER BY fid").fetchall()
    return pd.DataFrame([r[1:] for r in rows], columns=["ARS"], index=pd.Index([r[0] for r in rows]))


def _join(plr, path, rule="exact", minimum=90, **kwargs):
    return join_table(plr, "id", read_table(path, key_columns=["PLR_ID"]), "PLR_ID", key_rule=rule,
                      min_match_percent=minimum, **kwargs)


def _lines_short(message):
    return all(len(line) <= 300 for line in message.splitlines())


def test_berlin_demo_447_of_448_passes(plr, cases):
    rep = _join(plr, cases["mss2019_plr.csv"]).report
    assert (rep.n_matched_districts, rep.n_matched_rows) == (447, 446)


def test_2021_table_on_2019_districts_is_another_vintage(plr, cases):
    with pytest.raises(JoinExpectationError) as info:
        _join(plr, cases["mss2021_on_2019.csv"], district_name="name", table_name="PLR_NAME")
    msg = info.value.message
    assert msg.startswith("mss2021_index_indicators_raw.csv: 0 of 448 districts (0 %) and 0 of 542 table rows (0 %) "
                          "matched; the join expects at least 90 % of both.")
    assert "keys look like a different district vintage" in msg and "table '01100101', layer '01011101'" in msg
    assert "343 names occur in both" in msg  # the same places under new keys
    assert "refused whatever the minimum" in msg and _lines_short(msg)
    rep = info.value.report  # the complete report travels with the error, for the report file
    assert rep.n_districts_without_data == 448 and len(rep.table_rows_without_district) == 542
    assert "Districts without data (448):\n  01011101 Stülerstraße" in info.value.details
    with pytest.raises(JoinExpectationError, match="0 of 448 districts"):  # 0 matches: whatever the minimum
        _join(plr, cases["mss2021_on_2019.csv"], minimum=0)


def test_45_of_448_fails_until_the_minimum_is_lowered(plr, cases):
    with pytest.raises(JoinExpectationError) as info:
        _join(plr, cases["mss2019_first45.csv"])
    msg = info.value.message
    assert "45 of 448 districts (10 %) and 45 of 45 table rows (100 %)" in msg
    assert "covers a part of the area only" in msg
    assert "lower the minimum match (MIN_MATCH_PERCENT) to 10 %" in msg
    with pytest.raises(JoinExpectationError):
        _join(plr, cases["mss2019_first45.csv"], minimum=10.1)  # 45/448 = 10.04 %
    rep = _join(plr, cases["mss2019_first45.csv"], minimum=10).report
    assert rep.n_matched_districts == 45 and rep.n_districts_without_data == 403


def test_city_table_on_a_few_districts_names_the_larger_area(plr, cases):
    part = plr[plr["id"].str.startswith("0101")]
    with pytest.raises(JoinExpectationError) as info:
        join_table(part, "id", read_table(cases["mss2019_plr.csv"], key_columns=["PLR_ID"]), "PLR_ID",
                   min_match_percent=90)
    assert "the table covers a larger area than the layer" in info.value.message


def test_lost_leading_zeros_proposes_pad_zeros_with_its_rate(plr, cases):
    with pytest.raises(JoinExpectationError) as info:
        _join(plr, cases["mss2019_lost_zeros.csv"])
    msg = info.value.message
    assert "95 of 448 districts (21.2 %)" in msg
    assert "lost their leading zeros (e.g. '1011101' for '01011101')" in msg
    assert "With the key rule 'pad_zeros' 447 of 448 districts (99.7 %) would match." in msg
    assert "to 21.2 %" in msg and _lines_short(msg)
    assert _join(plr, cases["mss2019_lost_zeros.csv"], "pad_zeros").report.n_matched_districts == 447


def test_float_keys_propose_pad_zeros(plr, cases):
    with pytest.raises(JoinExpectationError) as info:
        _join(plr, cases["mss2019_float_keys.csv"])
    assert "keys are decimal numbers (e.g. '1011101.0', layer '01011101')" in info.value.message
    assert "'pad_zeros' 447 of 448 districts (99.7 %)" in info.value.message
    result = _join(plr, cases["mss2019_float_keys.csv"], "pad_zeros")
    assert result.frame.loc[result.frame["id"] == "01011101", "S1"].iloc[0] == pytest.approx(2.7978)


@pytest.mark.parametrize("name", ["mss2019_scientific.csv", "mss2019_scientific_de.csv"])
def test_scientific_keys_are_matched_by_pad_zeros(plr, cases, name):
    with pytest.raises(JoinExpectationError) as info:
        _join(plr, cases[name])
    assert "keys are in scientific notation (e.g. '1" in info.value.message
    assert "'pad_zeros' 447 of 448 districts (99.7 %) would match" in info.value.message
    result = _join(plr, cases[name], "pad_zeros")
    assert result.report.n_matched_districts == 447
    frame = result.frame.set_index("id")
    assert frame.loc["01011101", "S1"] == pytest.approx(2.7978)
    assert frame.loc["03020210", "EW"] > 0  # 3.02021E+6: Excel dropped the trailing zero, still exact


def test_rounded_scientific_keys_are_never_guessed(plr, cases):
    for rule in ("error", "sum", "first"):
        with pytest.raises(JoinError, match=r"51 keys are in scientific notation without all digits \(e\.g\. "
                                            r"'1\.01E\+06'\).*Excel rounded them"):
            _join(plr, cases["mss2019_scientific_rounded.csv"], "pad_zeros", duplicates=rule)


def test_scientific_key_rule_details():
    texts = pd.Series(["1.011101E+6", "3.02021E+6", "1,2214528E+07", "1.01E+06", "1.5E+0", "12.5"])
    assert keymod.normalise(texts, "pad_zeros", 8).tolist() == ["01011101", "03020210", "12214528", "01010000",
                                                               "1.5E+0", "12.5"]
    # without a key that shows every digit, a short mantissa is rounding: nothing is guessed
    rounded = pd.Series(["1.01E+06", "3.02E+06"])
    assert keymod.normalise(rounded, "pad_zeros", 8).tolist() == ["1.01E+06", "3.02E+06"]
    assert keymod.digit_width(pd.Series(["1.2214528E+7"])) == 8


@pytest.mark.parametrize("rule", ["error", "sum", "mean", "first"])
def test_long_table_joined_as_wide_is_refused_for_every_rule(kreise, cases, rule):
    table = read_table(cases["long.csv"], key_columns=["kreis_id"])
    with pytest.raises(JoinError) as info:
        join_table(kreise, "ARS", table, "kreis_id", duplicates=rule)
    msg = info.value.message
    assert "is in long format: each key occurs in about 42 rows, one per 'indicator' (6 values" in msg
    assert "'year' (2015–2021)" in msg and "would add up years and indicators" in msg
    assert "FORMAT=long, LONG_INDICATOR=indicator, LONG_VALUE=value, LONG_YEAR=year" in msg
    assert _lines_short(msg) and len(msg) < 700  # was one line of 4,911 characters


def test_long_layout_is_detected_and_true_duplicates_are_not(cases, nasty):
    table = read_table(cases["long.csv"], key_columns=["kreis_id"])
    layout = detect_long_format(table.frame, "kreis_id")
    assert (layout.indicator, layout.year, layout.value) == ("indicator", "year", "value")
    assert layout.years == tuple(str(y) for y in range(2015, 2022)) and len(layout.indicators) == 6
    dup = read_table(nasty["duplicates.csv"], key_columns=["PLR"])
    assert detect_long_format(dup.frame, "PLR") is None  # a real duplicate: an aggregation may resolve it


def test_pivot_with_a_forgotten_year_column_is_refused(cases):
    table = read_table(cases["long_one_indicator.csv"], key_columns=["kreis_id"])
    with pytest.raises(TableError, match=r"differ in 'year' \(2015–2021\); a sum or mean would add up the years\. "
                                         r"Give 'year' as the year column \(LONG_YEAR\)"):
        long_to_wide(table, "kreis_id", "indicator", "value", duplicates="sum")
    wide = long_to_wide(table, "kreis_id", "indicator", "value", "year")
    assert wide.frame.shape == (45, 8) and wide.frame.columns[-1] == "schuldnerquote_pct_2021"
    # no indicator column: one indicator by year, named after the value column
    years_only = long_to_wide(table, "kreis_id", None, "value", "year")
    assert list(years_only.frame.columns[1:3]) == ["value_2015", "value_2016"]
    assert years_only.frame["value_2021"].tolist() == wide.frame["schuldnerquote_pct_2021"].tolist()


def test_long_duplicates_message_is_short(cases):
    table = read_table(cases["long.csv"], key_columns=["kreis_id"])
    frame = pd.concat([table.frame, table.frame.head(400)], ignore_index=True)
    with pytest.raises(TableError) as info:
        long_to_wide(frame, "kreis_id", "indicator", "value", "year")
    assert "area/indicator/year combinations occur in several rows" in info.value.message
    msg = info.value.message
    assert len(msg) <= 300 and msg.endswith("; …. Remove them or choose an aggregation (sum, mean or first).")
    assert msg.count("(rows") < 5 and "03101 arbeitslose_anzahl_2015 (rows 2, 1892)" in msg
    assert info.value.details.count("(rows") == 20


def test_strict_failure_also_names_the_cause(plr, cases):
    with pytest.raises(JoinError) as info:
        _join(plr, cases["mss2019_lost_zeros.csv"], strict=True)
    assert info.value.message.startswith("Strict join failed")
    assert "'pad_zeros' 447 of 448 districts (99.7 %) would match" in info.value.message


def test_no_expectation_without_a_minimum(plr, cases):
    rep = _join(plr, cases["mss2021_on_2019.csv"], minimum=None).report  # the core default: callers decide
    assert rep.n_matched_districts == 0


@pytest.mark.parametrize("value,text", [(447 / 448 * 100, "99.7"), (45 / 448 * 100, "10"), (0, "0"),
                                        (100, "100"), (1 / 2000 * 100, "0.05"), (21.25, "21.2")])
def test_percent_is_rounded_down(value, text):
    assert _pct(value) == text
    assert math.isclose(float(text), value) or float(text) < value


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    return make_nasty.write_all(tmp_path_factory.mktemp("nasty_expect"))


def test_pivot_may_sum_a_further_text_dimension():
    """Rows by sex (m/w) under one area and indicator: a sum is what the user asked for, not years added up."""
    frame = pd.DataFrame({"k": ["01", "01", "02", "02"], "sex": ["m", "w", "m", "w"], "i": ["ALO"] * 4,
                          "v": [3.0, 4.0, 5.0, 6.0]})
    wide = long_to_wide(frame, "k", "i", "v", duplicates="sum")
    assert wide.frame["ALO"].tolist() == [7.0, 11.0]


def test_layer_that_lost_its_zeros_is_named_as_such(plr, cases):
    numeric = plr.assign(id=plr["id"].astype(int))  # a key field stored as integer: 1011101
    with pytest.raises(JoinExpectationError) as info:
        _join(numeric, cases["mss2019_plr.csv"])
    assert "The layer's keys lost their leading zeros (e.g. '1011101' for '01011101'" in info.value.message
    assert "'pad_zeros' 447 of 448 districts (99.7 %) would match" in info.value.message
    assert _join(numeric, cases["mss2019_plr.csv"], "pad_zeros").report.n_matched_districts == 447


def test_name_keys_in_another_spelling_propose_normalise_text():
    districts = pd.DataFrame({"bezirk": ["Mitte", "Friedrichshain-Kreuzberg", "Pankow", "Charlottenburg-Wilmersdorf",
                                         "Spandau", "Steglitz-Zehlendorf", "Tempelhof-Schöneberg", "Neukölln",
                                         "Treptow-Köpenick", "Marzahn-Hellersdorf", "Lichtenberg", "Reinickendorf"]})
    table = pd.DataFrame({"Bezirk": [n.upper() + " " for n in districts["bezirk"]], "v": range(12)})
    table.loc[0, "Bezirk"] = "Mitte"
    with pytest.raises(JoinExpectationError) as info:
        join_table(districts, "bezirk", table, "Bezirk", min_match_percent=90)
    msg = info.value.message
    assert "1 of 12 districts (8.3 %)" in msg and "differ in case or spacing" in msg
    assert "With the key rule 'normalise_text' 12 of 12 districts (100 %) would match." in msg


def test_one_row_per_area_and_year_is_detected_and_pivoted(kreise, cases):
    table = read_table(cases["by_year.csv"], key_columns=["kreis_id"])
    with pytest.raises(JoinError, match=r"(?s)one per 'year' \(2015–2021\).*FORMAT=long, LONG_VALUE=schuldnerquote_pct;"
                                        r"beschaeftigtenquote_pct, LONG_YEAR=year"):
        join_table(kreise, "ARS", table, "kreis_id", duplicates="mean")
    wide = long_to_wide(table, "kreis_id", None, ["schuldnerquote_pct", "beschaeftigtenquote_pct"], "year",
                        keep_columns=["kreis_name"])
    assert list(wide.frame.columns[:4]) == ["kreis_id", "kreis_name", "schuldnerquote_pct_2015",
                                            "schuldnerquote_pct_2016"]
    assert wide.frame.shape == (45, 16) and wide.frame.columns[-1] == "beschaeftigtenquote_pct_2021"
    long = read_table(cases["long.csv"], key_columns=["kreis_id"]).frame
    expected = long[(long["indicator"] == "beschaeftigtenquote_pct") & (long["year"] == 2017)].set_index("kreis_id")
    got = wide.frame.set_index("kreis_id")["beschaeftigtenquote_pct_2017"]
    assert got.loc["03101"] == expected.loc["03101", "value"] and got.notna().all()
    assert join_table(kreise, "ARS", wide.frame, "kreis_id", min_match_percent=90).report.n_matched_districts == 45
