"""The honest join and its report (issue 4, points 3 and 5)."""
import math
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import JoinError
from sozialmonitor.plugin.core.join.match import join_table
from sozialmonitor.plugin.core.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "tables"))
import make_nasty  # noqa: E402


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    return make_nasty.write_all(tmp_path_factory.mktemp("nasty_join"))


@pytest.fixture
def districts():
    frame = pd.DataFrame(make_nasty.DISTRICTS, columns=["key", "name"])
    frame.index = pd.Index([10, 11, 12, 13, 14, 15], name="fid")  # feature ids, not positions
    return frame


@pytest.fixture(scope="module")
def berlin_plr():
    """The 448 PLR features of the sample GeoPackage (id, name) in feature order."""
    # read-only and closed (`with connect()` alone commits but never closes; Python 3.13 warns)
    with closing(sqlite3.connect("file:{}?mode=ro".format((SAMPLE / "berlin_lor_2019.gpkg").as_posix()),
                                 uri=True)) as con:
        rows = con.execute("SELECT fid, id, name FROM planungsraeume ORDER BY fid").fetchall()
    return pd.DataFrame([r[1:] for r in rows], columns=["id", "name"], index=pd.Index([r[0] for r in rows]))


def test_berlin_mss2019_real_join_report(berlin_plr):
    table = read_table(SAMPLE / "mss2019_index_indicators_shares_plr.csv", key_columns=["PLR_ID"])
    result = join_table(berlin_plr, "id", table, "PLR_ID", district_name="name", table_name="PLR_NAME",
                        missing_codes=(0,))
    rep = result.report
    assert (rep.n_districts, rep.n_table_rows) == (448, 447)
    assert rep.n_matched_districts == 447  # both 06010102 features get the Steglitz row
    assert rep.n_matched_rows == 446
    assert rep.districts_without_data == [{"key": "09041403", "name": "Allende II"}]
    assert [(d["key"], d["name"]) for d in rep.table_rows_without_district] == [("04030417", "Schloßstraße")]
    assert [(d["key"], d["count"]) for d in rep.district_duplicates] == [("06010102", 2)]
    assert rep.name_mismatches == [{"key": "09041402", "district_name": "Siedlung Kämmereiheide",
                                    "table_name": "Allende II"}]
    # 0-coded excluded areas are counted, not changed
    assert rep.missing_codes["S1"] == {0.0: 11}
    assert sorted(rep.missing_code_keys[0.0]) == sorted([
        "01011102", "01022103", "03010104", "04020204", "04020314", "04041133", "04041239", "04061757",
        "09010102", "12214528", "10010203"])
    frame = result.frame
    assert len(frame) == 448 and frame.index.equals(berlin_plr.index)
    assert (frame.loc[frame["id"] == "01011102", "S1"] == 0).all()  # value unchanged
    assert frame.loc[frame["id"] == "01011101", "S1"].iloc[0] == pytest.approx(2.7978)
    dup = frame[frame["id"] == "06010102"]
    assert len(dup) == 2 and dup["S1"].nunique() == 1
    assert math.isnan(frame.loc[frame["id"] == "09041403", "S1"].iloc[0])
    text = rep.to_text()
    for expected in ("447 of 448 districts matched", "09041403 Allende II", "row 125: 04030417 Schloßstraße",
                     "06010102: 2 features", "09041402: layer 'Siedlung Kämmereiheide', table 'Allende II'",
                     "Missing-value codes, left unchanged: the index recipe decides (6):\n  column 'S1': 11 × 0"):
        assert expected in text


def test_strict_mode_turns_unmatched_into_error(berlin_plr):
    table = read_table(SAMPLE / "mss2019_index_indicators_shares_plr.csv", key_columns=["PLR_ID"])
    with pytest.raises(JoinError, match="Strict join failed.*447 of 448 districts matched") as info:
        join_table(berlin_plr, "id", table, "PLR_ID", strict=True)
    assert "04030417" in info.value.details


