"""sozialmonitor:smooth_rates — Empirical Bayes smoothing of rates of small populations, with the EB Moran's I.

Formulas: plugin/core/spatial/rate_smoothing.py (checked against esda); neighbours: plugin/gis/spatial/neighbours.py.
Everything is computed before the output sink is created, so a failed or cancelled run writes nothing.
"""
import math

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...core.errors import ComputationError
from ...core.i18n import tr
from ...core.spatial import rate_smoothing
from ...core.spatial.autocorrelation import DEFAULT_SEED, PERMUTATIONS, CancelledError
from ...gis.io.layer_frame import NUMERIC_TYPES, output_fields, write_features
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

SMOOTHERS = ["global", "spatial"]


def field_specs():
    """(name, alias, kind) of the output fields."""
    return [
        ("rate_raw", tr("Raw rate (events / population x multiplier)"), "double"),
        ("rate_eb", tr("Empirical Bayes rate (x multiplier)"), "double"),
        ("rate_eb_ref", tr("Empirical Bayes: reference rate the district is pulled towards (x multiplier)"),
         "double"),
        ("rate_eb_w", tr("Empirical Bayes: weight of the district's own rate (0..1)"), "double"),
    ]


class SmoothRatesAlgorithm(SozialmonitorAlgorithm):
    NAME = "smooth_rates"
    DISPLAY = "Smooth rates of small populations (Empirical Bayes)"
    GROUP_ID = "spatial"
    HELP = (
        "Rates of districts with few inhabitants jump by chance: 2 cases in 40 inhabitants are 5 %, 3 cases 7.5 %. "
        "Empirical Bayes smoothing pulls each raw rate EVENTS / POPULATION towards a reference rate, the more the "
        "smaller the population, so maps and rankings show the stable differences.\n\n"
        "METHOD global: the reference is the rate of all districts (sum of events / sum of population). METHOD "
        "spatial: the reference is the rate of the district together with its neighbours (queen, rook or k "
        "nearest, as in the spatial autocorrelation).\n\n"
        "The log also reports the EB-adjusted Moran's I (Assunção & Reis 1999): Moran's I of the rates "
        "standardised with their Empirical Bayes mean and variance, with a permutation pseudo p-value. It is "
        "the global autocorrelation test for rates of unequal populations; for LISA clusters of the smoothed "
        "rates run 'Spatial autocorrelation' on rate_eb. Results equal PySAL's esda (Empirical_Bayes, "
        "Spatial_Empirical_Bayes, Moran_Rate) with the same neighbours and seed.\n\n"
        "Districts with a population of 0 or a missing value get no rate and are named in the log.\n\n"
        "OUTPUT: a copy of INPUT with rate_raw, rate_eb, rate_eb_ref (the reference rate) and rate_eb_w (the weight "
        "of the district's own rate), rates multiplied by MULTIPLIER (e.g. 1000: per 1,000 inhabitants)."
    )

    INPUT = "INPUT"
    EVENTS = "EVENTS"
    POPULATION = "POPULATION"
    KEY_FIELD = "KEY_FIELD"
    METHOD = "METHOD"
    MULTIPLIER = "MULTIPLIER"
    NEIGHBOURS, K, TOLERANCE = NEIGHBOURS, K, TOLERANCE  # shared: processing/spatial_weights.py
    ROW_STANDARDISE = "ROW_STANDARDISE"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterField(
            self.EVENTS, self.tr("Events (count, e.g. recipients of benefits)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION, self.tr("Population at risk"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr("Key field (names districts in the log)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Smoothing"),
            options=[self.tr("Global Empirical Bayes (towards the rate of all districts)"),
                     self.tr("Spatial Empirical Bayes (towards the rate of the neighbourhood)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MULTIPLIER, self.tr("Multiplier of the rates (e.g. 1000: per 1,000)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=1000.0, minValue=1e-9))
        for param in neighbourhood_parameters():
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterBoolean(
            self.ROW_STANDARDISE, self.tr("Row-standardise the weights of the EB Moran's I (off: binary)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, self.tr("Permutations of the EB Moran's I (0: none)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=PERMUTATIONS, minValue=0, maxValue=99999))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=DEFAULT_SEED,
            minValue=0, maxValue=2 ** 31 - 1))
        self.add_geometry_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Smoothed rates"), QgsProcessing.SourceType.TypeVectorAnyGeometry))
        self.addOutput(QgsProcessingOutputNumber("EB_MORAN_I", self.tr("EB-adjusted Moran's I")))
        self.addOutput(QgsProcessingOutputNumber("EB_MORAN_Z", self.tr("EB-adjusted Moran's I: z (normality)")))
        self.addOutput(QgsProcessingOutputNumber("EB_MORAN_P", self.tr("EB-adjusted Moran's I: pseudo p-value")))
        self.addOutput(QgsProcessingOutputNumber("N_ANALYSED", self.tr("Districts with a rate")))
        self.addOutput(QgsProcessingOutputNumber("N_NO_POPULATION", self.tr("Districts with a population of 0")))
        self.addOutput(QgsProcessingOutputNumber("N_MISSING", self.tr("Districts without events or population")))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        events_field = self.parameterAsString(parameters, self.EVENTS, context)
        pop_field = self.parameterAsString(parameters, self.POPULATION, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        smoother = SMOOTHERS[self.parameterAsEnum(parameters, self.METHOD, context)]
        multiplier = self.parameterAsDouble(parameters, self.MULTIPLIER, context)
        method, k, tolerance = neighbourhood(self, parameters, context)
        row_standardise = self.parameterAsBool(parameters, self.ROW_STANDARDISE, context)
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)

        for name in (events_field, pop_field):
            idx = source.fields().lookupField(name)
            if idx >= 0 and source.fields().at(idx).type() not in NUMERIC_TYPES:
                raise ComputationError(tr("The field '{field}' is not numeric; choose a numeric field of counts.")
                                       .format(field=name))
        districts = read_districts(self, parameters, context, feedback, source, [events_field, pop_field],
                                   key_field, tr("They get no rate and are named as missing."))
        if districts is None:
            return {}
        frame = districts.frame
        events = frame[events_field].to_numpy(dtype=float)
        population = frame[pop_field].to_numpy(dtype=float)
        events[districts.skipped] = float("nan")
        rates = rate_smoothing.check_rates(events, population, districts.keys, events_field, pop_field)
        text = rate_smoothing.excluded_text(rates)
        if text:
            feedback.pushWarning(text)

        weights = district_weights(source, districts, rates.use, method, k, tolerance, feedback, (0.0, 30.0))
        if weights is None:
            return {}

        feedback.setProgressText(self.tr("Smoothing and EB Moran's I ({n} permutations)…").format(n=permutations))
        result = rate_smoothing.smooth(rates, weights, smoother)
        used = weights.subset(rates.use)
        try:
            moran = rate_smoothing.eb_moran(rates.events[rates.use], rates.population[rates.use], used,
                                            row_standardise, permutations, seed,
                                            lambda f: feedback.setProgress(30 + 65 * f), feedback.isCanceled)
        except CancelledError:
            return {}
        if feedback.isCanceled():
            return {}
        islands = [used.ids[i] for i in used.islands]
        self._report(feedback, smoother, method, k, tolerance, result, rates, moran, islands, multiplier)

        frame["rate_raw"] = result["raw"] * multiplier
        frame["rate_eb"] = result["smoothed"] * multiplier
        frame["rate_eb_ref"] = result["reference"] * multiplier
        frame["rate_eb_w"] = result["weight"]
        specs = field_specs()
        fields, replaced = output_fields(source.fields(), specs)
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(names=", ".join(replaced)))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                         source.sourceCrs())
        write_features(sink, source, frame, specs, fields, None)
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "EB_MORAN_I": moran["I"], "EB_MORAN_Z": moran["z_norm"],
                "EB_MORAN_P": moran["p_sim"], "N_ANALYSED": int(rates.use.sum()),
                "N_NO_POPULATION": len(rates.no_population), "N_MISSING": len(rates.missing)}

    @staticmethod
    def _report(feedback, smoother, method, k, tolerance, result, rates, moran, islands, multiplier):
        raw = result["raw"][rates.use] * multiplier
        smoothed = result["smoothed"][rates.use] * multiplier
        neighbourhood = f"knn (k={k})" if method == "knn" else f"{method} (tolerance {tolerance})"
        feedback.pushInfo(tr("{method} Empirical Bayes rates of {n} districts: raw from {r0:.4g} to {r1:.4g} (SD "
                             "{rs:.4g}), smoothed from {s0:.4g} to {s1:.4g} (SD {ss:.4g}), per {m:g}.").format(
            method=tr("Global") if smoother == "global" else tr("Spatial"), n=int(rates.use.sum()),
            r0=float(np.min(raw)), r1=float(np.max(raw)), rs=float(np.std(raw)), s0=float(np.min(smoothed)),
            s1=float(np.max(smoothed)), ss=float(np.std(smoothed)), m=multiplier))
        p = moran["p_sim"]
        feedback.pushInfo(tr("EB-adjusted Moran's I = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, pseudo p = {p}); "
                             "neighbours {nb}.").format(
            i=moran["I"], ei=moran["EI"], z=moran["z_norm"], p="–" if math.isnan(p) else f"{p:.4g}",
            nb=neighbourhood))
        if islands:
            feedback.pushWarning(tr("{n} districts have no neighbour: in the spatial smoothing their reference is "
                                    "their own rate (no smoothing): {keys}.").format(
                n=len(islands), keys=", ".join(str(k) for k in islands[:20]) + (" …" if len(islands) > 20 else "")))
