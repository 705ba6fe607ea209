"""plugin/core/spatial/polygon_pieces.py: the pieces of an areal interpolation against shapely's plain answer
(every source intersected with every target, one pair at a time), with shapely 2 and, where the host has it,
with shapely 1.8 (Debian 12's QGIS Python) on the same input; and the population in each piece."""
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union
from sozialmonitor.plugin.core.spatial import polygon_pieces as pp
from sozialmonitor.plugin.core.spatial import shapely_arrays

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def _case():
    """Targets: 4 x 4 squares of 100 m and one 200 m square with a hole. Sources: 70 m cells off that grid
    (some reach past the targets), a sliver across a boundary, a source with a hole, one inside one target, one
    equal to a target, one outside all targets, a multipolygon with a part in the target's hole."""
    targets = [box(x * 100, y * 100, x * 100 + 100, y * 100 + 100) for x in range(4) for y in range(4)]
    targets.append(Polygon([(400, 0), (600, 0), (600, 200), (400, 200)],
                           [[(450, 50), (550, 50), (550, 150), (450, 150)]]))
    sources = [box(x * 70 - 17, y * 70 - 23, x * 70 + 53, y * 70 + 47) for x in range(7) for y in range(7)]
    sources += [Polygon([(99.9999, 0.5), (100.0002, 0.5), (100.0002, 299.5), (99.9999, 299.5)]),  # sliver
                Polygon([(120, 120), (280, 120), (280, 280), (120, 280)],
                        [[(150, 150), (250, 150), (250, 250), (150, 250)]]),  # hole
                box(10, 10, 20, 20),  # inside one target
                box(300, 300, 400, 400),  # equal to a target
                box(1000, 1000, 1100, 1100),  # outside all targets
                MultiPolygon([box(330, 30, 360, 60), box(460, 60, 480, 80)]),  # second part in the hole
                box(540, 40, 560, 60)]  # across the hole's corner
    return shapely_arrays._objects(sources), shapely_arrays._objects(targets)


def _oracle(sources, targets):
    """(source, target, area) of every pair with a positive intersection area, then the uncovered rest."""
    rows = []
    for s, sg in enumerate(sources):
        covered = 0.0
        for t, tg in enumerate(targets):
            area = sg.intersection(tg).area
            if area > 0:
                rows.append((s, t, area))
                covered += area
        if sg.area - covered > 1e-9 * sg.area:
            rows.append((s, -1, sg.area - covered))
    return rows


def _rows(found):
    return list(zip(found.source.tolist(), found.target.tolist(), found.area.tolist()))


def test_pieces_equal_pairwise_intersections():
    sources, targets = _case()
    found = pp.polygon_pieces(sources, targets, keep_geometry=True)
    expected = _oracle(sources, targets)
    got = _rows(found)
    assert [r[:2] for r in got] == [r[:2] for r in expected]  # the same pieces, in source then target order
    assert np.allclose([r[2] for r in got], [r[2] for r in expected], rtol=1e-9, atol=1e-9)
    assert found.overlap_area == 0.0
    # the kept geometry is the piece: inside its source and target, of the piece's area
    for s, t, geom, area in zip(found.source, found.target, found.geoms, found.area):
        assert geom.area == pytest.approx(area, rel=1e-9, abs=1e-9)
        assert geom.difference(sources[s]).area < 1e-6
        outside = unary_union(list(targets)) if t < 0 else None
        assert (geom.intersection(outside).area < 1e-6) if t < 0 else geom.difference(targets[t]).area < 1e-6
    # the cases the fixture was made for
    by_source = {}
    for s, t, a in got:
        by_source.setdefault(s, []).append((t, a))
    n = 49
    assert len(by_source[n]) == 6 and max(a for _t, a in by_source[n]) < 0.05  # the sliver: six thin pieces
    assert by_source[n + 2] == [(0, 100.0)] and by_source[n + 3] == [(15, 10000.0)]  # whole, no intersection
    assert by_source[n + 4] == [(-1, 10000.0)]  # outside all targets: one uncovered piece
    assert [t for t, _a in by_source[n + 5]] == [12, -1] and by_source[n + 5][1][1] == pytest.approx(400.0)
    assert sum(a for _t, a in by_source[n + 1]) == pytest.approx(sources[n + 1].area)  # the holed source


def test_overlapping_targets_are_reported():
    """A source covered by a target is taken whole by the lowest such target; otherwise all its pieces count,
    and area counted beyond the source's own is overlap."""
    sources, targets = _case()
    doubled = shapely_arrays._objects(list(targets) + [box(100, 100, 200, 200), box(-50, -50, 50, 50)])
    found = pp.polygon_pieces(sources, doubled)
    expected = 0.0
    for sg in sources:
        covering = [t for t, tg in enumerate(doubled) if tg.covers(sg)]
        upto = min(covering) if covering else len(doubled)
        over = sum(sg.intersection(tg).area for tg in doubled[:upto + 1]) - sg.area
        expected += over if over > 1e-6 * sg.area else 0.0
    assert expected > 1000 and found.overlap_area == pytest.approx(expected, rel=1e-9)


