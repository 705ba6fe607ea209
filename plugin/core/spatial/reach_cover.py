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
from .pair_chunks import FailedError, StoppedError, chunked, merge_by_group

__all__ = ["FailedError", "Reach", "StoppedError", "reach_cover"]


@dataclass
class Reach:
    """``area``: covered area of every district (map units², 0 where nothing is in reach); ``whole``: True
    where one buffer covers the district entirely; ``pieces``: {district position: covered geometry} for the
    districts covered in part (only when asked for); ``n_facilities``: buffers made."""

    area: np.ndarray
    whole: np.ndarray
    pieces: dict | None
    n_facilities: int


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
    covered: np.ndarray = chunked(lambda b, d: arrays.covers_pairs(buffers, b, districts, d), len(d_idx), progress,
                                  (0.1, 0.2), d_idx, b_idx, d_idx).astype(bool)
    whole = np.zeros(n, dtype=bool)
    whole[d_idx[covered]] = True
    area = np.zeros(n, dtype="float64")
    area[whole] = arrays.area(districts[whole])

    partial = ~whole[d_idx]
    d_part, b_part = d_idx[partial], b_idx[partial]
    pieces = chunked(lambda d, b: arrays.polygonal(arrays.intersection(districts[d], buffers[b])), len(d_part),
                      progress, (0.3, 0.5), d_part, d_part, b_part)
    real = arrays.area(pieces) > 0.0  # touching only along an edge or at a point: no piece
    group, merged = merge_by_group(pieces[real], d_part[real])
    if progress is not None and progress(0.95) is False:
        raise StoppedError()
    area[group] = arrays.area(merged)
    kept = dict(zip(group.tolist(), merged)) if keep_pieces else None
    return Reach(area=area, whole=whole, pieces=kept, n_facilities=len(buffers))
