"""sozialmonitor:join_table states its expectation (issue 13, item 3), through processing.run.

Real tables with damaged keys (tests/fixtures/joins/make_joins.py) on the Berlin Planungsräume 2019
(resources/sample/berlin_lor_2019.gpkg) and the Kreise of Niedersachsen (tests/fixtures/kreise_trend).
"""
import sys
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ALG = "sozialmonitor:join_table"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "joins"))
import make_joins  # noqa: E402

PLR = f"{make_joins.DISTRICTS_2019}|layername=planungsraeume"
KREISE = f"{make_joins.KREISE}|layername=kreise"


class _Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.errors = [], []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.errors.append(error)


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    def _run(params, feedback=None):
        return processing.run(ALG, params, feedback=feedback or _Feedback())

    return _run


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return make_joins.write_all(tmp_path_factory.mktemp("joins_alg"))


def _plr(table, **extra):
    return dict({"INPUT": PLR, "INPUT_KEY": "id", "TABLE": table, "TABLE_KEY": "PLR_ID"}, **extra)


def _fails(run, params):
    feedback = _Feedback()
    with pytest.raises(QgsProcessingException) as info:
        run(params, feedback)
    message = str(info.value)
    assert "Traceback" not in message and all(len(line) <= 300 for line in message.splitlines()), message
    return message, feedback


