"""plugin/core/spatial/reach_cover.py: the area of every district within reach, against shapely's plain answer
(the union of all buffers, intersected with each district), with shapely 2 and, where the host has it,
with shapely 1.8 (Debian 12's QGIS Python) on the same input."""
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union
from sozialmonitor.plugin.core.spatial import shapely_arrays
from sozialmonitor.plugin.core.spatial.reach_cover import FailedError, StoppedError, reach_cover

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def _case():
    """Squares, a district with a hole, a concave one, a far one; points (two overlapping, one on a shared
    boundary, one on a corner), a line and a polygon as facilities."""
    rng = np.random.default_rng(3)
    districts = [box(x * 100, y * 100, x * 100 + 100, y * 100 + 100) for x in range(30) for y in range(30)]
    districts.append(Polygon([(4000, 0), (5000, 0), (5000, 1000), (4000, 1000)],
                             [[(4400, 400), (4600, 400), (4600, 600), (4400, 600)]]))
    districts.append(Polygon([(6000, 0), (7000, 0), (7000, 1000), (6900, 1000), (6900, 100), (6000, 100)]))
    districts.append(box(20000, 20000, 21000, 21000))  # nothing in reach
    facilities = [Point(p) for p in rng.uniform(0, 3000, size=(20, 2))]
    facilities += [Point(1500, 1500), Point(1520, 1490), Point(1000, 1250), Point(3000, 3000), Point(4500, 500),
                   LineString([(6200, 300), (6800, 300)]), box(4900, 900, 5200, 1200)]
    return shapely_arrays._objects(districts), shapely_arrays._objects(facilities)


def _expected(districts, facilities, distance):
    reach = unary_union([f.buffer(distance, 16) for f in facilities])
    return np.array([d.intersection(reach).area for d in districts])


@pytest.mark.parametrize("distance", [50.0, 333.0])
def test_covered_area_equals_union_then_intersection(distance):
    districts, facilities = _case()
    got = reach_cover(districts, facilities, distance, 16, keep_pieces=True)
    expected = _expected(districts, facilities, distance)
    assert np.allclose(got.area, expected, rtol=1e-9, atol=1e-6)
    assert got.area[-1] == 0.0 and got.n_facilities == len(facilities)
    areas = shapely.area(districts)
    assert np.array_equal(got.whole, np.isclose(expected, areas, rtol=1e-12) & got.whole)  # whole: fully covered
    assert got.whole.any() == (distance > 100) and (~got.whole & (got.area > 0)).any()  # 100 m squares
    for k, piece in got.pieces.items():  # the kept geometry is the covered part
        assert not got.whole[k] and piece.area == pytest.approx(expected[k], rel=1e-9)
        assert piece.difference(districts[k]).area < 1e-6


def test_progress_false_stops():
    districts, facilities = _case()
    with pytest.raises(StoppedError):
        reach_cover(districts, facilities, 100.0, progress=lambda fraction: False)


def test_nothing_in_reach_and_no_facilities():
    districts, facilities = _case()
    none = reach_cover(districts, facilities[:0], 100.0)
    assert (none.area == 0).all() and not none.whole.any() and none.n_facilities == 0


@pytest.mark.skipif(not Path(SYSTEM_PYTHON).exists(), reason="no system Python")
def test_shapely_18_gives_the_same_areas(tmp_path):
    """The shapely 1.8 branch (Python loops) on the same WKB input as the shapely 2 branch."""
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import shapely; print(shapely.__version__)"],
                           capture_output=True, text=True)
    if probe.returncode != 0 or not probe.stdout.startswith("1."):
        pytest.skip("the system Python has no shapely 1.8")
    districts, facilities = _case()
    data = tmp_path / "case.json"
    data.write_text(json.dumps({"d": [g.wkb_hex for g in districts], "f": [g.wkb_hex for g in facilities]}))
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'plugin' / 'core')!r})\n"
        "from spatial import shapely_arrays\n"
        "from spatial.reach_cover import reach_cover\n"
        "assert not shapely_arrays.VECTORISED\n"
        f"case = json.load(open({str(data)!r}))\n"
        "d = shapely_arrays.from_wkb([bytes.fromhex(h) for h in case['d']])\n"
        "f = shapely_arrays.from_wkb([bytes.fromhex(h) for h in case['f']])\n"
        "r = reach_cover(d, f, 333.0, 16, keep_pieces=True)\n"
        "print(json.dumps({'area': r.area.tolist(), 'whole': r.whole.tolist(), 'pieces': sorted(r.pieces)}))\n")
    done = subprocess.run([SYSTEM_PYTHON, "-W", "ignore", "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    old = json.loads(done.stdout.splitlines()[-1])
    new = reach_cover(districts, facilities, 333.0, 16, keep_pieces=True)
    assert np.allclose(old["area"], new.area, rtol=1e-12, atol=1e-9)
    assert old["whole"] == new.whole.tolist() and old["pieces"] == sorted(new.pieces)


def test_a_geos_failure_names_the_district(monkeypatch):
    """A GEOS error inside a bulk call is traced to the district it happened on (the algorithm names it)."""
    districts, facilities = _case()
    bad = districts[45]
    real = shapely_arrays.intersection

    def failing(a, b):
        if any(g is bad for g in a):
            raise shapely_arrays.GeometryError("TopologyException: side location conflict")
        return real(a, b)

    monkeypatch.setattr(shapely_arrays, "intersection", failing)
    with pytest.raises(FailedError) as caught:
        reach_cover(districts, facilities, 333.0)
    assert caught.value.position == 45
