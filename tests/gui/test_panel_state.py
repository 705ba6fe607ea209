"""Panel state in the project, recipe files, errors in the message bar, help link."""
import json

from panel_testing import TABLE, bar_messages, wait_idle
from qgis.core import Qgis, QgsProject
from test_panel_flow import fill_inputs


def test_state_round_trips_through_a_project_file(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.join_button.click()
    wait_idle(dock)
    dock.recipe.set_cell(0, "weight", "2")
    dock.printing.title_edit.setText("Mein Titel")
    dock.printing.title_edit.editingFinished.emit()
    project = QgsProject.instance()
    path = tmp_path / "panel.qgz"
    assert project.write(str(path))

    project.clear()
    assert dock.districts.layer() is None and dock.table.path() == ""
    assert dock.recipe.table.rowCount() == 0 and dock.printing.title_edit.text() == ""
    assert not dock.compute.compute_button.isEnabled()

    assert project.read(str(path))
    wait_idle(dock)
    assert dock.districts.layer() is not None and dock.districts.layer().name() == "planungsraeume"
    assert dock.districts.key_field() == "id"
    assert dock.table.path() == str(TABLE) and dock.table.key() == "PLR_ID"
    assert dock.recipe.table.rowCount() == 6
    assert dock.recipe.table.item(0, 4).text() == "2"
    assert dock.recipe.preset_combo.currentText() == "Berlin MSS 2019"
    assert dock.printing.title_edit.text() == "Mein Titel"
    assert dock.compute.folder() == str(tmp_path)
    assert "447 of 448 districts matched" in dock.table.report_text()  # the last join report
    assert dock.compute.compute_button.isEnabled()
    saved = json.loads(project.readEntry("sozialmonitor", "state", "")[0])
    assert saved["recipe"]["recipe"]["indicators"][0]["weight"] == 2.0

    # a panel opened later (e.g. after a plugin reload) starts from the project's state as well
    from sozialmonitor.plugin.gui.dock import SozialmonitorDock

    second = SozialmonitorDock(dock.iface)
    try:
        assert second.table.key() == "PLR_ID" and second.recipe.table.item(0, 4).text() == "2"
    finally:
        wait_idle(second)
        second.teardown()
        second.deleteLater()


def test_recipe_export_and_import(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.recipe.set_cell(2, "label", "Kinder in Armut")
    target = tmp_path / "geteilt.json"
    assert dock.recipe.save_file(str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["indicators"][2]["label"] == "Kinder in Armut"
    dock.recipe.load_preset("Berlin MSS 2021")
    assert dock.recipe.table.item(2, 2).text() != "Kinder in Armut"
    assert dock.recipe.load_file(str(target))
    assert dock.recipe.table.item(2, 2).text() == "Kinder in Armut"


def test_broken_recipe_file_is_explained_inline(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"format": "sozialmonitor-recipe", "version": 1, "indicators": [', encoding="utf-8")
    assert not dock.recipe.load_file(str(broken))
    assert "not valid JSON" in dock.recipe.message.text()
    assert dock.recipe.table.rowCount() == 6  # the loaded recipe is kept


def test_errors_go_to_the_message_bar_and_the_log(dock, districts_layer, tmp_path):
    from qgis.core import QgsApplication

    logged = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: logged.append((tag, message)))
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.key_combo.setEditText("Kennziffer")
    dock.table.join_button.click()
    wait_idle(dock)
    errors = bar_messages(dock.iface, Qgis.Critical)
    assert len(errors) == 1
    assert "key column 'Kennziffer' not found in " in errors[0] and "Columns: PLR_ID, PLR_NAME" in errors[0]
    assert "Traceback" not in errors[0]
    assert any(tag == "Sozialmonitor" and "Kennziffer" in message for tag, message in logged)
    assert dock.status_label.text().startswith("Stopped")
    assert dock.table.join_button.isEnabled()


def test_missing_inputs_are_named(dock, districts_layer, tmp_path):
    dock.table.join_button.click()
    assert bar_messages(dock.iface, Qgis.Warning) == ["Sozialmonitor:Choose the district layer (step 1)."]
    assert not dock.runner.busy


def test_help_opens_the_readme_section(dock, monkeypatch):
    from sozialmonitor.plugin.gui import dock as dock_module

    opened = []
    monkeypatch.setattr(dock_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    dock.help_button.click()
    assert opened == ["https://github.com/sozialmonitor/sozialmonitor#panel"]


def test_changing_the_key_hides_a_stale_join_report(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    dock.table.join_button.click()
    wait_idle(dock)
    assert not dock.table.report_tree.isHidden()
    dock.table.key_combo.setEditText("PLR_NAME")
    assert dock.table.report_tree.isHidden() and dock.table.report_text() == ""


def test_unusable_output_folder_is_a_message_not_a_crash(dock, districts_layer, tmp_path):
    fill_inputs(dock, districts_layer, tmp_path)
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    dock.compute.folder_widget.setFilePath(str(blocker / "results"))
    dock.compute.compute_button.click()  # an exception here would fail the test (and open QGIS's error dialog)
    errors = bar_messages(dock.iface, Qgis.Critical)
    assert len(errors) == 1 and "Cannot read or write" in errors[0] and "a_file" in errors[0]
    assert not dock.runner.busy and dock.compute.compute_button.isEnabled()
