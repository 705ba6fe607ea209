"""Coordinates of millions of point features as numpy arrays, read in bulk where the data source allows it.

``read_points(source, category_index, columnar)`` returns a PointColumns: x, y (NaN for a feature without
geometry), optionally the category value of each point, and counts of features without
geometry and of multi-points (counted at their first point). When ``columnar`` is true (a whole OGR
layer, no selection or subset; see ``arrow_columns.columnar_source``), GDAL's Arrow stream delivers the geometries
as WKB in batches and numpy decodes the first point of each (about 50x faster than QgsFeature objects,
and the memory of one batch at a time); otherwise every feature comes through QGIS.
"""
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsFeatureRequest, QgsWkbTypes

from ..compat import arrow_reading
from .arrow_columns import arrow_values, open_layer
from .layer_frame import _python_value, unchecked_features

_POINT, _MULTIPOINT = 1, 4


@dataclass
class PointColumns:
    x: np.ndarray
    y: np.ndarray
    categories: np.ndarray | None
    no_geometry: int
    multi: int


def _first_points(wkb):
    """(x, y, has geometry, is multi with several points) of WKB points / multi-points (one batch)."""
    null = np.ma.getmaskarray(wkb) if isinstance(wkb, np.ma.MaskedArray) else None
    wkb = np.ma.getdata(wkb)
    n = len(wkb)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    present = np.zeros(n, dtype=bool)
    multi = np.zeros(n, dtype=bool)
    if wkb.dtype.kind == "V" and wkb.dtype.itemsize == 21 and null is None:
        # the usual case, every feature a little-endian 2D point: read x and y in place
        view = np.frombuffer(wkb.tobytes(), dtype=np.dtype([("order", "u1"), ("kind", "<u4"), ("x", "<f8"),
                                                            ("y", "<f8")]))
        if (view["order"] == 1).all() and (view["kind"] == _POINT).all():
            x, y = view["x"].copy(), view["y"].copy()
            return x, y, np.isfinite(x) & np.isfinite(y), multi
    if wkb.dtype.kind == "V":  # fixed-width binary: every geometry has the same length
        width = wkb.dtype.itemsize
        buf = np.frombuffer(wkb.tobytes(), dtype=np.uint8)
        offsets = np.arange(n, dtype=np.int64) * width
        lengths = np.full(n, width, dtype=np.int64)
    else:
        items = [b"" if g is None else bytes(g) for g in wkb]
        lengths = np.fromiter(map(len, items), dtype=np.int64, count=n)
        buf = np.frombuffer(b"".join(items) + b"\0" * 32, dtype=np.uint8)
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    ok = lengths >= 21
    if not ok.any():
        return x, y, present, multi

    def u32(at, little):
        b = buf[at[:, None] + np.arange(4)].astype(np.uint32)
        le = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)
        be = b[:, 3] | (b[:, 2] << 8) | (b[:, 1] << 16) | (b[:, 0] << 24)
        return np.where(little, le, be)

    def f64(at, little):
        raw = buf[at[:, None] + np.arange(8)]
        raw = np.where(little[:, None], raw, raw[:, ::-1])
        return np.ascontiguousarray(raw).view("<f8").ravel()

    idx = np.flatnonzero(ok)
    off = offsets[idx]
    little = buf[off] == 1
    # ISO (1001, 2001, 3001) and EWKB-style (high flag bits) Z/M variants have the same first x, y
    kind = (u32(off + 1, little) & 0x0FFFFFFF) % 1000
    is_point = kind == _POINT
    is_multi = (kind == _MULTIPOINT) & (lengths[idx] >= 30)
    p = idx[is_point]
    if len(p):
        x[p], y[p] = f64(offsets[p] + 5, little[is_point]), f64(offsets[p] + 13, little[is_point])
    m = idx[is_multi]
    if len(m):
        m_off, m_little = offsets[m], little[is_multi]
        count = u32(m_off + 5, m_little)
        inner_little = buf[m_off + 9] == 1
        x[m], y[m] = f64(m_off + 14, inner_little), f64(m_off + 22, inner_little)
        multi[m] = count > 1
        empty = count == 0
        x[m[empty]] = y[m[empty]] = np.nan
    if null is not None:
        x[null] = y[null] = np.nan
        multi[null] = False
    present = np.isfinite(x) & np.isfinite(y)  # POINT EMPTY is written as NaN NaN
    return x, y, present, multi


def _read_arrow(path, layer_name, category):
    ds, layer = open_layer(path, layer_name)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    layer.SetIgnoredFields([n for n in names if n != category])
    expected = max(layer.GetFeatureCount(), 0)
    x_all, y_all = np.empty(expected), np.empty(expected)  # filled batch by batch: no copy at the end
    xs, ys, cats, filled = [], [], [], 0
    no_geometry = n_multi = 0
    # masked arrays: NULL is masked. (GDAL 3.6 returns empty geometries when the FID and every field are left
    # out, so the FID comes along, unused.)
    with arrow_reading():  # one thread: see compat.arrow_reading
        stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])
        geom_name = layer.GetGeometryColumn() or "wkb_geometry"
        for batch in stream:
            x, y, present, multi = _first_points(batch[geom_name])
            if filled + len(x) <= expected:
                x_all[filled:filled + len(x)], y_all[filled:filled + len(x)] = x, y
            else:  # more features than counted: keep the rest aside
                xs.append(x)
                ys.append(y)
            filled += len(x)
            no_geometry += int((~present).sum())
            n_multi += int(multi.sum())
            if category:
                cats.append(arrow_values(batch[category]))
    del ds  # the layer belongs to the dataset: closed only now
    categories = np.concatenate(cats) if category and cats else (np.empty(0, dtype=object) if category else None)
    x_all, y_all = x_all[:min(filled, expected)], y_all[:min(filled, expected)]
    if xs:
        x_all, y_all = np.concatenate([x_all] + xs), np.concatenate([y_all] + ys)
    return PointColumns(x_all, y_all, categories, no_geometry, n_multi)


def _read_features(source, category_index, feedback=None):
    request = QgsFeatureRequest()
    if category_index >= 0:
        request.setSubsetOfAttributes([category_index])
    else:
        request.setNoAttributes()
    xs, ys, cats = [], [], []
    no_geometry = n_multi = 0
    for i, feature in enumerate(unchecked_features(source, request)):
        if feedback is not None and i % 20000 == 0 and feedback.isCanceled():
            break
        geom = feature.geometry()
        point = None
        if geom is not None and not geom.isEmpty():
            abstract = geom.constGet()
            if QgsWkbTypes.isMultiType(abstract.wkbType()):
                if abstract.numGeometries():
                    point = abstract.geometryN(0)
                    n_multi += int(abstract.numGeometries() > 1)
            else:
                point = abstract
        if point is None:
            no_geometry += 1
            xs.append(np.nan)
            ys.append(np.nan)
        else:
            xs.append(point.x())
            ys.append(point.y())
        if category_index >= 0:
            cats.append(_python_value(feature.attribute(category_index)))
    categories = np.array(cats, dtype=object) if category_index >= 0 else None
    return PointColumns(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), categories, no_geometry, n_multi)


def read_points(source, category_index=-1, columnar=None, feedback=None):
    """PointColumns of ``source`` (a QgsFeatureSource); ``columnar``: arrow_columns.columnar_source of its layer."""
    if columnar:
        category = source.fields().at(category_index).name() if category_index >= 0 else None
        return _read_arrow(columnar[0], columnar[1], category)
    return _read_features(source, category_index, feedback)
