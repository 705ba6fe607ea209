"""points_in_polygons.locate_points against a brute-force shapely oracle (every point against every polygon).

Polygons are irregular Voronoi cells (shared boundaries, odd shapes), a polygon with a hole, a
multi-polygon and two overlapping squares; points are random plus points placed exactly on vertices and
shared edges, so the lowest-id rule for boundary points is exercised.
"""
import numpy as np
import pytest
from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon, box
from shapely.ops import voronoi_diagram
from sozialmonitor.plugin.core.spatial import points_in_polygons as pip
from sozialmonitor.plugin.core.spatial.points_in_polygons import locate_points, polygons_from_wkb


def _oracle(polygons, ids, xs, ys):
    """Lowest id whose interior contains the point, else lowest id whose boundary it touches; -1 if none."""
    order = np.argsort(ids)
    out, on_boundary = [], []
    for x, y in zip(xs, ys):
        p = Point(x, y)
        hit = next((ids[k] for k in order if polygons[k].contains(p)), None)
        edge = None
        if hit is None:
            edge = next((ids[k] for k in order if polygons[k].touches(p)), None)
        out.append(hit if hit is not None else (edge if edge is not None else -1))
        on_boundary.append(hit is None and edge is not None)
    return np.array(out), np.array(on_boundary)


@pytest.fixture(scope="module")
def polygons():
    rng = np.random.default_rng(7)
    frame = box(0, 0, 1000, 1000)
    seeds = MultiPoint([tuple(p) for p in rng.uniform(0, 1000, size=(40, 2))])
    cells = [c.intersection(frame) for c in voronoi_diagram(seeds, envelope=frame).geoms]
    holed = Polygon([(1100, 0), (1400, 0), (1400, 300), (1100, 300)], [[(1200, 100), (1300, 100), (1300, 200),
                                                                      (1200, 200)]])
    multi = MultiPolygon([box(1500, 0, 1600, 100), box(1700, 0, 1800, 100)])
    overlapping = [box(1100, 400, 1300, 600), box(1200, 500, 1400, 700)]
    return cells + [holed, multi] + overlapping


def _points(polygons, rng, n=4000):
    xs = list(rng.uniform(-50, 1850, size=n))
    ys = list(rng.uniform(-50, 750, size=n))
    for poly in polygons:  # every vertex and every edge midpoint: boundary cases
        rings = [g.exterior for g in getattr(poly, "geoms", [poly])]
        rings += [i for g in getattr(poly, "geoms", [poly]) for i in g.interiors]
        for ring in rings:
            coords = np.asarray(ring.coords)
            xs.extend(coords[:, 0])
            ys.extend(coords[:, 1])
            mid = (coords[:-1] + coords[1:]) / 2
            xs.extend(mid[:, 0])
            ys.extend(mid[:, 1])
    xs += [np.nan, 1250.0]  # no geometry; inside the hole (in no polygon)
    ys += [np.nan, 150.0]
    return np.array(xs), np.array(ys)


@pytest.mark.parametrize("id_order", ["ascending", "shuffled"])
def test_locate_points_matches_brute_force(polygons, id_order):
    rng = np.random.default_rng(3)
    ids = np.arange(len(polygons)) * 3 + 5
    if id_order == "shuffled":
        ids = rng.permutation(ids)
    xs, ys = _points(polygons, rng)
    expected, expected_boundary = _oracle(polygons, ids, xs, ys)
    located, on_boundary = locate_points(polygons, ids, xs, ys)
    assert expected_boundary.sum() > 100  # the case is really exercised
    assert (located == -1).sum() > 100
    np.testing.assert_array_equal(located, expected)
    np.testing.assert_array_equal(on_boundary, expected_boundary)


def test_every_point_is_counted_once_on_a_grid():
    """A 4x4 grid of unit squares: a point on a shared corner touches four squares, counted once (lowest id)."""
    squares = [box(i, j, i + 1, j + 1) for i in range(4) for j in range(4)]
    xs, ys = np.meshgrid(np.arange(0, 4.5, 0.5), np.arange(0, 4.5, 0.5))
    located, on_boundary = locate_points(squares, np.arange(16), xs.ravel(), ys.ravel())
    assert (located >= 0).all() and len(located) == 81
    counts = np.bincount(located, minlength=16)
    assert counts.sum() == 81
    # point (1, 1) lies on squares 0 (0..1 x 0..1), 1, 4 and 5: the lowest id, 0, gets it
    k = np.flatnonzero((xs.ravel() == 1) & (ys.ravel() == 1))[0]
    assert located[k] == 0 and on_boundary[k]
    k = np.flatnonzero((xs.ravel() == 1.5) & (ys.ravel() == 1.5))[0]
    assert located[k] == 5 and not on_boundary[k]


def test_candidate_pairs_are_exactly_the_points_in_each_box(monkeypatch):
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 100, 20000), rng.uniform(0, 50, 20000)
    x[:50] = np.round(x[:50])  # on bucket edges
    boxes = np.array([(10, 10, 12, 11), (-5, -5, 200, 200), (99.9, 0, 150, 1), (50, 60, 70, 80), (3, 3, 9, 9)], float)
    monkeypatch.setattr(pip, "PAIR_CHUNK", 5000)  # several chunks
    pairs = set()
    for pair_poly, points in pip._candidate_pairs(boxes, pip.PointBuckets(x, y, cell=3.0)):
        pairs.update(zip(pair_poly.tolist(), points.tolist()))
    want = {(k, int(i)) for k, (minx, miny, maxx, maxy) in enumerate(boxes)
            for i in np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))}
    assert pairs == want


def test_polygons_from_wkb_round_trip(polygons):
    back = polygons_from_wkb([p.wkb for p in polygons[:5]])
    assert all(a.equals(b) for a, b in zip(back, polygons[:5]))
