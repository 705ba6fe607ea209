"""Element-wise GEOS operations on arrays of geometries, the same calls with shapely 2 and shapely 1.8.

Shapely 2 runs each operation on a whole array in one call (in C, without a Python loop per geometry);
shapely 1.8 (QGIS's Python on Debian 12) has no array functions, so the same operations loop over the
geometries in Python. Both call the same GEOS functions, so the results are identical; only the speed
differs. Which one is used is decided here, once, by what the installed shapely offers (as in
points_in_polygons.py and web/topology.py for their own operations).

Arrays are numpy object arrays of shapely geometries (None allowed where stated).
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
from shapely.errors import ShapelyError as GeometryError  # noqa: F401  what a failed GEOS operation raises (1.8 and 2)
from shapely.ops import unary_union

try:  # shapely >= 2.0
    import shapely
    from shapely import from_wkb as _from_wkb  # noqa: F401  (absent in 1.8: decides the branch)

    VECTORISED = True
except ImportError:  # shapely 1.8
    import shapely.wkb
    from shapely.prepared import prep
    from shapely.strtree import STRtree

    VECTORISED = False


def _objects(items: Sequence) -> np.ndarray:
    """A 1-D object array of ``items`` (numpy would try to unpack geometries into nested arrays)."""
    out = np.empty(len(items), dtype=object)
    for k, item in enumerate(items):  # element by element: numpy would read a shapely 1.8 point as coordinates
        out[k] = item
    return out


def from_wkb(items: Sequence[bytes]) -> np.ndarray:
    """Geometries of WKB byte strings."""
    if VECTORISED:
        return np.asarray(shapely.from_wkb(list(items)), dtype=object)
    return _objects([shapely.wkb.loads(bytes(item)) for item in items])


def to_wkb(geoms: np.ndarray) -> list:
    """WKB byte strings of ``geoms``."""
    if VECTORISED:
        return list(shapely.to_wkb(geoms))
    return [g.wkb for g in geoms]


def buffer(geoms: np.ndarray, distance: float, quad_segments: int) -> np.ndarray:
    """Round buffers (round caps and joins) with ``quad_segments`` segments per quarter circle."""
    if VECTORISED:
        return np.asarray(shapely.buffer(geoms, distance, quad_segs=quad_segments), dtype=object)
    return _objects([g.buffer(distance, quad_segments) for g in geoms])


def area(geoms: np.ndarray) -> np.ndarray:
    """Planar area of every geometry (0 for lines, points, empty geometries)."""
    if VECTORISED:
        return np.asarray(shapely.area(geoms), dtype="float64")
    return np.array([g.area for g in geoms], dtype="float64")


def box_pairs(geoms: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) of every pair whose bounding boxes meet: geoms[i] and others[j], sorted by i then j."""
    if VECTORISED:
        i, j = shapely.STRtree(others).query(geoms)
    else:
        with warnings.catch_warnings():  # 1.8 warns that 2.0 changes the class (this module is the switch)
            warnings.simplefilter("ignore")
            tree = STRtree(list(others))
            found = [tree.query_items(g) for g in geoms]
        i = np.repeat(np.arange(len(geoms), dtype=np.int64), [len(f) for f in found])
        j = np.fromiter((k for f in found for k in f), dtype=np.int64, count=len(i))
    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    order = np.lexsort((j, i))
    return i[order], j[order]


def covers_pairs(covering: np.ndarray, which: np.ndarray, geoms: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Whether ``covering[which[k]]`` covers ``geoms[pairs[k]]`` (no point of it outside), for every k.

    ``covering`` is prepared once (few geometries tested against many).
    """
    if VECTORISED:
        shapely.prepare(covering)
        return np.asarray(shapely.covers(covering[which], geoms[pairs]), dtype=bool)
    prepared = {a: prep(covering[a]) for a in np.unique(which).tolist()}  # only those asked for (one chunk)
    return np.fromiter((prepared[a].covers(geoms[b]) for a, b in zip(which.tolist(), pairs.tolist())), dtype=bool,
                       count=len(which))


def intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a[k] ∩ b[k] for every k."""
    if VECTORISED:
        return np.asarray(shapely.intersection(a, b), dtype=object)
    return _objects([x.intersection(y) for x, y in zip(a, b)])


def union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a[k] ∪ b[k] for every k."""
    if VECTORISED:
        return np.asarray(shapely.union(a, b), dtype=object)
    return _objects([x.union(y) for x, y in zip(a, b)])


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """``geoms`` with the lines and points of a geometry collection dropped (an intersection can return a
    polygon plus a line where two boundaries also touch; GEOS overlays refuse such mixed collections)."""
    if VECTORISED:
        mixed = np.flatnonzero(shapely.get_type_id(geoms) == 7)
    else:
        mixed = np.array([k for k, g in enumerate(geoms) if g.geom_type == "GeometryCollection"], dtype=np.int64)
    if not len(mixed):
        return geoms
    out = geoms.copy()
    for k in mixed:  # rare: a Python loop over these only
        out[k] = unary_union([p for p in geoms[k].geoms if p.geom_type in ("Polygon", "MultiPolygon")])
    return out


def difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a[k] − b[k] for every k."""
    if VECTORISED:
        return np.asarray(shapely.difference(a, b), dtype=object)
    return _objects([x.difference(y) for x, y in zip(a, b)])


def is_empty(geoms: np.ndarray) -> np.ndarray:
    """Whether each geometry is empty."""
    if VECTORISED:
        return np.asarray(shapely.is_empty(geoms), dtype=bool)
    return np.array([g.is_empty for g in geoms], dtype=bool)


def first_xy(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of the first point of every (multi-)point; NaN for an empty one."""
    x, y = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
    full = np.flatnonzero(~is_empty(geoms))
    if VECTORISED:
        first = shapely.get_geometry(geoms[full], 0)  # a point is its own first part
        x[full], y[full] = shapely.get_x(first), shapely.get_y(first)
    else:
        for k in full:
            point = geoms[k].geoms[0] if geoms[k].geom_type == "MultiPoint" else geoms[k]
            x[k], y[k] = point.x, point.y
    return x, y


def bounds(geoms: np.ndarray) -> np.ndarray:
    """(xmin, ymin, xmax, ymax) of every geometry, an (n, 4) array."""
    if VECTORISED:
        return np.asarray(shapely.bounds(geoms), dtype="float64").reshape(-1, 4)
    return np.array([g.bounds for g in geoms], dtype="float64").reshape(-1, 4)
