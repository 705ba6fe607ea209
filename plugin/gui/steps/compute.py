"""Step 4: compute the index (sozialmonitor:compute_index), add the styled result layer, summarise
(form: ui/step_compute.ui).

The summary is read in a background task from the files compute_index wrote: class counts per index
(over the districts the index was computed on), a histogram of the first index's score and the
diagnostics table (plugin/core/diagnostics via OUTPUT_DIAGNOSTICS).
"""
import os

import numpy as np
import pandas as pd
from qgis.core import QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QTableWidgetItem,
    QWidget,
)

from ...core.i18n import tr_noop
from ...gis.i18n import translate as tr
from ...gis.io.layer_frame import layer_to_dataframe
from ...gis.style.renderers import map_classes_for, secrecy_rule
from ..widgets import Histogram, cell_text, fit_height, load_ui, show_message, tidy_table, ui_locale

RESULT_NAME = "sozialmonitor_result.gpkg"
INDEX_TABLE_NAME = "index_table.gpkg"
HISTOGRAM_BINS = 24
STAT_COLUMNS = ["n", "missing", "mean", "sd", "min", "max"]
# header words of the diagnostics table (the CSV keeps the column names above)
STAT_HEADERS = {"n": tr_noop("n"), "missing": tr_noop("missing"), "mean": tr_noop("mean"), "sd": tr_noop("SD"),
                "min": tr_noop("min"), "max": tr_noop("max")}


def summarise(index_path, map_path, map_field, recipe, diagnostics_path):
    """Read the outputs of a run (worker thread; opens its own layers). Returns a dict for show_summary."""
    table = QgsVectorLayer(index_path, "index", "ogr")
    fields = [f for f in ["evaluated"] + [s.id + suffix for s in recipe.indices for suffix in ("_score", "_class")]
              if table.fields().lookupField(f) >= 0]
    frame = layer_to_dataframe(table, fields)
    counts = []
    for spec in recipe.indices:
        if spec.classification is None or spec.id + "_class" not in frame:
            continue
        values = frame[spec.id + "_class"].dropna().astype(str)
        for label in spec.classification.labels:
            counts.append((spec.label or spec.id, label, int((values == label).sum())))
    evaluated = frame["evaluated"].fillna(0).astype(bool) if "evaluated" in frame else pd.Series(True, frame.index)
    first = recipe.indices[0]
    scores = frame.get(first.id + "_score", pd.Series(dtype=float)).astype(float)[evaluated].dropna()
    histogram = ([], [], [])
    if len(scores):
        bin_counts, edges = np.histogram(scores, bins=HISTOGRAM_BINS)
        colours = []
        if first.classification is not None and first.classification.colours:
            classes = frame[first.id + "_class"][evaluated].reindex(scores.index).astype(str)
            bins = np.clip(np.digitize(scores, edges[1:-1]), 0, HISTOGRAM_BINS - 1)
            colour_of = dict(zip(first.classification.labels, first.classification.colours))
            for b in range(HISTOGRAM_BINS):
                in_bin = classes[bins == b]
                colours.append(colour_of.get(in_bin.mode().iat[0], "#8c8c8c") if len(in_bin) else "#8c8c8c")
        histogram = (edges.tolist(), bin_counts.tolist(), colours)
    map_layer = QgsVectorLayer(map_path, "map", "ogr")
    classes = map_classes_for(map_layer, map_field, secrecy_rule(map_layer, recipe), recipe=recipe)
    diagnostics = pd.read_csv(diagnostics_path) if diagnostics_path else None
    labels = {spec.id: spec.label or spec.id for spec in recipe.indices}
    return {"counts": counts, "n": len(frame), "n_evaluated": int(evaluated.sum()), "histogram": histogram,
            "histogram_label": first.label or first.id, "classes": classes,
            "diagnostics": diagnostics_table(diagnostics, labels) if diagnostics is not None else None,
            "alpha": _alpha(diagnostics, labels) if diagnostics is not None else {}}


def diagnostics_table(long_table, labels=None):
    """One row per indicator: statistics over the reference districts and class changes when it is dropped.

    ``labels``: {index id: index label} for the column names (the CSV names the indices by id)."""
    labels = labels or {}
    stats = long_table[long_table["section"] == "indicator_stats"]
    wide = stats.pivot_table(index="row", columns="column", values="value", aggfunc="first")
    wide = wide.reindex(columns=[c for c in STAT_COLUMNS if c in wide.columns])
    wide.columns = [tr(STAT_HEADERS[c]) for c in wide.columns]
    drop = long_table[(long_table["section"] == "drop_one_class_changes") & (long_table["column"] == "changed")]
    for index_id, part in drop.groupby("index"):
        wide[tr("class changes without it ({index})").format(index=labels.get(str(index_id), index_id))] = \
            part.set_index("row")["value"]
    wide.index.name = tr("indicator")
    return wide.reset_index()


def _alpha(long_table, labels):
    """{index label: standardised Cronbach's alpha} in the order of the CSV."""
    rows = long_table[long_table["section"] == "cronbach_alpha"]
    return {labels.get(str(index_id), str(index_id)): float(value)
            for index_id, value in zip(rows["index"], rows["value"])}


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
        compute_params = {"RECIPE": recipe_path, "OUTPUT_DIAGNOSTICS": diagnostics}
        if self.table_first.isChecked():
            index_path = os.path.join(folder, INDEX_TABLE_NAME)
            source = table.path()
            if table.sheet_edit.text().strip():
                source += "|layername=" + table.sheet_edit.text().strip()
            first = ("sozialmonitor:compute_index", dict(compute_params, INPUT=source, OUTPUT=index_path))
            second = ("sozialmonitor:join_table",
                      table.join_parameters(districts, report, result_path, table_layer=index_path))
        else:
            index_path = result_path
            joined = os.path.join(folder, "joined.gpkg")
            first = ("sozialmonitor:join_table", table.join_parameters(districts, report, joined))
            second = ("sozialmonitor:compute_index", dict(compute_params, INPUT=joined, OUTPUT=result_path))
        paths = {"map": result_path, "index": index_path, "recipe": recipe_path, "diagnostics": diagnostics,
                 "report": report}
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
