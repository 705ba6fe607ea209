"""sozialmonitor:compute_index through processing.run on a small GeoPackage (MSS 2019 attributes)."""
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ALG = "sozialmonitor:compute_index"


@pytest.fixture(scope="module")
def processing_run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def _read(path, layer=None):
    uri = str(path) if layer is None else f"{path}|layername={layer}"
    out = QgsVectorLayer(uri, "out", "ogr")
    assert out.isValid()
    return out, layer_to_dataframe(out)


@pytest.fixture
def gpkg(fixtures_dir):
    return fixtures_dir / "mss2019" / "mss2019_plr_grid.gpkg"


@pytest.fixture
def official(fixtures_dir):
    return pd.read_csv(fixtures_dir / "mss2019" / "mss2019_indices_official_plr.csv", dtype={"PLR_ID": str})


@pytest.mark.parametrize("layer", ["plr", "plr_table"])
def test_mss2019_through_processing(processing_run, repo_root, gpkg, official, tmp_path, layer):
    out_path = tmp_path / "result.gpkg"
    diag_path = tmp_path / "diag.csv"
    result = processing_run(ALG, {
        "INPUT": f"{gpkg}|layername={layer}",
        "RECIPE": str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json"),
        "OUTPUT": str(out_path),
        "OUTPUT_DIAGNOSTICS": str(diag_path) if layer == "plr" else None,
        "DROP_ONE": False,
    })
    assert result["N_EVALUATED"] == 436 and result["N_NOT_EVALUATED"] == 11
    out, frame = _read(result["OUTPUT"])
    assert out.featureCount() == 447
    assert out.isSpatial() == (layer == "plr")
    assert frame["PLR_ID"].str.len().eq(8).all() and frame["PLR_ID"].iloc[0] == "01011101"
    from sozialmonitor.plugin.core.index.output_fields import output_field_specs
    from sozialmonitor.plugin.core.recipe.load import Recipe
    from sozialmonitor.plugin.processing.algorithms.compute_index import FieldAliasSetter

    specs = output_field_specs(Recipe.from_file(repo_root / "resources" / "recipes" / "berlin_mss_2019.json"))
    FieldAliasSetter.create(specs).postProcessLayer(out, None, None)
    assert out.fields().field("status_class").alias() == "Status-Index: class"
    assert out.fields().field("z_S1").alias().startswith("Arbeitslosigkeit: normalised")
    m = frame.merge(official, on="PLR_ID", how="left", validate="1:1")
    ev = m[m["evaluated"] == 1]
    assert len(ev) == 436
    assert (ev["status_class"] == ev["STATUS_KLASSE"]).all()
    assert (ev["dynamik_class"] == ev["DYNAMIK_KLASSE"]).all()
    assert (ev["sdi"] == ev["SDI"]).all()
    not_ev = m[m["evaluated"] == 0]
    assert not_ev["status_score"].isna().all() and not_ev["eval_reason"].notna().all()
    if layer == "plr":
        diag = pd.read_csv(diag_path)
        assert set(diag["section"]) >= {"indicator_stats", "correlation", "cronbach_alpha", "pca_loadings"}


def test_error_leaves_no_output(processing_run, gpkg, tmp_path, repo_root):
    data = (repo_root / "resources" / "recipes" / "berlin_mss_2019.json").read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(data.replace('"field": "S4"', '"field": "S4_missing"'), encoding="utf-8")
    out_path = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException, match="indicators\\[2\\] \\(id 'S4'\\): unknown field 'S4_missing'"):
        processing_run(ALG, {"INPUT": f"{gpkg}|layername=plr", "RECIPE": str(bad), "OUTPUT": str(out_path)})
    assert not out_path.exists()


