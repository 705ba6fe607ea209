"""layer_io: text keys stay text, NULL becomes NaN, computed columns are appended or replace."""
import math

import pandas as pd
from qgis.core import NULL, QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from sozialmonitor.plugin.core.errors import SozialmonitorError
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe, output_fields, write_features


def _layer():
    layer = QgsVectorLayer("Point?crs=EPSG:25833", "districts", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("key", FieldType.String), QgsField("ew", FieldType.Int),
                            QgsField("old", FieldType.Double)])
    layer.updateFields()
    features = []
    for key, ew in [("01011101", 3384), ("01011102", None), ("12214528", 0)]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([key, ew, 1.0])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(390000, 5810000)))
        features.append(feature)
    provider.addFeatures(features)
    return layer


def test_read_keeps_text_keys_and_nulls(qgis_app):
    frame = layer_to_dataframe(_layer())
    assert frame["key"].tolist() == ["01011101", "01011102", "12214528"]
    assert frame["ew"].dtype == float
    assert math.isnan(frame["ew"].iloc[1]) and frame["ew"].iloc[2] == 0


def test_unknown_field_names_the_field(qgis_app):
    try:
        layer_to_dataframe(_layer(), ["key", "EW_2020"])
    except SozialmonitorError as err:
        assert "EW_2020" in err.message and "key" in err.message
    else:
        raise AssertionError("no error for a missing field")


def test_write_appends_and_replaces(qgis_app):
    source = _layer()
    frame = layer_to_dataframe(source)
    frame["score"] = [0.5, float("nan"), -1.25]
    frame["old"] = [7.0, 8.0, 9.0]
    specs = [("score", "Index value", "double"), ("old", "replaced", "double")]
    fields, replaced = output_fields(source.fields(), specs)
    assert replaced == ["old"]
    sink = QgsVectorLayer("Point?crs=EPSG:25833", "out", "memory")
    sink.dataProvider().addAttributes(fields.toList())
    sink.updateFields()
    assert write_features(sink.dataProvider(), source, frame, specs, fields) == 3
    out = pd.DataFrame([f.attributes() for f in sink.getFeatures()], columns=[f.name() for f in fields])
    assert out["score"].tolist()[0] == 0.5 and out["score"].tolist()[2] == -1.25
    assert out["score"].tolist()[1] == NULL  # NaN is written as NULL, never as a number
    assert out["old"].tolist() == [7.0, 8.0, 9.0]
    assert [f.hasGeometry() for f in sink.getFeatures()] == [True] * 3
    assert [f["key"] for f in source.getFeatures()] == ["01011101", "01011102", "12214528"]  # source untouched
