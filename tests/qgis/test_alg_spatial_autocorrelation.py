"""sozialmonitor:spatial_autocorrelation on real data, checked against PySAL (esda + libpysal) as oracle.

Data: the Berlin MSS 2019 status index, computed by sozialmonitor:compute_index from the shipped
indicator table and recipe, on the 448 LOR Planungsräume of resources/sample/berlin_lor_2019.gpkg.
The geometry carries the key 06010102 twice; the copy that lies in Charlottenburg-Wilmersdorf
(Bezirk 04) is Schloßstraße 04030417, whose index row has no polygon otherwise. The test gives that
polygon the key 04030417 before joining, so every polygon gets its own district's value. 09041403
has no row (missing value) and the 11 Planungsräume not evaluated have no index: 436 analysed.

PySAL is a test-only dependency, imported by tests/pysal_oracle.py (which keeps libpysal 4.7 from
polling a web page).
"""
import warnings
from pathlib import Path

import numpy as np
import pytest
import shapely.wkb
from pysal_oracle import G_Local, Moran, Moran_Local, esda, libpysal
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
)
from sozialmonitor.plugin.core.spatial.weights import SpatialWeights
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe
from sozialmonitor.plugin.gis.spatial.neighbours import build_weights, read_geometries

ROOT = Path(__file__).resolve().parents[2]
ALG = "sozialmonitor:spatial_autocorrelation"
SEED = 20190
WRONG_KEY, RIGHT_KEY = "06010102", "04030417"


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


