"""sozialmonitor:areal_interpolation — carry values from source polygons to target polygons.

The pieces (source ∩ target, their areas and, with a population layer, their population) are
measured on shapely arrays by plugin/core/spatial/polygon_pieces.py (through
plugin/gis/spatial/overlay_geometry.py: ``polygon_pieces``, ``population_in_pieces``); the weights,
interpolated values, totals check and reallocation ranking are computed in plugin/core/spatial/overlay.py
(``interpolate``). The output is created only after everything is computed (in bulk from a GeoPackage
to a new .gpkg: plugin/processing/result_layer.py).
"""
from dataclasses import dataclass
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ...core.errors import ComputationError, ExportError
from ...core.i18n import tr
from ...core.spatial import overlay
from ...gis.spatial import geometry_check, in_database, interpolation_in_database
from ...gis.spatial import input_checks as checks
from ...gis.spatial import overlay_geometry as geo
from ..algorithm import SozialmonitorAlgorithm
from ..postprocess import FieldAliasSetter
from ..result_layer import bulk_plan, read_attributes, write_result_layer
from ..staged_outputs import check_file_output


@dataclass
class _Inputs:
    """The checked parameters of one run."""

    src: Any
    tgt: Any
    pop_src: Any  # the population layer (source) or None
    names: list  # layer labels: sources, targets, population layer (or None)
    extensive: list
    intensive: list
    pop_index: int
    keys: tuple  # SOURCE_KEY, TARGET_KEY field names ("" when not set)
    key_indexes: tuple
    report_path: str
    out_table: str


