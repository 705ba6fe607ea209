"""Step 2: the indicator table — parsed preview and the join report, before anything is computed
(form: ui/step_table.ui).

The preview uses the same reader as sozialmonitor:join_table (plugin/core/tables.read_table); the
check runs sozialmonitor:join_table itself and shows the report it writes. Both files are read in a
background task (``read_preview``, core/join/report.read_report_csv); the step only shows what they return.
"""
import os

from qgis.core import QgsProcessing
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidgetItem, QWidget

from ...core.join.expectation import DEFAULT_MIN_MATCH_PERCENT
from ...core.tables import read_table
from ...gis.i18n import translate as tr
from ..forms import load_ui, show_message
from ..frame_table import FrameModel

PREVIEW_ROWS = 200
PREVIEW_MEASURED_ROWS = 40
SEPARATORS = ["", ";", ",", "\t", "|"]
ENCODINGS = ["", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]


def read_preview(path, key, sheet, encoding, separator):
    """Read the table as join_table does; returns (first rows, all column names, reading notes)."""
    table = read_table(path, sheet=sheet or None, encoding=encoding or None, separator=separator or None,
                       key_columns=[key] if key else (), require_keys=False)
    return table.frame.head(PREVIEW_ROWS).copy(), [str(c) for c in table.frame.columns], table.report.to_lines()


