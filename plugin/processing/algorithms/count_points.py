"""sozialmonitor:count_points — points per district: counts, per 1,000 inhabitants, per km².

Geometry (which point lies in which district, district areas) comes from plugin/gis/spatial/overlay_geometry.py,
the counts and rates from plugin/core/spatial/overlay.py. The output is created only after everything is
computed, so a bad input leaves no output behind.
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...core.errors import ExportError
from ...core.i18n import tr, tr_noop
from ...core.spatial import overlay
from ...gis.io.arrow_columns import columnar_source
from ...gis.spatial import geometry_check, in_database
from ...gis.spatial import input_checks as checks
from ...gis.spatial import overlay_geometry as geo
from ..algorithm import SozialmonitorAlgorithm
from ..postprocess import FieldAliasSetter
from ..result_layer import bulk_plan, read_attributes, write_result_layer


class CountPointsAlgorithm(SozialmonitorAlgorithm):
    NAME = "count_points"
    DISPLAY = "Count points per district"
    GROUP_ID = "spatial"
    HELP = (
        "Counts the point features of POINTS (e.g. day-care centres, schools, doctors) in every district of "
        "INPUT and writes a copy of the districts with:\n"
        "<prefix>_total (number of points; 0 where a district has none, never NULL), "
        "<prefix>_total_p1000 (per 1,000 inhabitants, only with POPULATION_FIELD), "
        "<prefix>_total_km2 (per km²) and area_km2. With CATEGORY_FIELD, the same three numbers for every "
        "category value, in fields named <prefix>_<category> (made safe: 'Grundschule' → n_Grundschule, "
        "umlauts transliterated; the alias keeps the value).\n\n"
        "Area: planar in the layer CRS when it is projected, ellipsoidal when it is geographic (the log says "
        "which). A district whose population is 0 or missing gets NULL rates per 1,000 and is listed in the log.\n"
        "Points outside all districts are counted and reported. A point on a shared boundary is counted once, "
        "in the district with the lowest feature id among those it touches. A multi-point feature counts once, "
        "at its first point. Both layers must be in the same CRS.\n\n"
        "INVALID_GEOMETRY: districts with an invalid (e.g. self-intersecting) geometry are repaired with makeValid "
        "(default), skipped or stop the run; districts with an empty or NULL geometry are skipped. Skipped districts "
        "are named in the log and get NULL counts, rates and areas (not 0); N_GEOM_SKIPPED says how many.\n\n"
        "OUTPUT_TABLE (advanced, e.g. public.kita_counts): when INPUT and POINTS are PostGIS tables of the same "
        "database, the count runs inside that database (a spatial join using the GiST indexes, the same boundary "
        "rule) and writes this new table there, completely or not at all; OUTPUT is then not written and the "
        "OUTPUT result is the table's source. OVERWRITE_TABLE replaces an existing table. The districts need an "
        "integer or smallint primary key (not bigint), a projected CRS and valid geometries; a CATEGORY_FIELD must "
        "be text or integer there. When the database cannot be used, the run stops and says why (leave "
        "OUTPUT_TABLE empty to count locally)."
    )

    INPUT = "INPUT"
    POINTS = "POINTS"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    KEY_FIELD = "KEY_FIELD"
    PREFIX = "PREFIX"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Districts (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POINTS, self.tr("Points (e.g. facilities)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field of the points (one count per category)"),
            parentLayerParameterName=self.POINTS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field of the districts (for rates per 1,000)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr("District key field (names districts in the log)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PREFIX, self.tr("Prefix of the output fields"), defaultValue="n"))
        self.add_geometry_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts with counts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.add_database_table_parameters(self.tr("Count inside the database into this new table (schema.table)"))
        for key, label in (("N_POINTS", tr_noop("Points read")), ("N_INSIDE", tr_noop("Points inside a district")),
                           ("N_OUTSIDE", tr_noop("Points outside all districts")),
                           ("N_BOUNDARY", tr_noop("Points on a district boundary")),
                           ("N_NO_POPULATION", tr_noop("Districts without population"))):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def _label(self, source, key, parameters, context):
        return checks.layer_label(source, key, self.parameterAsVectorLayer(parameters, key, context))

    def execute(self, parameters, context, feedback):
        districts_src = self.parameterAsSource(parameters, self.INPUT, context)
        points_src = self.parameterAsSource(parameters, self.POINTS, context)
        d_name = self._label(districts_src, "INPUT", parameters, context)
        p_name = self._label(points_src, "POINTS", parameters, context)
        checks.require_geometry(districts_src, "polygon", d_name)
        checks.require_geometry(points_src, "point", p_name)
        checks.require_same_crs(points_src, p_name, districts_src, d_name)
        category = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        prefix = self.field_prefix(parameters, self.PREFIX, context, "n")
        cat_index = checks.field_index(points_src, category, p_name) if category else -1
        if pop_field:
            checks.field_index(districts_src, pop_field, d_name, numeric=True)
        key_index = checks.field_index(districts_src, key_field, d_name) if key_field else -1
        policy = self.geometry_policy(parameters, context)
        out_table = (self.parameterAsString(parameters, self.OUTPUT_TABLE, context) or "").strip()
        if out_table:
            return self._in_database(parameters, context, feedback, districts_src, category, pop_field, prefix,
                                     out_table)

        try:
            feedback.setProgressText(self.tr("Checking the district geometries…"))
            screened = geometry_check.screen(districts_src, d_name, policy, key_index, feedback)
            feedback.setProgressText(self.tr("Locating points…"))
            columnar = columnar_source(self.parameterAsVectorLayer(parameters, self.POINTS, context),
                                       parameters.get(self.POINTS))
            assigned, categories, stats = geo.assign_points(points_src, screened, cat_index, columnar, feedback,
                                                            (10.0, 80.0))
        except geo.CanceledError:
            return {}
        all_ids = sorted(screened.geoms) + list(screened.skipped)
        counts, n_outside = overlay.count_points(all_ids, assigned, categories)
        # a skipped district's count is unknown (its points could not be located), never 0
        counts = counts.astype("float64")
        counts.loc[list(screened.skipped)] = float("nan")
        areas, area_how = geo.district_areas_km2(screened, districts_src.sourceCrs(), context)
        population = None
        if pop_field:
            population = read_attributes(self, parameters, context, self.INPUT, districts_src,
                                         [pop_field])[pop_field].reindex(counts.index)
        result = overlay.rates(counts, population, areas.reindex(counts.index))

        frame, specs = self._result_frame(districts_src, counts, result, areas, prefix, pop_field)
        if feedback.isCanceled():
            return {}
        plan = bulk_plan(self, parameters, context, districts_src, self.INPUT, self.OUTPUT, [s[0] for s in specs])
        dest_id = write_result_layer(self, parameters, context, districts_src, frame, specs, feedback, plan,
                                     self.OUTPUT, self.tr("Districts with counts"))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FieldAliasSetter.create(specs))

        labels = screened.labels
        geometry_check.report(feedback, screened, tr("Their counts, rates and areas are NULL; points inside them "
                                                     "are counted as outside."))
        n_inside = stats["points"] - n_outside
        feedback.pushInfo(tr("{inside} of {n} points lie in a district; {out} lie outside all districts "
                             "(not counted).").format(inside=n_inside, n=stats["points"], out=n_outside))
        feedback.pushInfo(tr("{b} points lie on a district boundary; each is counted once, in the district with "
                             "the lowest feature id it touches.").format(b=stats["boundary"]))
        if stats["no_geometry"]:
            feedback.pushInfo(tr("{n} point features have no geometry (counted as outside).").format(
                n=stats["no_geometry"]))
        if stats["multi"]:
            feedback.pushInfo(tr("{n} multi-point features hold several points; each counts once, at its first "
                                 "point.").format(n=stats["multi"]))
        feedback.pushInfo(tr("Areas (km²): {how}.").format(how=area_how))
        if result["no_population"]:
            feedback.pushInfo(tr("{n} districts have population 0 or missing; their rates per 1,000 are NULL: "
                                 "{ids}").format(n=len(result["no_population"]),
                                                 ids=", ".join(labels.get(f, str(f)) for f in
                                                               result["no_population"])))
        return {"N_GEOM_REPAIRED": len(screened.repaired_ids), "N_GEOM_SKIPPED": len(screened.skipped),
                self.OUTPUT: dest_id, "N_POINTS": stats["points"], "N_INSIDE": n_inside, "N_OUTSIDE": n_outside,
                "N_BOUNDARY": stats["boundary"], "N_NO_POPULATION": len(result["no_population"])}

    def _in_database(self, parameters, context, feedback, districts_src, category, pop_field, prefix, out_table):
        """Count inside the PostGIS database of both layers into ``out_table`` (see in_database.py)."""
        selected = any(isinstance(parameters.get(k), QgsProcessingFeatureSourceDefinition)
                       and parameters[k].selectedFeaturesOnly for k in (self.INPUT, self.POINTS))
        plan, reason = in_database.in_database_plan([self.parameterAsVectorLayer(parameters, k, context)
                                                     for k in (self.INPUT, self.POINTS)], selected)
        if plan is None:
            raise QgsProcessingException(tr(
                "OUTPUT_TABLE is set, but the count cannot run inside the database: {reason}. Leave OUTPUT_TABLE "
                "empty to count locally (then export_postgis can write the result).").format(reason=reason))
        try:
            schema, table = in_database.parse_table_name(out_table)
            names = None
            if category:
                names = self._category_names(districts_src, in_database.point_categories(plan, category), prefix,
                                             pop_field)
            taken = {f"{prefix}_total", f"{prefix}_total_p1000", f"{prefix}_total_km2", "area_km2"}
            columns = [f.name() for f in districts_src.fields() if f.name() not in taken] + [plan.districts.geom]
            feedback.setProgressText(self.tr("Counting points inside the database…"))
            stats, source = in_database.count_points_in_database(
                plan, schema, table, self.parameterAsBool(parameters, self.OVERWRITE_TABLE, context), columns,
                prefix, pop_field, geo.map_units_to_km2(districts_src.sourceCrs()), feedback, category, names)
        except in_database.postgis.CancelledError:
            feedback.pushInfo(tr("Cancelled: nothing was written."))
            return {}
        except ExportError as err:
            raise QgsProcessingException(err.message) from None
        feedback.pushInfo(tr("Counted inside the database into '{schema}'.'{table}'.").format(schema=schema,
                                                                                             table=table))
        feedback.pushInfo(tr("{inside} of {n} points lie in a district; {out} lie outside all districts "
                             "(not counted).").format(inside=stats["N_INSIDE"], n=stats["N_POINTS"],
                                                      out=stats["N_OUTSIDE"]))
        return dict(stats, N_GEOM_REPAIRED=0, N_GEOM_SKIPPED=0, **{self.OUTPUT: source})

    @staticmethod
    def _category_names(districts_src, cats, prefix, pop_field):
        """{category value: field name} (the same locally and inside the database)."""
        taken = [f.name() for f in districts_src.fields()]
        total_name = f"{prefix}_total"
        suffixes = ("_p1000", "_km2") if pop_field else ("_km2",)
        return overlay.category_fields(cats, prefix, suffixes=suffixes,
                                       taken=taken + [total_name, "area_km2"] + [total_name + s for s in suffixes])

    def _result_frame(self, districts_src, counts, result, areas, prefix, pop_field):
        total_name = f"{prefix}_total"
        columns = [("total", total_name, tr("Number of points"))]
        cats = [c for c in counts.columns if c != "total"]
        names = self._category_names(districts_src, cats, prefix, pop_field)
        for cat in cats:
            columns.append((cat, names[cat], tr("Number of points: {cat}").format(cat="NULL" if cat is None else cat)))
        frame = counts.copy()
        frame.columns = [names.get(c, total_name) if c != "total" else total_name for c in counts.columns]
        specs = []
        for _col, name, alias in columns:
            specs.append((name, alias, "int"))
        for _col, name, alias in columns:
            if pop_field:
                frame[name + "_p1000"] = result["per_1000"][_col].to_numpy()
                specs.append((name + "_p1000", tr("{alias} per 1,000 inhabitants").format(alias=alias), "double"))
            frame[name + "_km2"] = result["per_km2"][_col].to_numpy()
            specs.append((name + "_km2", tr("{alias} per km²").format(alias=alias), "double"))
        frame["area_km2"] = areas.reindex(frame.index).to_numpy()
        specs.append(("area_km2", tr("Area (km²)"), "double"))
        return frame, specs
