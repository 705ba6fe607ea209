"""sozialmonitor:accessibility — share of each district's population within a distance of a facility.

The covered part of each district (straight-line buffers, clipped and merged per district, on shapely
arrays) is measured in plugin/gis/spatial/reach_geometry.py, the population pieces of a population layer
in plugin/gis/spatial/overlay_geometry.py (``unit_overlay``); the shares in plugin/core/spatial/overlay.py
(``accessibility_uniform`` / ``accessibility_from_units``). The output is written in bulk when it can be
(plugin/processing/result_layer.py).
"""
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...core.errors import ComputationError
from ...core.i18n import tr
from ...core.spatial import overlay
from ...gis.io.layer_frame import layer_to_dataframe
from ...gis.spatial import geometry_check
from ...gis.spatial import input_checks as checks
from ...gis.spatial import overlay_geometry as geo
from ...gis.spatial.reach_geometry import district_reach
from ..algorithm import SozialmonitorAlgorithm
from ..postprocess import FieldAliasSetter
from ..result_layer import bulk_plan, columnar_input, write_result_layer


@dataclass
class _Inputs:
    """The checked parameters of one run."""

    districts: Any
    facilities: Any
    population: Any  # the population layer (source) or None
    names: list  # layer labels for the log: districts, facilities[, population layer]
    distance: float
    pop_field: str
    pop_index: int
    prefix: str
    key_index: int
    policy: str