class ArealInterpolationAlgorithm(SozialmonitorAlgorithm):
    NAME = "areal_interpolation"
    DISPLAY = "Areal interpolation (old to new boundaries)"
    GROUP_ID = "spatial"
    HELP = (
        "Carries values from source polygons (statistical blocks, grid cells, old district boundaries) to target "
        "polygons (new districts) and writes a copy of TARGET with the interpolated fields (same names as in "
        "INPUT), src_n (number of source areas contributing) and src_cover_pct (share of the target's area "
        "covered by sources).\n\n"
        "EXTENSIVE_FIELDS (counts such as inhabitants, recipients) are split: a target receives "
        "value × weight of the piece / weight of the whole source. INTENSIVE_FIELDS (shares, rates, means) are "
        "averaged: the mean of the sources weighted by the weight of each piece.\n"
        "Weights are areas; with POPULATION_LAYER (points, grid cells or blocks with POPULATION_FIELD) they are "
        "the population in each piece (a polygon unit's population is spread evenly over its area), which "
        "suits counts of people and shares of the population. For extensive fields a source without any population "
        "is split by area; for intensive fields a piece without inhabitants adds nothing, and only a target without "
        "any population is averaged by area (both reported).\n\n"
        "Check: for every extensive field the totals in and out are compared; more than 0.1 % difference is "
        "reported as NOT preserved. Source area not covered by any target is reported (with its value), not "
        "silently lost. REPORT (CSV) lists totals, uncovered sources and every reallocation of a split source, "
        "largest first; the log shows the largest ones. Both layers must be in the same projected CRS.\n\n"
        "INVALID_GEOMETRY (sources, targets and the population layer): invalid (e.g. self-intersecting) polygons "
        "are repaired with makeValid (default), skipped or stop the run; empty and NULL geometries are skipped. "
        "Skipped features are named in the log; a skipped source's values are not carried (the totals check shows "
        "them as missing), a skipped target gets NULL values.\n\n"
        "OUTPUT_TABLE (advanced, e.g. public.pgr2021_ew): when INPUT and TARGET are PostGIS tables of the same "
        "database, the pieces and sums are computed inside that database (a spatial join using the GiST indexes, "
        "area weights, the same formulas, totals check and REPORT) and this new table is written there, "
        "completely or not at all; OUTPUT is then not written and the OUTPUT result is the table's source. "
        "OVERWRITE_TABLE replaces an existing table. Both tables need an integer primary key, valid geometries "
        "and a projected CRS; POPULATION_LAYER is not supported there. When the database cannot be used, the run "
        "stops and says why (leave OUTPUT_TABLE empty to interpolate locally)."
    )

    INPUT = "INPUT"
    TARGET = "TARGET"
    EXTENSIVE_FIELDS = "EXTENSIVE_FIELDS"
    INTENSIVE_FIELDS = "INTENSIVE_FIELDS"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELD = "POPULATION_FIELD"
    SOURCE_KEY = "SOURCE_KEY"
    TARGET_KEY = "TARGET_KEY"
    TOP = "TOP"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Source polygons (with the values)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGET, self.tr("Target polygons (new boundaries)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.EXTENSIVE_FIELDS, self.tr("Extensive fields (counts: split)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.INTENSIVE_FIELDS, self.tr("Intensive fields (shares, rates: weighted mean)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION_LAYER, self.tr("Population layer for weights (points, grid cells, blocks)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field of the population layer"),
            parentLayerParameterName=self.POPULATION_LAYER, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SOURCE_KEY, self.tr("Source key field (names sources in the report)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TARGET_KEY, self.tr("Target key field (names targets in the report)"),
            parentLayerParameterName=self.TARGET, optional=True))
        self.add_geometry_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP, self.tr("Largest reallocations shown in the log"), defaultValue=10, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Targets with interpolated values"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Interpolation report (CSV)"), self.tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        self.add_database_table_parameters(
            self.tr("Interpolate inside the database into this new table (schema.table)"))
        self.addOutput(QgsProcessingOutputNumber("TOTALS_OK", self.tr("Totals preserved within 0.1 % (1/0)")))
        self.addOutput(QgsProcessingOutputNumber("MAX_DIFF_PCT", self.tr("Largest total difference (%)")))
        self.addOutput(QgsProcessingOutputNumber("N_SPLIT_SOURCES", self.tr("Source areas split among targets")))

    def _label(self, source, key, parameters, context):
        return checks.layer_label(source, key, self.parameterAsVectorLayer(parameters, key, context))

    def execute(self, parameters, context, feedback):
        run = self._inputs(parameters, context)
        if run.out_table:
            return self._in_database(parameters, context, feedback, run.tgt, run.extensive, run.intensive,
                                     run.keys, run.report_path, run.out_table)
        try:
            screens = self._screens(run, self.geometry_policy(parameters, context), feedback)
            pieces, stats, pop_stats = self._pieces(run, screens, feedback)
        except geo.CanceledError:
            return {}
        values = read_attributes(self, parameters, context, self.INPUT, run.src,
                                 list(dict.fromkeys(run.extensive + run.intensive)))
        target_ids = list(stats["target_area"]) + screens[1].skipped  # usable ones ascending, then the skipped
        result = overlay.interpolate(pieces, values, target_ids, run.extensive, run.intensive,
                                     target_area=[stats["target_area"].get(t, float("nan")) for t in target_ids])
        if feedback.isCanceled():
            return {}
        report = overlay.interpolation_report(result, screens[0].labels, screens[1].labels)
        outputs = self._write(parameters, context, feedback, run, result, report)
        self._log(feedback, result, report, stats, pop_stats, screens[0].labels, screens[1].labels,
                  self.parameterAsInt(parameters, self.TOP, context))
        self._log_geometry(feedback, screens, values, run.extensive)
        outputs["N_GEOM_REPAIRED"] = sum(len(s.repaired_ids) for s in screens)
        outputs["N_GEOM_SKIPPED"] = sum(len(s.skipped) for s in screens)
        return dict(outputs, **_check_outputs(result))

    def _inputs(self, parameters, context):
        """The checked parameters (layers, fields, keys, outputs): every check before the (slow) overlay."""
        src = self.parameterAsSource(parameters, self.INPUT, context)
        tgt = self.parameterAsSource(parameters, self.TARGET, context)
        s_name = self._label(src, "INPUT", parameters, context)
        t_name = self._label(tgt, "TARGET", parameters, context)
        checks.require_geometry(src, "polygon", s_name)
        checks.require_geometry(tgt, "polygon", t_name)
        checks.require_same_crs(src, s_name, tgt, t_name)
        checks.require_projected(src, s_name, tr("areal interpolation (areas)"))
        extensive = self.parameterAsStrings(parameters, self.EXTENSIVE_FIELDS, context)
        intensive = self.parameterAsStrings(parameters, self.INTENSIVE_FIELDS, context)
        overlay.check_fields([f.name() for f in src.fields()], extensive, intensive, s_name)
        for param, names in ((self.EXTENSIVE_FIELDS, extensive), (self.INTENSIVE_FIELDS, intensive)):
            for name in names:
                checks.field_index(src, name, s_name, numeric=True, parameter=param)
        pop_src = self.parameterAsSource(parameters, self.POPULATION_LAYER, context)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        pop_index, p_name = -1, None
        if pop_src is not None:
            p_name = self._label(pop_src, "POPULATION_LAYER", parameters, context)
            checks.require_same_crs(pop_src, p_name, src, s_name)
            if not pop_field:
                raise ComputationError(tr("A population layer ('{layer}') needs POPULATION_FIELD, the field with "
                                          "the inhabitants of each point or cell.").format(layer=p_name))
            pop_index = checks.field_index(pop_src, pop_field, p_name, numeric=True)
        keys = (self.parameterAsString(parameters, self.SOURCE_KEY, context),
                self.parameterAsString(parameters, self.TARGET_KEY, context))
        key_indexes = (checks.field_index(src, keys[0], s_name) if keys[0] else -1,
                       checks.field_index(tgt, keys[1], t_name) if keys[1] else -1)
        # fail before the (slow) overlay: a Shapefile destination or an unwritable report file
        self.check_layer_output(parameters, self.OUTPUT, context)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            check_file_output(report_path)
        out_table = (self.parameterAsString(parameters, self.OUTPUT_TABLE, context) or "").strip()
        return _Inputs(src, tgt, pop_src, [s_name, t_name, p_name], extensive, intensive, pop_index, keys,
                       key_indexes, report_path, out_table)

    def _screens(self, run, policy, feedback):
        """geometry_check.screen() of sources, targets (and the population layer); all layers are checked
        before any overlay, so 'stop' names every broken feature at once."""
        feedback.setProgressText(self.tr("Checking the geometries…"))
        first = "skip" if policy == "stop" else policy
        screens = [geometry_check.screen(run.src, run.names[0], first, run.key_indexes[0], feedback),
                   geometry_check.screen(run.tgt, run.names[1], first, run.key_indexes[1], feedback)]
        if run.pop_src is not None:
            screens.append(geometry_check.screen(run.pop_src, run.names[2], first, feedback=feedback))
        if policy == "stop":
            for screened in screens:
                screened.issues.policy = "stop"
                screened.issues.check()
        return screens

    def _pieces(self, run, screens, feedback):
        """(pieces frame with ``population`` when weighted by a population layer, stats, population stats)."""
        weighted = run.pop_src is not None
        feedback.setProgressText(self.tr("Intersecting source and target polygons…"))
        pieces, piece_geoms, stats = geo.polygon_pieces(screens[0], screens[1], keep_geometry=weighted,
                                                        feedback=feedback, progress=(10.0, 50.0 if weighted else 80.0))
        pop_stats = None
        if weighted:
            feedback.setProgressText(self.tr("Weighting the pieces by population…"))
            pieces["population"], pop_stats = geo.population_in_pieces(piece_geoms, run.pop_src, run.pop_index,
                                                                        feedback, (60.0, 30.0), geoms=screens[2])
        for screened in screens:  # the QGIS geometries are measured: free them (a third of the memory at 100,000)
            screened.geoms = {}
        return pieces, stats, pop_stats

    def _write(self, parameters, context, feedback, run, result, report):
        """REPORT (first: a layer is never left without the report asked for) and OUTPUT (in bulk from a GeoPackage
        to a new .gpkg, plugin/processing/result_layer.py); the outputs dict."""
        frame = result.values.rename(columns={"n_sources": "src_n", "cover_pct": "src_cover_pct"})
        specs = [(name, tr("{name} (extensive, split by {w})").format(name=name, w=result.weighting), "double")
                 for name in run.extensive]
        specs += [(name, tr("{name} (intensive, mean weighted by {w})").format(name=name, w=result.weighting),
                   "double") for name in run.intensive]
        specs += [("src_n", tr("Number of source areas"), "int"),
                  ("src_cover_pct", tr("Share of the area covered by source areas (%)"), "double")]
        outputs = {}
        if run.report_path:
            overlay.write_report_csv(report, run.report_path)
            outputs[self.REPORT] = run.report_path
        plan = bulk_plan(self, parameters, context, run.tgt, self.TARGET, self.OUTPUT, [s[0] for s in specs])
        dest_id = write_result_layer(self, parameters, context, run.tgt, frame, specs, feedback, plan, self.OUTPUT,
                                     self.tr("Targets with interpolated values"))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FieldAliasSetter.create(specs))
        outputs[self.OUTPUT] = dest_id
        return outputs

    def _in_database(self, parameters, context, feedback, tgt, extensive, intensive, key_fields, report_path,
                     out_table):
        """Interpolate inside the PostGIS database of INPUT and TARGET into ``out_table``
        (see interpolation_in_database.py); the same report, log and outputs as the local path."""
        selected = any(isinstance(parameters.get(k), QgsProcessingFeatureSourceDefinition)
                       and parameters[k].selectedFeaturesOnly for k in (self.INPUT, self.TARGET))
        plan, reason = in_database.in_database_plan([self.parameterAsVectorLayer(parameters, k, context)
                                                     for k in (self.INPUT, self.TARGET)], selected)
        if plan is not None and parameters.get(self.POPULATION_LAYER):
            plan, reason = None, tr("POPULATION_LAYER (population weights) is not supported inside the database")
        if plan is None:
            raise QgsProcessingException(tr(
                "OUTPUT_TABLE is set, but the interpolation cannot run inside the database: {reason}. Leave "
                "OUTPUT_TABLE empty to interpolate locally (then export_postgis can write the result).").format(
                reason=reason))
        new = {n.lower() for n in list(extensive) + list(intensive) + ["src_n", "src_cover_pct"]}
        target = plan.tables[1]
        for column in (target.key, target.geom):
            if column.lower() in new:
                raise QgsProcessingException(tr(
                    "The result field '{name}' would replace the key or geometry column of the target table; rename "
                    "that field in the source table or interpolate locally.").format(name=column))
        columns = [f.name() for f in tgt.fields() if f.name().lower() not in new] + [target.geom]
        replaced = [f.name() for f in tgt.fields() if f.name().lower() in new]
        try:
            schema, table = in_database.parse_table_name(out_table)
            feedback.setProgressText(self.tr("Interpolating inside the database…"))
            out = interpolation_in_database.interpolate_in_database(
                plan, schema, table, self.parameterAsBool(parameters, self.OVERWRITE_TABLE, context), columns,
                list(extensive), list(intensive), key_fields, report_path, feedback)
        except in_database.postgis.CancelledError:
            feedback.pushInfo(tr("Cancelled: nothing was written."))
            return {}
        except ExportError as err:
            raise QgsProcessingException(err.message) from None
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(names=", ".join(replaced)))
        feedback.pushInfo(tr("Interpolated inside the database into '{schema}'.'{table}'.").format(schema=schema,
                                                                                                  table=table))
        result = out["result"]
        self._log(feedback, result, out["report"], {"overlap_area": out["overlap_area"]}, None, out["s_labels"],
                  out["t_labels"], self.parameterAsInt(parameters, self.TOP, context))
        outputs = {self.OUTPUT: out["source"], "N_GEOM_REPAIRED": 0, "N_GEOM_SKIPPED": 0}
        if report_path:
            outputs[self.REPORT] = report_path
        return dict(outputs, **_check_outputs(result))

    @staticmethod
    def _log_geometry(feedback, screens, values, extensive):
        src_screen, tgt_screen = screens[0], screens[1]
        geometry_check.report(feedback, src_screen, tr("Their values are not carried to any target."))
        for name in extensive if src_screen.skipped else ():
            left = values[name].reindex(src_screen.skipped)
            feedback.pushWarning(tr("{field}: {v:.6g} in the {n} skipped source areas is not carried (it is part of "
                                    "the difference between total in and out).").format(
                field=name, v=float(left.sum()), n=len(src_screen.skipped)))
        geometry_check.report(feedback, tgt_screen, tr("They get NULL values; source values in their area count as "
                                                       "not covered by targets."))
        if len(screens) > 2:
            geometry_check.report(feedback, screens[2], tr("Their population is not used as a weight."))

    def _log(self, feedback, result, report, stats, pop_stats, s_labels, t_labels, top):
        feedback.pushInfo(tr("Weights: {w}.").format(w=tr("population of the population layer in each piece")
                                                     if result.weighting == "population" else tr("area")))
        for rec in result.totals.to_dict("records"):
            feedback.pushInfo(tr("{field}: total in {tin:.6g}, out {tout:.6g} ({diff:+.4f} %), {state}; not covered "
                                 "by targets {unc:.6g}.").format(
                field=rec["field"], tin=rec["total_in"], tout=rec["total_out"], diff=rec["diff_pct"],
                state=tr("preserved within 0.1 %") if rec["ok"] else tr("NOT preserved within 0.1 %"),
                unc=rec["uncovered"]))
        unc = result.uncovered_sources
        if len(unc):
            worst = ", ".join(f"{s_labels.get(i, i)} {r * 100:.3f} %" for i, r in
                              unc["share_uncovered"].head(5).items())
            feedback.pushInfo(tr("{n} source areas are not completely covered by targets (largest gaps: {worst}).")
                              .format(n=len(unc), worst=worst))
        if stats["overlap_area"] > 0:
            feedback.pushInfo(tr("Target polygons overlap: {a:.6g} map units² of source area are counted in more "
                                 "than one target.").format(a=stats["overlap_area"]))
        if pop_stats is not None:
            feedback.pushInfo(tr("Population layer: {tot:.6g} inhabitants, {out:.6g} outside all source areas "
                                 "(not used), {m} units without a value.").format(
                tot=pop_stats["population"], out=pop_stats["unplaced"], m=pop_stats["missing"]))
        if result.area_fallback:
            fallback = _some([s_labels.get(i, i) for i in result.area_fallback])
            feedback.pushInfo(tr("{n} source areas contain no population of the population layer; they are split "
                                 "by area: {ids}").format(n=len(result.area_fallback), ids=fallback))
        if result.intensive_area_fallback:
            feedback.pushInfo(tr("{n} target areas contain no population of the population layer; their intensive "
                                 "values are area-weighted means: {ids}").format(
                n=len(result.intensive_area_fallback),
                ids=_some([t_labels.get(i, i) for i in result.intensive_area_fallback])))
        if result.empty_targets:
            feedback.pushInfo(tr("{n} target areas overlap no source area and get no value (NULL): {ids}").format(
                n=len(result.empty_targets), ids=_some([t_labels.get(i, i) for i in result.empty_targets])))
        moves = report[report["section"] == "reallocation"].head(top)
        if len(moves):
            feedback.pushInfo(tr("Largest reallocations away from each source's main target (source → target, "
                                 "amount, share of the source):"))
            for rec in moves.to_dict("records"):
                feedback.pushInfo("  {} → {}: {} {:.6g} ({:.2f} %)".format(
                    rec["source"], rec["target"], rec["field"], rec["value_out"], rec["share_pct"]))


def _check_outputs(result):
    """TOTALS_OK, MAX_DIFF_PCT and N_SPLIT_SOURCES of an interpolation result (local or in the database)."""
    totals = result.totals
    return {"TOTALS_OK": int(bool(totals["ok"].all())) if len(totals) else 1,
            "MAX_DIFF_PCT": float(totals["diff_pct"].abs().max()) if len(totals) else 0.0,
            "N_SPLIT_SOURCES": int(result.flows.loc[result.flows["moved"], "source"].nunique())}


def _some(ids, limit=10):
    ids = [str(i) for i in ids]
    return ", ".join(ids[:limit]) + (" …" if len(ids) > limit else "")
