"""sozialmonitor:compute_index — apply an index recipe to a layer or table.

Reads the recipe's fields once, computes everything with the core engine, and only then creates
the output sink, so a failure leaves no output behind.

Large GeoPackage inputs written to a .gpkg file take a bulk path (plugin/gis/io/gpkg_bulk.py) that
avoids moving every feature through Python; every other combination uses gis/io/layer_frame.
"""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QUrl

from ...core.errors import RecipeError, TableError
from ...core.i18n import tr
from ...core.index.compute import compute_index
from ...core.index.diagnostics import compute_diagnostics, to_long_table, write_csv
from ...core.index.output_fields import output_field_specs
from ...core.recipe.load import Recipe
from ...core.tables import check_text_table
from ...gis.io import gpkg_bulk
from ...gis.io.layer_frame import layer_to_dataframe, output_fields, write_features
from ..base import SozialmonitorAlgorithm, check_file_output
from ..postprocess import FieldAliasSetter

# characters that never occur in a field name of a real table: replacement character, C1 controls, DEL
_GARBAGE_CHARS = ("\ufffd", "\x7f") + tuple(chr(c) for c in range(0x80, 0xa0))


class ComputeIndexAlgorithm(SozialmonitorAlgorithm):
    NAME = "compute_index"
    DISPLAY = "Compute social index"
    GROUP_ID = "index"
    HELP = (
        "Computes the composite indices of an index recipe (e.g. the Berlin MSS status and dynamics "
        "index) for every district of INPUT (a layer or an attribute-only table).\n\n"
        "Output: a copy of INPUT with <index>_score, <index>_class (label), <index>_class_no, "
        "z_<indicator> (normalised values), typology fields (e.g. sdi) and the flags evaluated, "
        "in_reference, eval_reason, imputed, imputed_list.\n"
        "OUTPUT_DIAGNOSTICS (optional CSV): indicator statistics, correlations, standardised Cronbach's alpha, PCA "
        "and the number of districts changing class when one indicator is dropped.\n"
        "KEY_FIELD (optional): the district key field of INPUT; overrides the recipe's metadata.key_field, e.g. "
        "when the table was joined to the districts first and the key has another name there."
    )

    INPUT = "INPUT"
    RECIPE = "RECIPE"
    OUTPUT = "OUTPUT"
    OUTPUT_DIAGNOSTICS = "OUTPUT_DIAGNOSTICS"
    DROP_ONE = "DROP_ONE"
    KEY_FIELD = "KEY_FIELD"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts (layer or table)"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterFile(
            self.RECIPE, self.tr("Index recipe (JSON)"), extension="json"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts with index"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_DIAGNOSTICS, self.tr("Diagnostics table"), self.tr("CSV files (*.csv)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DROP_ONE, self.tr("Diagnostics: recompute without each indicator (class changes)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_FIELD, self.tr("District key field (empty = the recipe's metadata.key_field)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("N_EVALUATED", self.tr("Evaluated districts")))
        self.addOutput(QgsProcessingOutputNumber("N_NOT_EVALUATED", self.tr("Districts not evaluated")))

    def _fast_gpkg_plan(self, parameters, context, source, recipe):
        """(source path, table, destination path) when the bulk GeoPackage path applies, else None."""
        definition = parameters.get(self.INPUT)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition) and (
                definition.selectedFeaturesOnly or definition.featureLimit != -1):
            return None
        src = gpkg_bulk.gpkg_layer_source(self.parameterAsVectorLayer(parameters, self.INPUT, context))
        if src is None:
            return None
        dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context) or ""
        if not dest.lower().endswith(".gpkg") or "|" in dest:
            return None
        if os.path.exists(dest):
            return None  # an existing GeoPackage keeps its other layers: the generic path replaces only the layer
        existing = {f.name().lower() for f in source.fields()}
        if any(name.lower() in existing for name, _a, _k in output_field_specs(recipe)):
            return None  # replacing existing fields is handled by the generic path
        return src[0], src[1], dest

    def _check_input_text(self, parameters, context, source):
        """A binary file opened as CSV by QGIS shows up as garbage field names: say what it is instead."""
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        path = ""
        if layer is not None and layer.providerType() in ("ogr", "delimitedtext"):
            path = layer.source().split("|")[0]
            if layer.providerType() == "delimitedtext":
                path = QUrl(path).toLocalFile() or path.split("?")[0]
        if path:
            check_text_table(path)
        names = [f.name() for f in source.fields()]
        if any(ch in name for name in names for ch in _GARBAGE_CHARS) or any(
                ord(ch) < 32 for name in names for ch in name):
            raise TableError(tr("{file} contains binary data, not a text table (its field names are unreadable). "
                                "Check that you chose the right file and export it as CSV, XLSX or ODS.").format(
                file=path or (layer.name() if layer is not None else self.INPUT)))

    def _key_field(self, parameters, context, source, recipe):
        """Apply KEY_FIELD (overrides metadata.key_field); a missing recipe key names KEY_FIELD as the fix."""
        names = [f.name() for f in source.fields()]
        key = (self.parameterAsString(parameters, self.KEY_FIELD, context) or "").strip()
        if key:
            if key not in names:
                raise RecipeError(tr("KEY_FIELD: the layer has no field '{key}'. Available fields: {cols}.").format(
                    key=key, cols=", ".join(names)))
            recipe.metadata.key_field = key
        elif recipe.metadata.key_field and recipe.metadata.key_field not in names:
            raise RecipeError(tr("metadata.key_field: unknown field '{key}'. Give the district key field of the "
                                 "layer as KEY_FIELD (e.g. after joining the table to the districts). The layer "
                                 "has: {cols}.").format(key=recipe.metadata.key_field, cols=", ".join(names)))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        self._check_input_text(parameters, context, source)
        recipe = Recipe.from_file(self.parameterAsFile(parameters, self.RECIPE, context))
        self._key_field(parameters, context, source, recipe)
        recipe.validate([f.name() for f in source.fields()])
        # fail before any work: a Shapefile destination or an unwritable diagnostics file
        self.check_layer_output(parameters, self.OUTPUT, context)
        diag_path = self.parameterAsFileOutput(parameters, self.OUTPUT_DIAGNOSTICS, context)
        if diag_path:
            check_file_output(diag_path)

        fast = self._fast_gpkg_plan(parameters, context, source, recipe)

        feedback.setProgressText(self.tr("Reading attributes…"))
        if fast:
            frame = gpkg_bulk.read_attributes(fast[0], fast[1], source.fields(), recipe.required_fields())
        else:
            frame = layer_to_dataframe(source, recipe.required_fields(), feedback)
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(self.tr("Computing the index…"))
        result = compute_index(frame, recipe)
        for message in result.messages:
            feedback.pushInfo(tr("Warning: {msg}").format(msg=message))
        diag_table = None
        if diag_path:
            feedback.setProgressText(self.tr("Computing diagnostics…"))
            drop_one = self.parameterAsBool(parameters, self.DROP_ONE, context)
            diag_table = to_long_table(compute_diagnostics(frame, recipe, result, drop_one=drop_one))
        if feedback.isCanceled():
            return {}

        feedback.setProgressText(self.tr("Writing the output…"))
        if diag_table is not None:
            # before the layer: a layer is never left without the diagnostics asked for
            write_csv(diag_table, diag_path)
        if fast:
            dest_id = fast[2]
            gpkg_bulk.copy_with_results(fast[0], fast[1], dest_id, result.table, result.fields, feedback)
            definition = parameters.get(self.OUTPUT)
            if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject:
                details = QgsProcessingContext.LayerDetails(
                    definition.destinationName or self.tr("Districts with index"), definition.destinationProject,
                    self.OUTPUT)
                context.addLayerToLoadOnCompletion(dest_id, details)
        else:
            fields, replaced = output_fields(source.fields(), result.fields)
            if replaced:
                feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(
                    names=", ".join(replaced)))
            sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
            write_features(sink, source, result.table, result.fields, fields, feedback)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(FieldAliasSetter.create(result.fields))
        outputs = {self.OUTPUT: dest_id, "N_EVALUATED": result.summary["n_evaluated"],
                   "N_NOT_EVALUATED": result.summary["n_not_evaluated"]}
        if diag_table is not None:
            outputs[self.OUTPUT_DIAGNOSTICS] = diag_path
        summary = result.summary
        feedback.pushInfo(tr("{ev} of {n} districts evaluated, {ref} in the reference set.").format(
            ev=summary["n_evaluated"], n=summary["n_districts"], ref=summary["n_reference"]))
        for index_id, info in summary["indices"].items():
            if "class_counts" in info:
                counts = ", ".join(f"{k} {v}" for k, v in info["class_counts"].items())
                feedback.pushInfo(tr("{index}: {counts}").format(index=index_id, counts=counts))
        return outputs