@pytest.fixture(scope="module")
def berlin(run, tmp_path_factory):
    """Memory layer: 448 PLR polygons with id, name and the MSS 2019 status_score (NULL where none)."""
    tmp = tmp_path_factory.mktemp("autocorr_berlin")
    index = run("sozialmonitor:compute_index", {
        "INPUT": str(ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv"),
        "RECIPE": str(ROOT / "resources" / "recipes" / "berlin_mss_2019.json"),
        "OUTPUT": str(tmp / "index.gpkg")})
    table = layer_to_dataframe(QgsVectorLayer(index["OUTPUT"], "index", "ogr"), ["PLR_ID", "status_score"])
    score = dict(zip(table["PLR_ID"], table["status_score"]))
    gpkg = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
    plr = QgsVectorLayer(f"{gpkg}|layername=planungsraeume", "plr", "ogr")
    bezirke = QgsVectorLayer(f"{gpkg}|layername=bezirke", "bezirke", "ogr")
    cw = next(f.geometry() for f in bezirke.getFeatures() if f["id"] == "04")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25833", "berlin", "memory")
    layer.dataProvider().addAttributes([QgsField("id", FieldType.String), QgsField("name", FieldType.String),
                                        QgsField("status_score", FieldType.Double)])
    layer.updateFields()
    features, fixed = [], []
    for src in plr.getFeatures():
        key = src["id"]
        if key == WRONG_KEY and cw.contains(src.geometry().pointOnSurface()):
            key = RIGHT_KEY
            fixed.append(src.id())
        value = score.get(key)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(src.geometry())
        feature.setAttributes([key, src["name"], None if value is None or np.isnan(value) else float(value)])
        features.append(feature)
    assert len(fixed) == 1 and len(features) == 448
    layer.dataProvider().addFeatures(features)
    return layer


def _values(layer):
    frame = layer_to_dataframe(layer, ["id", "status_score"])
    return frame["id"].tolist(), frame["status_score"].to_numpy()


def _oracle_weights(layer, method, k=6):
    """(analysed mask, our neighbour lists on the analysed set, libpysal W from them, libpysal's own W)."""
    _keys, values = _values(layer)
    keep = np.isfinite(values)
    fids, geometries = read_geometries(layer)
    if method == "knn":  # the algorithm looks for the k nearest among the districts with a value
        geometries = [g if k_ else None for g, k_ in zip(geometries, keep)]
    ours = build_weights(geometries, method, k=k).subset(keep)
    lists = {i: ours.neighbours(i) for i in range(ours.n)}
    shapes = [shapely.wkb.loads(bytes(g.asWkb())) for g, k_ in zip(geometries, keep) if k_]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "knn":
            centroids = np.array([[s.centroid.x, s.centroid.y] for s in shapes])
            own = libpysal.weights.KNN.from_array(centroids, k=k)
        else:
            cls = libpysal.weights.Queen if method == "queen" else libpysal.weights.Rook
            own = cls.from_iterable(shapes)
        return keep, ours, libpysal.weights.W(lists, silence_warnings=True), own


CASES = [("queen", True, False), ("rook", False, True), ("knn", True, True)]


@pytest.mark.parametrize("method,row_standardise,fdr", CASES)
def test_berlin_against_esda(run, berlin, tmp_path, method, row_standardise, fdr):
    method_no = ["queen", "rook", "knn"].index(method)
    result = run(ALG, {"INPUT": berlin, "FIELD": "status_score", "KEY_FIELD": "id", "NEIGHBOURS": method_no,
                       "K": 6, "ROW_STANDARDISE": row_standardise, "PERMUTATIONS": 999, "SEED": SEED,
                       "ALPHA": 0.05, "FDR": fdr, "OUTPUT": str(tmp_path / "clusters.gpkg")})
    assert result["N_ANALYSED"] == 436 and result["N_MISSING"] == 12 and result["N_ISLANDS"] == 0
    out = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert out.featureCount() == 448
    frame = layer_to_dataframe(out)
    keys, values = _values(berlin)
    assert frame["id"].tolist() == keys
    keep, ours, w_ours, w_own = _oracle_weights(berlin, method)
    # our neighbours equal libpysal's (contiguity: vertex-based; knn: KD-tree) on this layer
    assert all(sorted(w_own.neighbors[i]) == ours.neighbours(i) for i in range(ours.n))
    y = values[keep]
    transform = "r" if row_standardise else "b"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.random.seed(SEED)
        moran = Moran(y, w_ours, transformation=transform, permutations=999)
        local = Moran_Local(y, w_ours, transformation=transform, permutations=999, seed=SEED, n_jobs=1)
        gi = G_Local(y + 10.0, libpysal.weights.W(w_ours.neighbors), transform="B", star=True, permutations=0)
    assert result["GLOBAL_I"] == pytest.approx(moran.I, abs=1e-10)
    assert result["GLOBAL_Z"] == pytest.approx(moran.z_norm, abs=1e-10)
    assert result["GLOBAL_P_NORM"] == pytest.approx(moran.p_norm, rel=1e-8, abs=1e-300)
    assert result["GLOBAL_P"] == moran.p_sim  # same permutations, same count
    analysed = frame[keep]
    assert np.array_equal(analysed["lisa_i"].to_numpy(), local.Is)
    assert np.array_equal(analysed["lisa_p"].to_numpy(), local.p_sim)
    assert np.array_equal(analysed["lisa_q"].to_numpy(), local.q)
    assert np.allclose(analysed["lisa_z"].to_numpy(), local.z_sim, rtol=1e-9, atol=1e-9)
    assert np.allclose(analysed["gi_z"].to_numpy(), gi.Zs, rtol=0, atol=1e-8)
    assert np.allclose(analysed["gi_p"].to_numpy(), 2 * gi.p_norm, rtol=1e-8, atol=1e-12)
    # cluster codes from esda's quadrants and p-values (esda.fdr gives the BH cut-off)
    cut = esda.fdr(local.p_sim, 0.05) if fdr else 0.05
    expected = np.where(local.p_sim <= cut, np.array(["", "HH", "LH", "LL", "HL"])[local.q], "ns")
    assert analysed["lisa_cluster"].tolist() == expected.tolist()
    gi_p = 2 * gi.p_norm
    gi_cut = esda.fdr(gi_p, 0.05) if fdr else 0.05
    gi_expected = np.where(gi_p <= gi_cut, np.where(gi.Zs > 0, "hot", "cold"), "ns")
    assert analysed["gi_class"].tolist() == gi_expected.tolist()
    missing = frame[~keep]
    assert set(missing["lisa_cluster"]) == {"missing"} and missing["lisa_i"].isna().all()
    assert "09041403" in missing["id"].tolist()
    if fdr:
        assert {"lisa_p_fdr", "gi_p_fdr"} <= set(frame.columns)


def test_berlin_queen_value_and_clusters(run, berlin, tmp_path):
    """The documented Berlin numbers (README): status index, queen, row-standardised, seed 12345."""
    result = run(ALG, {"INPUT": berlin, "FIELD": "status_score", "KEY_FIELD": "id",
                       "OUTPUT": str(tmp_path / "c.gpkg")})
    assert result["GLOBAL_I"] == pytest.approx(0.44322, abs=5e-6)
    assert result["GLOBAL_P"] == pytest.approx(0.001)  # no permutation reaches the observed I
    frame = layer_to_dataframe(QgsVectorLayer(result["OUTPUT"], "out", "ogr"))
    counts = frame["lisa_cluster"].value_counts().to_dict()
    assert counts["HH"] > 40 and counts["LL"] > 40  # disadvantage clusters (Wedding, Neukölln, Spandau …)


def test_cluster_map_style_and_aliases(run, berlin, tmp_path):
    from sozialmonitor.plugin.core.i18n import tr
    from sozialmonitor.plugin.core.spatial.cluster_analysis import GI_CLASSES, LISA_CLASSES, class_counts, field_specs
    from sozialmonitor.plugin.gis.style.cluster_maps import STYLE_GI, STYLE_LISA
    from sozialmonitor.plugin.processing.algorithms.spatial_autocorrelation import ClusterMapStyler

    result = run(ALG, {"INPUT": berlin, "FIELD": "status_score", "PERMUTATIONS": 99,
                       "OUTPUT": str(tmp_path / "c.gpkg")})
    out = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    frame = layer_to_dataframe(out)
    lisa_counts = class_counts(frame["lisa_cluster"], LISA_CLASSES)
    ClusterMapStyler.create(field_specs(), lisa_counts, class_counts(frame["gi_class"], GI_CLASSES)
                            ).postProcessLayer(out, None, None)
    renderer = out.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "lisa_cluster"
    cats = {c.value(): c for c in renderer.categories()}
    assert cats["HH"].symbol().color().name() == "#d7191c" and cats["LL"].symbol().color().name() == "#2c7bb6"
    assert cats["ns"].symbol().color().name() == "#d9d9d9"
    assert cats["HH"].label() == "{} ({})".format(tr("High-High"), lisa_counts["HH"])
    assert cats["missing"].label() == "{} (12)".format(tr("no data")) and "island" not in cats
    assert out.fields().field("lisa_cluster").alias() == tr("Local Moran: cluster")
    styles = out.styleManager().styles()
    assert tr(STYLE_LISA) in styles and tr(STYLE_GI) in styles
    out.styleManager().setCurrentStyle(tr(STYLE_GI))
    assert out.renderer().classAttribute() == "gi_class"


def test_islands_are_reported_not_silent(run, berlin, tmp_path):
    """Two far-apart polygons without neighbours: marked 'island', named in the log, no local values."""
    layer = berlin.materialize(QgsFeatureRequest())
    shifted = []
    for feature in layer.getFeatures():
        if feature["id"] in ("01011101", "12103115"):
            geom = feature.geometry()
            geom.translate(100000.0, 0.0 if feature["id"] == "01011101" else 50000.0)
            shifted.append((feature.id(), geom))
    for fid, geom in shifted:
        layer.dataProvider().changeGeometryValues({fid: geom})
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            messages.append(text)
            super().pushWarning(text)

    result = run(ALG, {"INPUT": layer, "FIELD": "status_score", "KEY_FIELD": "id", "PERMUTATIONS": 99,
                       "OUTPUT": "memory:"}, feedback=Feedback())
    assert result["N_ISLANDS"] == 2
    frame = layer_to_dataframe(result["OUTPUT"])
    islands = frame[frame["lisa_cluster"] == "island"]
    assert sorted(islands["id"]) == ["01011101", "12103115"]
    assert islands["lisa_i"].isna().all() and (islands["gi_class"] == "island").all()
    assert any("01011101" in m and "12103115" in m for m in messages)  # both islands named in one warning


def _grid(values):
    """4 x 4 unit squares; the last two share the key k14."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=key:string&field=v:double", "grid", "memory")
    features = []
    for i, value in enumerate(values):
        x, y = i % 4, i // 4
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 1, y + 1)))
        feature.setAttributes([f"k{min(i, 14)}", value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_constant_field_is_an_error_without_output(run, tmp_path):
    with pytest.raises(QgsProcessingException, match="All 16 analysed values are equal"):
        run(ALG, {"INPUT": _grid([1.0] * 16), "FIELD": "v", "KEY_FIELD": "key", "OUTPUT": str(tmp_path / "n.gpkg")})
    assert not (tmp_path / "n.gpkg").exists()


def test_duplicate_keys_are_named_and_rook_checkerboard(run):
    """A checkerboard on rook neighbours is perfectly negatively autocorrelated: I = -1."""
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            messages.append(text)
            super().pushWarning(text)

    board = [float((i % 4 + i // 4) % 2) for i in range(16)]
    result = run(ALG, {"INPUT": _grid(board), "FIELD": "v", "KEY_FIELD": "key", "NEIGHBOURS": 1,
                       "PERMUTATIONS": 99, "OUTPUT": "memory:"}, feedback=Feedback())
    assert result["GLOBAL_I"] == pytest.approx(-1.0, abs=1e-12)
    assert any("k14 (2x)" in m for m in messages)


def test_cancel_writes_nothing(run, berlin, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 30 else None)
    target = tmp_path / "cancelled.gpkg"
    try:
        run(ALG, {"INPUT": berlin, "FIELD": "status_score", "OUTPUT": str(target)}, feedback=feedback)
    except QgsProcessingException:
        pass
    assert feedback.isCanceled()
    assert not target.exists()


def test_weights_from_layer_match_core_structure(berlin):
    _fids, geometries = read_geometries(berlin)
    w = build_weights(geometries, "queen")
    assert isinstance(w, SpatialWeights) and w.n == 448
    dense = w.to_dense()
    assert (dense == dense.T).all() and np.trace(dense) == 0
