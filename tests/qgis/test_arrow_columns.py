"""layer_to_dataframe reads whole GeoPackage layers column-wise (GDAL Arrow) and gives exactly what
QGIS's features give; subsets, selections, unsaved edits, joined and date fields keep the feature path."""
import datetime

import pandas as pd
import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
)
from sozialmonitor.plugin.gis.compat import GDAL_ARROW_NUMPY
from sozialmonitor.plugin.gis.io import arrow_columns
from sozialmonitor.plugin.gis.io.layer_frame import LayerSnapshot, layer_to_dataframe

pytestmark = pytest.mark.skipif(not GDAL_ARROW_NUMPY, reason="GDAL < 3.6: every layer is read through QGIS")

ROWS = [("01011101", 3384, 12.5, "2019-12-31"), ("01011102", None, None, None), (None, 0, -1.25, "2020-01-01"),
        ("12214528", 2 ** 31 - 1, 1e-9, None), ("Ä-ß 1", 17, 0.0, "2021-06-30")]


def _write(path, driver):
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    layer = ds.CreateLayer("districts", srs, ogr.wkbPolygon)
    for name, kind in (("key", ogr.OFTString), ("ew", ogr.OFTInteger), ("share", ogr.OFTReal),
                       ("stand", ogr.OFTDate)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for i, (key, ew, share, date) in enumerate(ROWS):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("key", key), ("ew", ew), ("share", share), ("stand", date)):
            if value is not None:
                feature.SetField(name, value)
        x = 390000 + 100 * i
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} 5810000,{x + 100} 5810000,{x + 100} 5810100,{x} 5810100,{x} 5810000))"))
        layer.CreateFeature(feature)
    if driver == "GPKG":
        layer.DeleteFeature(4)  # fids with a gap: the index must still be QGIS's feature ids
    ds = None
    return str(path)


@pytest.fixture
def districts(tmp_path):
    return QgsVectorLayer(_write(tmp_path / "districts.gpkg", "GPKG"), "districts", "ogr")


def _through_features(layer, names):
    return layer_to_dataframe(layer, names, columnar=False)  # False: never column-wise


def test_column_wise_read_equals_the_feature_path(qgis_app, districts):
    names = ["key", "ew", "share"]
    columnar = arrow_columns.columnar_source(districts)
    assert columnar is not None
    fast = arrow_columns.read_attributes(columnar, districts.fields(), names)
    assert fast is not None  # this layer is read by GDAL, not through QGIS features
    slow = _through_features(districts, names)
    pd.testing.assert_frame_equal(fast, slow)
    pd.testing.assert_frame_equal(layer_to_dataframe(districts, names), slow)
    pd.testing.assert_frame_equal(layer_to_dataframe(LayerSnapshot(districts), names), slow)
    assert fast.index.tolist() == [1, 2, 3, 5]  # the GeoPackage fids, with the gap of the deleted feature
    assert fast["key"].tolist() == ["01011101", "01011102", None, "Ä-ß 1"]  # text as text, leading zeros kept
    assert fast["ew"].dtype == float and fast["ew"].isna().sum() == 1


def test_date_fields_keep_the_feature_path(qgis_app, districts):
    frame = layer_to_dataframe(districts, ["key", "stand"])
    assert frame["stand"].dropna().tolist()[0] == datetime.date(2019, 12, 31)
    pd.testing.assert_frame_equal(frame, _through_features(districts, ["key", "stand"]))


def test_subset_selection_and_edits_are_respected(qgis_app, districts):
    districts.setSubsetString('"ew" > 100')
    assert arrow_columns.columnar_source(districts) is None
    assert layer_to_dataframe(districts, ["ew"])["ew"].tolist() == [3384.0]
    districts.setSubsetString("")
    selected = QgsProcessingFeatureSourceDefinition(districts.source(), True)
    assert arrow_columns.columnar_source(districts, selected) is None
    districts.startEditing()
    fid = next(districts.getFeatures()).id()
    districts.changeAttributeValue(fid, districts.fields().lookupField("ew"), 99)
    assert arrow_columns.columnar_source(districts) is None  # unsaved edits exist only in QGIS
    assert layer_to_dataframe(districts, ["ew"]).loc[fid, "ew"] == 99.0
    districts.rollBack()


def test_joined_fields_keep_the_feature_path(qgis_app, districts, tmp_path):
    other = QgsVectorLayer(_write(tmp_path / "other.gpkg", "GPKG"), "other", "ogr")
    QgsProject.instance().addMapLayer(other)
    try:
        join = QgsVectorLayerJoinInfo()
        join.setJoinLayer(other)
        join.setJoinFieldName("key")
        join.setTargetFieldName("key")
        join.setJoinFieldNamesSubset(["share"])
        join.setPrefix("j_")
        assert districts.addJoin(join)
        frame = layer_to_dataframe(districts, ["key", "j_share"])
        assert not arrow_columns.readable(districts.fields(), ["key", "j_share"])
        assert frame.set_index("key").loc["01011101", "j_share"] == 12.5
    finally:
        QgsProject.instance().removeMapLayer(other.id())


@pytest.mark.parametrize("name, driver", [("districts.geojson", "GeoJSON"), ("districts.shp", "ESRI Shapefile")])
def test_other_drivers_are_read_through_qgis(qgis_app, tmp_path, name, driver):
    path = _write(tmp_path / name, driver)
    layer = QgsVectorLayer(path, "districts", "ogr")
    columnar = arrow_columns.columnar_source(layer)
    assert arrow_columns.read_attributes(columnar, layer.fields(), ["key"]) is None
    assert layer_to_dataframe(layer, ["key"])["key"].tolist()[0] == "01011101"
