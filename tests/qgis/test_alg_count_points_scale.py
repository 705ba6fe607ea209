"""count_points at scale: the same counts as QGIS's native:countpointsinpolygon, boundary points counted once.

QGIS's own tool tests ``contains`` (the interior): a point on a district boundary is counted in no
district. Sozialmonitor counts it once, in the district with the lowest feature id it touches. So the
expected counts are native's plus the boundary points, whose district is worked out here by plain
coordinate arithmetic on the square grid (an oracle independent of both tools).
Also: the column-wise point reader (GDAL Arrow) and the QGIS feature path give identical counts, and the
WKB decoder agrees with shapely for points, multi-points, Z, big-endian, empty and NULL geometries.
"""
import numpy as np
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer
from sozialmonitor.plugin.gis.io import arrow_columns, point_coordinates

SIZE, SIDE = 100.0, 5  # 5 x 5 squares of 100 m


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    """processing.run for both providers (ours and QGIS's native)."""
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    return srs


def _write(path, name, gtype, rows, fields=()):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(name, _srs(), gtype)
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for i, value in enumerate(values):
            feature.SetField(i, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return f"{path}|layername={name}"


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    """Square districts (fid 1.. column by column) and points: random interior ones, plus points exactly on
    shared edges, shared corners and the outer edge, and points outside."""
    tmp = tmp_path_factory.mktemp("scale_count")
    squares = []
    for i in range(SIDE):
        for j in range(SIDE):
            x0, y0 = i * SIZE, j * SIZE
            squares.append((f"POLYGON(({x0} {y0},{x0 + SIZE} {y0},{x0 + SIZE} {y0 + SIZE},{x0} {y0 + SIZE},"
                            f"{x0} {y0}))", [f"D{i}{j}"]))
    districts = _write(tmp / "districts.gpkg", "districts", ogr.wkbPolygon, squares, [("key", ogr.OFTString)])
    rng = np.random.default_rng(5)
    xy = rng.uniform(-60, SIDE * SIZE + 60, size=(3000, 2))
    xy = xy[(np.mod(xy, SIZE) > 1e-6).all(axis=1)]  # interior or outside, never on a line
    lines = np.arange(0, SIDE * SIZE + 1, SIZE)
    on_edges = [(x, y) for x in lines for y in rng.uniform(0, SIDE * SIZE, 6)]  # vertical edges
    on_edges += [(x, y) for y in lines for x in rng.uniform(0, SIDE * SIZE, 6)]  # horizontal edges
    corners = [(x, y) for x in lines for y in lines]
    pts = [tuple(p) for p in xy] + on_edges + corners
    cats = ["Kita", "Schule"]
    points = _write(tmp / "points.gpkg", "points", ogr.wkbPoint,
                    [(f"POINT({x} {y})", [cats[k % 2]]) for k, (x, y) in enumerate(pts)], [("art", ogr.OFTString)])
    return tmp, districts, points, np.array(pts)


def _expected_extra(pts):
    """{district key: number of boundary points it gets}: the lowest fid among the squares whose closed
    area holds the point (fid = 1 + i * SIDE + j for column i, row j)."""
    extra = {}
    for x, y in pts:
        if (np.mod([x, y], SIZE) > 1e-9).all():
            continue  # not on a line: interior or outside, native counts it the same
        cols = [i for i in range(SIDE) if i * SIZE <= x <= (i + 1) * SIZE]
        rows = [j for j in range(SIDE) if j * SIZE <= y <= (j + 1) * SIZE]
        if not cols or not rows:
            continue
        i, j = min((i, j) for i in cols for j in rows)  # lowest fid: lowest column, then lowest row
        extra[f"D{i}{j}"] = extra.get(f"D{i}{j}", 0) + 1
    return extra


def _counts(path, field, layer=None):
    out = QgsVectorLayer(path if layer is None else f"{path}|layername={layer}", "o", "ogr")
    assert out.isValid()
    return {f["key"]: int(f[field]) for f in out.getFeatures()}


def test_counts_equal_native_plus_boundary_points_once(run, grid):
    tmp, districts, points, pts = grid
    ours = run("sozialmonitor:count_points", {"INPUT": districts, "POINTS": points, "CATEGORY_FIELD": "art",
                                              "OUTPUT": str(tmp / "ours.gpkg")})
    native = run("native:countpointsinpolygon", {"POLYGONS": districts, "POINTS": points, "FIELD": "NUMPOINTS",
                                                 "OUTPUT": str(tmp / "native.gpkg")})
    a = _counts(ours["OUTPUT"], "n_total")
    b = _counts(native["OUTPUT"], "NUMPOINTS")
    extra = _expected_extra(pts)
    assert sum(extra.values()) > 80  # boundary points really are in the case
    assert a == {key: b[key] + extra.get(key, 0) for key in b}
    inside_closed = ((pts >= 0) & (pts <= SIDE * SIZE)).all(axis=1)
    assert sum(a.values()) == int(inside_closed.sum())  # every point in the closed area exactly once
    assert ours["N_BOUNDARY"] == sum(extra.values())
    assert ours["N_OUTSIDE"] == len(pts) - int(inside_closed.sum())
    by_cat = _counts(ours["OUTPUT"], "n_Kita")
    by_cat2 = _counts(ours["OUTPUT"], "n_Schule")
    assert all(by_cat[k] + by_cat2[k] == a[k] for k in a)


def test_columnar_reader_and_feature_path_give_the_same_counts(run, grid):
    tmp, districts, points, _pts = grid
    layer = QgsVectorLayer(points, "p", "ogr")
    assert arrow_columns.columnar_source(layer) is not None  # GDAL >= 3.6: the Arrow reader is used
    limited = QgsProcessingFeatureSourceDefinition(points, False, 10 ** 9)  # a limit: read through QGIS
    assert arrow_columns.columnar_source(layer, limited) is None
    fast = run("sozialmonitor:count_points", {"INPUT": districts, "POINTS": points, "CATEGORY_FIELD": "art",
                                              "OUTPUT": str(tmp / "fast.gpkg")})
    slow = run("sozialmonitor:count_points", {"INPUT": districts, "POINTS": limited, "CATEGORY_FIELD": "art",
                                              "OUTPUT": str(tmp / "slow.gpkg")})
    for field in ("n_total", "n_Kita", "n_Schule"):
        assert _counts(fast["OUTPUT"], field) == _counts(slow["OUTPUT"], field)
    assert {k: fast[k] for k in ("N_POINTS", "N_OUTSIDE", "N_BOUNDARY")} == \
        {k: slow[k] for k in ("N_POINTS", "N_OUTSIDE", "N_BOUNDARY")}


def test_wkb_decoder_agrees_with_shapely():
    geoms = [shapely.Point(1.5, -2.25), shapely.Point(3, 4, 5), shapely.MultiPoint([(7, 8), (9, 10)]),
             shapely.MultiPoint([(11, 12)]), shapely.from_wkt("POINT EMPTY"), shapely.from_wkt("MULTIPOINT EMPTY"),
             shapely.Point(-1e6, 6e6)]
    wkb = [shapely.to_wkb(g, byte_order=1, flavor="iso") for g in geoms]
    wkb[6] = shapely.to_wkb(geoms[6], byte_order=0)  # big-endian
    column = np.ma.masked_array(np.array(wkb + [None], dtype=object), mask=[False] * 7 + [True])
    x, y, present, multi = point_coordinates._first_points(column)
    assert present.tolist() == [True, True, True, True, False, False, True, False]
    assert multi.tolist() == [False, False, True, False, False, False, False, False]
    assert x[present].tolist() == [1.5, 3.0, 7.0, 11.0, -1e6]
    assert y[present].tolist() == [-2.25, 4.0, 8.0, 12.0, 6e6]
    fixed = np.array([shapely.to_wkb(shapely.Point(k, -k)) for k in range(5)], dtype="V21")  # fixed width
    x, y, present, _multi = point_coordinates._first_points(fixed)
    assert x.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0] and y.tolist() == [0.0, -1.0, -2.0, -3.0, -4.0]