def _frame(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer_to_dataframe(layer)


def test_2021_table_on_2019_districts_fails_and_writes_the_report(run, cases, tmp_path):
    out, report = tmp_path / "never.gpkg", tmp_path / "report.csv"
    message, feedback = _fails(run, _plr(cases["mss2021_on_2019.csv"], INPUT_NAME="name", TABLE_NAME="PLR_NAME",
                                         OUTPUT=str(out), REPORT=str(report)))
    assert "0 of 448 districts (0 %) and 0 of 542 table rows (0 %) matched" in message
    assert "keys look like a different district vintage" in message and "343 names occur in both" in message
    assert f"Join report: {report}" in message
    assert not out.exists()
    rows = pd.read_csv(report, sep=";", dtype=str, encoding="utf-8-sig")
    assert (rows["section"] == "district_without_data").sum() == 448
    assert (rows["section"] == "table_row_without_district").sum() == 542
    assert rows.loc[rows["section"] == "hint", "detail"].str.contains("different district vintage").any()
    assert any("Districts without data (448)" in e for e in feedback.errors)  # the report text in the log
    # no key at all matched: lowering the minimum does not help
    message, _fb = _fails(run, _plr(cases["mss2021_on_2019.csv"], MIN_MATCH_PERCENT=0, OUTPUT="memory:"))
    assert "refused whatever the minimum" in message


def test_45_of_448_fails_by_default_and_passes_when_lowered(run, cases, tmp_path):
    message, _fb = _fails(run, _plr(cases["mss2019_first45.csv"], OUTPUT=str(tmp_path / "never.gpkg")))
    assert "45 of 448 districts (10 %) and 45 of 45 table rows (100 %) matched" in message
    assert "lower the minimum match (MIN_MATCH_PERCENT) to 10 %" in message
    assert not (tmp_path / "never.gpkg").exists()
    out = tmp_path / "part.gpkg"
    result = run(_plr(cases["mss2019_first45.csv"], MIN_MATCH_PERCENT=10, OUTPUT=str(out)))
    assert (result["MATCHED"], result["UNMATCHED_DISTRICTS"]) == (45, 403)
    frame = _frame(out)
    assert len(frame) == 448 and frame["S1"].notna().sum() == 45
    report = pd.read_csv(result["REPORT"], sep=";", dtype=str, encoding="utf-8-sig")
    assert (report["section"] == "district_without_data").sum() == 403


@pytest.mark.parametrize("name,cause", [
    ("mss2019_lost_zeros.csv", "lost their leading zeros (e.g. '1011101' for '01011101')"),
    ("mss2019_float_keys.csv", "keys are decimal numbers (e.g. '1011101.0', layer '01011101')"),
    ("mss2019_scientific.csv", "keys are in scientific notation (e.g. '1.011101E+6', layer '01011101')"),
])
def test_damaged_keys_name_pad_zeros_with_its_rate_and_it_works(run, cases, tmp_path, name, cause):
    message, _fb = _fails(run, _plr(cases[name], OUTPUT="memory:"))
    assert cause in message
    assert "With the key rule 'pad_zeros' 447 of 448 districts (99.7 %) would match." in message
    out = tmp_path / "fixed.gpkg"
    result = run(_plr(cases[name], KEY_RULE=1, OUTPUT=str(out)))
    assert result["MATCHED"] == 447
    frame = _frame(out)
    assert frame.loc[frame["id"] == "01011101", "S1"].iloc[0] == pytest.approx(2.7978)


def test_berlin_demo_passes_with_the_default(run, cases):
    result = run(_plr(cases["mss2019_plr.csv"], OUTPUT="memory:"))
    assert (result["MATCHED"], result["UNMATCHED_ROWS"]) == (447, 1)


@pytest.mark.parametrize("duplicates", [0, 1, 2, 3])  # error, sum, mean, first
def test_long_table_as_wide_is_refused_never_summed(run, cases, tmp_path, duplicates):
    out = tmp_path / "never.gpkg"
    message, _fb = _fails(run, {"INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": cases["long.csv"],
                                "TABLE_KEY": "kreis_id", "DUPLICATES": duplicates, "OUTPUT": str(out)})
    assert "is in long format" in message and "would add up years and indicators" in message
    assert "FORMAT=long, LONG_INDICATOR=indicator, LONG_VALUE=value, LONG_YEAR=year" in message
    assert not out.exists()


def test_long_table_pivoted_with_detected_columns(run, cases, tmp_path):
    out = tmp_path / "wide.gpkg"
    feedback = _Feedback()
    result = run({"INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": cases["long.csv"], "TABLE_KEY": "kreis_id",
                  "FORMAT": 1, "OUTPUT": str(out)}, feedback)
    assert result["MATCHED"] == 45
    assert any("columns found: indicator 'indicator', value 'value', year 'year'" in i for i in feedback.infos)
    frame = _frame(out)
    assert "schuldnerquote_pct_2021" in frame.columns and "year" not in frame.columns
    long = pd.read_csv(cases["long.csv"], dtype={"kreis_id": str})
    expected = long[(long["indicator"] == "schuldnerquote_pct") & (long["year"] == 2021)].set_index("kreis_id")
    got = frame.set_index("ARS")["schuldnerquote_pct_2021"]
    assert got.loc["03101"] == pytest.approx(expected.loc["03101", "value"])


def test_pivot_that_would_sum_years_is_refused(run, cases):
    message, _fb = _fails(run, {"INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": cases["long_one_indicator.csv"],
                                "TABLE_KEY": "kreis_id", "FORMAT": 1, "LONG_INDICATOR": "indicator",
                                "LONG_VALUE": "value", "DUPLICATES": 1, "OUTPUT": "memory:"})
    assert "differ in 'year' (2015–2021); a sum or mean would add up the years" in message


def test_rows_by_year_pivoted_with_detected_value_columns(run, cases, tmp_path):
    message, _fb = _fails(run, {"INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": cases["by_year.csv"],
                                "TABLE_KEY": "kreis_id", "DUPLICATES": 1, "OUTPUT": "memory:"})
    assert "LONG_VALUE=schuldnerquote_pct;beschaeftigtenquote_pct, LONG_YEAR=year" in message
    out = tmp_path / "by_year.gpkg"
    result = run({"INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": cases["by_year.csv"], "TABLE_KEY": "kreis_id",
                  "FORMAT": 1, "OUTPUT": str(out)})
    assert result["MATCHED"] == 45
    frame = _frame(out)
    assert [c for c in frame.columns if c.endswith("_2021")] == ["schuldnerquote_pct_2021",
                                                                  "beschaeftigtenquote_pct_2021"]
