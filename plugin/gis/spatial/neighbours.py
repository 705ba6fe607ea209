"""Neighbour lists of the features of a layer: queen / rook contiguity and k nearest neighbours.

Candidates come from a QgsSpatialIndex (bounding boxes grown by the tolerance), the exact test
from QGIS's geometry engine (GEOS), so the work grows with the number of *adjacent* pairs, never
with all n^2 pairs. Each candidate pair is tested once and linked in both directions.

- queen: the two geometries share at least one point (distance <= tolerance);
- rook: they share a stretch of boundary of positive length: the part of i's boundary lying in j
  (j grown by the tolerance) is longer than 4 x tolerance (longer than 1e-8 layer units when the
  tolerance is 0), so touching at a corner, even across a digitising gap, does not count;
- knn: the k features whose centroids are nearest to i's centroid (Euclidean, layer units).
  Ties at the k-th distance go to the feature that comes first in the layer. Not symmetric.

The tolerance (layer units, e.g. metres) bridges slivers and gaps between digitised polygons.
Positions 0..n-1 follow the order of ``geometries``; features without geometry get no neighbours.
"""
from qgis.core import QgsGeometry, QgsPointXY, QgsSpatialIndex

from ...core.errors import ComputationError
from ...core.i18n import tr
from ...core.spatial.weights import SpatialWeights

MIN_SHARED_LENGTH = 1e-8


def read_geometries(source, feedback=None):
    """(feature ids, geometries) of every feature of ``source`` in iteration order (None = no geometry)."""
    fids, geometries = [], []
    for i, feature in enumerate(source.getFeatures()):
        if feedback is not None and i % 2000 == 0 and feedback.isCanceled():
            break
        fids.append(feature.id())
        geom = feature.geometry() if feature.hasGeometry() else None
        geometries.append(geom if geom is not None and not geom.isEmpty() else None)
    return fids, geometries


def _progress(feedback, i, n, span):
    if feedback is None or i % 100:
        return False
    feedback.setProgress(span[0] + (span[1] - span[0]) * i / max(n, 1))
    return feedback.isCanceled()


def contiguity_neighbours(geometries, rook=False, tolerance=0.0, feedback=None, progress_span=(0.0, 100.0)):
    """Queen (default) or rook neighbour lists of polygon ``geometries`` (see module docstring)."""
    tolerance = float(tolerance or 0.0)
    index = QgsSpatialIndex()
    for pos, geom in enumerate(geometries):
        if geom is not None:
            index.addFeature(pos, geom.boundingBox())
    neighbours = [set() for _ in geometries]
    grown = {}
    min_length = max(4.0 * tolerance, MIN_SHARED_LENGTH)
    for i, geom in enumerate(geometries):
        if _progress(feedback, i, len(geometries), progress_span):
            return None
        if geom is None:
            continue
        box = geom.boundingBox()
        box.grow(tolerance)
        candidates = [j for j in index.intersects(box) if j > i]
        if not candidates:
            continue
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        boundary_engine = None
        for j in candidates:
            other = geometries[j]
            if tolerance > 0:
                touching = engine.distance(other.constGet()) <= tolerance
            else:
                touching = engine.intersects(other.constGet())
            if not touching:
                continue
            if rook:
                if boundary_engine is None:
                    boundary_engine = QgsGeometry.createGeometryEngine(geom.constGet().boundary())
                if tolerance > 0:
                    if j not in grown:
                        grown[j] = other.buffer(tolerance, 8)
                    target = grown[j]
                else:
                    target = other
                shared = boundary_engine.intersection(target.constGet())
                if shared is None or shared.length() <= min_length:
                    continue
            neighbours[i].add(j)
            neighbours[j].add(i)
    return [sorted(row) for row in neighbours]


def centroid_points(geometries):
    """Centroid (x, y) per geometry, None without geometry."""
    points = []
    for geom in geometries:
        if geom is None:
            points.append(None)
            continue
        centre = geom.centroid()
        points.append(None if centre.isEmpty() else centre.asPoint())
    return points


def knn_neighbours(geometries, k, feedback=None, progress_span=(0.0, 100.0)):
    """k nearest neighbours by centroid distance; ties at the k-th distance go to the earlier feature."""
    points = centroid_points(geometries)
    present = [pos for pos, p in enumerate(points) if p is not None]
    if k < 1 or k >= len(present):
        raise ComputationError(tr("k nearest neighbours: k must be between 1 and {m} (the number of features "
                                  "with a geometry minus one); got {k}.").format(m=len(present) - 1, k=k))
    index = QgsSpatialIndex()
    for pos in present:
        index.addFeature(pos, QgsGeometry.fromPointXY(points[pos]).boundingBox())
    neighbours = [[] for _ in geometries]
    for count, i in enumerate(present):
        if _progress(feedback, count, len(present), progress_span):
            return None
        p = points[i]
        # the index returns every feature tied with the last requested one, so no tied candidate is lost
        candidates = [j for j in index.nearestNeighbor(QgsPointXY(p), k + 1) if j != i]
        distances = sorted(((p.x() - points[j].x()) ** 2 + (p.y() - points[j].y()) ** 2, j) for j in candidates)
        neighbours[i] = sorted(j for _d, j in distances[:k])
    return neighbours


def build_weights(source_geometries, method, k=5, tolerance=0.0, ids=None, feedback=None, progress_span=(0.0, 100.0)):
    """Binary SpatialWeights for ``method`` 'queen', 'rook' or 'knn'; None when cancelled."""
    if method == "knn":
        neighbours = knn_neighbours(source_geometries, k, feedback, progress_span)
    else:
        neighbours = contiguity_neighbours(source_geometries, rook=(method == "rook"), tolerance=tolerance,
                                           feedback=feedback, progress_span=progress_span)
    if neighbours is None:
        return None
    return SpatialWeights.from_neighbours(neighbours, ids=ids)
