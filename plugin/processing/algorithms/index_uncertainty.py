"""sozialmonitor:index_uncertainty — how certain are the ranks and classes of an index?

Thin: reads the recipe's fields once, runs core.index.uncertainty_run, writes a copy of INPUT with the
uncertainty fields, and optionally the Sobol table (CSV), the rank-interval chart (SVG) and the
methods-annex section (HTML). The loaded layer gets the certainty class map (gis/style/uncertainty_style).
"""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ...core.index.diagnostics import write_csv
from ...core.index.uncertainty_run import CERTAIN, CancelledError, run_uncertainty
from ...core.outputs.atomic import atomic_path
from ...core.recipe.load import Recipe
from ...core.reports.rank_interval_chart import rank_interval_svg
from ...core.reports.uncertainty_annex import uncertainty_annex_html
from ...gis.io.layer_frame import output_fields, write_features
from ...gis.style.renderers import class_colours
from ...gis.style.uncertainty_style import apply_uncertainty_style
from ..algorithm import SozialmonitorAlgorithm
from ..result_layer import read_attributes
from ..staged_outputs import check_file_output
from .compute_index import ComputeIndexAlgorithm


class UncertaintyStyler(QgsProcessingLayerPostProcessorInterface):
    """Sets field aliases and the certainty class map on the output layer when QGIS loads it."""

    _alive = []  # Processing keeps only a C++ pointer; keep the Python object alive

    def __init__(self, specs, index_id, labels, colours, table):
        super().__init__()
        self.specs = [(name, alias) for name, alias, _kind in specs]
        self.args = (index_id, labels, colours, table)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        fields = layer.fields()
        for name, alias in self.specs:
            idx = fields.lookupField(name)
            if idx >= 0:
                layer.setFieldAlias(idx, alias)
        apply_uncertainty_style(layer, *self.args)

    @classmethod
    def create(cls, *args):
        instance = cls(*args)
        cls._alive = [instance]
        return instance


def _write_text(path, text):
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")


