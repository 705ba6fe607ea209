"""areal_interpolation on shapely arrays (plugin/core/spatial/polygon_pieces.py) through processing.run: a GEOS
failure names the source and target feature ids, cancelling while the pieces are cut leaves no output, and a
polygon population layer weights the pieces as shapely does pair by pair."""
import pytest
import shapely.wkt
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from sozialmonitor.plugin.core.spatial import shapely_arrays
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

SOURCES = ["POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))",
           "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"]
TARGETS = ["POLYGON((0 0, 150 0, 150 100, 0 100, 0 0))", "POLYGON((150 0, 250 0, 250 100, 150 100, 150 0))"]


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def _layer(spec, rows):
    layer = QgsVectorLayer(spec, "layer", "memory")
    features = []
    for wkt, attrs in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attrs)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _params(**extra):
    source = _layer("Polygon?crs=EPSG:25833&field=EW:double", [(w, [v]) for w, v in zip(SOURCES, [100.0, 50.0, 7.0])])
    target = _layer("Polygon?crs=EPSG:25833&field=key:string", [(w, [k]) for w, k in zip(TARGETS, ["A", "B"])])
    return dict({"INPUT": source, "TARGET": target, "EXTENSIVE_FIELDS": ["EW"], "OUTPUT": "memory:"}, **extra)


def test_a_geos_failure_names_the_source_and_target_features(run, monkeypatch):
    real = shapely_arrays.intersection

    def failing(a, b):
        if any(g.bounds[0] == 100.0 for g in a):  # the second source (feature id 2), cut by both targets
            raise shapely_arrays.GeometryError("TopologyException: side location conflict")
        return real(a, b)

    monkeypatch.setattr(shapely_arrays, "intersection", failing)
    with pytest.raises(QgsProcessingException, match=r"GEOS could not intersect 1 source/target pairs .*\[\(2, 1\)\]"):
        run("sozialmonitor:areal_interpolation", _params())


class _CancelWhileCutting(QgsProcessingFeedback):
    def setProgressText(self, text):  # noqa: N802
        super().setProgressText(text)
        if text.startswith("Intersecting"):
            self.cancel()


def test_cancelled_while_cutting_writes_nothing(run, tmp_path):
    out = tmp_path / "out.gpkg"
    result = run("sozialmonitor:areal_interpolation", _params(OUTPUT=str(out)), feedback=_CancelWhileCutting())
    assert "OUTPUT" not in result and not out.exists()


def test_polygon_population_layer_against_shapely(run):
    cells = [f"POLYGON(({x} {y}, {x + 30} {y}, {x + 30} {y + 30}, {x} {y + 30}, {x} {y}))"
             for x in range(-10, 230, 30) for y in range(-10, 110, 30)]
    pops = [float(k % 7 + 1) for k in range(len(cells))]
    people = _layer("Polygon?crs=EPSG:25833&field=pop:double", [(w, [p]) for w, p in zip(cells, pops)])
    result = run("sozialmonitor:areal_interpolation", _params(POPULATION_LAYER=people, POPULATION_FIELD="pop"))
    out = layer_to_dataframe(result["OUTPUT"]).set_index("key")["EW"]
    sources = [shapely.wkt.loads(w) for w in SOURCES]
    targets = [shapely.wkt.loads(w) for w in TARGETS]
    units = [(shapely.wkt.loads(w), p) for w, p in zip(cells, pops)]

    def population(piece):
        return sum(p * u.intersection(piece).area / u.area for u, p in units)

    expected = {"A": 0.0, "B": 0.0}
    for s, value in zip(sources, [100.0, 50.0, 7.0]):
        weights = [population(s.intersection(t)) for t in targets]
        rest = population(s.difference(targets[0].union(targets[1])))
        total = sum(weights) + rest
        for key, w in zip("AB", weights):
            expected[key] += value * w / total
    assert out.to_dict() == pytest.approx(expected, rel=1e-9)
