"""The panel as a planner sees it in the QGIS desktop: at the default dock width (360 px) with the desktop
font, in German and English — marked recipe rows, tables that show all their rows, numbers with the
decimal sign of the language, labels instead of ids and field names, and a project folder that can move."""
import json
import shutil

import pytest
from panel_testing import GPKG, TABLE, wait_idle
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QFontMetrics
from test_panel_flow import OFFICIAL_STATUS, fill_inputs

COLUMNS_OF_THE_SAMPLE = ["PLR_ID", "PLR_NAME", "EW", "S1", "S3", "S4", "D1", "D3", "D4"]


def settle():
    for _ in range(5):
        QCoreApplication.processEvents()


@pytest.fixture(params=["en", "de"])
def any_language_dock(request):
    return request.getfixturevalue("german_dock" if request.param == "de" else "narrow_dock")


# ---- 1: the row with the problem is marked, whatever the language -------------------------------

@pytest.mark.parametrize("cell, value, message", [
    ("weight", "viel", {"en": "Row 3: the weight 'viel' is not a number.",
                        "de": "Zeile 3: Das Gewicht 'viel' ist keine Zahl."}),
    ("weight", "-1", {"en": "negative weight", "de": "negatives Gewicht"}),
    ("field", "S9", {"en": "unknown field 'S9'", "de": "unbekanntes Feld 'S9'"}),
    ("id", "S1", {"en": "'S1' appears twice", "de": "'S1' kommt zweimal vor"}),  # marks the second row
])
def test_the_row_with_the_problem_is_marked_in_every_language(any_language_dock, districts_layer, tmp_path,
                                                              cell, value, message):
    from sozialmonitor.plugin.gis.i18n import locale_code
    from sozialmonitor.plugin.gui.steps.recipe import PROBLEM_COLOUR

    dock = any_language_dock
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.set_columns(COLUMNS_OF_THE_SAMPLE)
    assert dock.recipe.marked_row == -1 and dock.compute.compute_button.isEnabled()
    dock.recipe.set_cell(2, cell, value)
    assert message[locale_code()] in dock.recipe.message.text()
    assert dock.recipe.marked_row == 2
    table = dock.recipe.table
    assert table.item(2, 0).background().color().name() == PROBLEM_COLOUR
    assert all(table.item(row, 0).background().style() == Qt.BrushStyle.NoBrush for row in (0, 1, 3, 4, 5))
    assert not dock.compute.compute_button.isEnabled()
    dock.recipe.set_cell(2, cell, {"weight": "1", "field": "S4", "id": "S4"}[cell])
    assert dock.recipe.marked_row == -1 and dock.compute.compute_button.isEnabled()
    assert table.item(2, 0).background().style() == Qt.BrushStyle.NoBrush


def test_a_problem_of_the_whole_recipe_marks_no_row(german_dock, districts_layer, tmp_path):
    fill_inputs(german_dock, districts_layer, tmp_path)
    german_dock.table.set_columns([c for c in COLUMNS_OF_THE_SAMPLE if c != "PLR_ID"])  # the recipe's key field
    assert "metadata.key_field" in german_dock.recipe.message.text()
    assert german_dock.recipe.marked_row == -1
    assert not german_dock.compute.compute_button.isEnabled()


# ---- 3: step 3 at the default width --------------------------------------------------------------

def test_the_recipe_table_fits_the_default_dock_width(any_language_dock, districts_layer, tmp_path):
    from sozialmonitor.plugin.gis.i18n import translate
    from sozialmonitor.plugin.gui.steps.recipe import COLUMNS

    dock = any_language_dock
    fill_inputs(dock, districts_layer, tmp_path)
    dock.toolbox.setCurrentIndex(2)
    settle()
    table, header = dock.recipe.table, dock.recipe.table.horizontalHeader()
    assert dock.recipe.minimumSizeHint().width() <= dock.toolbox.currentWidget().viewport().width()  # no clipping
    assert header.length() <= table.viewport().width() and table.horizontalScrollBar().maximum() == 0
    for col in range(len(COLUMNS)):  # the headers of the short columns are readable; the label's may be elided
        item = table.horizontalHeaderItem(col)
        assert item.text() in item.toolTip()
        if COLUMNS[col] != "label":
            assert QFontMetrics(header.font()).horizontalAdvance(item.text()) <= header.sectionSize(col), item.text()
    direction = COLUMNS.index("direction")
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, direction)
        assert combo.sizeHint().width() <= header.sectionSize(direction)
        assert combo.toolTip() == translate(combo.currentData().replace("_", " "))  # "higher is worse"
        assert len(combo.currentText()) < len(combo.toolTip())
    # D1, D3 and D4 all start with "Veränderung"/"Change": elided in the middle they stay apart; the tooltip
    # has the whole label
    label = COLUMNS.index("label")
    assert header.sectionSize(label) >= 50 and table.textElideMode() == Qt.TextElideMode.ElideMiddle
    metrics = QFontMetrics(table.font())
    shown = [metrics.elidedText(table.item(row, label).text(), Qt.TextElideMode.ElideMiddle,
                                header.sectionSize(label) - 8) for row in range(table.rowCount())]
    assert len(set(shown)) == len(shown), shown
    assert all(table.item(row, label).toolTip().startswith(table.item(row, label).text())
               for row in range(table.rowCount()))
    dock.recipe.set_cell(3, "label", "Neue Bezeichnung")
    assert table.item(3, label).toolTip().startswith("Neue Bezeichnung")


