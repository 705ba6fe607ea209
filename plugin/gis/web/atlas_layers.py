"""QGIS side of the web atlas: district polygons into shapely, shared arcs into WGS 84, map classes per field.

Geometry is simplified in the layer's own CRS (metres for a projected CRS; for a geographic CRS the tolerance
in metres is converted with 1° ≈ 111,320 m) and only then transformed to WGS 84 for Leaflet, arc by arc: a
shared arc is transformed once, so neighbours stay identical. Classes come from ``map_classes_for``, the
function the printed maps use, with the same defaults (quantiles, 5 classes, Oranges); the years of one
series share breaks computed on their pooled values (as ``batch_export`` POOL_YEARS), so years compare.
"""
import numpy as np
import pandas as pd
import shapely.wkb
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLineString,
    QgsUnitTypes,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.maps.secrecy import district_states
from ...core.web.atlas_data import field_entry
from ...core.web.topology import quantised_arcs
from ..style.renderers import map_classes_for, pooled_breaks

METRES_PER_DEGREE = 111320.0
#: coordinates in the page: 1e-6° ≈ 0.1 m, far below any simplification tolerance
PRECISION_DEGREES = 1e-6
WGS84 = "EPSG:4326"


def district_geometries(layer, fids, feedback=None):
    """shapely geometries of the features ``fids`` (in that order; None where a feature has no geometry)."""
    request = QgsFeatureRequest()
    request.setNoAttributes()
    found = {}
    for i, feature in enumerate(layer.getFeatures(request)):
        if feedback is not None and i % 2000 == 0 and feedback.isCanceled():
            return None
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            found[feature.id()] = None
            continue
        if geom.constGet().hasCurvedSegments():  # shapely reads straight segments only
            geom = QgsGeometry(geom.constGet().segmentize())
        found[feature.id()] = shapely.wkb.loads(bytes(geom.asWkb()))
    return [found.get(fid) for fid in fids]


def tolerance_in_layer_units(layer, metres):
    """(tolerance in the layer's coordinate units, True when that is an approximation from degrees)."""
    if layer.crs().isGeographic():
        return metres / METRES_PER_DEGREE, True
    to_metres = QgsUnitTypes.fromUnitToUnitFactor(layer.crs().mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
    return metres / to_metres, False


def _transform_xy(xy, transform):
    """Transform an (n, 2) array with one QGIS call (a line of all points), returned as an (n, 2) array."""
    line = QgsGeometry(QgsLineString(xy[:, 0].tolist(), xy[:, 1].tolist()))
    if line.transform(transform) != 0:
        raise ExportError(tr("The district boundaries could not be transformed to WGS 84 (EPSG:4326)."))
    wkb = bytes(line.asWkb())
    order = "<" if wkb[0] == 1 else ">"
    n = int(np.frombuffer(wkb, dtype=order + "u4", count=1, offset=5)[0])
    return np.frombuffer(wkb, dtype=order + "f8", count=2 * n, offset=9).reshape(n, 2).copy()


def geometry_payload(topo, crs, transform_context):
    """``window.ATLAS_GEOMETRY``: arcs in WGS 84, quantised to PRECISION_DEGREES and delta-encoded."""
    arcs = topo.arcs
    if arcs:
        transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84), transform_context)
        lengths = np.array([len(a) for a in arcs])
        moved = _transform_xy(np.concatenate(arcs), transform)
        arcs = np.split(moved, np.cumsum(lengths)[:-1])
    encoded, origin = quantised_arcs(arcs, PRECISION_DEGREES)
    return {"precision": PRECISION_DEGREES, "origin": list(origin), "arcs": encoded, "districts": topo.districts}


def field_entries(layer, frame, specs, rule, recipe=None, method="quantile", n_classes=5, ramp="Oranges",
                  colour_mode="auto", feedback=None):
    """``field_entry`` for every FieldSpec, with the classes of the printed map of that field."""
    pooled = {}
    for spec in specs:
        if spec.theme.startswith("year:"):
            pooled.setdefault(spec.theme, []).append(spec.field)
    pool_values = {}
    for theme, names in pooled.items():
        values = []
        for name in names:
            states = district_states(frame, name, rule)
            values.append(pd.to_numeric(frame[name], errors="coerce")[states == "class"])
        pool_values[theme] = pd.concat(values).astype(float)
    entries = []
    for spec in specs:
        if feedback is not None and feedback.isCanceled():
            return None
        edges = None
        if spec.theme in pool_values:
            edges = pooled_breaks(pool_values[spec.theme], method, n_classes)
        classes = map_classes_for(layer, spec.field, rule, recipe=recipe, colour_mode=colour_mode, method=method,
                                  n=n_classes, ramp=ramp, edges=edges, feedback=feedback, frame=frame)
        entries.append(field_entry(frame, spec, classes, rule))
    return entries

