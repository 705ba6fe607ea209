"""SozialmonitorAlgorithm: what every Sozialmonitor Processing algorithm shares.

Subclasses set ``NAME`` (stable lowercase id), ``DISPLAY``, ``GROUP_ID``/``GROUP`` and ``HELP``
and implement ``initAlgorithm`` and ``execute(parameters, context, feedback) -> dict``
(not ``run``: that name belongs to QgsProcessingAlgorithm.run, which processing.run calls).
A SozialmonitorError raised by ``execute`` becomes a QgsProcessingException carrying the user
message; the details go to the Processing log. Every error message and detail passes through
core/redact.py first: no password of a connection string reaches a message or the log.

Outputs never touch inputs: before ``execute`` runs, every output path of the run (layer and file
destinations, plus ``side_outputs``) is checked against every file the run reads (layers, tables, the
recipe, templates) and against the other outputs (core/outputs/not_inputs.py), so a mistake is refused before
anything is read.

Output layers are complete or absent: ``create_sink`` lets a file destination (GeoPackage, GeoJSON, …)
be written into a hidden staging folder next to it (core/atomic.staging_folder); only when ``execute``
returned without error or cancel, and the staged file was reopened and holds every feature written, is
it moved onto the destination. A failed or cancelled run leaves the old file (or none). Writing into an
existing GeoPackage adds or replaces only that layer: the file is copied into the staging folder first.
Error messages are capped (core/atomic.cap_message).
"""
import os
import re
import traceback
from contextlib import ExitStack
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsVectorFileWriter,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon

from ..core.errors import ExportError, SozialmonitorError
from ..core.i18n import tr as core_tr
from ..core.i18n import tr_noop
from ..core.outputs import atomic
from ..core.outputs.atomic import cap_message, check_writable, write_failure
from ..core.outputs.not_inputs import check_outputs
from ..core.redact import redact
from ..core.spatial.geometry_issues import DEFAULT_POLICY, POLICIES, POLICY_LABELS, policy_from_index
from ..core.tables import why_unreadable
from ..gis.compat import parameter_as_strings
from ..resources import ICON
from .staged_outputs import (
    SQLITE_MAX_COLUMNS,
    STAGED_FORMATS,
    CheckedSink,
    copy_geopackage,
    destination_file,
    is_geopackage,
    layer_file,
    redirect_destination,
    renamed_destination,
    verify_staged,
)

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

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's own check, with its "Could not load source layer for INPUT: … not found" for a file that
        exists but cannot be opened (empty, binary, a workbook named .csv) replaced by what is wrong with it."""
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            return ok, message
        for param in self.parameterDefinitions():
            if not isinstance(param, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                                      QgsProcessingParameterMapLayer)):
                continue
            value = parameters.get(param.name())
            if isinstance(value, QgsProcessingFeatureSourceDefinition):
                value = value.source.staticValue()
            if not isinstance(value, str) or not value:
                continue
            if context.getMapLayer(value) is not None or self.parameterAsLayer(parameters, param.name(), context):
                continue  # it loads: QGIS's message is about something else
            reason = why_unreadable(value.split("|")[0])
            if reason:
                return False, redact(f"{param.name()}: {reason}")
        return ok, message

    def parameterAsStrings(self, parameters, name, context):  # noqa: N802
        """Field names of a multiple field parameter on every QGIS (QGIS < 3.32 has only the
        parameterAsFields that 3.40 deprecates)."""
        return parameter_as_strings(super(), parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._staged, self._sinks = [], []
        with ExitStack() as stack:
            self._stack = stack
            try:
                try:
                    results = self._execute(parameters, context, feedback)
                finally:
                    self._close_sinks()
                if feedback is not None and feedback.isCanceled():
                    feedback.pushInfo(self.tr("Cancelled: no output layer was written."))
                    return {}
                return self._run_checked(self._publish_staged, results, context, feedback)
            finally:
                self._staged = []
                self._stack = None

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
        return self._run_checked(self._checked_execute, parameters, context, feedback)

    def _checked_execute(self, parameters, context, feedback):
        inputs, outputs = self.io_paths(parameters, context)
        check_outputs(inputs, outputs)
        return self.execute(parameters, context, feedback)

    def _run_checked(self, function, *args):
        """``function(*args)``; a SozialmonitorError or QgsProcessingException becomes one QgsProcessingException
        with a capped message (300 characters a line, the details' first lines to the log)."""
        feedback = args[-1] if args and hasattr(args[-1], "reportError") else None
        try:
            return function(*args)
        except SozialmonitorError as err:
            message, details = err.message, err.details
            # Drop the frames' locals (projects, layouts, layers, sinks) now instead of whenever the
            # exception object dies: QGIS objects destroyed after exitQgis() crash the interpreter,
            # and an open sink would keep its staged file open.
            traceback.clear_frames(err.__traceback__)
        except QgsProcessingException as err:
            message, details = str(err.args[0] if err.args else err), None
            traceback.clear_frames(err.__traceback__)
        if details and feedback is not None:
            feedback.reportError(cap_message(redact(details)), False)
        raise QgsProcessingException(cap_message(redact(message)))

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
        """The INVALID_GEOMETRY choice every overlay algorithm offers (plugin/core/spatial/geometry_issues.py), and the
        outputs N_GEOM_REPAIRED / N_GEOM_SKIPPED that say how many features were repaired or left out."""
        self.addParameter(QgsProcessingParameterEnum(
            self.INVALID_GEOMETRY, self.tr("Invalid, empty or NULL geometries"),
            options=[self.tr(label) for label in POLICY_LABELS], defaultValue=POLICIES.index(DEFAULT_POLICY)))
        self.addOutput(QgsProcessingOutputNumber("N_GEOM_REPAIRED", self.tr("Invalid geometries repaired")))
        self.addOutput(QgsProcessingOutputNumber("N_GEOM_SKIPPED", self.tr("Features skipped for their geometry")))

    OUTPUT_TABLE = "OUTPUT_TABLE"
    OVERWRITE_TABLE = "OVERWRITE_TABLE"

    def add_database_table_parameters(self, label):
        """OUTPUT_TABLE (``label``: what runs inside the database into the new table) and OVERWRITE_TABLE, the
        advanced parameters of the overlays that can run inside PostGIS (plugin/gis/spatial/in_database.py)."""
        table = QgsProcessingParameterString(self.OUTPUT_TABLE, label, optional=True)
        overwrite = QgsProcessingParameterBoolean(
            self.OVERWRITE_TABLE, self.tr("Replace that table if it exists"), defaultValue=False)
        for param in (table, overwrite):
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)

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

    def side_outputs(self, parameters, context):
        """[(name, path)] of files the run writes that are no destination parameter (e.g. a default report
        next to the output); checked like the destinations. Subclasses extend it."""
        return []

    def io_paths(self, parameters, context):
        """([(parameter, input file)], [(parameter, output file)]) of this run, for ``check_outputs``."""
        inputs, outputs = [], []
        for param in self.parameterDefinitions():
            name = param.name()
            value = parameters.get(name)
            if value is None or value == "":
                continue
            if isinstance(param, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                                  QgsProcessingParameterRasterDestination)):
                dest = self.parameterAsOutputLayer(parameters, name, context) or ""
                if value != QgsProcessing.TEMPORARY_OUTPUT:
                    outputs.append((name, destination_file(dest)[0]))
            elif isinstance(param, QgsProcessingParameterFileDestination):
                if value != QgsProcessing.TEMPORARY_OUTPUT:
                    outputs.append((name, self.parameterAsFileOutput(parameters, name, context) or ""))
            elif isinstance(param, QgsProcessingParameterFile):
                inputs.append((name, self.parameterAsFile(parameters, name, context) or ""))
            elif isinstance(param, QgsProcessingParameterMultipleLayers):
                if param.layerType() == QgsProcessing.SourceType.TypeFile:
                    inputs.extend((name, p) for p in self.parameterAsFileList(parameters, name, context) or [])
                else:
                    inputs.extend((name, layer_file(lyr)) for lyr in
                                  self.parameterAsLayerList(parameters, name, context) or [])
            elif isinstance(param, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                                    QgsProcessingParameterMapLayer, QgsProcessingParameterRasterLayer)):
                inputs.append((name, layer_file(self.parameterAsLayer(parameters, name, context))))
        outputs.extend(self.side_outputs(parameters, context))
        return inputs, outputs

    def create_sink(self, parameters, name, context, fields, wkb_type, crs):
        """``parameterAsSink`` for the output ``name``, complete or absent: a Shapefile destination is refused,
        a single-file destination is staged (see the module docstring). Returns (sink, dest_id); the sink
        is destroyed when ``execute`` has returned (do not use it after that)."""
        dest = self.check_layer_output(parameters, name, context)
        path, layer_name = destination_file(dest)
        ext = os.path.splitext(path)[1].lower()
        if not path or ext not in STAGED_FORMATS:
            sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            if sink is None:
                raise ExportError(self.tr("The output layer {name} could not be created.").format(name=name))
            return sink, dest_id
        path = os.path.abspath(path)
        check_writable(path)
        if ext in (".gpkg", ".sqlite") and fields.count() + 2 > SQLITE_MAX_COLUMNS:
            raise ExportError(self.tr(
                "{path}: a GeoPackage table holds at most {max} columns (SQLite's limit), this output would have "
                "{n}. Join fewer columns, e.g. the tables one by one into separate layers.").format(
                path=path, max=SQLITE_MAX_COLUMNS, n=fields.count() + 2))
        wal = path + "-wal"
        if ext in (".gpkg", ".sqlite") and os.path.isfile(wal) and os.path.getsize(wal) > 0:
            # replacing a database another program is writing would let its journal corrupt the new file
            raise ExportError(self.tr(
                "{path} is being edited in QGIS or another program (its journal {wal} exists): save or stop the "
                "edits (or open and close the file once), or choose another file.").format(path=path, wal=wal))
        staging = self._stack.enter_context(atomic.staging_folder(path))
        tmp = os.path.join(staging, os.path.basename(path))  # same file name: GDAL names the layer after it
        record = {"tmp": tmp, "final": path, "layer": layer_name or Path(path).stem, "count": 0, "ext": ext,
                  "name": name}
        self._staged.append(record)
        gdal.ErrorReset()
        if ext == ".gpkg" and (layer_name or is_geopackage(path)):
            if is_geopackage(path):
                copy_geopackage(path, tmp)
            sink, dest_id = self._layer_writer(parameters, name, context, fields, wkb_type, crs, tmp,
                                               record["layer"])
        else:
            parameters = dict(parameters)
            parameters[name] = redirect_destination(parameters.get(name), tmp)
            try:
                sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            except QgsProcessingException as err:
                raise write_failure(path, str(err.args[0] if err.args else err)) from None
        if sink is None:
            raise ExportError(self.tr("The output layer {name} could not be created.").format(name=name))
        self._sinks.append(sink)  # destroyed by processAlgorithm right after execute
        return CheckedSink(sink, record), dest_id

    def _layer_writer(self, parameters, name, context, fields, wkb_type, crs, tmp, layer):
        """A GeoPackage writer that creates or replaces only ``layer`` in ``tmp`` (GDAL's overwrite-layer), and
        the layer to load as ``parameterAsSink`` would register it."""
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        options.layerOptions = QgsVectorFileWriter.defaultLayerOptions("GPKG")
        writer = QgsVectorFileWriter.create(tmp, fields, wkb_type, crs, context.transformContext(), options)
        if writer is None or writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise write_failure(tmp, writer.errorMessage() if writer is not None else "?")
        dest_id = f"{tmp}|layername={layer}"
        definition = parameters.get(name)
        if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject:
            param = self.parameterDefinition(name)
            details = QgsProcessingContext.LayerDetails(
                definition.destinationName or (param.description() if param else name), definition.destinationProject,
                name)
            context.addLayerToLoadOnCompletion(dest_id, details)
        return writer, dest_id

    def _publish_staged(self, results, context, feedback=None):
        """Check the staged files (reopened: every feature written is there) and move them onto their
        destinations; name the destinations in ``results`` and in the context's layers to load. Called after
        ``execute`` returned, when its sinks are closed."""
        if not self._staged:
            return results
        for record in self._staged:
            verify_staged(record)
        to_load = context.layersToLoadOnCompletion()
        for record in self._staged:
            tmp, final = record["tmp"], record["final"]
            if not os.path.exists(tmp):
                continue
            try:
                os.replace(tmp, final)
            except OSError as err:
                raise write_failure(final, err) from None
            results = {key: renamed_destination(value, tmp, final) for key, value in results.items()}
            to_load = {renamed_destination(key, tmp, final): details for key, details in to_load.items()}
        context.setLayersToLoadOnCompletion(to_load)
        return results
