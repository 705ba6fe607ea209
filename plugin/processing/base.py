"""Common base for Sozialmonitor Processing algorithms.

Subclasses set ``NAME`` (stable lowercase id), ``DISPLAY``, ``GROUP_ID``/``GROUP`` and ``HELP``
and implement ``initAlgorithm`` and ``execute(parameters, context, feedback) -> dict``
(not ``run``: that name belongs to QgsProcessingAlgorithm.run, which processing.run calls).
A SozialmonitorError raised by ``execute`` becomes a QgsProcessingException carrying the user
message; the details go to the Processing log. Every error message and detail passes through
core/redact.py first: no password of a connection string reaches a message or the log.

Output layers are complete or absent: ``create_sink`` lets a file destination (GeoPackage, GeoJSON, …)
be written into a hidden staging folder next to it; only when ``execute`` returned without error or
cancel is the file moved onto the destination. A failed or cancelled run leaves the old file (or none).
"""
import os
import re
import shutil
import tempfile
import traceback
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProperty,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon

from ..core.errors import ExportError, SozialmonitorError
from ..core.files import check_writable
from ..core.geometry_issues import DEFAULT_POLICY, POLICIES, POLICY_LABELS, policy_from_index
from ..core.i18n import tr as core_tr
from ..core.i18n import tr_noop
from ..core.redact import redact
from ..gis.compat import parameter_as_strings

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

    def parameterAsStrings(self, parameters, name, context):  # noqa: N802
        """Field names of a multiple field parameter on every QGIS (QGIS < 3.32 has only the
        parameterAsFields that 3.40 deprecates)."""
        return parameter_as_strings(super(), parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._staged, self._sinks = [], []
        try:
            try:
                results = self._execute(parameters, context, feedback)
            finally:
                self._close_sinks()
            if feedback is not None and feedback.isCanceled():
                feedback.pushInfo(self.tr("Cancelled: no output layer was written."))
                return {}
            return self._publish_staged(results, context)
        finally:
            for staging, _tmp, _final in self._staged:
                shutil.rmtree(staging, ignore_errors=True)
            self._staged = []

    def _close_sinks(self):
        """Destroy the sinks of ``create_sink`` now: GDAL completes a file (last features, commit, close)
        when its sink is destroyed, and a staged file must be complete before it is moved onto the
        destination. Dropping the last Python reference is not enough: a traceback kept by a debugger or
        a warning hook, or a reference cycle freed later by the garbage collector, can keep a sink alive
        past ``execute``, and the file would be moved half-written (an empty or invalid output layer)."""
        sinks, self._sinks = self._sinks, []
        for sink in sinks:
            if not sip.isdeleted(sink) and sip.ispyowned(sink):
                sip.delete(sink)

    def _execute(self, parameters, context, feedback):
        try:
            return self.execute(parameters, context, feedback)
        except QgsProcessingException as err:
            message, details = str(err), None
            traceback.clear_frames(err.__traceback__)
        except SozialmonitorError as err:
            message, details = err.message, err.details
            # Drop the frames' locals (projects, layouts, layers, sinks) now instead of whenever the
            # exception object dies: QGIS objects destroyed after exitQgis() crash the interpreter,
            # and an open sink would keep its staged file open.
            traceback.clear_frames(err.__traceback__)
        if details:
            feedback.reportError(redact(details), False)
        raise QgsProcessingException(redact(message))

    def execute(self, parameters, context, feedback):
        raise NotImplementedError

    def field_prefix(self, parameters, name, context, default):
        """The prefix of output field names given as ``name``: letters, digits and '_', starting with a letter
        or '_' (``default`` when empty); ExportError naming the parameter otherwise."""
        prefix = (self.parameterAsString(parameters, name, context) or default).strip()
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", prefix):
            raise ExportError(self.tr("{param} '{prefix}' is not a valid field name prefix: use letters (a-z), "
                                      "digits and '_' only, starting with a letter (e.g. n or kita).").format(
                param=name, prefix=prefix))
        return prefix

    # ------------------------------------------------------------------ geometry check
    INVALID_GEOMETRY = "INVALID_GEOMETRY"

    def add_geometry_parameter(self):
        """The INVALID_GEOMETRY choice every overlay algorithm offers (plugin/core/geometry_issues.py), and the
        outputs N_GEOM_REPAIRED / N_GEOM_SKIPPED that say how many features were repaired or left out."""
        self.addParameter(QgsProcessingParameterEnum(
            self.INVALID_GEOMETRY, self.tr("Invalid, empty or NULL geometries"),
            options=[self.tr(label) for label in POLICY_LABELS], defaultValue=POLICIES.index(DEFAULT_POLICY)))
        self.addOutput(QgsProcessingOutputNumber("N_GEOM_REPAIRED", self.tr("Invalid geometries repaired")))
        self.addOutput(QgsProcessingOutputNumber("N_GEOM_SKIPPED", self.tr("Features skipped for their geometry")))

    def geometry_policy(self, parameters, context):
        return policy_from_index(self.parameterAsEnum(parameters, self.INVALID_GEOMETRY, context))

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

    def create_sink(self, parameters, name, context, fields, wkb_type, crs):
        """``parameterAsSink`` for the output ``name``, complete or absent: a Shapefile destination is refused,
        a single-file destination is staged (see the module docstring). Returns (sink, dest_id); the sink
        is destroyed when ``execute`` has returned (do not use it after that)."""
        dest = self.check_layer_output(parameters, name, context)
        if dest and os.path.splitext(dest)[1].lower() in STAGED_FORMATS and os.path.isabs(dest):
            check_writable(dest)
            staging = tempfile.mkdtemp(prefix=".sozialmonitor-", dir=os.path.dirname(dest))
            tmp = os.path.join(staging, os.path.basename(dest))  # same file name: GDAL names the layer after it
            self._staged.append((staging, tmp, dest))
            parameters = dict(parameters)
            parameters[name] = _redirect(parameters.get(name), tmp)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise ExportError(self.tr("The output layer {name} could not be created.").format(name=name))
        self._sinks.append(sink)  # closed by processAlgorithm right after execute
        return sink, dest_id

    def _publish_staged(self, results, context):
        """Move the staged files onto their destinations and name the destinations in ``results`` and in
        the context's layers to load. Called after ``execute`` returned, when its sinks are closed."""
        if not self._staged:
            return results
        to_load = context.layersToLoadOnCompletion()
        for _staging, tmp, final in self._staged:
            if not os.path.exists(tmp):
                continue
            try:
                os.replace(tmp, final)
            except OSError as err:
                raise QgsProcessingException(core_tr("Cannot write {path}: {reason}. Choose another folder.").format(
                    path=final, reason=err.strerror or err)) from None
            results = {key: _renamed(value, tmp, final) for key, value in results.items()}
            to_load = {_renamed(key, tmp, final): details for key, details in to_load.items()}
        context.setLayersToLoadOnCompletion(to_load)
        return results


def check_file_output(path):
    """Raise ExportError naming ``path`` unless a file can be created there (the folder must exist)."""
    check_writable(path)


# Formats GDAL writes as one file: those can be staged and moved (not .shp, .gml, .tab with side files).
STAGED_FORMATS = (".gpkg", ".geojson", ".geojsonl", ".json", ".fgb", ".sqlite", ".csv", ".xlsx", ".ods", ".kml")


def _redirect(value, path):
    """The output parameter ``value`` (a path or a QgsProcessingOutputLayerDefinition) writing to ``path``."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        definition = QgsProcessingOutputLayerDefinition(value)  # keeps the project to load into, create options
        definition.sink = QgsProperty.fromValue(path)
        return definition
    return path


def _renamed(value, tmp, final):
    if isinstance(value, str) and value.startswith(tmp):
        return final + value[len(tmp):]
    return value
