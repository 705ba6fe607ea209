"""sozialmonitor:derive_weights — data-driven indicator weights (PCA or equal within domains) into a new recipe.

Core: plugin/core/index/data_weights.py. The input recipe is never changed; the new recipe file is written
completely or not at all (Recipe.save, core/outputs/atomic.py).
"""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ...core.i18n import tr
from ...core.index.data_weights import METHODS, derive_weights
from ...core.recipe.load import Recipe
from ...gis.spatial.input_checks import layer_label
from ..algorithm import SozialmonitorAlgorithm
from ..result_layer import read_attributes
from ..staged_outputs import check_file_output


class DeriveWeightsAlgorithm(SozialmonitorAlgorithm):
    NAME = "derive_weights"
    DISPLAY = "Derive indicator weights from the data (PCA)"
    GROUP_ID = "index"
    HELP = (
        "Writes a copy of RECIPE whose indicator weights are computed from the districts of INPUT.\n\n"
        "METHOD principal components (as in the RKI's GISD and the handbooks): per domain, the first principal "
        "component of the correlations of its indicators over the reference districts; its loadings squared "
        "and normalised to 1 are the weights. METHOD equal: every indicator of a domain weighs the same.\n\n"
        "DOMAINS groups: the indicators of an index that share a 'group' form a domain; whole index: all "
        "indicators of an index form one domain. Each domain keeps the total weight the recipe gave it, so "
        "the balance between domains stays; weights of sub-indices are not changed. With two indicators a "
        "domain always gets equal PCA weights.\n\n"
        "OUTPUT_RECIPE stores the weights per index ('weights') and where they came from ('weights_from': "
        "method, data, date, number of reference districts, loadings, explained variance), so the run can be "
        "reproduced and checked. The log lists old and new weights."
    )

    INPUT = "INPUT"
    RECIPE = "RECIPE"
    METHOD = "METHOD"
    DOMAINS = "DOMAINS"
    OUTPUT_RECIPE = "OUTPUT_RECIPE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts (layer or table)"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterFile(self.RECIPE, self.tr("Index recipe (JSON)"), extension="json"))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Weights"),
            options=[self.tr("Principal components (first component, squared loadings)"),
                     self.tr("Equal within each domain")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.DOMAINS, self.tr("Domains"),
            options=[self.tr("Indicator groups of each index"), self.tr("All indicators of an index")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_RECIPE, self.tr("Recipe with derived weights"), self.tr("Recipe files (*.json)")))
        self.addOutput(QgsProcessingOutputNumber("N_REFERENCE", self.tr("Reference districts used")))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        recipe_path = self.parameterAsFile(parameters, self.RECIPE, context)
        recipe = Recipe.from_file(recipe_path)
        recipe.validate([f.name() for f in source.fields()])
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        by_group = self.parameterAsEnum(parameters, self.DOMAINS, context) == 0
        out_path = self.parameterAsFileOutput(parameters, self.OUTPUT_RECIPE, context)
        check_file_output(out_path)
        feedback.setProgressText(self.tr("Reading attributes…"))
        frame = read_attributes(self, parameters, context, self.INPUT, source, recipe.required_fields(), feedback)
        if feedback.isCanceled():
            return {}
        name = layer_label(source, self.INPUT, self.parameterAsVectorLayer(parameters, self.INPUT, context))
        new, report = derive_weights(frame, recipe, method, by_group, data=name)
        for row in report.itertuples():
            feedback.pushInfo(tr("{index} / {domain}: {ind} weight {old:g} -> {new:.4g}").format(
                index=row.index, domain=row.domain, ind=row.indicator, old=row.old_weight, new=row.new_weight))
        against = report[report["loading"] < 0]
        if len(against):
            feedback.pushWarning(tr("On the first principal component {inds} load against the other indicators of "
                                    "their domain; a squared loading still counts them in their recipe direction. "
                                    "Check their 'direction'.").format(
                inds=", ".join(f"{r.indicator} ({r.domain}, {r.loading:.2f})" for r in against.itertuples())))
        n = next(iter(new.indices)).weights_from["n"]
        new.source_path = str(Path(out_path))
        new.save(out_path)
        feedback.pushInfo(tr("Weights from {n} reference districts written to {path}.").format(n=n, path=out_path))
        return {self.OUTPUT_RECIPE: out_path, "N_REFERENCE": n}
