"""Shared-arc topology and coverage-preserving simplification of the web atlas (pure shapely, no QGIS).

The oracle is shapely itself: overlaps are measured as pairwise intersection areas, gaps as area the union of
the simplified districts misses or adds against the union of the originals' own arcs, both after simplifying
wiggly shared boundaries that a per-polygon Douglas-Peucker would pull apart.
"""
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box
from sozialmonitor.plugin.core.web.topology import build_topology, quantised_arcs, simplify_topology


def wiggly_grid(n=6, size=100.0, wiggle=4.0, steps=10, seed=1):
    """n x n districts whose shared edges zig-zag by up to ``wiggle`` (same vertices on both sides)."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 1, steps + 1)

    def edge(key, a, b):  # a noisy line a -> b, identical for both neighbours, keyed by its end points
        if key not in edges:
            pts = a + np.outer(t, b - a)
            normal = np.array([-(b - a)[1], (b - a)[0]]) / np.linalg.norm(b - a)
            offsets = rng.uniform(-wiggle, wiggle, size=len(t))
            offsets[0] = offsets[-1] = 0
            on_border = (a[0] == b[0] and a[0] in (0, n * size)) or (a[1] == b[1] and a[1] in (0, n * size))
            edges[key] = pts if on_border else pts + np.outer(offsets, normal)
        return edges[key]

    edges = {}
    geoms = []
    for i in range(n):
        for j in range(n):
            c = [np.array([i * size, j * size]), np.array([(i + 1) * size, j * size]),
                 np.array([(i + 1) * size, (j + 1) * size]), np.array([i * size, (j + 1) * size])]
            ring = []
            for k in range(4):
                a, b = c[k], c[(k + 1) % 4]
                key = tuple(sorted([tuple(a), tuple(b)]))
                line = edge(key, *(np.array(p) for p in key))
                if tuple(a) != key[0]:
                    line = line[::-1]
                ring.extend(line[:-1].tolist())
            geoms.append(Polygon(ring))
    return geoms


def overlap_area(geoms):
    arr = np.array(geoms, dtype=object)
    tree = shapely.STRtree(arr)
    a, b = tree.query(arr, predicate="intersects")
    keep = a < b
    return float(shapely.area(shapely.intersection(arr[a[keep]], arr[b[keep]])).sum())


def test_shared_boundaries_are_stored_once():
    geoms = wiggly_grid(n=3)
    topo = build_topology(geoms)
    # 3 x 3 grid: 12 inner edges + 12 outer edges, each one arc between junctions (outer arcs may merge)
    inner_refs = [abs(r if r >= 0 else ~r) for d in topo.districts for part in d for ring in part for r in ring]
    assert len(set(inner_refs)) == len(topo.arcs)
    shared = [i for i in set(inner_refs) if inner_refs.count(i) == 2]
    assert len(shared) == 12
    # unsimplified, the districts come back exactly
    for orig, back in zip(geoms, topo.geometries()):
        assert orig.symmetric_difference(back).area < 1e-6


def test_simplified_coverage_has_no_gaps_or_overlaps():
    geoms = wiggly_grid()
    assert overlap_area(geoms) < 1e-6
    topo = simplify_topology(build_topology(geoms), tolerance=3.0)
    simple = topo.geometries()
    assert all(g.is_valid for g in simple)
    assert topo.vertex_count() < 0.5 * sum(len(g.exterior.coords) for g in geoms)  # it did simplify
    assert overlap_area(simple) < 1e-6
    union = shapely.union_all(simple)
    assert union.geom_type == "Polygon" and len(union.interiors) == 0  # no gap between neighbours
    assert abs(union.area - sum(g.area for g in simple)) < 1e-6
    assert shapely.hausdorff_distance(union, shapely.union_all(geoms)) <= 3.0 + 1e-9  # within the tolerance


def test_enclave_keeps_its_hole_in_step():
    outer = box(0, 0, 100, 100).difference(Polygon([(30, 30), (70, 32), (68, 70), (50, 69), (31, 68)]))
    inner = Polygon([(30, 30), (70, 32), (68, 70), (50, 69), (31, 68)])
    topo = simplify_topology(build_topology([outer, inner]), tolerance=5.0)
    a, b = topo.geometries()
    assert a.is_valid and b.is_valid
    assert a.intersection(b).area < 1e-9
    assert abs(a.union(b).area - 10000.0) < 1e-6  # the hole is exactly the enclave, before and after


def test_districts_that_would_collapse_keep_their_arcs():
    # a thin district between two neighbours: simplified with a tolerance wider than itself it would vanish
    left = Polygon([(0, 0), (50, 0), (50, 1), (25, 1.5), (0, 1)])
    thin = Polygon([(0, 1), (25, 1.5), (50, 1), (50, 2), (25, 2.5), (0, 2)])
    right = Polygon([(0, 2), (25, 2.5), (50, 2), (50, 3), (0, 3)])
    topo = simplify_topology(build_topology([left, thin, right]), tolerance=10.0)
    simple = topo.geometries()
    assert all(g.is_valid and g.area > 0 for g in simple)
    assert topo.kept_original > 0
    assert overlap_area(simple) < 1e-9


def test_missing_geometry_and_multipolygons():
    parts = shapely.geometry.MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)])
    topo = build_topology([parts, None, box(1, 0, 2, 1)])
    assert topo.districts[1] == []
    assert topo.geometry(1) is None
    assert topo.geometry(0).area == pytest.approx(2.0)


def test_quantised_arcs_decode_to_the_coordinates():
    arcs = [np.array([[13.1, 52.5], [13.2, 52.6], [13.25, 52.4]]), np.array([[13.25, 52.4], [13.1, 52.5]])]
    encoded, origin = quantised_arcs(arcs, 1e-6)
    for arc, enc in zip(arcs, encoded):
        q = np.cumsum(np.array(enc).reshape(-1, 2), axis=0) * 1e-6 + np.array(origin)
        assert np.allclose(q, arc, atol=6e-7)


def test_shapely_1_8_path_gives_the_same_arcs(monkeypatch):
    """QGIS's own Python on Debian 12 has shapely 1.8 (no vectorised functions): the loop path must agree."""
    from sozialmonitor.plugin.core.web import topology

    geoms = wiggly_grid(n=4) + [None]
    fast = simplify_topology(build_topology(geoms), tolerance=3.0)
    monkeypatch.setattr(topology, "_VECTORISED", False)
    slow = simplify_topology(build_topology(geoms), tolerance=3.0)
    assert fast.districts == slow.districts
    assert len(fast.arcs) == len(slow.arcs)
    assert all(np.array_equal(a, b) for a, b in zip(fast.arcs, slow.arcs))
