"""Common base for Sozialmonitor Processing algorithms.

Subclasses set ``NAME`` (stable lowercase id), ``DISPLAY``, ``GROUP_ID``/``GROUP`` and ``HELP``
and implement ``initAlgorithm`` and ``execute(parameters, context, feedback) -> dict``
(not ``run``: that name belongs to QgsProcessingAlgorithm.run, which processing.run calls).
A SozialmonitorError raised by ``execute`` becomes a QgsProcessingException carrying the user
message; the details go to the Processing log.
"""
import traceback
from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.errors import SozialmonitorError
from ..core.i18n import tr as core_tr
from ..core.i18n import tr_noop

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "sozialmonitor.svg"
README_URL = "https://github.com/sozialmonitor/sozialmonitor#processing-algorithms"
# Each algorithm's help button opens its README section: <a id="alg-<NAME>"></a> in README.md.
README_ANCHOR = "https://github.com/sozialmonitor/sozialmonitor#alg-{}"

GROUPS = {
    "data": tr_noop("Data and join"),
    "index": tr_noop("Social index"),
    "maps": tr_noop("Maps and export"),
    "spatial": tr_noop("Spatial analysis"),
}


class SozialmonitorAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    DISPLAY = ""
    GROUP_ID = "index"
    HELP = ""

    @staticmethod
    def tr(text):
        # The same path as core tr(): QCoreApplication.translate('Sozialmonitor', ...) once the plugin
        # (plugin.gis.i18n.install) has loaded the catalogue, the English source text before that.
        return core_tr(text)

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802
        return self.tr(self.DISPLAY)

    def group(self):
        return self.tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        return self.tr(self.HELP)

    def helpUrl(self):  # noqa: N802
        return README_ANCHOR.format(self.NAME) if self.NAME else README_URL

    def icon(self):
        return QIcon(str(ICON))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.execute(parameters, context, feedback)
        except SozialmonitorError as err:
            message, details = err.message, err.details
            # Drop the frames' locals (projects, layouts, layers) now instead of whenever the
            # exception object dies: QGIS objects destroyed after exitQgis() crash the interpreter.
            traceback.clear_frames(err.__traceback__)
        if details:
            feedback.reportError(str(details), False)
        raise QgsProcessingException(message)

    def execute(self, parameters, context, feedback):
        raise NotImplementedError
