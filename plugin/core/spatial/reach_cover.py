"""The part of every district within a straight-line distance of a facility, for all districts at once.

The same answer as the chain a QGIS user builds (buffer the facilities, intersect with the districts,
dissolve the pieces per district, measure the area), computed on arrays:

1. every facility is buffered (round, ``quad_segments`` segments per quarter circle);
2. an STR tree pairs every district with the buffers whose bounding boxes meet it;
3. a district that one buffer covers entirely is covered whole (no intersection is computed);
4. otherwise each pair's intersection is a piece; the pieces of a district are merged (overlapping
   circles count once) by pairwise unions, all districts at a time: log2(most pieces) rounds.

No Python loop runs per district or per pair with shapely 2; shapely 1.8 runs the same steps through
plugin/core/spatial/shapely_arrays.py, one geometry at a time. Areas are planar, in map units².
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import shapely_arrays as arrays

#: pairs handed to GEOS per call: progress and cancelling in between, bounded temporary arrays
PAIR_CHUNK = 50_000


class StoppedError(Exception):
    """``progress`` returned False: the caller cancelled."""


class FailedError(Exception):
    """GEOS failed on the district at ``position`` (its inputs are screened: rare, e.g. a degenerate buffer)."""

    def __init__(self, position: int):
        super().__init__(position)
        self.position = position


def _guarded(function: Callable[..., np.ndarray], where: np.ndarray, *arrays_in: np.ndarray) -> np.ndarray:
    """``function(*arrays_in)``; when GEOS fails, FailedError with the district (``where``) of the first failing
    element, found by running the elements one by one."""
    try:
        return function(*arrays_in)
    except arrays.GeometryError:
        for k in range(len(where)):
            try:
                function(*(a[k:k + 1] for a in arrays_in))
            except arrays.GeometryError:
                raise FailedError(int(where[k])) from None
        raise


@dataclass
class Reach:
    """``area``: covered area of every district (map units², 0 where nothing is in reach); ``whole``: True
    where one buffer covers the district entirely; ``pieces``: {district position: covered geometry} for the
    districts covered in part (only when asked for); ``n_facilities``: buffers made."""

    area: np.ndarray
    whole: np.ndarray
    pieces: dict | None
    n_facilities: int


def _chunked(function: Callable[..., np.ndarray], n: int, progress: Callable[[float], bool] | None,
             span: tuple[float, float], where: np.ndarray, *arrays_in: np.ndarray) -> np.ndarray:
    """``function`` over slices of PAIR_CHUNK of the ``arrays_in``, concatenated; ``progress`` in between.
    ``where``: the district position of each element (named when GEOS fails)."""
    parts = []
    for start in range(0, n, PAIR_CHUNK):
        stop = start + PAIR_CHUNK
        parts.append(_guarded(function, where[start:stop], *(a[start:stop] for a in arrays_in)))
        if progress is not None and progress(span[0] + span[1] * min(1.0, (start + PAIR_CHUNK) / n)) is False:
            raise StoppedError()
    return np.concatenate(parts) if parts else np.empty(0, dtype=object)


def _merge_by_group(geoms: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One union per group: (group ids, merged geometries). ``group`` sorted ascending."""
    while len(group):
        first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        size = np.diff(np.r_[first, len(group)])
        if size.max() == 1:
            break
        rank = np.arange(len(group)) - np.repeat(first, size)
        left = np.flatnonzero((rank % 2 == 0) & (rank + 1 < np.repeat(size, size)))
        merged = geoms.copy()
        merged[left] = _guarded(arrays.union, group[left], geoms[left], geoms[left + 1])
        keep = rank % 2 == 0
        geoms, group = merged[keep], group[keep]
    return group, geoms


def reach_cover(districts: np.ndarray, facilities: np.ndarray, distance: float, quad_segments: int = 16,
                keep_pieces: bool = False, progress: Callable[[float], bool] | None = None) -> Reach:
    """Covered area of every district within ``distance`` (map units) of a facility (see the module docstring).

    ``districts``: valid (multi)polygons, an object array; ``facilities``: valid geometries of any type.
    ``keep_pieces``: also return the covered geometry of each district covered in part.
    ``progress(fraction)``: called between chunks; returning False raises ``StoppedError``. FailedError names
    the district on which GEOS failed.
    """
    n = len(districts)
    buffers = arrays.buffer(facilities, distance, quad_segments)
    d_idx, b_idx = arrays.box_pairs(districts, buffers)
    if progress is not None and progress(0.1) is False:
        raise StoppedError()
    covered: np.ndarray = _chunked(lambda b, d: arrays.covers_pairs(buffers, b, districts, d), len(d_idx), progress,
                                   (0.1, 0.2), d_idx, b_idx, d_idx).astype(bool)
    whole = np.zeros(n, dtype=bool)
    whole[d_idx[covered]] = True
    area = np.zeros(n, dtype="float64")
    area[whole] = arrays.area(districts[whole])

    partial = ~whole[d_idx]
    d_part, b_part = d_idx[partial], b_idx[partial]
    pieces = _chunked(lambda d, b: arrays.polygonal(arrays.intersection(districts[d], buffers[b])), len(d_part),
                      progress, (0.3, 0.5), d_part, d_part, b_part)
    real = arrays.area(pieces) > 0.0  # touching only along an edge or at a point: no piece
    group, merged = _merge_by_group(pieces[real], d_part[real])
    if progress is not None and progress(0.95) is False:
        raise StoppedError()
    area[group] = arrays.area(merged)
    kept = dict(zip(group.tolist(), merged)) if keep_pieces else None
    return Reach(area=area, whole=whole, pieces=kept, n_facilities=len(buffers))