def _unit_oracle(pieces, units, population):
    weights = np.zeros(len(pieces))
    for u, pop in zip(units, population):
        for k, piece in enumerate(pieces):
            weights[k] += pop * u.intersection(piece).area / u.area
    return weights


def test_population_in_pieces_polygons_and_points():
    """Pieces of the 70 m cells (they do not overlap: each unit's population is spread over them once)."""
    sources, targets = _case()
    found = pp.polygon_pieces(sources[:49], targets, keep_geometry=True)
    cells = shapely_arrays._objects([box(x * 30 + 5, y * 30 + 5, x * 30 + 35, y * 30 + 35)
                                     for x in range(25) for y in range(12)] + [box(2000, 0, 2010, 10)])
    pop = np.arange(len(cells), dtype="float64") + 1.0
    weights, unplaced = pp.population_in_pieces(found.geoms, cells, pop, points=False)
    expected = _unit_oracle(found.geoms, cells, pop)
    assert np.allclose(weights, expected, rtol=1e-9, atol=1e-9)
    assert weights.sum() + unplaced == pytest.approx(pop.sum()) and unplaced >= pop[-1]
    # points: the lowest piece whose interior holds it, else the lowest it touches; one far away
    points = shapely_arrays._objects([Point(15, 15), Point(100, 50), Point(470, 70), Point(5000, 5000)])
    weights, unplaced = pp.population_in_pieces(found.geoms, points, np.array([1.0, 2.0, 4.0, 8.0]), points=True)
    holder = {k: [i for i, g in enumerate(found.geoms) if g.contains(p)] or
              [i for i, g in enumerate(found.geoms) if g.intersects(p)] for k, p in enumerate(points)}
    assert unplaced == 8.0 and not holder[3]
    for k, value in enumerate([1.0, 2.0, 4.0]):
        assert weights[min(holder[k])] >= value
    assert weights.sum() == 7.0 and found.target[min(holder[2])] == -1  # in the target's hole: uncovered part


def test_progress_false_stops_and_a_geos_failure_names_the_source(monkeypatch):
    sources, targets = _case()
    with pytest.raises(pp.StoppedError):
        pp.polygon_pieces(sources, targets, progress=lambda fraction: False)
    bad = sources[50]  # the holed source: cut by several targets
    real = shapely_arrays.intersection

    def failing(a, b):
        if any(g is bad for g in a):
            raise shapely_arrays.GeometryError("TopologyException: side location conflict")
        return real(a, b)

    monkeypatch.setattr(shapely_arrays, "intersection", failing)
    with pytest.raises(pp.FailedError) as caught:
        pp.polygon_pieces(sources, targets)
    assert (caught.value.position, caught.value.other) == (50, 5)  # source and target of the first failing pair


@pytest.mark.skipif(not Path(SYSTEM_PYTHON).exists(), reason="no system Python")
def test_shapely_18_gives_the_same_pieces(tmp_path):
    """The shapely 1.8 branch (Python loops) on the same WKB input as the shapely 2 branch."""
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import shapely; print(shapely.__version__)"],
                           capture_output=True, text=True)
    if probe.returncode != 0 or not probe.stdout.startswith("1."):
        pytest.skip("the system Python has no shapely 1.8")
    sources, targets = _case()
    cells = [box(x * 30 + 5, y * 30 + 5, x * 30 + 35, y * 30 + 35) for x in range(25) for y in range(12)]
    data = tmp_path / "case.json"
    data.write_text(json.dumps({"s": [g.wkb_hex for g in sources], "t": [g.wkb_hex for g in targets],
                                "u": [g.wkb_hex for g in cells]}))
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'plugin' / 'core')!r})\n"
        "import numpy as np\n"
        "from spatial import shapely_arrays\n"
        "from spatial.polygon_pieces import polygon_pieces, population_in_pieces\n"
        "assert not shapely_arrays.VECTORISED\n"
        f"case = json.load(open({str(data)!r}))\n"
        "s, t, u = (shapely_arrays.from_wkb([bytes.fromhex(h) for h in case[k]]) for k in 'stu')\n"
        "p = polygon_pieces(s, t, keep_geometry=True)\n"
        "w, left = population_in_pieces(p.geoms, u, np.ones(len(u)), points=False)\n"
        "print(json.dumps({'s': p.source.tolist(), 't': p.target.tolist(), 'a': p.area.tolist(), 'w': w.tolist(),\n"
        "                  'left': left}))\n")
    done = subprocess.run([SYSTEM_PYTHON, "-W", "ignore", "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    old = json.loads(done.stdout.splitlines()[-1])
    new = pp.polygon_pieces(sources, targets, keep_geometry=True)
    weights, left = pp.population_in_pieces(new.geoms, shapely_arrays._objects(cells), np.ones(len(cells)),
                                            points=False)
    assert old["s"] == new.source.tolist() and old["t"] == new.target.tolist()
    assert np.allclose(old["a"], new.area, rtol=1e-12, atol=1e-9)
    assert np.allclose(old["w"], weights, rtol=1e-9, atol=1e-9) and old["left"] == pytest.approx(left)