def test_lost_zeros_match_only_with_pad_rule(nasty, districts):
    table = read_table(nasty["lost_zeros.csv"], key_columns=["PLR"])
    exact = join_table(districts, "key", table, "PLR")
    assert exact.report.n_matched_districts == 1  # only ' 01011103 ' (whitespace is always ignored)
    assert any("'pad_zeros' 6 table rows would match" in h for h in exact.report.hints)
    padded = join_table(districts, "key", table, "PLR", key_rule="pad_zeros", strict=True)
    assert padded.report.n_matched_districts == 6
    assert padded.frame["Wert"].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert "restoring leading zeros to 8 digits" in padded.report.key_rule_text
    assert padded.report.n_keys_changed == 5
    assert ("table", "1011102.0", "01011102") in padded.report.keys_changed


def test_numeric_district_key_field_is_reported(districts):
    numeric = districts.assign(key=districts["key"].astype(int))
    table = pd.DataFrame({"PLR": [k for k, _n in make_nasty.DISTRICTS], "v": np.arange(6.0)})
    result = join_table(numeric, "key", table, "PLR", key_rule="pad_zeros")
    assert result.report.n_matched_districts == 6
    assert any("district key field 'key' is numeric" in c for c in result.report.conversions)


def test_duplicates_error_lists_keys_and_rows(nasty, districts):
    table = read_table(nasty["duplicates.csv"], key_columns=["PLR"])
    expected = r"2 keys occur in several rows: 01011101 \(rows 2, 3\); 02020202 \(rows 5, 6\)"
    with pytest.raises(JoinError, match=expected):
        join_table(districts, "key", table, "PLR")


# 02020202 has the rows 5 and an empty cell: its sum or mean is unknown (NaN), its first row is 5
@pytest.mark.parametrize("rule,first,last", [("sum", 4.0, math.nan), ("mean", 2.0, math.nan), ("first", 1.0, 5.0)])
def test_duplicates_explicit_aggregation(nasty, districts, rule, first, last):
    table = read_table(nasty["duplicates.csv"], key_columns=["PLR"])
    result = join_table(districts, "key", table, "PLR", duplicates=rule)
    assert result.frame["Wert"].iloc[0] == first
    assert result.frame["Wert"].iloc[-1] == last or (math.isnan(last) and math.isnan(result.frame["Wert"].iloc[-1]))
    assert result.frame["Name_table"].iloc[0] == "a"  # "Name" collides with the field "name"
    assert [d["key"] for d in result.report.table_duplicates] == ["01011101", "02020202"]
    assert "Duplicate keys in the table (2)" in result.report.to_text()


@pytest.mark.parametrize("rule", ["sum", "mean"])
def test_aggregate_with_a_suppressed_part_is_missing(tmp_path, districts, rule):
    path = tmp_path / "dup_suppressed.csv"
    path.write_text("PLR;Wert;Zahl\n01011101;.;1\n01011101;10;2\n01011102;3;4\n01011102;5;6\n", encoding="utf-8")
    result = join_table(districts, "key", read_table(path, key_columns=["PLR"]), "PLR", duplicates=rule)
    frame = result.frame.set_index(districts["key"])
    assert math.isnan(frame.loc["01011101", "Wert"])  # '.' + 10 is unknown, not 10
    assert frame.loc["01011101", "Zahl"] == (3.0 if rule == "sum" else 1.5)
    assert frame.loc["01011102", "Wert"] == (8.0 if rule == "sum" else 4.0)
    assert any("column 'Wert': 1 duplicate keys left missing because one of their rows has no value" in c
               and "01011101" in c for c in result.report.conversions)


def test_duplicates_error_details_list_every_duplicate(nasty, districts):
    table = read_table(nasty["duplicates.csv"], key_columns=["PLR"])
    with pytest.raises(JoinError) as info:
        join_table(districts, "key", table, "PLR")
    assert info.value.details == "01011101 (rows 2, 3); 02020202 (rows 5, 6)"


def test_unmatched_rows_rows_without_key_and_order(nasty, districts):
    table = read_table(nasty["unmatched.csv"], key_columns=["PLR"])
    shuffled = districts.iloc[::-1]
    result = join_table(shuffled, "key", table, "PLR")
    assert result.frame.index.tolist() == shuffled.index.tolist()
    rep = result.report
    assert rep.n_matched_districts == 2
    assert [d["key"] for d in rep.districts_without_data] == ["02020202", "02020201", "01011104", "01011103"]
    assert rep.table_rows_without_district == [{"row": 4, "key": "99999999", "name": ""}]
    assert rep.table_rows_without_key == [{"row": 5, "name": ""}]
    assert not rep.is_clean()


