"""GEOS operations on many pairs of geometries, in chunks: progress and cancelling between chunks, a failure
traced to the element it happened on, and pairwise unions per group. Shared by reach_cover.py (area within
reach) and polygon_pieces.py (pieces of an areal interpolation); the element-wise calls themselves are in
shapely_arrays.py (shapely 2 or 1.8).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import shapely_arrays as arrays

#: pairs handed to GEOS per call: progress and cancelling in between, bounded temporary arrays
PAIR_CHUNK = 50_000


class StoppedError(Exception):
    """``progress`` returned False: the caller cancelled."""


class FailedError(Exception):
    """GEOS failed on the element named ``position`` by the caller's ``where`` array (its inputs are screened:
    rare, e.g. a degenerate buffer); ``other``: the other geometry of the pair, where the caller says (else -1)."""

    def __init__(self, position: int, other: int = -1):
        super().__init__(position, other)
        self.position = position
        self.other = other


def guarded(function: Callable[..., np.ndarray], where: np.ndarray, *arrays_in: np.ndarray) -> np.ndarray:
    """``function(*arrays_in)``; when GEOS fails, FailedError with ``where`` of the first failing element,
    found by running the elements one by one."""
    try:
        return function(*arrays_in)
    except arrays.GeometryError:
        for k in range(len(where)):
            try:
                function(*(a[k:k + 1] for a in arrays_in))
            except arrays.GeometryError:
                raise FailedError(int(where[k])) from None
        raise


def chunked(function: Callable[..., np.ndarray], n: int, progress: Callable[[float], bool] | None,
            span: tuple[float, float], where: np.ndarray, *arrays_in: np.ndarray) -> np.ndarray:
    """``function`` over slices of PAIR_CHUNK of the ``arrays_in``, concatenated; ``progress`` in between.
    ``where``: what names each element when GEOS fails on it (FailedError.position)."""
    parts = []
    for start in range(0, n, PAIR_CHUNK):
        stop = start + PAIR_CHUNK
        parts.append(guarded(function, where[start:stop], *(a[start:stop] for a in arrays_in)))
        if progress is not None and progress(span[0] + span[1] * min(1.0, (start + PAIR_CHUNK) / n)) is False:
            raise StoppedError()
    return np.concatenate(parts) if parts else np.empty(0, dtype=object)


def merge_by_group(geoms: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One union per group: (group ids, merged geometries), log2(largest group) rounds of pairwise unions over
    all groups at once. ``group`` sorted ascending."""
    while len(group):
        first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        size = np.diff(np.r_[first, len(group)])
        if size.max() == 1:
            break
        rank = np.arange(len(group)) - np.repeat(first, size)
        left = np.flatnonzero((rank % 2 == 0) & (rank + 1 < np.repeat(size, size)))
        merged = geoms.copy()
        merged[left] = guarded(arrays.union, group[left], geoms[left], geoms[left + 1])
        keep = rank % 2 == 0
        geoms, group = merged[keep], group[keep]
    return group, geoms


def first_cover(a: np.ndarray, b: np.ndarray, covered: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """For pairs (a, b) sorted by a then b, where ``covered`` says b covers a: (keep, whole). An ``a`` covered
    by some b is taken whole by the lowest such b, and its pairs with higher b are dropped (``keep`` False);
    the pairs before it are kept (overlapping b's). ``whole``: the pair of that lowest covering b."""
    lowest = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(lowest, a[covered], b[covered])
    keep = b <= lowest[a]
    return keep, b == lowest[a]
