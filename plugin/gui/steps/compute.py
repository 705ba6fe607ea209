"""Step 4: compute the index (sozialmonitor:compute_index), show its summary (form: ui/step_compute.ui).

Everything shown is computed below Processing: compute_index writes the summary (OUTPUT_SUMMARY, made by
plugin/core/index/summary.py: class counts, histogram, Cronbach's alpha, diagnostics) and style_layer styles
the result layer; this step only builds the parameters and shows the summary.
"""
import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QTableWidgetItem,
    QWidget,
)

from ...gis.i18n import translate as tr
from ..forms import fit_height, load_ui, show_message, tidy_table
from ..frame_table import cell_text, ui_locale
from ..histogram import Histogram

RESULT_NAME = "sozialmonitor_result.gpkg"
INDEX_TABLE_NAME = "index_table.gpkg"


class ComputeStep(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        load_ui("step_compute.ui", self)
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.histogram = Histogram(self)
        self.histogram.setObjectName("histogram")
        self.layout().replaceWidget(self.histogram_placeholder, self.histogram)
        self.histogram_placeholder.deleteLater()
        for table in (self.counts_table, self.diagnostics):
            tidy_table(table)
        self.clear_summary()
        self.folder_widget.fileChanged.connect(lambda _p: self.changed.emit())
        self.table_first.toggled.connect(lambda _b: self.changed.emit())

    def folder(self):
        return self.folder_widget.filePath().strip()

    def clear_summary(self):
        show_message(self.result_label, "")
        self.counts_table.setRowCount(0)
        self.counts_table.hide()
        self.histogram.set_bins([], [])
        self.histogram.hide()
        self.histogram_label.hide()
        self.alpha_label.hide()
        self.diagnostics.setRowCount(0)
        self.diagnostics.hide()

    def show_summary(self, summary):
        show_message(self.result_label, tr("{ev} of {n} districts evaluated (the others have no score: too few "
                                           "inhabitants, excluded or missing values).").format(
                                               ev=summary["n_evaluated"], n=summary["n"]), "ok")
        self.counts_table.setRowCount(len(summary["counts"]))
        for row, values in enumerate(summary["counts"]):
            for col, value in enumerate(values):
                self.counts_table.setItem(row, col, QTableWidgetItem(str(value)))
        fit_height(self.counts_table, 8)
        self.counts_table.show()
        edges, counts, colours = summary["histogram"]
        self.histogram.set_bins(edges, counts, colours)
        self.histogram_label.setText(tr("Distribution of {index} (evaluated districts)").format(
            index=summary["histogram_label"]))
        self.histogram.setVisible(bool(counts))
        self.histogram_label.setVisible(bool(counts))
        locale = ui_locale()
        if summary["alpha"]:
            self.alpha_label.setText(tr("Standardised Cronbach's alpha: {values}").format(
                values="; ".join("{} {}".format(k, locale.toString(v, "f", 2)) for k, v in summary["alpha"].items())))
            self.alpha_label.show()
        table = summary["diagnostics"]
        if table is not None:
            self.diagnostics.setColumnCount(len(table.columns))
            self.diagnostics.setHorizontalHeaderLabels([str(c) for c in table.columns])
            for col, name in enumerate(table.columns):
                self.diagnostics.horizontalHeaderItem(col).setToolTip(str(name))
            self.diagnostics.setRowCount(len(table))
            for row in range(len(table)):
                for col in range(len(table.columns)):
                    self.diagnostics.setItem(row, col, QTableWidgetItem(cell_text(table.iat[row, col], locale)))
            fit_height(self.diagnostics, 10)
            self.diagnostics.show()

    def run_chain(self, districts, table, folder, recipe_path):
        """The two algorithm runs of *Compute index* as [(algorithm id, parameters)] x 2 and the paths of the
        result: compute_index on the table, then join_table of the index table to the districts (default),
        or join first and compute on the joined layer."""
        result_path = os.path.join(folder, RESULT_NAME)
        report = os.path.join(folder, "join_report.csv")
        diagnostics = os.path.join(folder, "diagnostics.csv")
        summary = os.path.join(folder, "summary.json")
        compute_params = {"RECIPE": recipe_path, "OUTPUT_DIAGNOSTICS": diagnostics, "OUTPUT_SUMMARY": summary}
        if self.table_first.isChecked():
            index_path = os.path.join(folder, INDEX_TABLE_NAME)
            first = ("sozialmonitor:compute_index",
                     dict(compute_params, INPUT=table.path(), OUTPUT=index_path, **table.read_parameters()))
            second = ("sozialmonitor:join_table",
                      table.join_parameters(districts, report, result_path, table_layer=index_path))
        else:
            index_path = result_path
            joined = os.path.join(folder, "joined.gpkg")
            first = ("sozialmonitor:join_table", table.join_parameters(districts, report, joined))
            second = ("sozialmonitor:compute_index", dict(compute_params, INPUT=joined, OUTPUT=result_path))
        paths = {"map": result_path, "index": index_path, "recipe": recipe_path, "diagnostics": diagnostics,
                 "report": report, "summary": summary}
        return first, second, paths

    def counts(self):
        """{(index label, class): districts} as shown."""
        return {(self.counts_table.item(r, 0).text(), self.counts_table.item(r, 1).text()):
                int(self.counts_table.item(r, 2).text()) for r in range(self.counts_table.rowCount())}

    def state(self):
        return {"folder": self.folder(), "table_first": self.table_first.isChecked()}

    def set_state(self, state):
        self.folder_widget.setFilePath(state.get("folder", ""))
        self.table_first.setChecked(bool(state.get("table_first", True)))
        self.clear_summary()

    def set_busy(self, busy):
        self.compute_button.setEnabled(not busy)
        self.folder_widget.setEnabled(not busy)
        self.table_first.setEnabled(not busy)
