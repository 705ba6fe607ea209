"""Step 3: the index recipe — a preset or a recipe file, indicators edited in a table, checked inline
(form: ui/step_recipe.ui).

Checking uses the recipe model itself (plugin/core/recipe/load.py: Recipe.from_dict and Recipe.validate
against the table's columns), so the message is the one compute_index would give. The row to mark is
found by checking the rows one by one, never by reading the (translated) message.
"""
import copy
import dataclasses
import json
from pathlib import Path

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from ...core.errors import RecipeError
from ...core.i18n import tr_noop
from ...core.recipe.load import Recipe
from ...core.recipe.model import NORMALISATIONS, Indicator
from ...gis.i18n import translate as tr
from ...resources import RESOURCES
from ..forms import load_ui, show_message
from ..frame_table import number_text, ui_locale

RECIPE_DIR = RESOURCES / "recipes"
COLUMNS = ["id", "field", "label", "direction", "weight", "group"]
PROBLEM_COLOUR = "#fde0e0"
# direction: (value, short text in the cell, full text as tooltip); the short texts keep the table readable
# at the default dock width (360 px)
DIRECTIONS = [("higher_is_worse", tr_noop("↑ worse"), tr_noop("higher is worse")),
              ("higher_is_better", tr_noop("↑ better"), tr_noop("higher is better"))]


def presets():
    """[(title, path)] of the shipped recipes, sorted by title."""
    out = []
    for path in sorted(RECIPE_DIR.glob("*.json")):
        try:
            title = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("title") or path.stem
        except ValueError:
            continue
        out.append((title, str(path)))
    return sorted(out)


