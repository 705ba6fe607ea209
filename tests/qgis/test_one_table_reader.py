"""One way in for tables: a messy statistics-office CSV gives the same numbers whether it is joined first
(join_table, then compute_index on the joined layer) or given to compute_index directly.

The CSV has what offices deliver: title rows, a footnote, ';' with German decimals and thousands groups,
Windows-1252 encoding, suppressed cells ('.' and 'x') and keys with leading zeros.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsVectorLayer
from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

ROOT = Path(__file__).resolve().parents[2]
INDICATORS = ["S1", "S3", "S4", "D1", "D3", "D4"]
SUPPRESSED = {"01011104": ("S1", "."), "01011103": ("D4", "x")}


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


def _german(value):
    text = f"{value:,.5f}"  # 1,234.56789
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


@pytest.fixture(scope="module")
def messy_csv(tmp_path_factory):
    clean = pd.read_csv(ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv",
                        dtype={"PLR_ID": str})
    lines = ["Amt für Statistik Berlin-Brandenburg", "Indikatoren MSS 2019 (Anteile in %)", "",
             ";".join(["PLR_ID", "PLR_NAME", "EW"] + INDICATORS)]
    for row in clean.itertuples(index=False):
        cells = [row.PLR_ID, row.PLR_NAME, f"{row.EW:,}".replace(",", ".")]  # 3.384 inhabitants
        for name in INDICATORS:
            cells.append(_german(getattr(row, name)))
        if row.PLR_ID in SUPPRESSED:
            column, symbol = SUPPRESSED[row.PLR_ID]
            cells[3 + INDICATORS.index(column)] = symbol
        lines.append(";".join(cells))
    lines += ["", "Zeichenerklärung: . = Zahlenwert unbekannt oder geheim zu halten; x = Tabellenfach gesperrt"]
    path = tmp_path_factory.mktemp("messy") / "mss2019_amt.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path, clean


def _frame(path):
    out = QgsVectorLayer(str(path), "out", "ogr")
    assert out.isValid()
    return layer_to_dataframe(out).set_index("PLR_ID").sort_index()


def test_join_first_and_table_first_give_the_same_numbers(run, repo_root, fixtures_dir, messy_csv, tmp_path):
    csv, clean = messy_csv
    recipe = str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json")
    # the 447 districts of the table as polygons with nothing but their key (QGIS's own 'retain fields')
    grid = fixtures_dir / "mss2019" / "mss2019_plr_grid.gpkg"
    keys_only = run("native:retainfields", {"INPUT": f"{grid}|layername=plr", "FIELDS": ["PLR_ID"],
                                             "OUTPUT": str(tmp_path / "districts.gpkg")})["OUTPUT"]
    joined = run("sozialmonitor:join_table", {
        "INPUT": keys_only, "INPUT_KEY": "PLR_ID", "TABLE": str(csv), "TABLE_KEY": "PLR_ID",
        "OUTPUT": str(tmp_path / "joined.gpkg")})["OUTPUT"]
    via_join = run("sozialmonitor:compute_index", {
        "INPUT": joined, "RECIPE": recipe, "OUTPUT": str(tmp_path / "a.gpkg")})
    direct = run("sozialmonitor:compute_index", {
        "INPUT": str(csv), "RECIPE": recipe, "OUTPUT": str(tmp_path / "b.gpkg")})
    a, b = _frame(via_join["OUTPUT"]), _frame(direct["OUTPUT"])
    assert len(b) == len(clean) == 447 and direct["N_EVALUATED"] == 434  # 436 minus the 2 suppressed cells
    assert via_join["N_EVALUATED"] == 434
    common = a.index.intersection(b.index)
    assert len(common) == 447
    for field in ["EW"] + INDICATORS + ["z_S1", "z_D4", "status_score", "dynamik_score"]:
        if field not in b.columns:
            continue
        np.testing.assert_allclose(a.loc[common, field].astype(float), b.loc[common, field].astype(float),
                                   rtol=0, atol=1e-12, err_msg=field)
    for field in ("status_class", "dynamik_class", "evaluated"):
        if field in b.columns:
            assert (a.loc[common, field].fillna("-").astype(str) == b.loc[common, field].fillna("-").astype(str)).all()
    # the reader's decisions were applied: German numbers read as numbers, symbols as missing (never 0)
    truth = clean.set_index("PLR_ID")
    np.testing.assert_allclose(b["S3"].astype(float), truth.loc[b.index, "S3"], atol=1e-9)
    assert np.isnan(float(b.loc["01011104", "S1"])) and np.isnan(float(b.loc["01011103", "D4"]))
    assert (b["EW"].astype(float) == truth.loc[b.index, "EW"]).all()


def test_table_options_are_passed_to_the_reader(run, repo_root, messy_csv, tmp_path):
    """A wrong separator given explicitly is used (and fails clearly) instead of being silently re-detected."""
    csv, _clean = messy_csv
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="mss2019_amt.csv"):
        run("sozialmonitor:compute_index", {
            "INPUT": str(csv), "RECIPE": str(repo_root / "resources" / "recipes" / "berlin_mss_2019.json"),
            "SEPARATOR": ",", "HEADER_ROW": 4, "OUTPUT": str(tmp_path / "c.gpkg")})
