"""sozialmonitor:smooth_rates on real data, checked against esda (Spatial_Empirical_Bayes, Empirical_Bayes,
Moran_Rate) as oracle.

Data: the 448 LOR Planungsräume of resources/sample/berlin_lor_2019.gpkg with EW (inhabitants) and the MSS 2019
share S1 (unemployment, %) of resources/sample/mss2019_index_indicators_shares_plr.csv; events = round(S1 / 100 *
EW), a count of the kind the algorithm is meant for. Planungsräume with 0 inhabitants get
no rate (the test sets Großer Tiergarten to 0); 09041403 has no row (missing).
"""
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely.wkb
from pysal_oracle import esda, libpysal
from qgis.core import QgsFeature, QgsField, QgsProcessingException, QgsVectorLayer
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ROOT = Path(__file__).resolve().parents[2]
ALG = "smooth_rates"
SEED = 4711


def _layer(change):
    table = pd.read_csv(ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv",
                        dtype={"PLR_ID": str})
    by_key = {k: (float(round(s1 / 100 * ew)), float(ew)) for k, s1, ew in zip(table.PLR_ID, table.S1, table.EW)}
    gpkg = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
    plr = QgsVectorLayer(f"{gpkg}|layername=planungsraeume", "plr", "ogr")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25833", "berlin", "memory")
    layer.dataProvider().addAttributes([QgsField("id", FieldType.String), QgsField("cases", FieldType.Double),
                                        QgsField("ew", FieldType.Double)])
    layer.updateFields()
    features = []
    for src in plr.getFeatures():
        cases, ew = by_key.get(src["id"], (None, None))
        if src["id"] in change:
            cases, ew = change[src["id"]]
        feature = QgsFeature(layer.fields())
        feature.setGeometry(src.geometry())
        feature.setAttributes([src["id"], cases, ew])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture(scope="module")
def berlin(qgis_app):
    return _layer({"01011102": (0.0, 0.0)})  # Großer Tiergarten as if nobody lived there


def _oracle(layer):
    """events, populations, usable mask and libpysal's own queen W on the usable districts."""
    frame = layer_to_dataframe(layer, ["id", "cases", "ew"])
    e, b = frame["cases"].to_numpy(float), frame["ew"].to_numpy(float)
    use = np.isfinite(e) & np.isfinite(b) & (b > 0)
    shapes = [shapely.wkb.loads(bytes(f.geometry().asWkb())) for f, u in zip(layer.getFeatures(), use) if u]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = libpysal.weights.Queen.from_iterable(shapes)
        w.id_order = list(range(len(shapes)))  # the order of e and b
    return frame, e[use], b[use], use, w


@pytest.mark.parametrize("method", [0, 1])
def test_berlin_against_esda(run, berlin, tmp_path, method):
    result = run(ALG, {"INPUT": berlin, "EVENTS": "cases", "POPULATION": "ew", "KEY_FIELD": "id", "METHOD": method,
                       "MULTIPLIER": 1000, "NEIGHBOURS": 0, "PERMUTATIONS": 999, "SEED": SEED,
                       "OUTPUT": str(tmp_path / "rates.gpkg")})
    frame, e, b, use, w = _oracle(berlin)
    assert result["N_ANALYSED"] == int(use.sum()) and result["N_MISSING"] == 1
    assert result["N_NO_POPULATION"] == 1
    out = layer_to_dataframe(QgsVectorLayer(result["OUTPUT"], "out", "ogr"))
    assert out["id"].tolist() == frame["id"].tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == 0:
            theirs = esda.smoothing.Empirical_Bayes(e, b).r.ravel()
        else:
            w.transform = "b"
            theirs = esda.smoothing.Spatial_Empirical_Bayes(e, b, w).r.ravel()
        np.random.seed(SEED)
        moran = esda.moran.Moran_Rate(e, b, w, adjusted=True, transformation="r", permutations=999)
    np.testing.assert_allclose(out["rate_eb"].to_numpy(float)[use], 1000 * theirs, rtol=1e-9)
    np.testing.assert_allclose(out["rate_raw"].to_numpy(float)[use], 1000 * e / b, rtol=1e-12)
    assert out["rate_eb"][~use].isna().all()
    assert result["EB_MORAN_I"] == pytest.approx(moran.I, abs=1e-12)
    assert result["EB_MORAN_Z"] == pytest.approx(moran.z_norm, abs=1e-9)
    assert result["EB_MORAN_P"] == moran.p_sim
    # small districts move most: the weight of the own rate grows with the population
    weight = out["rate_eb_w"].to_numpy(float)[use]
    assert np.corrcoef(np.argsort(np.argsort(weight)), np.argsort(np.argsort(b)))[0, 1] > 0.5


def test_negative_count_is_refused_and_nothing_written(run, qgis_app, tmp_path):
    layer = _layer({"01011101": (-3.0, 3384.0)})
    target = tmp_path / "rates.gpkg"
    with pytest.raises(QgsProcessingException, match="Field 'cases' has the value -3 for 01011101"):
        run(ALG, {"INPUT": layer, "EVENTS": "cases", "POPULATION": "ew", "KEY_FIELD": "id",
                  "OUTPUT": str(target)})
    assert not target.exists()