# ---- 2, 4, 5: the summary and the print step in German -------------------------------------------

def test_german_summary_shows_every_row_labels_and_decimal_commas(german_dock, districts_layer, tmp_path):
    dock = german_dock
    fill_inputs(dock, districts_layer, tmp_path)
    dock.compute.compute_button.click()
    wait_idle(dock)
    assert dock.status_label.text() == "Fertig."
    settle()
    assert dock.compute.alpha_label.text() == "Standardisiertes Cronbachs Alpha: Status-Index 0,98; Dynamik-Index 0,84"
    diagnostics = dock.compute.diagnostics
    headers = [diagnostics.horizontalHeaderItem(c).text() for c in range(diagnostics.columnCount())]
    assert "Klassenwechsel ohne ihn (Status-Index)" in headers and "Klassenwechsel ohne ihn (Dynamik-Index)" in headers
    cells = [diagnostics.item(r, c).text() for r in range(diagnostics.rowCount()) for c in range(1, len(headers))]
    assert "-0,9698" in cells and not [cell for cell in cells if "." in cell]
    assert dock.compute.histogram.captions() == ("-1,5", "3,6")
    assert "," in dock.compute.histogram.toolTip() and "." not in dock.compute.histogram.toolTip()

    # the columns are wider than the table (horizontal scroll bar), and still all six indicators show
    assert diagnostics.rowCount() == 6
    assert diagnostics.horizontalScrollBar().maximum() > 0
    assert diagnostics.verticalScrollBar().maximum() == 0
    last = diagnostics.visualRect(diagnostics.model().index(5, 0))
    assert last.bottom() < diagnostics.viewport().height()
    counts = dock.compute.counts_table
    assert counts.verticalScrollBar().maximum() == 0 and counts.rowCount() == 7
    assert counts.horizontalScrollBar().maximum() == 0  # its columns fit: no room kept for a scroll bar
    assert counts.height() == (sum(counts.rowHeight(r) for r in range(7)) + counts.horizontalHeader().height()
                               + 2 * counts.frameWidth())

    # step 5 offers the fields by their aliases; the algorithms get the field names
    combo = dock.printing.field_combo
    assert [combo.itemText(i) for i in range(combo.count())][:2] == ["Status-Index: Klasse", "Dynamik-Index: Klasse"]
    assert combo.currentText() == "Status-Index: Klasse" and dock.printing.field() == "status_class"
    assert combo.toolTip() == "status_class"
    combo.setCurrentIndex(1)
    assert dock.printing.field() == "dynamik_class"
    assert dock.printing.map_parameters("m.gpkg", "r.json", "k.pdf")["FIELD"] == "dynamik_class"
    assert dock.printing.state()["field"] == "dynamik_class"
    combo.setEditText("S3")  # a field name typed by hand is kept as it is
    assert dock.printing.field() == "S3"
    dock.printing.set_state({"field": "status_class"})
    assert combo.currentText() == "Status-Index: Klasse"


# ---- 6: the panel state moves with the project folder ---------------------------------------------

def test_panel_state_survives_moving_the_project_folder(dock, tmp_path):
    project = QgsProject.instance()
    folder = tmp_path / "projekt"
    (folder / "daten").mkdir(parents=True)
    shutil.copy(GPKG, folder / "daten" / GPKG.name)
    shutil.copy(TABLE, folder / "daten" / TABLE.name)
    layer = QgsVectorLayer("{}|layername=planungsraeume".format(folder / "daten" / GPKG.name), "plr", "ogr")
    project.addMapLayer(layer)
    dock.districts.layer_combo.setLayer(layer)
    dock.table.file_widget.setFilePath(str(folder / "daten" / TABLE.name))
    dock.table.key_combo.setEditText("PLR_ID")
    dock.compute.folder_widget.setFilePath(str(folder / "ergebnis"))
    dock.recipe.load_preset("Berlin MSS 2019")
    dock.printing.pdf_widget.setFilePath(str(folder / "karte.pdf"))
    dock.table.join_button.click()
    wait_idle(dock)
    dock.compute.compute_button.click()
    wait_idle(dock)
    assert dock.status_label.text() == "Done."
    assert project.write(str(folder / "panel.qgz"))
    text = project.readEntry("sozialmonitor", "state", "")[0]
    assert str(tmp_path) not in text  # every path relative to the project file
    saved = json.loads(text)
    assert saved["table"]["path"] == "./daten/" + TABLE.name and saved["result"]["map"].startswith("./ergebnis/")

    project.clear()
    moved = tmp_path / "anderswo" / "kollegin" / "projekt"
    moved.parent.mkdir(parents=True)
    shutil.move(str(folder), str(moved))
    assert project.read(str(moved / "panel.qgz"))
    wait_idle(dock)
    assert dock.table.path() == str(moved / "daten" / TABLE.name)
    assert dock.compute.folder() == str(moved / "ergebnis")
    assert dock.printing.pdf_path() == str(moved / "karte.pdf")
    assert dock.result["map"] == str(moved / "ergebnis" / "sozialmonitor_result.gpkg")
    assert "447 of 448 districts matched" in dock.table.report_text()  # the join report, read from there
    assert {c: n for (index, c), n in dock.compute.counts().items() if index == "Status-Index"} == OFFICIAL_STATUS
    assert dock.printing.export_button.isEnabled()
    assert dock.districts.layer() is not None and dock.districts.layer().isValid()
