"""The panel driven like a user: Berlin MSS 2019 sample from the district layer to the printed PDF.

Numbers are the official MSS 2019 results (tests/fixtures/mss2019/mss2019_indices_official_plr.csv):
status classes 67 / 283 / 47 / 39 of the 436 evaluated Planungsräume of the table; on the map, per
distinct polygon id, 04030417 (mittel) has no polygon, so 'mittel' shows 282 (tests/e2e/test_demo_pipeline.py).
"""
import shutil
import subprocess
import threading
import time
from collections import Counter

import pytest
from panel_testing import GPKG, TABLE, HeldInWorker, UiGaps, bar_messages, pdf_pages, serve_events, wait_idle
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, Qt
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtTest import QTest
from sozialmonitor.plugin.processing.algorithms import compute_index as compute_index_algorithm

OFFICIAL_STATUS = {"hoch": 67, "mittel": 283, "niedrig": 47, "sehr niedrig": 39}


def fill_inputs(dock, layer, folder):
    """Steps 1-3 as a user fills them."""
    dock.districts.layer_combo.setLayer(layer)
    dock.table.file_widget.setFilePath(str(TABLE))
    dock.table.key_combo.setEditText("PLR_ID")
    dock.compute.folder_widget.setFilePath(str(folder))
    dock.recipe.load_preset("Berlin MSS 2019")


