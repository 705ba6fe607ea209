"""sozialmonitor:join_table through processing.run (issue 4, points 5-8)."""
import math
import os
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ALG = "sozialmonitor:join_table"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "tables"))
import make_nasty  # noqa: E402


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
def nasty(tmp_path_factory):
    return make_nasty.write_all(tmp_path_factory.mktemp("nasty_alg"))


def _districts():
    layer = QgsVectorLayer("Point?crs=EPSG:25833", "districts", "memory")
    layer.dataProvider().addAttributes([QgsField("key", FieldType.String), QgsField("name", FieldType.String),
                                        QgsField("Arbeitslose", FieldType.Double)])
    layer.updateFields()
    feats = []
    for i, (key, name) in enumerate(make_nasty.DISTRICTS):
        feat = QgsFeature(layer.fields())
        feat.setAttributes([key, name, -1.0])
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(390000 + i, 5810000)))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    return layer


def _frame(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer, layer_to_dataframe(layer)


def test_berlin_sample_join_and_report_next_to_output(run, tmp_path):
    gpkg = SAMPLE / "berlin_lor_2019.gpkg"
    before = os.path.getmtime(gpkg)
    out_path = tmp_path / "plr_mss2019.gpkg"
    feedback = _Feedback()
    result = run({
        "INPUT": f"{gpkg}|layername=planungsraeume", "INPUT_KEY": "id", "INPUT_NAME": "name",
        "TABLE": str(SAMPLE / "mss2019_index_indicators_shares_plr.csv"), "TABLE_KEY": "PLR_ID",
        "TABLE_NAME": "PLR_NAME", "MISSING_CODES": "0", "OUTPUT": str(out_path)}, feedback)
    assert (result["MATCHED"], result["UNMATCHED_DISTRICTS"], result["UNMATCHED_ROWS"]) == (447, 1, 1)
    layer, frame = _frame(result["OUTPUT"])
    assert layer.featureCount() == 448 and layer.isSpatial()
    assert [f.name() for f in layer.fields()] == ["fid", "id", "name", "PLR_NAME", "EW", "S1", "S3", "S4", "D1",
                                                  "D3", "D4"]
    assert frame.loc[frame["id"] == "01011101", "S1"].iloc[0] == pytest.approx(2.7978)
    assert (frame["id"] == "06010102").sum() == 2
    assert frame.loc[frame["id"] == "09041403", "S1"].isna().all()
    assert frame.loc[frame["id"] == "01011102", "S1"].iloc[0] == 0  # the recipe decides what 0 means
    report = tmp_path / "plr_mss2019_join_report.csv"
    assert result["REPORT"] == str(report) and report.exists()
    text = report.read_text(encoding="utf-8-sig")
    for expected in ("district_without_data;09041403", "table_row_without_district;04030417",
                     "duplicate_district_key;06010102", "name_mismatch;09041402"):
        assert expected in text
    log = "\n".join(feedback.infos)
    assert "447 of 448 districts matched" in log and "Siedlung Kämmereiheide" in log
    assert os.path.getmtime(gpkg) == before


def test_nasty_csv_field_names_aliases_and_flags(run, nasty, tmp_path):
    out_path = tmp_path / "out.gpkg"
    result = run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty["german_cp1252.csv"],
                  "TABLE_KEY": "Schlüssel", "ADD_FLAGS": True, "OUTPUT": str(out_path),
                  "REPORT": str(tmp_path / "r.csv")})
    layer, frame = _frame(result["OUTPUT"])
    names = [f.name() for f in layer.fields()]
    # 'Arbeitslose' exists in the layer: the table column is renamed, the source field kept unchanged
    assert names == ["fid", "key", "name", "Arbeitslose", "Planungsraum", "Arbeitslose_table", "Anteil_in_pct",
                     "SGB_II_Quote", "Arbeitslose_table_flag", "Anteil_in_pct_flag", "SGB_II_Quote_flag"]
    assert frame["Arbeitslose"].tolist() == [-1.0] * 6
    assert frame["Arbeitslose_table"].tolist()[0] == 1234.0
    assert frame["Anteil_in_pct"].isna().tolist() == [False, True, False, True, True, False]
    assert frame["Arbeitslose_table_flag"].tolist()[:2] == [None, "."]
    assert frame["SGB_II_Quote_flag"].tolist()[2] == "p"
    assert result["MATCHED"] == 6 and result["REPORT"] == str(tmp_path / "r.csv")


@pytest.mark.parametrize("name,message", [
    ("binary.csv", "contains binary data"),
    ("header_only.csv", "has a header but no data rows"),
    ("empty.csv", "is empty"),
    ("duplicates.csv", "keys occur in several rows: 01011101 (rows 2, 3)"),
])
def test_bad_file_message_and_no_output(run, nasty, tmp_path, name, message):
    out_path = tmp_path / "never.gpkg"
    feedback = _Feedback()
    key = "PLR"
    with pytest.raises(QgsProcessingException) as info:
        run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty[name], "TABLE_KEY": key,
             "OUTPUT": str(out_path)}, feedback)
    messages = feedback.errors + [str(info.value)]
    assert any(message in m and name in m for m in messages) or (
        name == "duplicates.csv" and any(message in m for m in messages)), messages
    assert not any("Traceback" in m for m in messages)
    assert not out_path.exists()


