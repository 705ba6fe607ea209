"""Broken geometry before every overlay (tests/fixtures/geometry/broken.gpkg, see its make_fixture.py).

District D5 is a bow-tie (self-intersecting), D8 empty, D9 NULL. Expected numbers come from shapely
(make_valid, buffers) on the same coordinates, independent of the plugin's QGIS code. Runs that used to
crash QGIS or fail inside GEOS run in a child process (tests/qgis/alg_subprocess.py), so a segfault fails
the test instead of killing pytest. (Before: pytest itself died in areal_interpolation with a bow-tie
target, after a few other runs: ``engine.intersection(geom.makeValid().constGet())`` used the geometry
of a temporary that Python had already freed.)
"""
import hashlib
import sys
from pathlib import Path

import pytest
import shapely
import shapely.wkb
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

sys.path.insert(0, str(Path(__file__).resolve().parent))
from alg_subprocess import run_algorithm  # noqa: E402

GPKG = Path(__file__).resolve().parents[1] / "fixtures" / "geometry" / "broken.gpkg"
REPAIR, SKIP, STOP = 0, 1, 2


def uri(layer):
    return f"{GPKG}|layername={layer}"


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines)


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


@pytest.fixture(scope="module", autouse=True)
def fixture_untouched():
    before = hashlib.sha256(GPKG.read_bytes()).hexdigest()
    yield
    assert hashlib.sha256(GPKG.read_bytes()).hexdigest() == before


def read(path, key="key"):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer_to_dataframe(layer).set_index(key)


def shapes(layer):
    """{key: shapely geometry or None} with OGR."""
    out = {}
    ds = ogr.Open(str(GPKG))  # keep the dataset alive while its layer is read (OGR crashes otherwise)
    for feature in ds.GetLayerByName(layer):
        ref = feature.GetGeometryRef()
        out[feature.GetField("key")] = None if ref is None else shapely.wkb.loads(bytes(ref.ExportToWkb()))
    return out


def points():
    ds = ogr.Open(str(GPKG))
    return [shapely.wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in ds.GetLayerByName("points")]


# ------------------------------------------------------------------------------------------ count_points

