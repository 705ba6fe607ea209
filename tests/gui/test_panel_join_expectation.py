"""Step 2 with a table that does not fit (issue 13, item 3): the failure is a message naming the cause, the
join report lists what did not match, and a minimum lowered in the panel lets the join through."""
import sys

from panel_testing import GPKG, ROOT, bar_messages, wait_idle
from qgis.core import Qgis, QgsProject, QgsVectorLayer

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "joins"))
import make_joins  # noqa: E402


def _fill(dock, layer, table, folder):
    dock.districts.layer_combo.setLayer(layer)
    dock.table.file_widget.setFilePath(str(table))
    dock.table.key_combo.setEditText("PLR_ID")
    dock.compute.folder_widget.setFilePath(str(folder))


def test_2021_table_on_2019_districts_fails_with_the_cause(dock, districts_layer, tmp_path):
    _fill(dock, districts_layer, make_joins.MSS2021, tmp_path)
    assert dock.table.min_match_spin.value() == 90
    dock.table.join_button.click()
    wait_idle(dock)
    errors = bar_messages(dock.iface, Qgis.Critical)
    assert len(errors) == 1, errors
    assert "0 of 448 districts (0 %) and 0 of 542 table rows (0 %) matched" in errors[0]
    assert "different district vintage" in errors[0]
    assert "Traceback" not in errors[0] and max(len(line) for line in errors[0].splitlines()) <= 320
    wait_idle(dock)
    # the report of the failed check lists the unmatched keys (the hint names the cause too)
    report = dock.table.report_text()
    assert report.startswith("0 of 448 districts matched; 542 table rows without district.")
    assert "Districts without data (448)" in report and "01100101" in report
    assert "different district vintage" in report


def test_partial_table_passes_when_the_minimum_is_lowered(dock, tmp_path):
    cases = make_joins.write_all(tmp_path / "cases")
    layer = QgsVectorLayer(f"{GPKG}|layername=planungsraeume", "PLR", "ogr")
    QgsProject.instance().addMapLayer(layer)
    _fill(dock, layer, cases["mss2019_first45.csv"], tmp_path)
    dock.table.join_button.click()
    wait_idle(dock)
    errors = bar_messages(dock.iface, Qgis.Critical)
    assert len(errors) == 1 and "45 of 448 districts (10 %)" in errors[0]
    assert "lower the minimum match (MIN_MATCH_PERCENT) to 10 %" in errors[0]
    dock.iface.messageBar().messages[Qgis.Critical].clear()

    dock.table.min_match_spin.setValue(10)
    assert dock.table.join_parameters(dock.districts, "r.csv")["MIN_MATCH_PERCENT"] == 10
    dock.table.join_button.click()
    wait_idle(dock)
    assert not bar_messages(dock.iface, Qgis.Critical)
    report = dock.table.report_text()
    assert report.startswith("45 of 448 districts matched; 0 table rows without district.")
    assert "Districts without data (403)" in report
    assert dock.table.state()["min_match"] == 10