class AccessibilityAlgorithm(SozialmonitorAlgorithm):
    NAME = "accessibility"
    DISPLAY = "Accessibility: population within reach of facilities"
    GROUP_ID = "spatial"
    HELP = (
        "For every district of INPUT, the share of its population living within DISTANCE of a facility of "
        "FACILITIES (e.g. Kitas, schools, doctors). Distances are STRAIGHT-LINE buffers around the facilities "
        "(circles approximated by 64-gons), not walking routes along streets: real walking distances are longer, "
        "so the shares are upper bounds.\n\n"
        "Population: without POPULATION_LAYER the population is assumed to be spread UNIFORMLY over each district's "
        "area, so the share is the share of the district's area within reach (<prefix>_pop_in = POPULATION_FIELD × "
        "that share). With POPULATION_LAYER (address points, grid cells or blocks with POPULATION_LAYER_FIELD) each "
        "unit's population is placed at the point, or spread evenly over the cell or block, and counted in the "
        "district(s) it lies in (POPULATION_FIELD is then not used).\n\n"
        "Output: a copy of the districts with <prefix>_share_pct (% of the population within reach), "
        "<prefix>_area_pct (% of the area within reach), <prefix>_pop and <prefix>_pop_in (when a population is "
        "known) and <prefix>_basis (the population assumption in words). A district whose population is known to "
        "be 0 or is missing (POPULATION_FIELD or POPULATION_LAYER) gets a NULL share. All layers must be in the "
        "same projected CRS (DISTANCE is in its units, usually metres).\n\n"
        "INVALID_GEOMETRY (districts, facilities, population layer): invalid (e.g. self-intersecting) polygons are "
        "repaired with makeValid (default), skipped or stop the run; empty and NULL geometries are skipped. Skipped "
        "districts are named (by KEY_FIELD) in the log, get NULL results and are left out of the total share; the "
        "log says how many districts and inhabitants were left out (N_GEOM_SKIPPED)."
    )

    INPUT = "INPUT"
    FACILITIES = "FACILITIES"
    DISTANCE = "DISTANCE"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_LAYER_FIELD = "POPULATION_LAYER_FIELD"
    KEY_FIELD = "KEY_FIELD"
    PREFIX = "PREFIX"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Distance (straight line)"), defaultValue=500.0, parentParameterName=self.INPUT,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field of the districts"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION_LAYER, self.tr("Population layer (points, grid cells, blocks)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_LAYER_FIELD, self.tr("Population field of the population layer"),
            parentLayerParameterName=self.POPULATION_LAYER, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr("District key field (names districts in the log)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PREFIX, self.tr("Prefix of the output fields"), defaultValue="acc"))
        self.add_geometry_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts with accessibility"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(
            "SHARE_PCT", self.tr("Share of the total population within reach (%)")))
        self.addOutput(QgsProcessingOutputNumber("N_FACILITIES", self.tr("Facilities used")))

    def _label(self, source, key, parameters, context):
        return checks.layer_label(source, key, self.parameterAsVectorLayer(parameters, key, context))

    def execute(self, parameters, context, feedback):
        run = self._inputs(parameters, context)
        try:
            screens = self._screens(run, feedback)
            feedback.setProgressText(self.tr("Buffering facilities and clipping to districts…"))
            reach = district_reach(screens[0], screens[1], run.distance, feedback, (10.0, 50.0),
                                   keep_geometry=run.population is not None)
            pop_stats = None
            if run.population is not None:
                feedback.setProgressText(self.tr("Placing the population…"))
                pop_stats = geo.unit_overlay(run.population, run.pop_index, geo.PolygonIndex.from_screened(screens[0]),
                                             feedback, (60.0, 35.0), covers=reach.covers, geoms=screens[2])
        except geo.CanceledError:
            return {}
        ids = reach.ids + screens[0].skipped
        columnar = columnar_input(self, parameters, context, self.INPUT)
        result, uniform, basis, left_out_pop = self._shares(run, reach, ids, screens[0].skipped, pop_stats, columnar)
        frame, specs = self._result_frame(run, ids, result, uniform, basis)
        if feedback.isCanceled():
            return {}
        plan = bulk_plan(self, parameters, context, run.districts, self.INPUT, self.OUTPUT, [s[0] for s in specs])
        dest_id = write_result_layer(self, parameters, context, run.districts, frame, specs, feedback, plan,
                                     self.OUTPUT, self.tr("Districts with accessibility"))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FieldAliasSetter.create(specs))
        total_share = self._report(feedback, run, screens, result, ids, basis, left_out_pop, reach.n_facilities,
                                   pop_stats)
        return {self.OUTPUT: dest_id, "SHARE_PCT": total_share, "N_FACILITIES": reach.n_facilities,
                "N_GEOM_REPAIRED": sum(len(s.repaired_ids) for s in screens),
                "N_GEOM_SKIPPED": sum(len(s.skipped) for s in screens)}

    def _inputs(self, parameters, context):
        """The checked parameters; ComputationError naming the layer or parameter when one does not fit."""
        districts_src = self.parameterAsSource(parameters, self.INPUT, context)
        fac_src = self.parameterAsSource(parameters, self.FACILITIES, context)
        d_name = self._label(districts_src, "INPUT", parameters, context)
        f_name = self._label(fac_src, "FACILITIES", parameters, context)
        checks.require_geometry(districts_src, "polygon", d_name)
        checks.require_same_crs(fac_src, f_name, districts_src, d_name)
        checks.require_projected(districts_src, d_name, tr("a distance buffer"))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        if distance <= 0:
            raise ComputationError(tr("DISTANCE must be greater than 0 (it is {d}).").format(d=distance))
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if pop_field:
            checks.field_index(districts_src, pop_field, d_name, numeric=True)
        pop_src = self.parameterAsSource(parameters, self.POPULATION_LAYER, context)
        pop_index, names = -1, [d_name, f_name]
        if pop_src is not None:
            p_name = self._label(pop_src, "POPULATION_LAYER", parameters, context)
            names.append(p_name)
            checks.require_same_crs(pop_src, p_name, districts_src, d_name)
            layer_field = self.parameterAsString(parameters, self.POPULATION_LAYER_FIELD, context)
            if not layer_field:
                raise ComputationError(tr("A population layer ('{layer}') needs POPULATION_LAYER_FIELD, the field "
                                          "with the inhabitants of each point or cell.").format(layer=p_name))
            pop_index = checks.field_index(pop_src, layer_field, p_name, numeric=True,
                                           parameter="POPULATION_LAYER_FIELD")
        prefix = self.field_prefix(parameters, self.PREFIX, context, "acc")
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        key_index = checks.field_index(districts_src, key_field, d_name) if key_field else -1
        return _Inputs(districts_src, fac_src, pop_src, names, distance, pop_field, pop_index, prefix, key_index,
                       self.geometry_policy(parameters, context))

    def _screens(self, run, feedback):
        """geometry_check.screen() of every layer; with policy 'stop' all are checked before the run stops."""
        feedback.setProgressText(self.tr("Checking the geometries…"))
        first = "skip" if run.policy == "stop" else run.policy  # check every layer, then stop naming all of them
        screens = [geometry_check.screen(run.districts, run.names[0], first, run.key_index, feedback),
                   geometry_check.screen(run.facilities, run.names[1], first, feedback=feedback)]
        if run.population is not None:
            screens.append(geometry_check.screen(run.population, run.names[2], first, feedback=feedback))
        if run.policy == "stop":
            for screened in screens:
                screened.issues.policy = "stop"
                screened.issues.check()
        return screens

    def _shares(self, run, reach, ids, skipped, pop_stats, columnar):
        """(population shares, area shares, basis in words, population of the skipped districts or NaN), indexed
        by ``ids``; skipped districts NaN."""
        area = pd.Series(np.r_[reach.area, np.full(len(skipped), np.nan)], index=ids)
        within = pd.Series(np.r_[reach.within, np.zeros(len(skipped))], index=ids)
        uniform = overlay.accessibility_uniform(area, within)
        if pop_stats is not None:
            pieces = pd.DataFrame(pop_stats["rows"], columns=["unit", "district", "frac", "frac_within"])
            result = overlay.accessibility_from_units(ids, pieces, pop_stats["unit_population"])
            basis = tr("population layer: points at their location, cells/blocks spread evenly over their area")
        else:
            population = None
            if run.pop_field:
                population = layer_to_dataframe(run.districts, [run.pop_field],
                                                columnar=columnar)[run.pop_field].reindex(ids)
            result = overlay.accessibility_uniform(area, within, population)
            basis = tr("population assumed uniform over the district area")
        left_out_pop = float("nan")
        if skipped:  # unknown, never 0: a skipped district is not in the total share
            if "pop" in result.columns and pop_stats is None:
                left_out_pop = float(result.loc[skipped, "pop"].sum())
            result.loc[skipped, [c for c in ("pop", "pop_within", "share_pct") if c in result.columns]] = float("nan")
            uniform.loc[skipped, "share_pct"] = float("nan")
        return result, uniform, basis, left_out_pop

    def _result_frame(self, run, ids, result, uniform, basis):
        """(frame of the output fields indexed by fid, their specs [(name, alias, kind)])."""
        prefix, distance = run.prefix, run.distance
        frame = pd.DataFrame(index=pd.Index(ids, name="fid"))
        frame[prefix + "_share_pct"] = result["share_pct"].to_numpy()
        frame[prefix + "_area_pct"] = uniform["share_pct"].to_numpy()
        specs = [(prefix + "_share_pct", tr("Population within {d:g} m of a facility (%)").format(d=distance),
                  "double"),
                 (prefix + "_area_pct", tr("Area within {d:g} m of a facility (%)").format(d=distance), "double")]
        if "pop" in result.columns:
            frame[prefix + "_pop"] = result["pop"].to_numpy()
            frame[prefix + "_pop_in"] = result["pop_within"].to_numpy()
            specs += [(prefix + "_pop", tr("Population"), "double"),
                      (prefix + "_pop_in", tr("Population within {d:g} m of a facility").format(d=distance), "double")]
        frame[prefix + "_basis"] = basis
        specs.append((prefix + "_basis", tr("Population assumption"), "string"))
        return frame, specs

    def _report(self, feedback, run, screens, result, ids, basis, left_out_pop, n_fac, pop_stats):
        """The log of the run; returns the share of the total population within reach (NaN when unknown)."""
        feedback.pushInfo(tr("Distance: {d:g} (layer units), straight-line buffers around {n} facilities — not walking "
                             "routes; real walking distances are longer.").format(d=run.distance, n=n_fac))
        feedback.pushInfo(tr("Population: {basis}.").format(basis=basis))
        total_share = float("nan")
        skipped = screens[0].skipped
        for screened, what in zip(screens, (tr("Their shares are NULL."), tr("They are not buffered."),
                                            tr("Their population is not placed."))):
            geometry_check.report(feedback, screened, what)
        if "pop" in result.columns and result["pop"].sum() > 0:
            total_share = float(result["pop_within"].sum() / result["pop"].sum() * 100.0)
            if skipped:
                left = geometry_check.listing([screens[0].labels[f] for f in skipped])
                line = tr("{m} of {n} districts: {p:.1f} % of {pop:.0f} inhabitants within reach. {k} districts are "
                          "left out of this total (no usable geometry): {keys}.").format(
                    m=len(ids) - len(skipped), n=len(ids), p=total_share, pop=result["pop"].sum(), k=len(skipped),
                    keys=left)
                if left_out_pop == left_out_pop:
                    line += " " + tr("Their {pop:.0f} inhabitants (POPULATION_FIELD) are not counted.").format(
                        pop=left_out_pop)
                else:
                    line += " " + tr("Population units inside them count as outside all districts.")
                feedback.pushWarning(line)
            else:
                feedback.pushInfo(tr("All districts: {p:.1f} % of {n:.0f} inhabitants within reach.").format(
                    p=total_share, n=result["pop"].sum()))
        if pop_stats is not None:
            feedback.pushInfo(tr("Population layer: {tot:.6g} inhabitants, {out:.6g} outside all districts, {m} units "
                                 "without a value.").format(tot=pop_stats["population"], out=pop_stats["unplaced"],
                                                            m=pop_stats["missing"]))
        no_pop = int(result["share_pct"].isna().sum()) - len(skipped)
        if no_pop:
            feedback.pushInfo(tr("{n} districts have no inhabitants (or no population value): share NULL.").format(
                n=no_pop))
        return total_share
