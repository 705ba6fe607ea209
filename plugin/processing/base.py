"""Common base for Sozialmonitor Processing algorithms.

Subclasses set ``NAME`` (stable lowercase id), ``DISPLAY``, ``GROUP_ID``/``GROUP`` and ``HELP``
and implement ``initAlgorithm`` and ``execute(parameters, context, feedback) -> dict``
(not ``run``: that name belongs to QgsProcessingAlgorithm.run, which processing.run calls).
A SozialmonitorError raised by ``execute`` becomes a QgsProcessingException carrying the user
message; the details go to the Processing log.
"""
import re
import traceback
from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.errors import ExportError, SozialmonitorError
from ..core.files import check_writable
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

    # ------------------------------------------------------------------ outputs
    def check_layer_output(self, parameters, name, context):
        """Refuse a Shapefile destination for ``name``: it cuts field names to 10 characters (status_class ->
        status_cla) and writes a bare .dbf for a table without geometry. Returns the destination string."""
        dest = self.parameterAsOutputLayer(parameters, name, context) or ""
        target = re.sub(r"^ogr:", "", dest.split("|")[0], flags=re.IGNORECASE).strip()
        if target.lower().endswith((".shp", ".dbf")):
            raise ExportError(self.tr(
                "{path}: Shapefiles cut field names to 10 characters (status_class becomes status_cla), so the "
                "results could not be found by name. Save the output as a GeoPackage (.gpkg) instead.").format(
                path=target))
        return dest

    def create_sink(self, parameters, name, context, fields, wkb_type, crs, side_files=()):
        """``parameterAsSink`` after every check that could fail later: a Shapefile destination is refused and
        every side file in ``side_files`` (report, diagnostics; empty entries are skipped) must be writable, so a
        failure never leaves a layer without its report behind. Returns (sink, dest_id)."""
        self.check_layer_output(parameters, name, context)
        for path in side_files:
            if path:
                check_file_output(path)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise ExportError(self.tr("The output layer {name} could not be created.").format(name=name))
        return sink, dest_id


def check_file_output(path):
    """Raise ExportError naming ``path`` unless a file can be created there (the folder must exist)."""
    check_writable(path)