def test_whole_flow(dock, districts_layer, tmp_path, monkeypatch):
    fill_inputs(dock, districts_layer, tmp_path)
    assert dock.districts.key_field() == "id"  # guessed from the layer
    dock.table.preview_button.click()
    wait_idle(dock)
    assert dock.table.preview_model.rowCount() == 200  # first rows of 447
    assert dock.table.columns[:3] == ["PLR_ID", "PLR_NAME", "EW"]
    assert dock.table.name_combo.currentText() == "PLR_NAME"
    assert "valid" in dock.recipe.message.text()

    # Step 2: the join report before anything is computed
    dock.table.join_button.click()
    wait_idle(dock)
    report = dock.table.report_text()
    assert report.startswith("447 of 448 districts matched; 1 table rows without district.")
    assert "Districts without data (1)\n  09041403 Allende II" in report
    assert "Table rows without district (1)\n  row 125: 04030417" in report
    assert "Duplicate keys in the district layer (1) — all features kept, each gets the same table row\n" \
           "  06010102: 2 features" in report
    # every section of the report reaches the panel (core/join/report.SECTIONS), e.g. how the table was read
    assert "How the table was read (" in report and "Fields added (8)" in report
    assert "09041402: layer" in report  # same key, different name
    assert not [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.name().startswith("Sozialmonitor")]  # nothing computed or added yet

    # Step 4: compute; the UI thread stays free while the task runs. The task is held inside the index
    # computation (in its worker thread) until the UI thread has served 20 timer ticks, so this holds
    # however fast the machine computes; then the whole run, callbacks included, leaves no long UI gap.
    held = HeldInWorker(monkeypatch, compute_index_algorithm, "compute_index")
    with UiGaps() as gaps:
        dock.compute.compute_button.click()
        assert dock.runner.busy and not dock.compute.compute_button.isEnabled()  # a task, not a blocking call
        assert dock.cancel_button.isEnabled()
        assert held.wait_entered(), "the index computation did not start in a worker thread"
        assert serve_events(20, gaps), "the UI thread served no timer events while the task ran"
        assert dock.runner.busy and dock.cancel_button.isEnabled()  # still running, window still reacts
        held.release()
        wait_idle(dock)
    assert all(t is not threading.main_thread() for t in held.threads) and len(held.threads) == 1
    assert gaps.longest < 0.5, f"the UI thread was blocked for {gaps.longest:.2f} s"
    assert dock.status_label.text() == "Done."
    assert not dock.cancel_button.isEnabled() and dock.compute.compute_button.isEnabled()
    counts = dock.compute.counts()
    assert {c: n for (index, c), n in counts.items() if index == "Status-Index"} == OFFICIAL_STATUS
    assert "436 of 447 districts evaluated" in dock.compute.result_label.text()
    assert sum(dock.compute.histogram.counts) == 436
    assert dock.compute.diagnostics.rowCount() == 6  # one row per indicator
    assert dock.compute.alpha_label.text() == "Standardised Cronbach's alpha: Status-Index 0.98; Dynamik-Index 0.84"

    layers = [layer for layer in QgsProject.instance().mapLayers().values() if layer.name().startswith("Sozialmonitor")]
    assert len(layers) == 1
    result = layers[0]
    assert result.featureCount() == 448
    assert result.renderer().type() == "RuleRenderer"  # styled with the recipe classes
    by_id = {}
    for feature in result.getFeatures():
        if feature["status_class"]:
            by_id[feature["id"]] = feature["status_class"]
    assert Counter(by_id.values()) == dict(OFFICIAL_STATUS, mittel=282)
    assert result.attributeAlias(result.fields().lookupField("status_class")) == "Status-Index: class"

    # Step 5: print; the field is offered by its alias, the template chosen in the combo
    assert dock.printing.field_combo.currentText() == "Status-Index: class"
    assert dock.printing.field() == "status_class"
    dock.printing.template_combo.setCurrentIndex(dock.printing.template_combo.findText("A4 portrait"))
    dock.printing.title_edit.setText("Soziale Ungleichheit in Berlin 2019")
    dock.printing.subtitle_edit.setText("447 Planungsräume")
    dock.printing.pdf_widget.setFilePath(str(tmp_path / "karte.pdf"))
    dock.printing.png_check.setChecked(True)
    dock.printing.export_button.click()
    assert dock.runner.busy
    wait_idle(dock)
    assert (tmp_path / "karte.pdf").stat().st_size > 10000
    assert (tmp_path / "karte.png").exists()
    assert "karte.pdf" in dock.printing.result_label.text()
    text = subprocess.run(["pdftotext", str(tmp_path / "karte.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Soziale Ungleichheit in Berlin 2019" in text and "sehr niedrig" in text
    width, height = pdf_pages(tmp_path / "karte.pdf")[1]
    assert width < height  # A4 portrait, as chosen (the default is landscape)

    dock.printing.preview_button.click()
    wait_idle(dock)
    assert not dock.printing.preview_label.pixmap().isNull()

    dock.toolbox.setCurrentIndex(3)
    picture = dock.grab()
    assert picture.save(str(tmp_path / "panel.png"))
    image = QImage(str(tmp_path / "panel.png"))
    assert image.width() >= 420 and image.height() >= 900
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 20
    assert not bar_messages(dock.iface, Qgis.Critical)

    # the saved project brings back the result: summary re-read, print step ready
    assert QgsProject.instance().write(str(tmp_path / "flow.qgz"))
    QgsProject.instance().clear()
    assert dock.compute.counts_table.rowCount() == 0 and not dock.printing.export_button.isEnabled()
    assert QgsProject.instance().read(str(tmp_path / "flow.qgz"))
    wait_idle(dock)
    assert {c: n for (index, c), n in dock.compute.counts().items() if index == "Status-Index"} == OFFICIAL_STATUS
    assert dock.printing.export_button.isEnabled()
    assert dock.printing.title_edit.text() == "Soziale Ungleichheit in Berlin 2019"
    assert dock.printing.field() == "status_class" and dock.printing.template_combo.currentText() == "A4 portrait"
    restored = QgsProject.instance().mapLayer(dock.result["layer_id"])
    assert restored is not None and restored.renderer().type() == "RuleRenderer"


def test_export_atlas(dock, tmp_path):
    """A Bezirksregion's districts (a subset of the layer): one atlas page per district of the result."""
    # a copy: QGIS 3.22 writes to a GeoPackage (its SQLite change counter) when a layer of it gets a subset
    # string, and the shipped sample must stay byte for byte as it is
    copy = tmp_path / "sample.gpkg"
    shutil.copyfile(GPKG, copy)
    layer = QgsVectorLayer(f"{copy}|layername=planungsraeume", "Bezirksregion 0101", "ogr")
    assert layer.setSubsetString("\"id\" LIKE '0101%'") and layer.featureCount() > 2
    QgsProject.instance().addMapLayer(layer)
    fill_inputs(dock, layer, tmp_path)
    dock.printing.pdf_widget.setFilePath(str(tmp_path / "mitte.pdf"))
    assert not dock.printing.atlas_button.isEnabled()  # nothing computed yet
    # the city-wide table on a few districts: below the expected 90 % of table rows, a message and no result
    dock.compute.compute_button.click()
    wait_idle(dock)
    errors = bar_messages(dock.iface, Qgis.Critical)
    assert len(errors) == 1 and "the table covers a larger area than the layer" in errors[0], errors
    assert not dock.printing.atlas_button.isEnabled()
    errors.clear()
    dock.table.min_match_spin.setValue(0)  # accepted explicitly (no match at all would still fail)
    dock.compute.compute_button.click()
    wait_idle(dock)
    assert dock.printing.atlas_button.isEnabled()
    dock.printing.atlas_button.click()
    assert dock.runner.busy
    wait_idle(dock)
    assert not bar_messages(dock.iface, Qgis.Critical)
    atlas = tmp_path / "mitte_atlas.pdf"
    assert len(pdf_pages(atlas)) == layer.featureCount()
    assert "mitte_atlas.pdf" in dock.printing.result_label.text()
    text = subprocess.run(["pdftotext", str(atlas), "-"], capture_output=True, text=True, check=True).stdout
    first = next(layer.getFeatures())
    assert first["name"] in text
    # the web atlas button of the same step: a folder next to the PDF, the link to its index.html shown
    assert dock.printing.web_atlas_button.isEnabled()
    dock.printing.web_atlas_button.click()
    wait_idle(dock)
    assert not bar_messages(dock.iface, Qgis.Critical)
    index = tmp_path / "mitte_web_atlas" / "index.html"
    assert index.is_file() and "index.html" in dock.printing.result_label.text()
    data = (tmp_path / "mitte_web_atlas" / "data" / "atlas.js").read_text(encoding="utf-8")
    assert first["name"] in data and '"status_class"' in data


def test_choosing_a_preset_in_the_combo_loads_it(dock, districts_layer):
    combo = dock.recipe.preset_combo
    assert combo.currentIndex() == 0 and dock.recipe.table.rowCount() == 0
    assert not dock.compute.compute_button.isEnabled()
    target = combo.findText("Berlin MSS 2021")
    combo.setFocus()
    for _ in range(target):
        QTest.keyClick(combo, Qt.Key.Key_Down)  # each step is an "activated", as with the mouse
    assert combo.currentText() == "Berlin MSS 2021"
    data, errors = dock.recipe.recipe_dict()
    assert not errors and data["metadata"]["title"] == "Berlin MSS 2021"
    assert dock.recipe.table.rowCount() == len(data["indicators"]) > 0
    assert "valid" in dock.recipe.message.text()


def test_add_and_remove_an_indicator(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.set_columns(["PLR_ID", "PLR_NAME", "EW", "S1", "S3", "S4", "D1", "D3", "D4", "S9"])
    table = dock.recipe.table
    dock.recipe.add_button.click()
    assert table.rowCount() == 7 and table.item(6, 0).text() == "ind7"
    assert table.item(6, 5).text() == "status"  # the group of the first row
    dock.recipe.set_cell(6, "field", "S8")
    assert "unknown field 'S8'" in dock.recipe.message.text() and dock.recipe.marked_row == 6
    assert not dock.compute.compute_button.isEnabled()
    dock.recipe.set_cell(6, "field", "S9")
    data, errors = dock.recipe.recipe_dict()
    assert not errors and [i["id"] for i in data["indicators"]][-1] == "ind7"
    assert "7 indicators" in dock.recipe.message.text() and dock.compute.compute_button.isEnabled()

    table.selectRow(6)
    dock.recipe.remove_button.click()
    assert table.rowCount() == 6 and dock.recipe.preset_combo.currentText() == "Berlin MSS 2019"
    table.selectRow(0)
    dock.recipe.remove_button.click()
    data, _errors = dock.recipe.recipe_dict()
    assert [i["id"] for i in data["indicators"]] == ["S3", "S4", "D1", "D3", "D4"]
    assert "5 indicators" in dock.recipe.message.text()


def test_cancel_returns_to_idle(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.compute.compute_button.click()
    assert dock.runner.busy
    dock.cancel_button.click()
    wait_idle(dock)
    assert dock.status_label.text() == "Cancelled."
    assert dock.progress.value() == 0
    assert not dock.cancel_button.isEnabled()
    assert dock.compute.compute_button.isEnabled() and dock.table.join_button.isEnabled()
    assert not (tmp_path / "sozialmonitor_result.gpkg").exists()  # the chain stopped: no result written
    assert not [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.name().startswith("Sozialmonitor")]


@pytest.mark.parametrize("cell, value, expected", [
    ("field", "S9", "unknown field 'S9'"),
    ("weight", "-1", "negative weight"),
    ("weight", "viel", "the weight 'viel' is not a number"),
])
def test_invalid_recipe_shows_inline_message(dock, districts_layer, tmp_path, cell, value, expected):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.set_columns(["PLR_ID", "PLR_NAME", "EW", "S1", "S3", "S4", "D1", "D3", "D4"])
    assert dock.compute.compute_button.isEnabled()
    dock.recipe.set_cell(1, cell, value)
    message = dock.recipe.message.text()
    assert expected in message
    assert not dock.recipe.message.isHidden()
    assert not dock.compute.compute_button.isEnabled()
    marked = dock.recipe.table.item(1, 0).background().color().name()
    assert marked == "#fde0e0"  # the row with the problem is marked
    assert dock.recipe.table.item(0, 0).background().style() == 0  # the others are not
    dock.recipe.set_cell(1, cell, "S3" if cell == "field" else "1")
    assert "valid" in dock.recipe.message.text() and dock.compute.compute_button.isEnabled()


def test_direction_edit_changes_the_recipe(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.recipe.set_cell(0, "direction", "higher_is_better")
    data, errors = dock.recipe.recipe_dict()
    assert not errors and data["indicators"][0]["direction"] == "higher_is_better"
    assert data["indicators"][0]["description"].startswith("Anteil Arbeitslose")  # other keys kept


@pytest.fixture(scope="module")
def large_districts(tmp_path_factory):
    """100,000 synthetic districts (bench/synthetic.py): a layer, its table as CSV and an MSS-like recipe."""
    import sys

    from panel_testing import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    import synthetic

    folder = tmp_path_factory.mktemp("large")
    frame = synthetic.make_frame(100_000, k=10)
    synthetic.write_gpkg(frame[["DIST_ID", "EW"]], folder / "districts.gpkg")
    frame.to_csv(folder / "table.csv", index=False)
    synthetic.bench_recipe(10).save(folder / "recipe.json")
    return folder


@pytest.mark.slow
def test_large_run_keeps_the_ui_responsive_and_cancels(dock, large_districts, tmp_path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(large_districts / "districts.gpkg"), "large", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock.districts.layer_combo.setLayer(layer)
    dock.districts.key_combo.setField("DIST_ID")
    dock.table.file_widget.setFilePath(str(large_districts / "table.csv"))
    dock.table.key_combo.setEditText("DIST_ID")
    dock.compute.folder_widget.setFilePath(str(tmp_path))
    dock.compute.table_first.setChecked(False)  # join 100,000 rows, then compute on the layer: the long way
    assert dock.recipe.load_file(str(large_districts / "recipe.json"))

    with UiGaps() as gaps:
        dock.compute.compute_button.click()
        started = time.monotonic()
        while time.monotonic() - started < 1.5:  # the task runs; the event loop keeps serving the UI
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    assert dock.runner.busy, "the run ended before it could be cancelled; make the data larger"
    assert gaps.count > 50 and gaps.longest < 0.5, f"the UI thread was blocked for {gaps.longest:.2f} s"
    dock.cancel_button.click()
    cancelled = time.monotonic()
    wait_idle(dock, timeout=60)
    print(f"cancel took {time.monotonic() - cancelled:.1f} s; longest UI gap {gaps.longest:.3f} s")
    assert time.monotonic() - cancelled < 20
    assert dock.status_label.text() == "Cancelled."
    assert dock.compute.compute_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert not (tmp_path / "sozialmonitor_result.gpkg").exists()


def test_compute_on_the_joined_layer(dock, districts_layer, tmp_path):
    """Unticked 'compute on the table': join first, then compute_index on the 448 joined polygons."""
    fill_inputs(dock, districts_layer, tmp_path)
    dock.compute.table_first.setChecked(False)
    dock.compute.compute_button.click()
    wait_idle(dock)
    assert not bar_messages(dock.iface, Qgis.Critical)
    assert dock.status_label.text() == "Done."
    assert (tmp_path / "joined.gpkg").exists() and not (tmp_path / "index_table.gpkg").exists()
    assert "of 448 districts evaluated" in dock.compute.result_label.text()
    counts = {c: n for (index, c), n in dock.compute.counts().items() if index == "Status-Index"}
    assert set(counts) == set(OFFICIAL_STATUS) and sum(counts.values()) > 430
