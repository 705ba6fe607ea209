"""Panel state in the QGIS project: one JSON text under scope "sozialmonitor", key "state", written when the
project is saved and read when it is opened (``ProjectStateMixin``, the dock's side of it).

The JSON holds the inputs of every step (layer id, key field, table path and options, the edited
recipe as a recipe dict, output folder, print texts) and the paths of the last result, so reopening
the project restores the panel. The recipe inside is the plain recipe format (docs/recipe-format.md).

File paths (PATH_KEYS) are stored like QGIS stores layer sources: relative to the project file when the
project uses relative paths (the default), through the project's path resolver, so a project folder that
is moved or shared keeps its panel state.
"""
import json
import os

from qgis.core import Qgis, QgsMessageLog, QgsProject

from ..gis.i18n import translate as tr
from ..gis.logging_handler import TAG

SCOPE = "sozialmonitor"
KEY = "state"
VERSION = 1
# {step: [keys of that step's state holding a file or folder path]}
PATH_KEYS = {"table": ["path", "report"], "compute": ["folder"], "print": ["template_file", "pdf"],
             "result": ["map", "index", "recipe", "diagnostics", "report", "summary"]}


def _convert_paths(state, convert):
    out = dict(state)
    for step, keys in PATH_KEYS.items():
        if isinstance(out.get(step), dict):
            out[step] = dict(out[step])
            for key in keys:
                if isinstance(out[step].get(key), str) and out[step][key]:
                    out[step][key] = convert(out[step][key])
    return out


def write_state(state, project=None):
    project = project or QgsProject.instance()
    stored = _convert_paths(state, project.pathResolver().writePath)
    project.writeEntry(SCOPE, KEY, json.dumps(dict(stored, version=VERSION), ensure_ascii=False))


def read_state(project=None):
    """The saved state dict, or {} when the project holds none (or an unreadable one)."""
    project = project or QgsProject.instance()
    text, ok = project.readEntry(SCOPE, KEY, "")
    if not ok or not text:
        return {}
    try:
        state = json.loads(text)
    except ValueError as err:
        state = {"error": str(err)}
    if not isinstance(state, dict) or state.get("version") != VERSION:
        QgsMessageLog.logMessage(tr("The Sozialmonitor panel settings in this project are unreadable or from "
                                    "another plugin version; the panel starts empty."), TAG, Qgis.MessageLevel.Warning)
        return {}
    return _convert_paths(state, project.pathResolver().readPath)


class ProjectStateMixin:
    """The dock's binding to the project: the panel state is saved with the project and restored when a
    project is opened or cleared. Expects the dock's steps (districts, table, recipe, compute, printing),
    ``result``, ``runner``, ``_restoring`` and its ``_update_buttons``, ``_read_report``, ``_run_summary``."""

    def follow_project(self, on):
        """Connect (``on``) or disconnect the project's read, write and clear signals."""
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self._project_read), (project.writeProject, self._project_written),
                             (project.removeAll, self._project_clearing), (project.cleared, self._project_cleared)):
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def state(self):
        return {"districts": self.districts.state(), "table": self.table.state(), "recipe": self.recipe.state(),
                "compute": self.compute.state(), "print": self.printing.state(), "result": self.result}

    def _changed(self):
        """A user edit: the project has unsaved changes (the state is written when the project is saved)."""
        if not self._restoring:
            QgsProject.instance().setDirty(True)

    def save_state(self):
        """Write the panel state into the project (also done whenever the project is written)."""
        if not self._restoring:
            write_state(self.state())

    def restore_state(self):
        """Fill the panel from the project (empty panel when the project holds no state)."""
        saved = read_state()
        self._restoring = True
        try:
            self.districts.set_state(saved.get("districts", {}))
            self.table.set_state(saved.get("table", {}))
            self.recipe.set_state(saved.get("recipe", {}))
            self.recipe.set_columns(self.table.columns)
            self.compute.set_state(saved.get("compute", {}))
            self.printing.set_recipe(self.recipe.recipe())
            self.printing.set_state(saved.get("print", {}))
            self.result = saved.get("result", {}) if os.path.isfile(saved.get("result", {}).get("map", "")) else {}
        finally:
            self._restoring = False
        self._update_buttons()
        if self.runner.busy:
            return
        recipe = self.recipe.recipe()
        summary = (lambda: self._run_summary(recipe, style=False)) if self.result and recipe is not None else None
        report = saved.get("table", {}).get("report", "")
        if report and os.path.isfile(report):
            self._read_report(report, then=summary)
        elif summary is not None:
            summary()

    def _project_read(self, *_args):
        self.restore_state()

    def _project_written(self, *_args):
        self.save_state()

    def _project_clearing(self):
        # Removing the layers changes the layer combo; that must not count as an edit.
        self._restoring = True

    def _project_cleared(self):
        if self.runner.busy:
            self.runner.cancel()
        self.restore_state()