class IndexUncertaintyAlgorithm(SozialmonitorAlgorithm):
    NAME = "index_uncertainty"
    DISPLAY = "Index uncertainty and sensitivity"
    GROUP_ID = "index"
    HELP = (
        "Recomputes an index for many simulated recipes that vary the choices named in the recipe's "
        "'uncertainty' section (normalisation, weights, aggregation, imputation, winsorising, reference "
        "districts, dropping one indicator) and reports how certain each district's rank and class are.\n\n"
        "Output: a copy of INPUT with <index>_rank (in the recipe, 1 = most disadvantaged), _rank_med, "
        "_rank_p05, _rank_p95 (5–95 % interval over the draws), _class_nom (class in the recipe), "
        "_class_mode and _class_prob (most frequent class and its share) and _p_<k> (share of draws in "
        "class k). The loaded layer shows the classes with a hatch where the class probability is below 80 %.\n"
        "DRAWS simulated recipes from SEED (reproducible). SOBOL_BASE > 0 adds variance-based sensitivity: "
        "SOBOL_BASE × (choices + 2) further runs give first-order and total Sobol indices per choice "
        "(OUTPUT_SOBOL, CSV). OUTPUT_CHART: rank-interval chart of all districts (SVG); OUTPUT_ANNEX: "
        "methods-annex section (HTML). KEY_FIELD (optional): the district key field of INPUT, overriding the "
        "recipe's metadata.key_field."
    )

    INPUT, RECIPE, DRAWS, SEED, SOBOL_BASE = "INPUT", "RECIPE", "DRAWS", "SEED", "SOBOL_BASE"
    OUTPUT, OUTPUT_SOBOL, OUTPUT_CHART, OUTPUT_ANNEX = "OUTPUT", "OUTPUT_SOBOL", "OUTPUT_CHART", "OUTPUT_ANNEX"
    KEY_FIELD = "KEY_FIELD"
    _key_field = ComputeIndexAlgorithm._key_field  # KEY_FIELD overrides metadata.key_field, as in compute_index

    def initAlgorithm(self, config=None):  # noqa: N802
        integer = QgsProcessingParameterNumber.Type.Integer
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts (layer or table)"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterFile(
            self.RECIPE, self.tr("Index recipe with an uncertainty section (JSON)"), extension="json"))
        self.addParameter(QgsProcessingParameterNumber(
            self.DRAWS, self.tr("Simulated recipes"), integer, defaultValue=1000, minValue=10, maxValue=100000))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), integer, defaultValue=1, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SOBOL_BASE, self.tr("Sobol base samples (0 = no sensitivity analysis)"), integer,
            defaultValue=256, minValue=0, maxValue=65536))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_FIELD, self.tr("District key field (empty = the recipe's metadata.key_field)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts with rank intervals and class probabilities"),
            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_SOBOL, self.tr("Sobol indices"), self.tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CHART, self.tr("Rank-interval chart"), self.tr("SVG files (*.svg)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_ANNEX, self.tr("Methods annex section"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_RANKED", self.tr("Districts ranked")))
        self.addOutput(QgsProcessingOutputNumber("N_UNCERTAIN", self.tr("Districts with class probability below 80 %")))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        recipe = Recipe.from_file(self.parameterAsFile(parameters, self.RECIPE, context))
        if recipe.uncertainty is None:
            raise_missing_section(recipe)
        self._key_field(parameters, context, source, recipe)
        recipe.validate([f.name() for f in source.fields()])
        self.check_layer_output(parameters, self.OUTPUT, context)
        paths = {name: self.parameterAsFileOutput(parameters, name, context)
                 for name in (self.OUTPUT_SOBOL, self.OUTPUT_CHART, self.OUTPUT_ANNEX)}
        for path in paths.values():
            if path:
                check_file_output(path)
        draws = self.parameterAsInt(parameters, self.DRAWS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        sobol_base = self.parameterAsInt(parameters, self.SOBOL_BASE, context)

        feedback.setProgressText(self.tr("Reading attributes…"))
        frame = read_attributes(self, parameters, context, self.INPUT, source, recipe.required_fields(), feedback)
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(self.tr("Recomputing the index for {n} simulated recipes…").format(n=draws))
        try:
            result = run_uncertainty(frame, recipe, draws=draws, seed=seed, sobol_base=sobol_base,
                                     progress=lambda f: feedback.setProgress(5 + 85 * f),
                                     is_canceled=feedback.isCanceled)
        except CancelledError:
            return {}
        summary = result.summary
        spec = recipe.index(summary["index"])
        labels = list(spec.classification.labels)
        colours = class_colours(labels, spec.classification.colours, feedback=feedback)

        feedback.setProgressText(self.tr("Writing the outputs…"))
        if paths[self.OUTPUT_SOBOL]:
            write_csv(result.sobol, paths[self.OUTPUT_SOBOL])
        if paths[self.OUTPUT_CHART]:
            t = result.table
            p = summary["index"]
            _write_text(paths[self.OUTPUT_CHART], rank_interval_svg(
                t[f"{p}_rank"].to_numpy(), t[f"{p}_rank_p05"].to_numpy(), t[f"{p}_rank_p95"].to_numpy(),
                t[f"{p}_class_nom"].to_numpy(dtype=float, na_value=float("nan")), t[f"{p}_class_prob"].to_numpy(),
                colours, labels, tr("{label}: rank intervals over {n} simulated recipes").format(
                    label=spec.label or spec.id, n=draws)))
        if paths[self.OUTPUT_ANNEX]:
            _write_text(paths[self.OUTPUT_ANNEX], uncertainty_annex_html(recipe, summary, result.sobol))
        fields, replaced = output_fields(source.fields(), result.fields)
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(names=", ".join(replaced)))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                         source.sourceCrs())
        write_features(sink, source, result.table, result.fields, fields, feedback)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(UncertaintyStyler.create(result.fields, summary["index"], labels, colours,
                                                              result.table))
        feedback.pushInfo(tr("{n} districts ranked; {u} have a class probability below {p:.0f} %; for {c} the most "
                             "frequent class differs from the recipe's.").format(
            n=summary["n_ranked"], u=summary["n_uncertain"], p=CERTAIN * 100, c=summary["n_changed_mode"]))
        for row in result.sobol.itertuples(index=False):
            feedback.pushInfo(tr("Sobol {choice}: S1 {s1:.3f}, ST {st:.3f}").format(choice=row.choice, s1=row.S1,
                                                                                   st=row.ST))
        feedback.setProgress(100)
        outputs = {self.OUTPUT: dest_id, "N_RANKED": summary["n_ranked"], "N_UNCERTAIN": summary["n_uncertain"]}
        outputs.update({name: path for name, path in paths.items() if path})
        return outputs


def raise_missing_section(recipe):
    from ...core.errors import RecipeError

    raise RecipeError(tr("The recipe {path} has no 'uncertainty' section, so there is nothing to vary. Add one "
                         "naming the choices and their alternatives (see docs/recipe-format.md, section "
                         "Uncertainty).").format(path=recipe.source_path or ""))