class TableStep(QWidget):
    changed = pyqtSignal()
    columns_changed = pyqtSignal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns = []
        self.report_path = ""
        self._restoring_columns = False
        load_ui("step_table.ui", self)
        self.file_widget.setFilter(tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;All files (*.*)"))
        for value in ENCODINGS:
            self.encoding_combo.addItem(value or tr("detect"), value)
        for value, label in zip(SEPARATORS, [tr("detect"), tr("semicolon ;"), tr("comma ,"), tr("tab"),
                                             tr("pipe |")]):
            self.separator_combo.addItem(label, value)
        self.preview_model = FrameModel()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().setDefaultSectionSize(20)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # column widths from the first rows only: measuring all 200 x columns cells froze the UI for ~0.1 s
        self.preview_view.horizontalHeader().setResizeContentsPrecision(PREVIEW_MEASURED_ROWS)
        for label in (self.notes, self.join_summary):
            label.hide()
        self.report_tree.hide()

        self.file_widget.fileChanged.connect(self._file_changed)
        for combo in (self.key_combo, self.name_combo, self.encoding_combo):
            combo.editTextChanged.connect(self._options_changed)
        for combo in (self.separator_combo, self.key_rule_combo, self.duplicates_combo):
            combo.currentIndexChanged.connect(self._options_changed)
        self.sheet_edit.textChanged.connect(self._options_changed)
        self.min_match_spin.valueChanged.connect(self._options_changed)

    def _options_changed(self, *_args):
        """Another table, key or reading option: the shown join report no longer applies."""
        self.clear_report()
        self.changed.emit()

    def _file_changed(self, _path):
        self.clear_report()
        self.changed.emit()

    # ---- values ------------------------------------------------------------------------
    def path(self):
        return self.file_widget.filePath().strip()

    def key(self):
        return self.key_combo.currentText().strip()

    def encoding(self):
        text = self.encoding_combo.currentText().strip()
        return "" if text == tr("detect") else text

    def separator(self):
        return self.separator_combo.currentData() or ""

    def problem(self):
        if not self.path():
            return tr("Choose the indicator table (step 2).")
        if not os.path.isfile(self.path()):
            return tr("The table file {path} does not exist (step 2).").format(path=self.path())
        if not self.key():
            return tr("Give the key column of the table (step 2).")
        return ""

    def preview_function(self):
        path, key, sheet = self.path(), self.key(), self.sheet_edit.text().strip()
        encoding, separator = self.encoding(), self.separator()
        return lambda _feedback: read_preview(path, key, sheet, encoding, separator)

    def show_preview(self, result):
        frame, columns, lines = result
        self.preview_model.set_frame(frame)
        self.set_columns(columns)
        show_message(self.notes, "\n".join(lines[:8]))

    def set_columns(self, columns):
        self.columns = list(columns)
        for combo in (self.key_combo, self.name_combo):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([""] + self.columns if combo is self.name_combo else self.columns)
            combo.setEditText(text)
            combo.blockSignals(False)
        if not self.key() and self.columns:
            self.key_combo.setEditText(self.columns[0])
        if not self.name_combo.currentText() and not self._restoring_columns:
            names = [c for c in self.columns if "name" in c.lower() and c != self.key()]
            self.name_combo.setEditText(names[0] if names else "")
        self.columns_changed.emit(self.columns)

    def join_parameters(self, districts, report_path, output=QgsProcessing.TEMPORARY_OUTPUT, table_layer=None):
        """Parameters of sozialmonitor:join_table; ``table_layer`` replaces the file (index table)."""
        params = {
            "INPUT": districts.layer().id(), "INPUT_KEY": districts.key_field(),
            "INPUT_NAME": districts.name_field() or None,
            "TABLE_KEY": self.key(), "TABLE_NAME": self.name_combo.currentText().strip() or None,
            "KEY_RULE": self.key_rule_combo.currentIndex(), "DUPLICATES": self.duplicates_combo.currentIndex(),
            "MIN_MATCH_PERCENT": self.min_match_spin.value(), "OUTPUT": output, "REPORT": report_path,
        }
        if table_layer:
            params["TABLE_LAYER"] = table_layer
        else:
            params.update(self.read_parameters(), TABLE=self.path())
        return params

    def read_parameters(self):
        """How the table file is read (sheet, encoding, separator as chosen or detected in this step): the same
        parameters for join_table and compute_index, which read the file with the same reader."""
        return {"SHEET": self.sheet_edit.text().strip() or None, "ENCODING": self.encoding() or None,
                "SEPARATOR": self.separator() or None}

    # ---- the join report ----------------------------------------------------------------
    def clear_report(self):
        self.report_path = ""
        self.report_tree.clear()
        self.report_tree.hide()
        show_message(self.join_summary, "")

    def show_report(self, report_path, data):
        """Fill the summary line and the findings tree from ``read_report_csv(report_path)``."""
        self.report_path = report_path
        summary = data["summary"]
        matched, total = summary.get("matched_districts", "?"), summary.get("districts", "?")
        orphans = summary.get("table_rows_without_district", "0")
        clean = str(matched) == str(total) and str(orphans) == "0"
        show_message(self.join_summary, tr("{matched} of {total} districts matched; {orphans} table rows without "
                                           "district.").format(matched=matched, total=total, orphans=orphans),
                     "ok" if clean else "warning")
        self.report_tree.clear()
        for _section, title, count, texts in data["sections"]:
            parent = QTreeWidgetItem(self.report_tree, [title])
            parent.addChildren([QTreeWidgetItem([text]) for text in texts])
            parent.setExpanded(count <= 20)
        self.report_tree.setVisible(self.report_tree.topLevelItemCount() > 0)

    def report_text(self):
        """Everything the report shows, as plain text (for tests and copying)."""
        lines = [self.join_summary.text()]
        for i in range(self.report_tree.topLevelItemCount()):
            item = self.report_tree.topLevelItem(i)
            lines.append(item.text(0))
            lines.extend("  " + item.child(j).text(0) for j in range(item.childCount()))
        return "\n".join(lines)

    # ---- project state -----------------------------------------------------------------
    def state(self):
        return {"path": self.path(), "key": self.key(), "name": self.name_combo.currentText().strip(),
                "sheet": self.sheet_edit.text().strip(), "encoding": self.encoding(), "separator": self.separator(),
                "key_rule": self.key_rule_combo.currentIndex(), "duplicates": self.duplicates_combo.currentIndex(),
                "min_match": self.min_match_spin.value(), "columns": self.columns, "report": self.report_path}

    def set_state(self, state):
        self.file_widget.setFilePath(state.get("path", ""))
        self._restoring_columns = True
        self.set_columns(state.get("columns", []))
        self._restoring_columns = False
        self.key_combo.setEditText(state.get("key", ""))
        self.name_combo.setEditText(state.get("name", ""))
        self.sheet_edit.setText(state.get("sheet", ""))
        encoding = state.get("encoding", "")
        self.encoding_combo.setEditText(encoding or tr("detect"))
        self.separator_combo.setCurrentIndex(max(0, self.separator_combo.findData(state.get("separator", ""))))
        self.key_rule_combo.setCurrentIndex(int(state.get("key_rule", 0)))
        self.duplicates_combo.setCurrentIndex(int(state.get("duplicates", 0)))
        self.min_match_spin.setValue(int(state.get("min_match", DEFAULT_MIN_MATCH_PERCENT)))
        self.preview_model.set_frame(None)
        show_message(self.notes, "")
        self.clear_report()  # the dock reads the saved report (state "report") in a task

    def set_busy(self, busy):
        self.preview_button.setEnabled(not busy)
        self.join_button.setEnabled(not busy)