def test_strict_mode_leaves_no_output(run, nasty, tmp_path):
    out_path = tmp_path / "never.gpkg"
    feedback = _Feedback()
    with pytest.raises(QgsProcessingException) as info:
        run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty["unmatched.csv"], "TABLE_KEY": "PLR",
             "STRICT": True, "OUTPUT": str(out_path)}, feedback)
    assert "Strict join failed" in str(info.value)
    assert any("99999999" in e for e in feedback.errors)  # the full list goes to the log
    assert not out_path.exists()


def test_lost_zeros_with_pad_rule_memory_output(run, nasty):
    result = run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty["lost_zeros.csv"], "TABLE_KEY": "PLR",
                  "KEY_RULE": 1, "OUTPUT": "memory:"})
    assert result["MATCHED"] == 6 and result["REPORT"] is None


def test_long_format_and_extra_tables(run, nasty, tmp_path):
    result = run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty["long.csv"], "TABLE_KEY": "gebiet",
                  "FORMAT": 1, "LONG_INDICATOR": "indikator", "LONG_VALUE": "wert", "LONG_YEAR": "jahr",
                  "OUTPUT": str(tmp_path / "long.gpkg")})
    layer, frame = _frame(result["OUTPUT"])
    assert [f.name() for f in layer.fields()][-4:] == ["S1_2018", "S1_2019", "S3_2018", "S3_2019"]
    assert frame["S3_2019"].tolist() == pytest.approx([0.11, 1.11, 2.11, 3.11, 4.11, 5.11])
    # two wide tables in one go; same header names are kept apart by the file name
    multi = run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE": nasty["plain_comma.csv"],
                 "TABLE_KEY": "id;Kennziffer",
                 "EXTRA_TABLES": [nasty["two_header_rows.csv"]], "OUTPUT": str(tmp_path / "multi.gpkg")})
    layer, frame = _frame(multi["OUTPUT"])
    assert multi["MATCHED"] == 6
    assert frame["value"].tolist()[0] == 0.5 and frame["Quote_2019"].tolist()[-1] == pytest.approx(5.3)


def test_table_layer_input(run):
    table = QgsVectorLayer("None", "jobcenter", "memory")
    table.dataProvider().addAttributes([QgsField("PLR", FieldType.String), QgsField("Quote", FieldType.String)])
    table.updateFields()
    feats = []
    for key, value in [("01011101", "4,5"), ("01011102", "."), ("1011103", "(2,5)")]:
        feat = QgsFeature(table.fields())
        feat.setAttributes([key, value])
        feats.append(feat)
    table.dataProvider().addFeatures(feats)
    # 3 of 6 districts: a partial table, accepted explicitly
    result = run({"INPUT": _districts(), "INPUT_KEY": "key", "TABLE_LAYER": table, "TABLE_KEY": "PLR",
                  "KEY_RULE": 1, "MIN_MATCH_PERCENT": 50, "OUTPUT": "memory:"})
    assert result["MATCHED"] == 3 and result["UNMATCHED_DISTRICTS"] == 3
    out = result["OUTPUT"]
    if isinstance(out, str):
        from qgis.core import QgsProcessingContext, QgsProcessingUtils

        out = QgsProcessingUtils.mapLayerFromString(out, QgsProcessingContext())
    frame = layer_to_dataframe(out)
    quote = frame["Quote"].tolist()
    assert quote[0] == 4.5 and math.isnan(quote[1]) and quote[2] == 2.5  # '.' missing, '(2,5)' kept
    assert all(math.isnan(v) for v in quote[3:])


def test_report_goes_next_to_file_outputs_only(qgis_processing, tmp_path):
    """A database or memory destination gets no report file in the working folder (only REPORT writes one)."""
    from qgis.core import QgsProcessingContext
    from sozialmonitor.plugin.processing.algorithms.join_table import JoinTableAlgorithm

    alg = JoinTableAlgorithm()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    gpkg = str(tmp_path / "joined.gpkg")
    assert alg._report_path({"OUTPUT": gpkg}, context) == str(tmp_path / "joined_join_report.csv")
    for dest in ["postgis:dbname='x' host=127.0.0.1 table=\"public\".\"t\"", "memory:", "ogr:dbname='a.gpkg'",
                 "TEMPORARY_OUTPUT"]:
        assert alg._report_path({"OUTPUT": dest}, context) == "", dest
    report = str(tmp_path / "r.csv")
    assert alg._report_path({"OUTPUT": "memory:", "REPORT": report}, context) == report
