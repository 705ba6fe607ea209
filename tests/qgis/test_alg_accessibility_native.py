"""sozialmonitor:accessibility against the chain a QGIS user builds for the same question.

QGIS's own answer: ``native:buffer`` (16 segments a quarter circle), ``native:intersection`` with the
districts, ``native:dissolve`` per district (overlapping circles counted once), area of the pieces. The
covered share of every district must equal ours (``acc_area_pct``): with overlapping circles, a district no
facility reaches, facilities exactly on a shared boundary, on a corner and on the rim of a hole. The
districts are a GeoPackage written to a new GeoPackage, so the bulk output path is the one tested.
"""
import pytest
from osgeo import ogr, osr
from qgis.core import QgsGeometry, QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

DISTRICTS = {  # key: (WKT, inhabitants)
    "A": ("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))", 1200),
    "B": ("POLYGON((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))", 800),
    "C": ("POLYGON((0 1000, 1000 1000, 1000 2000, 0 2000, 0 1000))", 500),
    "D": ("POLYGON((1000 1000, 2000 1000, 2000 2000, 1000 2000, 1000 1000))", 300),
    "E": ("POLYGON((10000 10000, 11000 10000, 11000 11000, 10000 11000, 10000 10000))", 700),  # nothing in reach
    "F": ("POLYGON((3000 0, 5000 0, 5000 2000, 3000 2000, 3000 0), "
          "(3800 800, 4200 800, 4200 1200, 3800 1200, 3800 800))", 900),  # a hole
}
FACILITIES = [
    "POINT(300 300)", "POINT(600 400)",  # two circles overlapping inside A
    "POINT(1000 500)",  # exactly on the boundary of A and B
    "POINT(2000 2000)",  # on D's outer corner
    "POINT(3800 1000)",  # on the rim of F's hole
    "POINT(4000 1000)",  # inside the hole (no district there, its circle reaches F)
]


def _gpkg(path, layer, geometry_type, rows, fields=()):
    """A GeoPackage layer (EPSG:25833) written with OGR: rows of (WKT, [values])."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    lyr = ds.CreateLayer(layer, srs, geometry_type)
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for (name, _kind), value in zip(fields, values):
            feature.SetField(name, value)
        lyr.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer}"


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def test_covered_share_equals_native_buffer_intersection_dissolve(run, tmp_path):
    districts = _gpkg(tmp_path / "districts.gpkg", "districts", ogr.wkbPolygon,
                      [(wkt, [key, ew]) for key, (wkt, ew) in DISTRICTS.items()],
                      [("key", ogr.OFTString), ("ew", ogr.OFTInteger)])
    facilities = _gpkg(tmp_path / "facilities.gpkg", "facilities", ogr.wkbPoint, [(w, []) for w in FACILITIES])
    result = run("sozialmonitor:accessibility", {"INPUT": districts, "FACILITIES": facilities, "DISTANCE": 500,
                                                 "POPULATION_FIELD": "ew", "KEY_FIELD": "key",
                                                 "OUTPUT": str(tmp_path / "ours.gpkg")})
    assert result["N_FACILITIES"] == len(FACILITIES)
    ours_layer = QgsVectorLayer(result["OUTPUT"], "ours", "ogr")
    ours = layer_to_dataframe(ours_layer).set_index("key")

    buffers = run("native:buffer", {"INPUT": facilities, "DISTANCE": 500, "SEGMENTS": 16, "DISSOLVE": False,
                                    "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "MITER_LIMIT": 2,
                                    "OUTPUT": "memory:"})["OUTPUT"]
    pieces = run("native:intersection", {"INPUT": districts, "OVERLAY": buffers, "INPUT_FIELDS": ["key"],
                                         "OVERLAY_FIELDS": [], "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = run("native:dissolve", {"INPUT": pieces, "FIELD": ["key"], "OUTPUT": "memory:"})["OUTPUT"]
    covered = {f["key"]: f.geometry().area() for f in dissolved.getFeatures()}
    assert "E" not in covered  # QGIS has no piece where nothing is in reach

    for key, (wkt, ew) in DISTRICTS.items():
        native_pct = covered.get(key, 0.0) / QgsGeometry.fromWkt(wkt).area() * 100.0
        row = ours.loc[key]
        assert row["acc_area_pct"] == pytest.approx(native_pct, abs=1e-5), key
        # uniform population: the population share is the area share, and the inhabitants follow
        assert row["acc_share_pct"] == pytest.approx(row["acc_area_pct"], abs=1e-9)
        assert row["acc_pop"] == ew and row["acc_pop_in"] == pytest.approx(ew * native_pct / 100.0, rel=1e-6)
    assert ours.loc["E", "acc_area_pct"] == 0.0 and ours.loc["E", "acc_share_pct"] == 0.0  # reached nobody: 0, not NULL
    # the overlapping circles in A count once: the sum of the single circles' pieces is larger than A's cover
    single = sum(f.geometry().area() for f in pieces.getFeatures() if f["key"] == "A")
    assert single > covered["A"] * 1.2
    # the facility on D's outer corner reaches a quarter circle of it (a 64-gon's quarter: 19.6 %)
    assert ours.loc["D", "acc_area_pct"] == pytest.approx(19.6, abs=0.05)
    # the output keeps every district with its geometry and fields
    assert ours_layer.featureCount() == len(DISTRICTS)
    for feature in ours_layer.getFeatures():
        assert feature.geometry().equals(QgsGeometry.fromWkt(DISTRICTS[feature["key"]][0]))
    total = sum(ew * covered.get(k, 0.0) / QgsGeometry.fromWkt(w).area() for k, (w, ew) in DISTRICTS.items())
    assert result["SHARE_PCT"] == pytest.approx(total / sum(ew for _w, ew in DISTRICTS.values()) * 100.0, rel=1e-7)