def test_count_points_repairs_the_bow_tie_and_names_the_skipped_districts(run, tmp_path):
    log = Log()
    result = run("sozialmonitor:count_points", {
        "INPUT": uri("districts"), "POINTS": uri("points"), "KEY_FIELD": "key", "POPULATION_FIELD": "EW",
        "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=log)
    out = read(result["OUTPUT"])
    bowtie = shapely.make_valid(shapes("districts")["D5"])
    assert out.loc["D5", "area_km2"] == pytest.approx(bowtie.area / 1e6) == pytest.approx(0.5)  # before: 0
    assert out.loc["D5", "n_total"] == sum(bowtie.covers(p) for p in points())
    assert out.loc["D5", "n_total_km2"] == pytest.approx(out.loc["D5", "n_total"] / 0.5)  # before: NULL
    for key in ("D8", "D9"):  # before: count 0, as if there were no point
        assert out[["n_total", "n_total_p1000", "n_total_km2", "area_km2"]].loc[key].isna().all()
    assert (out.drop(index=["D5", "D8", "D9"])["n_total"] == 4).all()
    assert len(out) == 9  # every district stays in the output
    assert result["N_GEOM_REPAIRED"] == 1 and result["N_GEOM_SKIPPED"] == 2
    text = log.text()
    assert "1 invalid (e.g. self-intersecting): D5" in text and "1 empty: D8" in text
    assert "1 without geometry (NULL): D9" in text and "2 features are skipped and left out of every total: D8, D9" \
        in text


def test_skip_leaves_the_bow_tie_out_and_says_so(run, tmp_path):
    log = Log()
    result = run("sozialmonitor:count_points", {
        "INPUT": uri("districts"), "POINTS": uri("points"), "KEY_FIELD": "key", "INVALID_GEOMETRY": SKIP,
        "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=log)
    out = read(result["OUTPUT"])
    assert out.loc[["D5", "D8", "D9"], "n_total"].isna().all()
    assert result["N_GEOM_REPAIRED"] == 0 and result["N_GEOM_SKIPPED"] == 3
    assert "3 features are skipped and left out of every total: D5, D8, D9" in log.text()


STOP_CASES = {
    "count_points": {"INPUT": uri("districts"), "POINTS": uri("points"), "KEY_FIELD": "key"},
    "areal_interpolation": {"INPUT": uri("grid"), "TARGET": uri("districts"), "EXTENSIVE_FIELDS": ["EW"],
                            "TARGET_KEY": "key"},
    "accessibility": {"INPUT": uri("districts"), "FACILITIES": uri("facilities"), "DISTANCE": 1500,
                      "KEY_FIELD": "key"},
    "spatial_autocorrelation": {"INPUT": uri("districts"), "FIELD": "S1", "KEY_FIELD": "key", "PERMUTATIONS": 99},
}


@pytest.mark.parametrize("alg", sorted(STOP_CASES))
def test_stop_names_every_broken_district_and_writes_nothing(run, tmp_path, alg):
    out = tmp_path / "out.gpkg"
    params = dict(STOP_CASES[alg], INVALID_GEOMETRY=STOP, OUTPUT=str(out))
    if alg == "areal_interpolation":  # it crashed the process before (see the module docstring)
        rc, result, err = run_algorithm("sozialmonitor:" + alg, params)
        assert rc == 0 and result is not None, err[-2000:]
        text = result["error"] or ""
    else:
        with pytest.raises(QgsProcessingException) as info:
            run("sozialmonitor:" + alg, params)
        text = str(info.value)
    assert "Layer 'districts' has broken geometries" in text
    assert "invalid (e.g. self-intersecting): D5" in text and "empty: D8" in text and "(NULL): D9" in text
    assert not out.exists()


def test_processing_setting_stop_does_not_preempt_the_plugins_choice(tmp_path):
    """The desktop's default 'stop on invalid features' used to end the run before the plugin could say which
    district: the plugin checks itself, the same in the desktop and in qgis_process."""
    rc, out, err = run_algorithm("sozialmonitor:count_points", {
        "INPUT": uri("districts"), "POINTS": uri("points"), "KEY_FIELD": "key", "OUTPUT": str(tmp_path / "c.gpkg")},
        qgis_check="stop")
    assert rc == 0 and out is not None, err[-2000:]
    assert out["error"] is None and out["results"]["N_GEOM_REPAIRED"] == 1


# ------------------------------------------------------------------------------------- areal interpolation

def _interpolate(tmp_path, source, target, **extra):
    params = dict({"INPUT": uri(source), "TARGET": uri(target), "EXTENSIVE_FIELDS": ["EW"],
                   "OUTPUT": str(tmp_path / "i.gpkg")}, **extra)
    rc, out, err = run_algorithm("sozialmonitor:areal_interpolation", params)
    assert rc == 0 and out is not None, f"the run crashed (rc {rc}): {err[-2000:]}"
    assert out["error"] is None, out["error"]
    return out


def test_interpolation_from_a_bow_tie_source_carries_its_value(tmp_path):
    out = _interpolate(tmp_path, "districts", "grid", SOURCE_KEY="key", TARGET_KEY="key")
    values = read(out["results"]["OUTPUT"])
    assert values.loc["D5", "EW"] == pytest.approx(1000.0)  # before: the bow-tie's area was 0, its 1000 lost
    text = "\n".join(out["log"])
    assert "EW: total in 9000, out 7000" in text
    assert "EW: 2000 in the 2 skipped source areas is not carried" in text and "D8, D9" in text


def test_interpolation_into_a_bow_tie_target_does_not_fail_in_geos(tmp_path):
    out = _interpolate(tmp_path, "grid", "districts", SOURCE_KEY="key", TARGET_KEY="key")
    values = read(out["results"]["OUTPUT"])
    repaired = shapely.make_valid(shapes("districts")["D5"])
    assert values.loc["D5", "EW"] == pytest.approx(1000.0 * repaired.area / 1e6)  # 500
    assert values.loc[["D8", "D9"], "EW"].isna().all()
    assert out["results"]["N_GEOM_REPAIRED"] == 1 and out["results"]["N_GEOM_SKIPPED"] == 2


def test_dense_bow_ties_with_population_cells_keep_the_totals(tmp_path):
    """Nine self-intersecting sources of 603 vertices, weighted by population cells: before, every piece had
    area 0 and the whole 900 was lost (-100 %)."""
    out = _interpolate(tmp_path, "bowties", "grid", POPULATION_LAYER=uri("cells"), POPULATION_FIELD="ew",
                       TARGET_KEY="key")
    assert out["results"]["TOTALS_OK"] == 1 and out["results"]["N_GEOM_REPAIRED"] == 9
    values = read(out["results"]["OUTPUT"])
    assert values["EW"].sum() == pytest.approx(900.0)


# ------------------------------------------------------------------------------------------ accessibility

def _expected_share(layer):
    """Share of the population within 1500 m of the facility over the districts with a geometry (uniform)."""
    facility = shapely.Point(390500.0, 5820500.0).buffer(1500.0, quad_segs=16)
    pop = within = 0.0
    for geom in shapes(layer).values():
        if geom is None or geom.is_empty:
            continue
        geom = shapely.make_valid(geom)
        pop += 1000.0
        within += 1000.0 * geom.intersection(facility).area / geom.area
    return within / pop * 100.0


def test_accessibility_total_leaves_out_the_districts_without_geometry_and_says_how_many(run, tmp_path):
    log = Log()
    result = run("sozialmonitor:accessibility", {
        "INPUT": uri("holes"), "FACILITIES": uri("facilities"), "DISTANCE": 1500, "POPULATION_FIELD": "EW",
        "KEY_FIELD": "key", "OUTPUT": str(tmp_path / "a.gpkg")}, feedback=log)
    # before: 38.7 %, the 2,000 inhabitants of D8 and D9 counted as out of reach without a word
    assert result["SHARE_PCT"] == pytest.approx(_expected_share("holes"), abs=0.05)
    out = read(result["OUTPUT"])
    assert out.loc[["D8", "D9"], "acc_share_pct"].isna().all() and out.loc[["D8", "D9"], "acc_pop"].isna().all()
    text = log.text()
    assert "7 of 9 districts" in text and "2 districts are left out of this total (no usable geometry): D8, D9" \
        in text and "Their 2000 inhabitants (POPULATION_FIELD) are not counted" in text
    assert result["N_GEOM_SKIPPED"] == 2


def test_accessibility_with_a_bow_tie_district_runs_on_the_repaired_polygon(tmp_path):
    rc, out, err = run_algorithm("sozialmonitor:accessibility", {
        "INPUT": uri("districts"), "FACILITIES": uri("facilities"), "DISTANCE": 1500, "POPULATION_FIELD": "EW",
        "KEY_FIELD": "key", "OUTPUT": str(tmp_path / "a.gpkg")})
    assert rc == 0 and out is not None and out["error"] is None, (out, err[-1000:])  # before: a GEOS failure
    assert out["results"]["SHARE_PCT"] == pytest.approx(_expected_share("districts"), abs=0.05)


# ------------------------------------------------------------------------------------ spatial_autocorrelation

def test_autocorrelation_uses_the_repaired_bow_tie_and_marks_the_rest_missing(run, tmp_path):
    log = Log()
    result = run("sozialmonitor:spatial_autocorrelation", {
        "INPUT": uri("districts"), "FIELD": "S1", "KEY_FIELD": "key", "PERMUTATIONS": 99,
        "OUTPUT": str(tmp_path / "s.gpkg")}, feedback=log)
    out = read(result["OUTPUT"])
    assert list(out.loc[["D8", "D9"], "lisa_cluster"]) == ["missing", "missing"]
    assert out.loc["D5", "lisa_cluster"] not in ("missing", "island")
    assert result["N_ANALYSED"] == 7 and result["N_GEOM_REPAIRED"] == 1 and result["N_GEOM_SKIPPED"] == 2
    assert "They are treated as missing" in log.text()
