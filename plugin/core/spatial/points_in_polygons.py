"""Which polygon every point lies in, for millions of points: point buckets, candidate pairs, vectorised predicates.

Rule (the same as plugin/gis/spatial/overlay_geometry.py states for the overlays): a point belongs to the
polygon with the lowest id among those whose *interior* contains it; a point in no interior but on a
boundary (a shared edge, a corner) belongs to the lowest id among the polygons whose boundary it
touches; so a point on a shared boundary is counted exactly once, and a point in overlapping
polygons too.

How: the points are sorted into square buckets (about half the median polygon size); every polygon's
bounding box selects buckets, and numpy expands them into candidate (polygon, point) pairs, in chunks
of a few million pairs, keeping those inside the box. The exact test runs on all pairs of a chunk at
once. A second pass tests the boundaries, only for the points no interior took. No Python loop runs
per point or, with shapely 2, per polygon.

The predicates are chosen here once, by what the installed shapely offers: shapely 2 tests arrays of
(prepared) polygons against arrays of coordinates in one call (``contains_xy``/``intersects_xy``);
shapely 1.8 (QGIS's Python on Debian 12) tests one polygon against its points per call
(``shapely.vectorized``). Both evaluate the same GEOS predicates, so the results are identical.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

try:  # shapely >= 2.0
    import shapely
    from shapely import contains_xy as _contains_xy
    from shapely import intersects_xy as _intersects_xy

    def _as_polygons(polygons):
        array = np.asarray(polygons, dtype=object)
        shapely.prepare(array)
        return array, shapely.bounds(array).reshape(-1, 4)

    def _test_pairs(predicate, polygons, pair_poly, px, py):
        return predicate(polygons[pair_poly], px, py)

    def _from_wkb(items):
        return list(shapely.from_wkb(items))

except ImportError:  # shapely 1.8
    from shapely.vectorized import contains as _contains_xy
    from shapely.vectorized import touches as _intersects_xy  # used only on points not in any interior
    from shapely.wkb import loads as _loads

    def _as_polygons(polygons):
        return list(polygons), np.array([p.bounds for p in polygons], dtype="float64").reshape(-1, 4)

    def _test_pairs(predicate, polygons, pair_poly, px, py):
        out = np.zeros(len(pair_poly), dtype=bool)
        cuts = np.flatnonzero(np.diff(pair_poly)) + 1  # pairs come grouped by polygon
        for a, b in zip(np.concatenate(([0], cuts)), np.concatenate((cuts, [len(pair_poly)]))):
            if b > a:
                out[a:b] = predicate(polygons[pair_poly[a]], px[a:b], py[a:b])
        return out

    def _from_wkb(items):
        return [_loads(item) for item in items]

#: candidate pairs tested at once (memory: about 100 bytes a pair at the peak of a chunk)
PAIR_CHUNK = 500_000
#: "no polygon" in the per-point ranks
NONE = np.iinfo(np.int32).max


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
        # about the polygons' size, but never more buckets than points (tiny polygons in a wide extent)
        min_cell = np.sqrt(max(width * height, 1e-12) / max(n, 1))
        self.cell = max(float(cell), min_cell, 1e-9)
        self.ncols = int(width // self.cell) + 1
        self.nrows = int(height // self.cell) + 1
        bucket = np.empty(len(self.x), dtype=np.int64)
        for a in range(0, len(self.x), 1_000_000):  # in slices: few temporary arrays of all points
            b = a + 1_000_000
            with np.errstate(invalid="ignore"):
                part = ((self.y[a:b] - self.y0) // self.cell) * self.ncols + (self.x[a:b] - self.x0) // self.cell
            part[~finite[a:b]] = self.ncols * self.nrows  # never fetched
            bucket[a:b] = part
        self.order = np.argsort(bucket)  # the order inside a bucket does not matter
        counts = np.bincount(bucket, minlength=self.ncols * self.nrows + 1)
        self.starts = np.concatenate(([0], np.cumsum(counts)))


def _candidate_pairs(bounds: np.ndarray, buckets: PointBuckets) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(polygon positions, point indices) of the points inside each polygon's bounding box, in chunks of
    about PAIR_CHUNK pairs, grouped by polygon."""
    cell = buckets.cell
    with np.errstate(invalid="ignore"):  # the same (monotonic) floor division that sorted the points
        c0 = (bounds[:, 0] - buckets.x0) // cell
        c1 = (bounds[:, 2] - buckets.x0) // cell
        r0 = (bounds[:, 1] - buckets.y0) // cell
        r1 = (bounds[:, 3] - buckets.y0) // cell
    valid = np.isfinite(c0) & np.isfinite(c1) & np.isfinite(r0) & np.isfinite(r1)
    valid &= (c1 >= 0) & (r1 >= 0) & (c0 <= buckets.ncols - 1) & (r0 <= buckets.nrows - 1)
    c0 = np.clip(np.where(valid, c0, 0), 0, buckets.ncols - 1).astype(np.int64)
    c1 = np.clip(np.where(valid, c1, 0), 0, buckets.ncols - 1).astype(np.int64)
    r0 = np.clip(np.where(valid, r0, 0), 0, buckets.nrows - 1).astype(np.int64)
    r1 = np.clip(np.where(valid, r1, 0), 0, buckets.nrows - 1).astype(np.int64)
    width = c1 - c0 + 1
    n_buckets = np.where(valid, width * (r1 - r0 + 1), 0)
    # one entry per (polygon, bucket)
    e_poly = np.repeat(np.arange(len(bounds), dtype=np.int64), n_buckets)
    local = np.arange(len(e_poly), dtype=np.int64) - np.repeat(np.cumsum(n_buckets) - n_buckets, n_buckets)
    bucket = (r0[e_poly] + local // width[e_poly]) * buckets.ncols + c0[e_poly] + local % width[e_poly]
    first = buckets.starts[bucket]
    count = buckets.starts[bucket + 1] - first
    ends = np.cumsum(count)
    start = 0
    while start < len(e_poly):
        stop = int(np.searchsorted(ends, (ends[start - 1] if start else 0) + PAIR_CHUNK, side="right"))
        stop = max(stop, start + 1)
        cnt = count[start:stop]
        pair_poly = np.repeat(e_poly[start:stop], cnt)
        offset = np.arange(len(pair_poly), dtype=np.int64) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        points = buckets.order[np.repeat(first[start:stop], cnt) + offset]
        px = buckets.x[points]  # one bound at a time: no (pairs x 4) temporary
        keep = px >= bounds[pair_poly, 0]
        keep &= px <= bounds[pair_poly, 2]
        del px
        py = buckets.y[points]
        keep &= py >= bounds[pair_poly, 1]
        keep &= py <= bounds[pair_poly, 3]
        del py
        yield pair_poly[keep], points[keep]
        start = stop


def _lowest(predicate, polygons, bounds, ranks, x, y, subset, progress, share):
    """Lowest polygon rank per point whose ``predicate`` holds (NONE where none), for the points ``subset``.
    ``ranks``: the rank of every polygon's id (int32: 4 bytes a point for the result, not 8)."""
    best = np.full(len(x), NONE, dtype=np.int32)
    if not len(subset):
        return best
    whole = len(subset) == len(x)  # every point: no copies of the coordinates
    sx, sy = (x, y) if whole else (x[subset], y[subset])
    sizes = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    buckets = PointBuckets(sx, sy, float(np.nanmedian(sizes)) / 2.0 if len(sizes) else 1.0)
    done = 0
    for pair_poly, points in _candidate_pairs(bounds, buckets):
        hit = _test_pairs(predicate, polygons, pair_poly, sx[points], sy[points])
        np.minimum.at(best, points[hit] if whole else subset[points[hit]], ranks[pair_poly[hit]])
        done += 1
        if progress is not None and progress(share[0] + share[1] * min(1.0, done * PAIR_CHUNK / (3.0 * len(sx)))) \
                is False:
            break
    return best


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
    id_array = np.asarray(ids, dtype="int64")
    if len(x) == 0 or len(id_array) == 0:
        return np.full(len(x), -1, dtype=np.int64), np.zeros(len(x), dtype=bool)
    if len(id_array) >= NONE:
        raise ValueError(f"at most {NONE - 1} polygons")
    by_id = np.argsort(id_array, kind="stable")  # rank r is the r-th lowest id: the lowest rank is the lowest id
    ranks = np.empty(len(id_array), dtype=np.int32)
    ranks[by_id] = np.arange(len(id_array), dtype=np.int32)
    polygons, bounds = _as_polygons(polygons)
    finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    interior = _lowest(_contains_xy, polygons, bounds, ranks, x, y, finite, progress, (0.0, 0.8))
    rest = finite[interior[finite] == NONE]  # outside every interior: on a boundary, or outside
    del finite
    boundary = _lowest(_intersects_xy, polygons, bounds, ranks, x, y, rest, progress, (0.8, 0.2))
    on_boundary = interior == NONE
    interior[on_boundary] = boundary[on_boundary]  # NONE where neither: outside every polygon
    on_boundary &= boundary != NONE
    del boundary
    located = np.full(len(x), -1, dtype=np.int64)
    inside = interior != NONE
    located[inside] = id_array[by_id[interior[inside]]]
    return located, on_boundary
