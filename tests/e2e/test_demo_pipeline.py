"""End to end, as a user runs it: install the plugin into a fresh QGIS profile, run the demo
through qgis_process (QGIS's own Python: Debian's pandas 1.5 / shapely 1.8), check what a reader sees.
"""
import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

# Official MSS 2019 status classes (mss2019_indices_official_plr.csv): 67 / 283 / 47 / 39 of 436.
OFFICIAL_STATUS_COUNTS = {"hoch": 67, "mittel": 283, "niedrig": 47, "sehr niedrig": 39}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo")
    config = base / "qgis-config"
    out = base / "out"
    subprocess.run(
        ["/usr/bin/python3", str(ROOT / "scripts/install_plugin.py"),
         "--profile-dir", str(config / "profiles" / "default")],
        check=True, capture_output=True, text=True,
    )
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["bash", str(ROOT / "scripts/demo.sh"), str(out)], env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out, proc.stdout


def _rows(gpkg, sql):
    with closing(sqlite3.connect(str(gpkg))) as con:  # `with connect()` alone never closes
        return con.execute(sql).fetchall()


def test_demo_prints_where_results_are(demo):
    out, stdout = demo
    for name in ["sozialmonitor_berlin_2019.gpkg", "sozialmonitor_berlin_2019.qgz",
                 "karte_status_2019.pdf", "karte_status_2019.png", "join_report.csv"]:
        assert (out / name).exists(), name
        assert str(out / name) in stdout


def test_geopackage_has_official_classes(demo):
    out, _ = demo
    gpkg = out / "sozialmonitor_berlin_2019.gpkg"
    table = _rows(gpkg, "SELECT table_name FROM gpkg_contents WHERE data_type='features'")[0][0]
    assert _rows(gpkg, f'SELECT count(*) FROM "{table}"')[0][0] == 448  # every polygon kept
    # The index was computed on the 447-row table: class counts per distinct PLR equal the official ones.
    counts = dict(_rows(gpkg, f'SELECT status_class, count(DISTINCT id) FROM "{table}" '
                              "WHERE status_class IS NOT NULL GROUP BY status_class"))
    # 04030417 (mittel) has no polygon: its polygon carries the duplicated id 06010102. Every other
    # official class count appears exactly on the map.
    expected = dict(OFFICIAL_STATUS_COUNTS, mittel=OFFICIAL_STATUS_COUNTS["mittel"] - 1)
    assert counts == expected


def test_join_report_shows_the_real_problems(demo):
    out, stdout = demo
    # the demo prints the join summary of the (German) Processing log, not only the CSV
    for line in ["447 von 448 Gebieten zugeordnet", "09041403 Allende II", "Zeile 124: 04030417 Schloßstraße",
                 "06010102: 2 Objekte", "09041402: Layer 'Siedlung Kämmereiheide', Tabelle 'Allende II'"]:
        assert line in stdout, line
    report = (out / "join_report.csv").read_text(encoding="utf-8")
    assert "06010102" in report  # duplicated key in the geometry
    assert "04030417" in report  # table row without polygon
    assert "09041403" in report  # polygon without table row
    assert "09041402" in report and "Kämmereiheide" in report  # same key, different name


def test_pdf_shows_title_legend_and_source(demo):
    out, _ = demo
    pdf = out / "karte_status_2019.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Soziale Ungleichheit in Berlin 2019" in text
    for label in ["hoch", "mittel", "niedrig", "sehr niedrig"]:
        assert label in text
    assert "Senatsverwaltung für Stadtentwicklung und Wohnen Berlin" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split("x"))
    assert abs(width - 841.89) < 2 and abs(height - 595.28) < 2  # A4 landscape


def test_project_opens_with_styled_layer_and_layout(demo, qgis_app):
    from qgis.core import QgsProject

    out, _ = demo
    project = QgsProject()
    assert project.read(str(out / "sozialmonitor_berlin_2019.qgz"))
    layers = [layer for layer in project.mapLayers().values() if layer.isValid()]
    assert layers and len(layers) == len(project.mapLayers())  # no broken data sources
    styled = [layer for layer in layers if layer.type() == layer.VectorLayer and layer.featureCount() == 448]
    assert styled
    renderer = styled[0].renderer()
    assert renderer.type() == "RuleRenderer"  # classes + "nicht bewertet" / "keine Daten" rules
    labels = [rule.label() for rule in renderer.rootRule().children()]
    assert any(label.startswith("sehr niedrig") for label in labels), labels
    layouts = project.layoutManager().printLayouts()
    assert len(layouts) >= 1
    texts = " ".join(item.text() for item in layouts[0].items() if hasattr(item, "text") and callable(item.text))
    assert "Soziale Ungleichheit in Berlin 2019" in texts
