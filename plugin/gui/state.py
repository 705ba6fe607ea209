"""Panel state in the QGIS project: one JSON text under scope "sozialmonitor", key "state".

The JSON holds the inputs of every step (layer id, key field, table path and options, the edited
recipe as a recipe dict, output folder, print texts) and the paths of the last result, so reopening
the project restores the panel. The recipe inside is the plain recipe format (docs/recipe-format.md).

File paths (PATH_KEYS) are stored like QGIS stores layer sources: relative to the project file when the
project uses relative paths (the default), through the project's path resolver, so a project folder that
is moved or shared keeps its panel state.
"""
import json

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