class RecipeStep(QWidget):
    changed = pyqtSignal()
    validity_changed = pyqtSignal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.base = None  # the recipe as a JSON dict; the table overrides its indicators
        self.columns = []
        self.valid = False
        self.marked_row = -1
        self._filling = False
        load_ui("step_recipe.ui", self)
        self.preset_combo.addItem(tr("(choose a preset)"), "")
        for title, path in presets():
            self.preset_combo.addItem(title, path)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        # Short columns fit their contents; the label takes the room left, elided in the middle (labels
        # often share their start, e.g. "Veränderung …"), the full text is the tooltip.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("label"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for col in range(len(COLUMNS)):
            item = self.table.horizontalHeaderItem(col)
            item.setToolTip(item.toolTip() or item.text())
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        for name in NORMALISATIONS:
            self.normalisation_combo.addItem(_normalisation_label(name), name)
        self.message.hide()

        self.preset_combo.activated.connect(self._preset_chosen)
        self.load_button.clicked.connect(self._import_clicked)
        self.save_button.clicked.connect(self._export_clicked)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.table.itemChanged.connect(self._edited)
        self.normalisation_combo.currentIndexChanged.connect(lambda _i: self._edited())

    # ---- loading -----------------------------------------------------------------------
    def _preset_chosen(self, index):
        path = self.preset_combo.itemData(index)
        if path:
            self.load_file(path)

    def load_preset(self, title):
        index = self.preset_combo.findText(title)
        if index < 0:
            raise KeyError(title)
        self.preset_combo.setCurrentIndex(index)
        self.load_file(self.preset_combo.itemData(index))

    def load_file(self, path):
        """Load a recipe file into the table; a broken file shows the reason inline and keeps the table."""
        try:
            Recipe.from_file(path)  # the same checks compute_index makes
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except RecipeError as err:
            show_message(self.message, err.message, "error")
            return False
        self.set_recipe_dict(data)
        self.changed.emit()
        return True

    def _import_clicked(self):
        path, _f = QFileDialog.getOpenFileName(self, tr("Import index recipe"), "", tr("Index recipes (*.json)"))
        if path:
            self.load_file(path)

    def _export_clicked(self):
        path, _f = QFileDialog.getSaveFileName(self, tr("Export index recipe"), "recipe.json",
                                               tr("Index recipes (*.json)"))
        if path:
            self.save_file(path)

    def save_file(self, path):
        """Write the edited recipe (only when it is valid) as a recipe file."""
        recipe = self.recipe()
        if recipe is None:
            return False
        try:
            recipe.save(path)
        except RecipeError as err:
            show_message(self.message, err.message, "error")
            return False
        return True

    def set_recipe_dict(self, data):
        self.base = copy.deepcopy(data)
        self._filling = True
        self.table.setRowCount(0)
        for ind in data.get("indicators", []):
            self._append_row(ind)
        method = (data.get("normalisation") or {}).get("method", "zscore")
        self.normalisation_combo.setCurrentIndex(max(0, self.normalisation_combo.findData(method)))
        self._filling = False
        self.check()

    def _append_row(self, ind):
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, key in enumerate(COLUMNS):
            if key == "direction":
                self.table.setCellWidget(row, col, self._direction_combo(ind.get("direction", "higher_is_worse")))
                continue
            value = ind.get(key, 1 if key == "weight" else "")
            if key == "weight":
                value = number_text(value, ui_locale()) if isinstance(value, (int, float)) else str(value)
            item = QTableWidgetItem(str(value))
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, json.dumps(ind, ensure_ascii=False))  # the other keys
            if key == "label":
                item.setToolTip(_label_tip(item.text(), ind.get("description", "")))
            self.table.setItem(row, col, item)

    def _direction_combo(self, value):
        combo = QComboBox(self.table)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # as wide as the short texts
        for data, short, full in DIRECTIONS:
            combo.addItem(tr(short), data)
            combo.setItemData(combo.count() - 1, tr(full), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.setToolTip(combo.currentData(Qt.ItemDataRole.ToolTipRole))
        combo.currentIndexChanged.connect(
            lambda _i: (combo.setToolTip(combo.currentData(Qt.ItemDataRole.ToolTipRole)), self._edited()))
        return combo

    def add_row(self):
        number = self.table.rowCount() + 1
        self._filling = True
        self._append_row({"id": f"ind{number}", "field": "", "label": "", "weight": 1,
                          "group": self.table.item(0, 5).text() if self.table.rowCount() else ""})
        self._filling = False
        self._edited()

    def remove_selected_rows(self):
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._edited()

    def set_cell(self, row, key, value):
        """Set one cell as a user would (used by tests and scripts)."""
        col = COLUMNS.index(key)
        if key == "direction":
            combo = self.table.cellWidget(row, col)
            combo.setCurrentIndex(combo.findData(value))
        else:
            self.table.item(row, col).setText(str(value))

    # ---- the recipe --------------------------------------------------------------------
    def recipe_dict(self):
        """The base recipe with the indicators and normalisation from the widgets (no checks), and the
        problems found while reading the cells as [(row, message)] (row: 0-based table row)."""
        if self.base is None:
            return None
        data = copy.deepcopy(self.base)
        indicators, errors = [], []
        for row in range(self.table.rowCount()):
            origin = json.loads(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) or "{}")
            ind = dict(origin)
            for col, key in enumerate(COLUMNS):
                if key == "direction":
                    ind[key] = self.table.cellWidget(row, col).currentData()
                    continue
                text = self.table.item(row, col).text().strip()
                if key == "weight":
                    try:
                        ind[key] = float(text.replace(",", "."))
                    except ValueError:
                        errors.append((row, tr("Row {row}: the weight '{text}' is not a number.").format(
                            row=row + 1, text=text)))
                        ind[key] = 1.0
                else:
                    ind[key] = text
            indicators.append(ind)
        ids = {i["id"] for i in indicators}
        for index in data.get("indices", []):
            if index.get("indicators"):
                index["indicators"] = [i for i in index["indicators"] if i in ids]
            if index.get("weights"):  # level weights of removed indicators go with them (sub-indices stay)
                index["weights"] = {k: w for k, w in index["weights"].items()
                                    if k in ids or k in index.get("sub_indices", [])}
        data["indicators"] = indicators
        data.setdefault("normalisation", {})["method"] = self.normalisation_combo.currentData()
        return data, errors

    def recipe(self):
        """The checked Recipe, or None (the reason is shown inline)."""
        return self.check()

    def set_columns(self, columns):
        self.columns = list(columns)
        self.check()

    def check(self):
        """Validate the edited recipe; show the first problem under the table and mark its row."""
        recipe, message, level, bad_row = None, "", "error", -1
        if self.base is None:
            message, level = tr("Choose a preset or import a recipe file."), "info"
        else:
            data, errors = self.recipe_dict()
            if errors:
                bad_row, message = errors[0]
            else:
                parsed = None
                try:
                    parsed = Recipe.from_dict(data)
                    if self.columns:
                        parsed.validate(self.columns)
                        message, level = tr("The recipe is valid: {n} indicators, {m} indices.").format(
                            n=len(parsed.indicators), m=len(parsed.indices)), "ok"
                    else:
                        message, level = tr("The recipe is valid. Preview the table (step 2) to check the field "
                                            "names."), "ok"
                    recipe = parsed
                except RecipeError as err:
                    message, bad_row = err.message, problem_row(data, parsed, self.columns)
        self._mark_row(bad_row)
        show_message(self.message, message, level)
        valid = recipe is not None
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)
        return recipe

    def _mark_row(self, bad):
        self.marked_row = bad  # 0-based row with the problem, -1: none
        self._filling = True
        for row in range(self.table.rowCount()):
            for col in range(len(COLUMNS)):
                item = self.table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush(QColor(PROBLEM_COLOUR)) if row == bad else QBrush())
        self._filling = False

    def _edited(self, item=None):
        if self._filling:
            return
        if isinstance(item, QTableWidgetItem) and item.column() == COLUMNS.index("label"):
            self._filling = True  # a new tooltip is an itemChanged too
            origin = json.loads(self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole) or "{}")
            item.setToolTip(_label_tip(item.text(), origin.get("description", "")))
            self._filling = False
        self.preset_combo.setCurrentIndex(self._matching_preset())
        self.check()
        self.changed.emit()

    def _matching_preset(self):
        if self.base is None:
            return 0
        title = (self.base.get("metadata") or {}).get("title", "")
        return max(0, self.preset_combo.findText(title))

    # ---- project state -----------------------------------------------------------------
    def state(self):
        if self.base is None:
            return {}
        data, _errors = self.recipe_dict()
        return {"recipe": data}

    def set_state(self, state):
        if state.get("recipe"):
            self.set_recipe_dict(state["recipe"])
            self.preset_combo.setCurrentIndex(self._matching_preset())
        else:
            self.base = None
            self.table.setRowCount(0)
            self.preset_combo.setCurrentIndex(0)
            self.check()

    def set_busy(self, busy):
        self.setEnabled(not busy)


