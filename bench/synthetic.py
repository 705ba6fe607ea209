"""Synthetic districts for benchmarks: text keys, population and k correlated indicator shares.

``make_frame(n, k)`` returns a DataFrame (DIST_ID text with leading zeros, EW, x1..xk in %);
``write_gpkg(frame, path)`` writes it as a polygon GeoPackage (one 100 m square per district,
EPSG:25833) with OGR in one transaction; ``bench_recipe(k)`` is an MSS-like z-score recipe over
all k indicators (sum, re-standardised, fixed thresholds -1 / +1 / +1.5).
Everything here is invented; it only has realistic shapes (skewed shares, correlated indicators).
"""
import numpy as np
import pandas as pd


def make_frame(n, k=10, seed=0):
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=n)
    data = {"DIST_ID": pd.Series(np.arange(n)).map("{:08d}".format), "EW": rng.integers(50, 30000, size=n)}
    for i in range(1, k + 1):
        noise = rng.normal(scale=0.6, size=n)
        data[f"x{i}"] = np.round(np.exp(1.5 + 0.5 * latent + 0.3 * noise), 5)
    return pd.DataFrame(data)


def bench_recipe(k=10):
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    if "sozialmonitor" not in sys.modules:
        sys.path.insert(0, str(root / "tests"))
        import conftest  # noqa: F401  registers the package alias 'sozialmonitor'
    from sozialmonitor.plugin.core.recipe.load import Recipe

    return Recipe.from_dict({
        "format": "sozialmonitor-recipe", "version": 1,
        "metadata": {"title": "benchmark", "key_field": "DIST_ID", "population_field": "EW"},
        "reference": {"min_population": 300},
        "indicators": [{"id": f"x{i}", "group": "idx"} for i in range(1, k + 1)],
        "indices": [{"id": "idx", "aggregation": "sum", "restandardise": True,
                     "classification": {"method": "fixed", "breaks": [-1, 1, 1.5],
                                        "labels": ["hoch", "mittel", "niedrig", "sehr niedrig"]}}],
    })


def write_gpkg(frame, path, layer="districts"):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("DIST_ID", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("EW", ogr.OFTInteger))
    cols = [c for c in frame.columns if c not in ("DIST_ID", "EW")]
    for c in cols:
        lyr.CreateField(ogr.FieldDefn(c, ogr.OFTReal))
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    keys = frame["DIST_ID"].tolist()
    ew = frame["EW"].tolist()
    values = frame[cols].to_numpy().tolist()
    for i in range(len(frame)):  # building the test file only; not part of any timed section
        feat = ogr.Feature(defn)
        feat.SetField(0, keys[i])
        feat.SetField(1, int(ew[i]))
        for j, v in enumerate(values[i]):
            feat.SetField(2 + j, v)
        x, y = 300000 + (i % 1000) * 100, 5700000 + (i // 1000) * 100
        feat.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))"))
        lyr.CreateFeature(feat)
    lyr.CommitTransaction()
    ds = None
    return f"{path}|layername={layer}"
