"""sozialmonitor:spatial_autocorrelation — global Moran's I, LISA clusters and Getis-Ord Gi* of one field.

Neighbours: plugin/gis/spatial/neighbours.py; weights: plugin/core/spatial/weights.py; statistics:
plugin/core/spatial/autocorrelation.py; missing values, islands and cluster codes:
plugin/core/spatial/cluster_analysis.py; cluster map: plugin/gis/style/cluster_maps.py.
Everything is computed before the output sink is created, so a failed or cancelled run writes nothing.
"""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...core.errors import ComputationError
from ...core.i18n import tr
from ...core.spatial.autocorrelation import DEFAULT_SEED, PERMUTATIONS, CancelledError
from ...core.spatial.cluster_analysis import GI_CLASSES, LISA_CLASSES, analyse, class_counts, field_specs
from ...gis.io.layer_frame import NUMERIC_TYPES, output_fields, write_features
from ...gis.style.cluster_maps import apply_cluster_styles
from ..algorithm import SozialmonitorAlgorithm
from ..spatial_weights import (
    NEIGHBOURS,
    TOLERANCE,
    K,
    district_weights,
    neighbourhood,
    neighbourhood_parameters,
    read_districts,
)

MAX_LISTED = 20


class ClusterMapStyler(QgsProcessingLayerPostProcessorInterface):
    """Sets field aliases and the LISA / Gi* cluster maps on the output layer when QGIS loads it."""

    _alive = []  # Processing keeps only a C++ pointer; keep the Python object alive

    def __init__(self, specs, lisa_counts, gi_counts):
        super().__init__()
        self.specs = [(name, alias) for name, alias, _kind in specs]
        self.lisa_counts, self.gi_counts = lisa_counts, gi_counts

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        fields = layer.fields()
        for name, alias in self.specs:
            idx = fields.lookupField(name)
            if idx >= 0:
                layer.setFieldAlias(idx, alias)
        apply_cluster_styles(layer, self.lisa_counts, self.gi_counts)

    @classmethod
    def create(cls, specs, lisa_counts, gi_counts):
        instance = cls(specs, lisa_counts, gi_counts)
        cls._alive = [instance]
        return instance


def _listing(keys):
    shown = ", ".join(str(k) for k in keys[:MAX_LISTED])
    return shown + (" …" if len(keys) > MAX_LISTED else "")