def test_suppressed_values_reach_the_join_report(nasty, districts):
    table = read_table(nasty["german_utf8_bom.csv"], key_columns=["Schlüssel"])
    result = join_table(districts, "key", table, "Schlüssel", district_name="name", table_name="Planungsraum")
    rep = result.report
    assert rep.n_matched_districts == 6 and rep.is_clean()
    assert rep.suppressed["Anteil in %"] == {"-": 1, "…": 1, "empty": 1}
    assert rep.flagged_numbers["SGB II-Quote"] == {"p": 1, "r": 1}
    assert any("thousands separators removed" in c for c in rep.conversions)
    assert rep.name_mismatches == []
    # flags travel with the joined rows
    assert result.flags.loc[11, "Arbeitslose"] == "."


def test_column_name_collision_is_renamed(districts):
    table = pd.DataFrame({"PLR": [k for k, _n in make_nasty.DISTRICTS], "name": list("abcdef"), "v": np.arange(6.0)})
    result = join_table(districts, "key", table, "PLR")
    assert list(result.frame.columns) == ["key", "name", "name_table", "v"]
    assert ("name_table", "name") in result.report.columns_added


def test_report_table_and_csv(tmp_path, nasty, districts):
    table = read_table(nasty["unmatched.csv"], key_columns=["PLR"])
    rep = join_table(districts, "key", table, "PLR").report
    frame = rep.to_dataframe()
    assert list(frame.columns) == ["section", "key", "name", "row", "column", "count", "detail"]
    summary = frame[frame["section"] == "summary"].set_index("detail")["count"]
    assert summary["matched_districts"] == 2 and summary["districts_without_data"] == 4
    assert (frame["section"] == "district_without_data").sum() == 4
    path = rep.to_csv(tmp_path / "report.csv")
    back = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig")
    assert back[back["section"] == "table_row_without_district"]["key"].tolist() == ["99999999"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]  # no temp file left


def test_missing_key_column_is_an_error(districts):
    with pytest.raises(JoinError, match="Column 'AGS' not found in district layer"):
        join_table(districts, "AGS", pd.DataFrame({"PLR": ["1"]}), "PLR")


def test_every_section_of_the_report_has_one_definition():
    """The CSV, the log and the panel show the same sections: every section to_dataframe writes is in SECTIONS
    (title and finding text), and a report with one finding of each kind shows all of them."""
    import ast
    import inspect

    from sozialmonitor.plugin.core.join import report as report_module

    source = inspect.getsource(report_module.JoinReport.to_dataframe)
    written = {node.args[0].value for node in ast.walk(ast.parse(source.strip().replace("\n    ", "\n")))
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "add" and node.args}
    defined = [section for section, _title, _text in report_module.SECTIONS]
    assert written - {"summary"} == set(defined) and len(defined) == len(set(defined)) == 17
    rep = report_module.JoinReport(
        table="t.csv", districts_without_data=[{"key": "1", "name": "A"}], districts_without_key=[{"row": 2}],
        table_rows_without_district=[{"row": 3, "key": "9"}], table_rows_without_key=[{"row": 4}],
        district_duplicates=[{"key": "5", "count": 2, "names": ["B", "B"]}],
        table_duplicates=[{"key": "6", "rows": [5, 6], "action": "sum"}],
        name_mismatches=[{"key": "7", "district_name": "C", "table_name": "D"}], suppressed={"x": {".": 1}},
        invalid_values={"x": [(7, "abc")]}, flagged_numbers={"x": {"p": 1}}, missing_codes={"x": {0.0: 2}},
        missing_code_keys={0.0: ["8"]}, keys_changed=[("table", "1.0", "1")], n_keys_changed=1,
        conversions=["c"], read_lines=["r"], columns_added=[("x", "X")], hints=["h"])
    shown = report_module.findings(rep.to_dataframe())
    assert [s for s, _t, _n, _texts in shown] == defined
    assert all(n == 1 and len(texts) == 1 and texts[0] for _s, _t, n, texts in shown)
