"""The pieces of an areal interpolation (every source ∩ target, its area, and the population in it), for all
sources at once on shapely arrays.

1. an STR tree pairs every source with the targets whose bounding boxes meet it;
2. a source that a target covers is taken whole by the lowest such target, without an intersection (pairs
   with higher targets are dropped; those with lower ones, overlapping targets, are kept);
3. the other pairs are intersected in chunks (progress and cancelling in between); pieces without area
   (touching only along an edge or at a point) are dropped;
4. the part of a source no target covers (its area minus the pieces' areas, when above 1e-9 of the source)
   becomes a piece without target; pieces adding up to more than 1e-6 above the source are target overlap.

``population_in_pieces`` weights the pieces by a population layer the same way: a point unit counts in the
piece that contains it (lowest piece on shared boundaries, points_in_polygons.py), a polygon unit is spread
uniformly over its area (pairs, covered whole or intersected). No Python loop runs per source, pair or unit
with shapely 2; shapely 1.8 runs the same steps one geometry at a time (shapely_arrays.py). Areas are planar.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from . import shapely_arrays as arrays
from .pair_chunks import FailedError, StoppedError, chunked, first_cover, merge_by_group
from .points_in_polygons import locate_points

__all__ = ["FailedError", "Pieces", "StoppedError", "polygon_pieces", "population_in_pieces"]

#: a source's uncovered part becomes a piece above this share of its area; covered area above the source by
#: more than OVERLAP_TOLERANCE is target overlap (the rule of interpolation_in_database.py too)
REST_TOLERANCE = 1e-9
OVERLAP_TOLERANCE = 1e-6


@dataclass
class Pieces:
    """``source``, ``target`` (positions in the input arrays; target -1: the part no target covers), ``area``
    of every piece, sorted by source, then target (the uncovered part last); ``geoms`` the piece geometries
    (only when asked for); ``source_area`` of every source; ``overlap_area``: source area counted in more than
    one target."""

    source: np.ndarray
    target: np.ndarray
    area: np.ndarray
    geoms: np.ndarray | None
    source_area: np.ndarray
    overlap_area: float


def _tick(progress: Callable[[float], bool] | None, fraction: float) -> None:
    if progress is not None and progress(fraction) is False:
        raise StoppedError()


def polygon_pieces(sources: np.ndarray, targets: np.ndarray, keep_geometry: bool = False,
                   progress: Callable[[float], bool] | None = None) -> Pieces:
    """Every non-empty piece of ``sources`` ∩ ``targets`` (valid (multi)polygons, object arrays), see the module
    docstring. ``progress(fraction)``: called between chunks; returning False raises StoppedError. FailedError
    names the source (``position``) and the target (``other``, -1 for its uncovered part) GEOS failed on."""
    n = len(sources)
    source_area = arrays.area(sources)
    s_idx, t_idx = _box_overlaps(sources, targets)
    _tick(progress, 0.05)
    covered: np.ndarray = _pairwise(lambda s, t: arrays.covers_pairs(targets, t, sources, s), s_idx, t_idx, progress,
                        (0.05, 0.25)).astype(bool)
    keep, whole = first_cover(s_idx, t_idx, covered, n)
    s_idx, t_idx, whole = s_idx[keep], t_idx[keep], whole[keep]
    cut = np.flatnonzero(~whole)
    area = source_area[s_idx]
    geoms = sources[s_idx] if keep_geometry else np.empty(0, dtype=object)
    if keep_geometry:  # the geometries of the cut pieces are kept (for the population), else only their areas
        geoms[cut] = _pairwise(lambda s, t: arrays.intersection(sources[s], targets[t]), s_idx[cut], t_idx[cut],
                               progress, (0.3, 0.6))
        area[cut] = arrays.area(geoms[cut])
        geoms[cut] = arrays.polygonal(geoms[cut])  # a line where boundaries also touch has no area
    else:
        area[cut] = _pairwise(lambda s, t: arrays.area(arrays.intersection(sources[s], targets[t])), s_idx[cut],
                              t_idx[cut], progress, (0.3, 0.6)).astype("float64")
    real = area > 0.0
    if keep_geometry:
        geoms = geoms[real]
    s_idx, t_idx, area = s_idx[real], t_idx[real], area[real]
    rest = source_area - np.bincount(s_idx, weights=area, minlength=n)  # summed in target order, per source
    open_ = np.flatnonzero(rest > REST_TOLERANCE * source_area)
    overlap = float(-rest[rest < -OVERLAP_TOLERANCE * source_area].sum())
    _tick(progress, 0.92)
    if keep_geometry:
        geoms = np.concatenate([geoms, _uncovered_parts(sources, open_, s_idx, geoms)])
    order = np.argsort(np.r_[s_idx, open_], kind="stable")  # the uncovered part after its source's pieces
    return Pieces(source=np.r_[s_idx, open_][order], target=np.r_[t_idx, np.full(len(open_), -1)][order],
                  area=np.r_[area, rest[open_]][order], geoms=geoms[order] if keep_geometry else None,
                  source_area=source_area, overlap_area=overlap)


def _box_overlaps(geoms: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """arrays.box_pairs without the pairs whose boxes meet only along an edge or at a corner: their geometries
    share no area (neighbours on a grid, where these are most pairs)."""
    i, j = arrays.box_pairs(geoms, others)
    a, b = arrays.bounds(geoms)[i], arrays.bounds(others)[j]
    overlap = (np.minimum(a[:, 2], b[:, 2]) > np.maximum(a[:, 0], b[:, 0])) & \
              (np.minimum(a[:, 3], b[:, 3]) > np.maximum(a[:, 1], b[:, 1]))
    return i[overlap], j[overlap]


def _pairwise(function: Callable[[np.ndarray, np.ndarray], np.ndarray], s_idx: np.ndarray, t_idx: np.ndarray,
              progress: Callable[[float], bool] | None, span: tuple[float, float]) -> np.ndarray:
    """``function(s, t)`` over the pairs in chunks (pair_chunks.chunked); FailedError names source and target."""
    try:
        return chunked(function, len(s_idx), progress, span, np.arange(len(s_idx)), s_idx, t_idx)
    except FailedError as err:
        raise FailedError(int(s_idx[err.position]), int(t_idx[err.position])) from None


def _uncovered_parts(sources: np.ndarray, open_: np.ndarray, s_idx: np.ndarray, geoms: np.ndarray) -> np.ndarray:
    """The part of each source in ``open_`` outside its pieces: the source minus the union of its pieces."""
    mine = np.isin(s_idx, open_)
    group, merged = merge_by_group(geoms[mine], s_idx[mine])
    out = sources[open_].copy()
    at = np.searchsorted(open_, group)
    out[at] = chunked(arrays.difference, len(group), None, (0.0, 1.0), group, sources[group], merged)
    return arrays.polygonal(out)


def population_in_pieces(pieces: np.ndarray, units: np.ndarray, population: np.ndarray, points: bool,
                         progress: Callable[[float], bool] | None = None) -> tuple[np.ndarray, float]:
    """(population in each piece, population outside all pieces) of population ``units`` (valid geometries,
    object array; ``population`` of each, no NaN). ``points``: the units are (multi-)points, counted at their
    first point in the lowest piece containing it (or touching it); otherwise (multi)polygons, each spread
    uniformly over its area: population_piece += population_unit · area(unit ∩ piece) / area(unit).
    FailedError names the unit (position) GEOS failed on."""
    population = np.asarray(population, dtype="float64")
    weights = np.zeros(len(pieces), dtype="float64")
    usable = np.flatnonzero(~arrays.is_empty(pieces)) if len(pieces) else np.empty(0, dtype=np.int64)
    if points:
        x, y = arrays.first_xy(units)
        located, _boundary = locate_points(list(pieces[usable]), cast("Sequence[int]", usable), x, y, progress)
        if progress is not None and progress(1.0) is False:
            raise StoppedError()
        inside = located >= 0
        weights += np.bincount(located[inside], weights=population[inside], minlength=len(pieces))
        return weights, float(population[~inside].sum())
    unit_area = arrays.area(units)
    u_idx, p_idx = _box_overlaps(units, pieces[usable])
    p_idx = usable[p_idx]
    ok = unit_area[u_idx] > 0
    u_idx, p_idx = u_idx[ok], p_idx[ok]
    covered: np.ndarray = chunked(lambda p, u: arrays.covers_pairs(pieces, p, units, u), len(u_idx), progress,
                                  (0.0, 0.3), u_idx, p_idx, u_idx).astype(bool)
    keep, whole = first_cover(u_idx, p_idx, covered, len(units))
    u_idx, p_idx, whole = u_idx[keep], p_idx[keep], whole[keep]
    frac = np.ones(len(u_idx), dtype="float64")
    cut = np.flatnonzero(~whole)
    inter = chunked(lambda u, p: arrays.area(arrays.intersection(units[u], pieces[p])), len(cut), progress,
                    (0.3, 0.7), u_idx[cut], u_idx[cut], p_idx[cut])
    frac[cut] = inter.astype("float64") / unit_area[u_idx[cut]]
    weights += np.bincount(p_idx, weights=population[u_idx] * frac, minlength=len(pieces))
    placed = np.bincount(u_idx, weights=frac, minlength=len(units))
    return weights, float((population * np.clip(1.0 - placed, 0.0, None)).sum())