def test_csv_table_with_text_columns(processing_run, fixtures_dir, repo_root, tmp_path):
    """OGR reads every CSV column as text: keys keep leading zeros, numbers are parsed by the engine."""
    csv = fixtures_dir / "mss2021" / "mss2021_index_indicators_raw.csv"
    result = processing_run(ALG, {"INPUT": str(csv),
                                  "RECIPE": str(repo_root / "resources" / "recipes" / "berlin_mss_2021.json"),
                                  "OUTPUT": str(tmp_path / "out.gpkg")})
    assert result["N_EVALUATED"] == 536
    _out, frame = _read(result["OUTPUT"])
    counts = frame["status_class"].value_counts().to_dict()
    assert counts == {"mittel": 366, "hoch": 75, "sehr niedrig": 49, "niedrig": 46}
    assert frame.loc[frame["PLR_ID"] == "10100205", "evaluated"].iloc[0] == 0


@pytest.mark.parametrize("single_layer", [False, True])
def test_bulk_gpkg_path_equals_generic_path(processing_run, repo_root, gpkg, tmp_path, single_layer):
    """A .gpkg destination takes the bulk path; a memory destination the feature-by-feature path.

    The fixture has two layers (GDAL copy); a single-layer copy of it takes the page-copy branch.
    """
    from osgeo import gdal

    source = f"{gpkg}|layername=plr"
    if single_layer:
        single = tmp_path / "single.gpkg"
        gdal.VectorTranslate(str(single), str(gpkg), options=gdal.VectorTranslateOptions(
            options=["-f", "GPKG", "-preserve_fid", "plr"]))
        source = str(single)
    before = (gpkg.stat().st_mtime, gpkg.stat().st_size)
    recipe = str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json")
    fast = processing_run(ALG, {"INPUT": source, "RECIPE": recipe, "OUTPUT": str(tmp_path / "fast.gpkg")})
    generic = processing_run(ALG, {"INPUT": source, "RECIPE": recipe, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert (gpkg.stat().st_mtime, gpkg.stat().st_size) == before
    assert isinstance(fast["OUTPUT"], str) and fast["OUTPUT"].endswith("fast.gpkg")
    a_layer, a = _read(fast["OUTPUT"])
    b_layer = generic["OUTPUT"]
    b = layer_to_dataframe(b_layer)
    assert [f.name() for f in a_layer.fields()] == [f.name() for f in b_layer.fields()]
    assert [f.type() for f in a_layer.fields()] == [f.type() for f in b_layer.fields()]
    a = a.reset_index(drop=True)[b.columns]
    b = b.reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    geoms = [[f.geometry().asWkt() for f in layer.getFeatures()] for layer in (a_layer, b_layer)]
    assert geoms[0] == geoms[1]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".sozialmonitor-")]


def test_bulk_path_error_leaves_no_file(processing_run, repo_root, gpkg, tmp_path):
    recipe = str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json")
    with pytest.raises(QgsProcessingException):
        processing_run(ALG, {"INPUT": f"{gpkg}|layername=plr", "RECIPE": recipe,
                             "OUTPUT": str(tmp_path / "no_such_dir" / "out.gpkg")})
    assert not (tmp_path / "no_such_dir").exists()


def test_summary_output_is_what_the_panel_shows(processing_run, repo_root, gpkg, official, tmp_path):
    """OUTPUT_SUMMARY: the class counts, histogram and alpha of the panel, for toolbox and qgis_process users."""
    from sozialmonitor.plugin.core.index.summary import read_summary

    result = processing_run(ALG, {
        "INPUT": f"{gpkg}|layername=plr",
        "RECIPE": str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json"),
        "OUTPUT": str(tmp_path / "r.gpkg"), "OUTPUT_DIAGNOSTICS": str(tmp_path / "d.csv"),
        "OUTPUT_SUMMARY": str(tmp_path / "s.json"), "DROP_ONE": False})
    summary = read_summary(result["OUTPUT_SUMMARY"])
    status = {label: n for index, label, n in summary["counts"] if index == "Status-Index" and n}
    assert status == official["STATUS_KLASSE"].value_counts().to_dict()
    assert sum(summary["histogram"][1]) == summary["n_evaluated"] == result["N_EVALUATED"] == 436
    assert set(summary["alpha"]) == {"Status-Index", "Dynamik-Index"}
    assert len(summary["diagnostics"]) == 6