def problem_row(data, parsed, columns):
    """The table row (0-based) the first problem of the recipe ``data`` is about, or -1 when it is about
    the recipe as a whole. ``parsed``: the Recipe if ``Recipe.from_dict(data)`` succeeded (then
    ``validate(columns)`` failed), else None.

    Each row is checked on its own, in the order the recipe checks run: reading an indicator
    (Indicator.from_dict, as Recipe.from_dict does for ``indicators[i]``), unique ids, then the fields
    against the table (Recipe.validate on the indicators up to that row)."""
    indicators = data.get("indicators", [])
    if parsed is None:
        for row, ind in enumerate(indicators):
            try:
                Indicator.from_dict(ind, f"indicators[{row}]")
            except RecipeError:
                return row
        seen = set()
        for row, ind in enumerate(indicators):
            if ind.get("id") in seen:
                return row
            seen.add(ind.get("id"))
        return -1
    if not _fails(dataclasses.replace(parsed, indicators=[]), columns):
        for row in range(len(parsed.indicators)):
            if _fails(dataclasses.replace(parsed, indicators=parsed.indicators[:row + 1]), columns):
                return row
    return -1


def _label_tip(label, description):
    return "\n\n".join(text for text in (label, description) if text)


def _fails(recipe, columns):
    try:
        recipe.validate(columns)
    except RecipeError:
        return True
    return False


def _normalisation_label(name):
    return {"zscore": tr("z-score"), "minmax": tr("min-max scaling"), "rank": tr("percentile rank"),
            "distance": tr("distance to a reference value"), "none": tr("none (already comparable)")}[name]
