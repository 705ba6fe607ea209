"""Panel state in the QGIS project: one JSON text under scope "sozialmonitor", key "state".

The JSON holds the inputs of every step (layer id, key field, table path and options, the edited
recipe as a recipe dict, output folder, print texts) and the paths of the last result, so reopening
the project restores the panel. The recipe inside is the plain recipe format (docs/recipe-format.md).
"""
import json

from qgis.core import Qgis, QgsMessageLog, QgsProject

from ..gis.i18n import translate as tr
from ..gis.logging_handler import TAG

SCOPE = "sozialmonitor"
KEY = "state"
VERSION = 1


def write_state(state, project=None):
    project = project or QgsProject.instance()
    project.writeEntry(SCOPE, KEY, json.dumps(dict(state, version=VERSION), ensure_ascii=False))


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
                                    "another plugin version; the panel starts empty."), TAG, Qgis.Warning)
        return {}
    return state
