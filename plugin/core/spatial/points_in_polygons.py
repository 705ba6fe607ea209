"""Which polygon every point lies in, for millions of points: a grid of point buckets plus vectorised predicates.

Rule (the same as plugin/gis/spatial/overlay_geometry.py states for the overlays): a point belongs to the
polygon with the lowest id among those whose *interior* contains it; a point in no interior but on a
boundary (a shared edge, a corner) belongs to the lowest id among the polygons whose boundary it
touches; so a point on a shared boundary is counted exactly once, and a point in overlapping
polygons too.

How: the points are sorted into square buckets (one bucket about the median polygon size); each
polygon, in id order, takes the buckets its bounding box covers, keeps the points inside the box and
tests them at once with shapely's vectorised ``contains``/``touches`` on coordinates. The Python loop
runs once per polygon, never per point. The two predicates are chosen here once, by what the installed
shapely offers: ``shapely.contains_xy``/``intersects_xy`` (shapely 2) or ``shapely.vectorized`` (1.8,
QGIS's Python on Debian 12); both test the same GEOS predicates, so the results are identical.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

try:  # shapely >= 2.0
    from shapely import contains_xy as _contains_xy
    from shapely import from_wkb as _from_wkb
    from shapely import intersects_xy as _intersects_xy
except ImportError:  # shapely 1.8
    from shapely.vectorized import contains as _contains_xy
    from shapely.vectorized import touches as _intersects_xy  # used only on points not in the interior
    from shapely.wkb import loads as _loads

    def _from_wkb(items):
        return [_loads(item) for item in items]

#: at most this many points per bucket on average, whatever the polygon sizes (memory of a row slice)
_MAX_POINTS_PER_BUCKET = 4096


def polygons_from_wkb(items: Sequence[bytes]) -> list:
    """Shapely geometries of WKB byte strings (vectorised with shapely 2)."""
    return list(_from_wkb(list(items)))


class PointBuckets:
    """Points sorted into a regular grid of square buckets, to fetch those inside a bounding box."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cell: float):
        self.x = np.asarray(x, dtype="float64")
        self.y = np.asarray(y, dtype="float64")
        finite = np.isfinite(self.x) & np.isfinite(self.y)
        if finite.any():
            self.x0, self.y0 = float(self.x[finite].min()), float(self.y[finite].min())
            width = float(self.x[finite].max()) - self.x0
            height = float(self.y[finite].max()) - self.y0
        else:
            self.x0 = self.y0 = width = height = 0.0
        n = int(finite.sum())
        # buckets not much smaller than the polygons, and not so many that the bucket table dominates
        min_cell = np.sqrt(max(width * height, 1e-12) * _MAX_POINTS_PER_BUCKET / max(n, 1)) / 64.0
        self.cell = max(float(cell), min_cell, 1e-9)
        self.ncols = int(width // self.cell) + 1
        self.nrows = int(height // self.cell) + 1
        col = np.zeros(len(self.x), dtype="int64")
        row = np.zeros(len(self.x), dtype="int64")
        col[finite] = ((self.x[finite] - self.x0) // self.cell).astype("int64")
        row[finite] = ((self.y[finite] - self.y0) // self.cell).astype("int64")
        bucket = row * self.ncols + col
        bucket[~finite] = self.ncols * self.nrows  # never fetched
        self.order = np.argsort(bucket, kind="stable")
        self.starts = np.searchsorted(bucket[self.order], np.arange(self.ncols * self.nrows + 1))

    def in_box(self, minx: float, miny: float, maxx: float, maxy: float) -> np.ndarray:
        """Indices of the points in the closed box (ascending bucket order)."""
        c0 = max(int((minx - self.x0) // self.cell), 0)
        c1 = min(int((maxx - self.x0) // self.cell), self.ncols - 1)
        r0 = max(int((miny - self.y0) // self.cell), 0)
        r1 = min(int((maxy - self.y0) // self.cell), self.nrows - 1)
        if c0 > c1 or r0 > r1:
            return np.empty(0, dtype="int64")
        parts = [self.order[self.starts[r * self.ncols + c0]:self.starts[r * self.ncols + c1 + 1]]
                 for r in range(r0, r1 + 1)]
        idx = parts[0] if len(parts) == 1 else np.concatenate(parts)
        px, py = self.x[idx], self.y[idx]
        return idx[(px >= minx) & (px <= maxx) & (py >= miny) & (py <= maxy)]


def locate_points(polygons: Sequence, ids: Sequence[int], x: np.ndarray, y: np.ndarray,
                  progress: Callable[[float], bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The polygon id of every point (x, y) by the lowest-id rule above, and whether it lies on a boundary.

    ``polygons``: shapely (multi)polygons; ``ids``: their integer ids (e.g. feature ids), same order.
    ``x``, ``y``: coordinates (NaN for a point without geometry: located nowhere).
    ``progress(fraction)``: called now and then; returning False stops (the result is then incomplete).
    Returns (polygon id per point, -1 where none; bool array: located by its boundary, not its interior).
    """
    x = np.asarray(x, dtype="float64")
    y = np.asarray(y, dtype="float64")
    ids = np.asarray(ids, dtype="int64")
    interior = np.full(len(x), -1, dtype="int64")
    boundary = np.full(len(x), -1, dtype="int64")
    if len(x) == 0 or len(ids) == 0:
        return interior, np.zeros(len(x), dtype=bool)
    bounds = np.array([p.bounds for p in polygons], dtype="float64").reshape(-1, 4)
    sizes = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    buckets = PointBuckets(x, y, float(np.nanmedian(sizes)) if len(sizes) else 1.0)
    for step, k in enumerate(np.argsort(ids, kind="stable")):  # lowest id first: the first claim holds
        if progress is not None and step % 2000 == 0 and progress(step / len(ids)) is False:
            break
        idx = buckets.in_box(*bounds[k])
        if not len(idx):
            continue
        polygon = polygons[k]
        free = idx[interior[idx] < 0]
        if not len(free):
            continue
        inside = _contains_xy(polygon, x[free], y[free])
        interior[free[inside]] = ids[k]
        rest = free[~inside]
        rest = rest[boundary[rest] < 0]
        if len(rest):
            touching = _intersects_xy(polygon, x[rest], y[rest])
            boundary[rest[touching]] = ids[k]
    on_boundary = (interior < 0) & (boundary >= 0)
    return np.where(interior >= 0, interior, boundary), on_boundary
