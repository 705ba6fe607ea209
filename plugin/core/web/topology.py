"""Shared-arc topology of a polygon coverage and its coverage-preserving simplification.

Neighbouring districts share their boundary vertex for vertex. Simplifying each polygon on its own
(Douglas-Peucker per ring) moves a shared boundary differently on both sides and opens gaps and
overlaps. Here every boundary is cut into *arcs* at the *junctions* (vertices where the set of
neighbouring vertices changes, i.e. where a third district or the outer edge begins, as in TopoJSON);
an arc shared by two districts is stored and simplified once, so both sides stay identical.

Conventions:
- ``tolerance`` is in the units of the coordinates (metres for a projected CRS); Douglas-Peucker on each
  arc keeps its end points (the junctions), so junctions never move;
- vertices are the same vertex when they agree to ``grid`` (default 1 mm in metre coordinates);
- a district whose simplified rings are invalid (self-crossing, collapsed) gets its original arcs back,
  and so does every neighbour sharing those arcs; repeated until all are valid or unsimplified;
- districts are referenced by position (row order of the input); a ring is a list of arc references,
  ``i`` = arc i forward, ``~i`` (= -i - 1) = arc i reversed (the TopoJSON convention).
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Polygon

try:  # shapely >= 2: vectorised simplification of all arcs at once
    import shapely as _shapely

    _VECTORISED = hasattr(_shapely, "simplify") and hasattr(_shapely, "get_coordinates")
except ImportError:  # pragma: no cover
    _VECTORISED = False

MAX_REPAIR_ROUNDS = 6


@dataclass
class Topology:
    """Arcs (each an (n, 2) float array) and, per district, parts -> rings -> arc references."""

    arcs: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    original: list = field(default_factory=list)  # unsimplified arcs, same order
    tolerance: float = 0.0
    kept_original: int = 0  # arcs left unsimplified so that every district stays valid

    def vertex_count(self) -> int:
        """Coordinates stored in all arcs (shared boundaries once)."""
        return int(sum(len(a) for a in self.arcs))

    def ring_coords(self, refs: Sequence[int], arcs: Optional[list] = None) -> np.ndarray:
        """Closed ring coordinates from arc references (end point of each arc = start of the next)."""
        arcs = self.arcs if arcs is None else arcs
        pieces: list = []
        for ref in refs:
            arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
            pieces.append(arc if not pieces else arc[1:])
        return np.concatenate(pieces) if pieces else np.empty((0, 2))

    def geometry(self, district: int, arcs: Optional[list] = None) -> Optional[Union[Polygon, MultiPolygon]]:
        """The district as a shapely (Multi)Polygon, or None when it has no geometry."""
        polys = []
        for part in self.districts[district]:
            rings = [self.ring_coords(r, arcs) for r in part]
            if rings and len(rings[0]) >= 4:
                polys.append(Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]))
        if not polys:
            return None
        return polys[0] if len(polys) == 1 else MultiPolygon(polys)

    def geometries(self, arcs: Optional[list] = None) -> list:
        return [self.geometry(i, arcs) for i in range(len(self.districts))]


def _polygons(geom):
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type == "MultiPolygon":
        return list(geom.geoms)
    if geom.geom_type == "GeometryCollection":
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def _open_rings(geoms):
    """Ring coordinate arrays without the closing vertex, and the structure districts -> parts -> ring ids."""
    if _VECTORISED:
        return _open_rings_vectorised(geoms)
    rings: list = []
    structure: list = []
    for geom in geoms:
        parts = []
        for poly in _polygons(geom):
            ids = []
            for ring in [poly.exterior, *poly.interiors]:
                coords = np.asarray(ring.coords, dtype="float64")[:, :2]
                if len(coords) >= 2 and np.array_equal(coords[0], coords[-1]):
                    coords = coords[:-1]
                if len(coords) >= 3:
                    ids.append(len(rings))
                    rings.append(coords)
            if ids:
                parts.append(ids)
        structure.append(parts)
    return rings, structure


def _open_rings_vectorised(geoms):
    """``_open_rings`` with shapely >= 2: all rings and coordinates in a few array calls."""
    arr = np.array([g if g is not None and g.geom_type in ("Polygon", "MultiPolygon") else None for g in geoms],
                   dtype=object)
    parts, part_owner = _shapely.get_parts(arr, return_index=True)
    rings, ring_part = _shapely.get_rings(parts, return_index=True)
    coords, ring_of = _shapely.get_coordinates(rings, return_index=True)
    counts = np.bincount(ring_of, minlength=len(rings))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = np.split(coords, starts[1:])
    ring_arrays: list = []
    structure: list = [[] for _ in geoms]
    part_rings: dict = {}
    for arc, part in zip(out, ring_part.tolist()):
        if len(arc) >= 2 and arc[0, 0] == arc[-1, 0] and arc[0, 1] == arc[-1, 1]:
            arc = arc[:-1]
        if len(arc) >= 3:
            part_rings.setdefault(part, []).append(len(ring_arrays))
            ring_arrays.append(arc)
    for part, owner in enumerate(part_owner.tolist()):
        if part in part_rings:
            structure[owner].append(part_rings[part])
    return ring_arrays, structure


def _vertex_ids(coords, grid):
    """One integer id per distinct vertex (coordinates equal to ``grid``), and the first coordinate of each."""
    q = np.round(coords / grid).astype("int64")
    q -= q.min(axis=0)
    span = int(q[:, 1].max()) + 1
    if (int(q[:, 0].max()) + 1) * span < 2 ** 62:
        keys = q[:, 0] * span + q[:, 1]
        _, first, ids = np.unique(keys, return_index=True, return_inverse=True)
    else:  # pragma: no cover - coordinates spanning more than 2**31 grid cells per axis
        _, first, ids = np.unique(q, axis=0, return_index=True, return_inverse=True)
    return ids.reshape(-1), coords[first]


def _junctions(ids, starts, lengths, n_vertices):
    """Boolean per vertex id: True where a vertex is met with more than one pair of neighbours."""
    n = len(ids)
    ring_of = np.repeat(np.arange(len(starts)), lengths)
    pos = np.arange(n) - starts[ring_of]
    ends = starts + lengths - 1
    prev = np.where(pos == 0, ends[ring_of], np.arange(n) - 1)
    nxt = np.where(pos == lengths[ring_of] - 1, starts[ring_of], np.arange(n) + 1)
    a, b = ids[prev], ids[nxt]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    if n_vertices < 2 ** 21:  # (vertex, neighbour, neighbour) as one int64: a 1-D unique is much faster
        keys = np.unique((ids.astype("int64") * n_vertices + lo) * n_vertices + hi)
        vertex = keys // (n_vertices * n_vertices)
    else:  # pragma: no cover - more than 2 million distinct vertices
        vertex = np.unique(np.stack([ids, lo, hi], axis=1), axis=0)[:, 0]
    counts = np.bincount(vertex, minlength=n_vertices)
    return counts > 1


def build_topology(geoms: list, grid: float = 1e-3) -> Topology:
    """Cut the rings of ``geoms`` (shapely polygons/multipolygons or None, one per district) into shared arcs."""
    rings, structure = _open_rings(geoms)
    topo = Topology()
    if not rings:
        topo.districts = [[] for _ in structure]
        return topo
    lengths = np.array([len(r) for r in rings])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    ids, vertex_xy = _vertex_ids(np.concatenate(rings), grid)
    junction = _junctions(ids, starts, lengths, len(vertex_xy))
    arc_index: dict = {}
    arc_ids: list = []
    ring_refs = []
    for start, length in zip(starts.tolist(), lengths.tolist()):
        ring = ids[start:start + length]
        cuts = np.flatnonzero(junction[ring])
        if cuts.size == 0:  # a ring without junctions is one closed arc, from its smallest vertex id on
            first = int(np.argmin(ring))
            ring = np.roll(ring, -first)
            pieces = [np.append(ring, ring[0])]
        else:
            ring = np.roll(ring, -int(cuts[0]))
            cuts = cuts - cuts[0]
            bounds = np.append(cuts, length)
            closed = np.append(ring, ring[0])
            pieces = [closed[s:e + 1] for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist())]
        refs = []
        for piece in pieces:
            key = piece.tobytes()
            ref = arc_index.get(key)
            if ref is None:
                back = arc_index.get(piece[::-1].tobytes())
                if back is not None:
                    ref = ~back
                else:
                    ref = arc_index[key] = len(arc_ids)
                    arc_ids.append(piece)
            refs.append(ref)
        ring_refs.append(refs)
    topo.original = [vertex_xy[a] for a in arc_ids]
    topo.arcs = list(topo.original)
    topo.districts = [[[ring_refs[r] for r in part] for part in parts] for parts in structure]
    return topo


def _simplified_arcs(arcs, tolerance):
    """Douglas-Peucker of every arc (end points kept); closed arcs that would collapse stay as they are."""
    if _VECTORISED:
        lengths = np.array([len(a) for a in arcs])
        lines = _shapely.linestrings(np.concatenate(arcs), indices=np.repeat(np.arange(len(arcs)), lengths))
        simple = _shapely.simplify(lines, tolerance, preserve_topology=False)
        coords, index = _shapely.get_coordinates(simple, return_index=True)
        splits = np.searchsorted(index, np.arange(1, len(arcs)))
        out = np.split(coords, splits)
    else:
        out = [np.asarray(LineString(a).simplify(tolerance, preserve_topology=False).coords) for a in arcs]
    result = []
    for orig, new in zip(arcs, out):
        closed = np.array_equal(orig[0], orig[-1])
        if len(new) < 2 or (closed and len(new) < 4):
            new = orig
        result.append(np.asarray(new, dtype="float64"))
    return result


def _invalid(topo, districts, arcs):
    """The districts (of ``districts``) whose geometry from ``arcs`` is invalid or has no area."""
    districts = [d for d in sorted(districts) if topo.districts[d]]
    geoms = [topo.geometry(d, arcs) for d in districts]
    if _VECTORISED:
        arr = np.array(geoms, dtype=object)
        ok = _shapely.is_valid(arr) & (_shapely.area(arr) > 0)
        return [d for d, good in zip(districts, ok.tolist()) if not good]
    return [d for d, g in zip(districts, geoms) if g is None or not g.is_valid or g.area <= 0]


def simplify_topology(topo: Topology, tolerance: float) -> Topology:
    """Simplify every shared arc once with ``tolerance`` and repair districts that became invalid.

    Returns ``topo`` with ``arcs`` replaced; ``kept_original`` counts arcs left unsimplified.
    """
    topo.tolerance = float(tolerance)
    if tolerance <= 0 or not topo.original:
        topo.arcs = list(topo.original)
        return topo
    arcs = _simplified_arcs(topo.original, tolerance)
    uses: dict = {}
    for d, parts in enumerate(topo.districts):
        for ring in (r for part in parts for r in part):
            for ref in ring:
                uses.setdefault(ref if ref >= 0 else ~ref, set()).add(d)
    restored = np.zeros(len(arcs), dtype=bool)
    check = set(range(len(topo.districts)))
    for _ in range(MAX_REPAIR_ROUNDS):
        bad = _invalid(topo, check, arcs)
        check = set()
        for d in bad:
            for ref in (ref for part in topo.districts[d] for ring in part for ref in ring):
                i = ref if ref >= 0 else ~ref
                if not restored[i]:
                    restored[i] = True
                    arcs[i] = topo.original[i]
                    check |= uses[i]
        if not check:
            break
    topo.arcs = arcs
    topo.kept_original = int(restored.sum())
    return topo


def quantised_arcs(arcs: list, precision: float) -> tuple:
    """Arcs as delta-encoded integers (TopoJSON's quantisation): first point in units of ``precision``,
    then differences. Returns (list of flat int lists [x0, y0, dx1, dy1, …], origin (x, y))."""
    if not arcs:
        return [], (0.0, 0.0)
    lengths = np.array([len(a) for a in arcs])
    allxy = np.concatenate(arcs)
    origin = allxy.min(axis=0)
    q = np.round((allxy - origin) / precision).astype("int64")
    d = np.vstack([q[:1], np.diff(q, axis=0)])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    d[starts] = q[starts]  # every arc starts absolute
    flat = d.reshape(-1).tolist()
    bounds = np.concatenate([starts, [len(q)]]) * 2
    out = [flat[a:b] for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())]
    return out, (float(origin[0]), float(origin[1]))