class SpatialAutocorrelationAlgorithm(SozialmonitorAlgorithm):
    NAME = "spatial_autocorrelation"
    DISPLAY = "Spatial autocorrelation (Moran's I, LISA, Gi*)"
    GROUP_ID = "spatial"
    HELP = (
        "Do districts with high (or low) values of FIELD cluster in space?\n\n"
        "Global Moran's I with its expectation, a z-value under normality and a permutation pseudo p-value; "
        "local Moran (LISA) with conditional permutation pseudo p-values and the clusters High-High, Low-Low, "
        "High-Low, Low-High and not significant; Getis-Ord Gi* z-scores (the district itself counted) with hot "
        "and cold spots. Optionally the local p-values are corrected for the false discovery rate "
        "(Benjamini-Hochberg).\n\n"
        "Neighbours: queen (a shared point), rook (a shared edge) or the k nearest centroids; TOLERANCE (layer "
        "units) bridges digitising gaps. Districts without neighbours (islands) and districts without a value "
        "are listed in the log and marked 'island' / 'missing', not analysed locally. With the same SEED the "
        "results are reproducible (and equal to PySAL's esda).\n\n"
        "OUTPUT: a copy of INPUT with lisa_i, lisa_z, lisa_p, lisa_q, lisa_cluster, gi_z, gi_p, gi_class "
        "(and lisa_p_fdr, gi_p_fdr with FDR), styled as a cluster map with a legend; the Gi* map is a second "
        "layer style.\n\n"
        "INVALID_GEOMETRY: invalid (e.g. self-intersecting) polygons are repaired with makeValid (default), "
        "skipped or stop the run; empty and NULL geometries are skipped. Skipped districts are named in the log "
        "and marked 'missing'."
    )

    INPUT = "INPUT"
    FIELD = "FIELD"
    KEY_FIELD = "KEY_FIELD"
    NEIGHBOURS, K, TOLERANCE = NEIGHBOURS, K, TOLERANCE  # shared: processing/spatial_weights.py
    ROW_STANDARDISE = "ROW_STANDARDISE"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    ALPHA = "ALPHA"
    FDR = "FDR"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, self.tr("Field to analyse (index or indicator)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr("Key field (names districts in the log)"), parentLayerParameterName=self.INPUT,
            optional=True))
        for param in neighbourhood_parameters():
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterBoolean(
            self.ROW_STANDARDISE, self.tr("Row-standardise the weights (off: binary)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, self.tr("Permutations"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=PERMUTATIONS, minValue=19, maxValue=99999))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=DEFAULT_SEED,
            minValue=0, maxValue=2 ** 31 - 1))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("Significance level"), QgsProcessingParameterNumber.Type.Double, defaultValue=0.05,
            minValue=0.0001, maxValue=0.5))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, self.tr("Correct local p-values for the false discovery rate (Benjamini-Hochberg)"),
            defaultValue=False))
        self.add_geometry_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Cluster map"), QgsProcessing.SourceType.TypeVectorAnyGeometry))
        self.addOutput(QgsProcessingOutputNumber("GLOBAL_I", self.tr("Global Moran's I")))
        self.addOutput(QgsProcessingOutputNumber("GLOBAL_Z", self.tr("Global Moran's I: z (normality)")))
        self.addOutput(QgsProcessingOutputNumber("GLOBAL_P", self.tr("Global Moran's I: pseudo p-value")))
        self.addOutput(QgsProcessingOutputNumber("GLOBAL_P_NORM", self.tr("Global Moran's I: p (normality)")))
        self.addOutput(QgsProcessingOutputNumber("N_ANALYSED", self.tr("Districts analysed")))
        self.addOutput(QgsProcessingOutputNumber("N_ISLANDS", self.tr("Districts without neighbours")))
        self.addOutput(QgsProcessingOutputNumber("N_MISSING", self.tr("Districts without a value")))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        field = self.parameterAsString(parameters, self.FIELD, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        method, k, tolerance = neighbourhood(self, parameters, context)
        row_standardise = self.parameterAsBool(parameters, self.ROW_STANDARDISE, context)
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        fdr = self.parameterAsBool(parameters, self.FDR, context)

        idx = source.fields().lookupField(field)
        if idx >= 0 and source.fields().at(idx).type() not in NUMERIC_TYPES:
            raise ComputationError(tr("The field '{field}' is not numeric; choose a numeric index or indicator "
                                      "field.").format(field=field))
        districts = read_districts(self, parameters, context, feedback, source, [field], key_field,
                                   tr("They are treated as missing (no neighbours, no local statistic) and "
                                      "marked 'missing'."))
        if districts is None:
            return {}
        self._report_keys(districts.frame, key_field, feedback)
        values = districts.frame[field].to_numpy(dtype=float)
        values[districts.skipped] = float("nan")
        weights = district_weights(source, districts, np.isfinite(values), method, k, tolerance, feedback,
                                   (0.0, 20.0))
        if weights is None:
            return {}

        feedback.setProgressText(self.tr("Computing Moran's I, LISA and Gi* ({n} permutations)…").format(
            n=permutations))
        try:
            result = analyse(values, weights, row_standardise=row_standardise, permutations=permutations,
                             seed=seed, alpha=alpha, fdr=fdr,
                             progress=lambda f: feedback.setProgress(20 + 75 * f), is_canceled=feedback.isCanceled)
        except CancelledError:
            return {}
        if feedback.isCanceled():
            return {}

        self._report(result, field, method, k, tolerance, row_standardise, alpha, fdr, feedback)
        specs = field_specs(fdr)
        fields, replaced = output_fields(source.fields(), specs)
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(names=", ".join(replaced)))
        table = result.table.set_axis(districts.fids)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                         source.sourceCrs())
        write_features(sink, source, table, specs, fields, None)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(ClusterMapStyler.create(
                specs, class_counts(table["lisa_cluster"], LISA_CLASSES), class_counts(table["gi_class"], GI_CLASSES)))
        feedback.setProgress(100)
        moran = result.global_moran
        return {self.OUTPUT: dest_id, "GLOBAL_I": moran["I"], "GLOBAL_Z": moran["z_norm"],
                "GLOBAL_P": moran["p_sim"], "GLOBAL_P_NORM": moran["p_norm"], "N_ANALYSED": result.n_analysed,
                "N_ISLANDS": len(result.islands), "N_MISSING": len(result.missing),
                "N_GEOM_REPAIRED": len(districts.screened.repaired_ids),
                "N_GEOM_SKIPPED": len(districts.screened.skipped)}

    @staticmethod
    def _report_keys(frame, key_field, feedback):
        if not key_field:
            return
        counts = frame[key_field].astype(str).value_counts()
        duplicated = counts[counts > 1]
        if len(duplicated):
            feedback.pushWarning(tr("Key values used by more than one feature: {keys}. Every feature is analysed "
                                    "as its own district with its own neighbours; the log names them by key.").format(
                keys=", ".join(f"{k} ({n}x)" for k, n in duplicated.items())))

    @staticmethod
    def _report(result, field, method, k, tolerance, row_standardise, alpha, fdr, feedback):
        moran = result.global_moran
        neighbourhood = f"knn (k={k})" if method == "knn" else f"{method} (tolerance {tolerance})"
        feedback.pushInfo(tr(
            "Moran's I of {field} = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, p normal = {pn:.2g}, pseudo p = {ps:.4g} "
            "with {m} permutations, seed {seed}); n = {n}; neighbours {nb}, {w}.").format(
            field=field, i=moran["I"], ei=moran["EI"], z=moran["z_norm"], pn=moran["p_norm"], ps=moran["p_sim"],
            m=moran["permutations"], seed=moran["seed"], n=moran["n"], nb=neighbourhood,
            w=tr("row-standardised") if row_standardise else tr("binary")))
        if result.missing:
            feedback.pushWarning(tr("{n} districts without a value of {field} are excluded and marked 'missing': "
                                    "{keys}.").format(n=len(result.missing), field=field,
                                                      keys=_listing(result.missing)))
        if result.islands:
            feedback.pushWarning(tr("{n} districts have no neighbour and get no local statistic (marked 'island'): "
                                    "{keys}.").format(n=len(result.islands), keys=_listing(result.islands)))
        level = tr("FDR-adjusted p <= {a}") if fdr else tr("p <= {a}")
        for name, classes in (("lisa_cluster", LISA_CLASSES), ("gi_class", GI_CLASSES)):
            counts = class_counts(result.table[name], classes)
            feedback.pushInfo("{} ({}): {}".format(name, level.format(a=alpha),
                                                   ", ".join(f"{c} {n}" for c, n in counts.items())))
