"""sozialmonitor:compute_index — apply an index recipe to a layer or table.

Reads the recipe's fields once, computes everything with the core engine, and only then creates
the output sink, so a failure leaves no output behind.

Large GeoPackage inputs written to a .gpkg file take a bulk path (plugin/gis/io/gpkg_bulk.py) that
avoids moving every feature through Python; every other combination uses gis/io/layer_frame.
"""
import os

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl

from ...core.errors import RecipeError, TableError
from ...core.i18n import tr
from ...core.index.compute import compute_index
from ...core.index.diagnostics import compute_diagnostics, to_long_table, write_csv
from ...core.index.output_fields import output_field_specs
from ...core.index.summary import summarise, write_summary
from ...core.recipe.load import Recipe
from ...core.tables import SPREADSHEET_EXTENSIONS, TEXT_EXTENSIONS, check_text_table, read_table
from ...gis.io import gpkg_bulk
from ...gis.io.layer_frame import frame_specs, output_fields, write_features, write_frame
from ..algorithm import SozialmonitorAlgorithm
from ..postprocess import FieldAliasSetter
from ..result_layer import read_attributes
from ..staged_outputs import check_file_output
from ..table_parameters import table_option_parameters, table_options

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
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
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
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_SUMMARY, self.tr("Summary (JSON: class counts, histogram, Cronbach's alpha, diagnostics)"),
            self.tr("JSON files (*.json)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DROP_ONE, self.tr("Diagnostics: recompute without each indicator (class changes)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_FIELD, self.tr("District key field (empty = the recipe's metadata.key_field)"), optional=True))
        for param in table_option_parameters():
            self.addParameter(param)
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

    def _table_file(self, parameters, context):
        """(path, sheet) when INPUT is a table file (CSV/TXT/XLSX/ODS), else None: such a file is read by
        plugin/core/tables, exactly as join_table reads it (title rows, footnotes, suppression symbols,
        German decimals, the encoding and separator given or detected), not by QGIS's OGR provider."""
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None or layer.providerType() not in ("ogr", "delimitedtext"):
            return None
        source = layer.source()
        if layer.providerType() == "delimitedtext":
            path, sheet = QUrl(source.split("?")[0]).toLocalFile() or source.split("?")[0], None
        else:
            parts = source.split("|")
            path = parts[0]
            sheet = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
        if os.path.splitext(path)[1].lower() not in TEXT_EXTENSIONS + SPREADSHEET_EXTENSIONS:
            return None
        return path, sheet

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
        recipe = Recipe.from_file(self.parameterAsFile(parameters, self.RECIPE, context))
        table_file = self._table_file(parameters, context)
        if table_file:
            return self._execute_on_table(parameters, context, feedback, recipe, *table_file)
        self._check_input_text(parameters, context, source)
        self._key_field(parameters, context, source, recipe)
        recipe.validate([f.name() for f in source.fields()])
        # fail before any work: a Shapefile destination or an unwritable diagnostics file
        self.check_layer_output(parameters, self.OUTPUT, context)
        diag_path = self.parameterAsFileOutput(parameters, self.OUTPUT_DIAGNOSTICS, context)
        if diag_path:
            check_file_output(diag_path)

        fast = self._fast_gpkg_plan(parameters, context, source, recipe)

        feedback.setProgressText(self.tr("Reading attributes…"))
        frame = read_attributes(self, parameters, context, self.INPUT, source, recipe.required_fields(), feedback)
        if feedback.isCanceled():
            return {}
        summary_path = self._summary_path(parameters, context)
        result, diag_table = self._compute(parameters, context, feedback, frame, recipe, diag_path, summary_path)
        if result is None:
            return {}
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
        side_files = {self.OUTPUT_DIAGNOSTICS: diag_path if diag_table is not None else None,
                      self.OUTPUT_SUMMARY: summary_path}
        return self._finish(context, feedback, dest_id, result, side_files)

    def _execute_on_table(self, parameters, context, feedback, recipe, path, sheet):
        """INPUT is a table file: read it with plugin/core/tables, write an attribute table with the results."""
        key = (self.parameterAsString(parameters, self.KEY_FIELD, context) or "").strip()
        if key:
            recipe.metadata.key_field = key
        options = table_options(self, parameters, context, sheet=sheet)
        feedback.setProgressText(tr("Reading {file}…").format(file=path))
        keys = [recipe.metadata.key_field] if recipe.metadata.key_field else []
        table = read_table(path, key_columns=keys, require_keys=False, **options)
        for line in table.report.to_lines():
            feedback.pushInfo(line)
        frame = table.frame
        if recipe.metadata.key_field and recipe.metadata.key_field not in frame.columns:
            raise RecipeError(tr("{file}: the recipe's key field '{key}' is not a column of the table. Give the "
                                 "key column as KEY_FIELD. Columns: {cols}.").format(
                file=path, key=recipe.metadata.key_field, cols=", ".join(map(str, frame.columns))))
        recipe.validate([str(c) for c in frame.columns])
        self.check_layer_output(parameters, self.OUTPUT, context)
        diag_path = self.parameterAsFileOutput(parameters, self.OUTPUT_DIAGNOSTICS, context)
        if diag_path:
            check_file_output(diag_path)
        summary_path = self._summary_path(parameters, context)
        result, diag_table = self._compute(parameters, context, feedback, frame, recipe, diag_path, summary_path)
        if result is None:
            return {}
        result_names = [name for name, _a, _k in result.fields]
        specs = frame_specs(frame, skip=result_names) + list(result.fields)
        out = pd.concat([frame.drop(columns=[c for c in frame.columns if str(c).lower() in
                                             {n.lower() for n in result_names}]),
                         result.table[result_names]], axis=1)
        fields, _replaced = output_fields(QgsFields(), specs)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry,
                                         QgsCoordinateReferenceSystem())
        write_frame(sink, out, specs, fields, feedback)
        side_files = {self.OUTPUT_DIAGNOSTICS: diag_path if diag_table is not None else None,
                      self.OUTPUT_SUMMARY: summary_path}
        return self._finish(context, feedback, dest_id, result, side_files)

    def _summary_path(self, parameters, context):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context)
        if path:
            check_file_output(path)
        return path

    def _compute(self, parameters, context, feedback, frame, recipe, diag_path, summary_path):
        """(IndexResult, diagnostics long table or None); (None, None) when cancelled. Writes the diagnostics
        CSV and the summary before any layer: a layer is never left without the side files asked for."""
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
            return None, None
        feedback.setProgressText(self.tr("Writing the output…"))
        if diag_table is not None:
            write_csv(diag_table, diag_path)
        if summary_path:
            write_summary(summarise(result.table, recipe, diag_table), summary_path)
        return result, diag_table

    def _finish(self, context, feedback, dest_id, result, side_files):
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(FieldAliasSetter.create(result.fields))
        outputs = {self.OUTPUT: dest_id, "N_EVALUATED": result.summary["n_evaluated"],
                   "N_NOT_EVALUATED": result.summary["n_not_evaluated"]}
        outputs.update({name: path for name, path in side_files.items() if path})
        summary = result.summary
        feedback.pushInfo(tr("{ev} of {n} districts evaluated, {ref} in the reference set.").format(
            ev=summary["n_evaluated"], n=summary["n_districts"], ref=summary["n_reference"]))
        for index_id, info in summary["indices"].items():
            if "class_counts" in info:
                counts = ", ".join(f"{k} {v}" for k, v in info["class_counts"].items())
                feedback.pushInfo(tr("{index}: {counts}").format(index=index_id, counts=counts))
        return outputs
