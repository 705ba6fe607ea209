"""sozialmonitor:export_atlas — one profile page ("Steckbrief") per district in one multi-page PDF."""
import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.reports.district_profile import ProfileIndicator, indicators_from_recipe, profile_rows
from ...core.reports.trend import MAX_CHARTS, detect_series, select_series
from ...gis.io.layer_frame import layer_to_dataframe
from ...gis.printing.atlas import PAGE_FIELD, build_atlas_layout, coverage_layer, export_atlas_pdf, rows_layer
from ...gis.printing.atlas_trend import trend_box, write_trend_charts
from ...gis.printing.atlas_uncertainty import add_rank_picture, write_rank_charts
from ...gis.printing.layouts import save_project
from ...gis.printing.map_document import DISTRICT_BOUNDARY, field_label, project_layer
from ...gis.style.renderers import apply_classes, map_classes_for, secrecy_rule, style_overlay
from .map_parameters import MapAlgorithm, add_texts


class ExportAtlasAlgorithm(MapAlgorithm):
    NAME = "export_atlas"
    DISPLAY = "Export district atlas (Steckbriefe)"
    HELP = (
        "One A4 page per district in one PDF: name and key, a map zoomed to the district (highlighted, "
        "neighbours in their class colours), a locator map of the city, the index classes and a table of the "
        "indicators with the city value (unweighted mean of the evaluated districts), the deviation from it and "
        "the rank. Districts that are not evaluated show '.' instead of numbers (statistical secrecy).\n\n"
        "FILTER limits the pages (e.g. \"id\" LIKE '01%'); city values and ranks always use all districts. "
        "INDICATORS defaults to the recipe's indicators.\n\n"
        "Trend charts: where the layer holds an indicator for several years in fields named "
        "<indicator>_<year> (as join_table FORMAT=long writes them, e.g. schuldnerquote_pct_2015 … _2021), "
        "each page gets up to two small line charts below the table: the district against the unweighted "
        "mean of the evaluated districts per year. TREND_INDICATORS names the indicators (';'-separated "
        "prefixes, e.g. schuldnerquote_pct); default: the first two series found. Missing years are gaps; "
        "secret districts show only the reference line. TREND = false leaves the charts out."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Result layer (districts with index)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "FIELD", self.tr("Field that colours the maps"), defaultValue="status_class",
            parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "RECIPE", self.tr("Index recipe (JSON)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "INDICATORS", self.tr("Indicator fields in the table (default: the recipe's)"),
            parentLayerParameterName="INPUT", allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("District name field"), defaultValue="name", parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "KEY_FIELD", self.tr("District key field (also the page order)"), defaultValue="id",
            parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            "FILTER", self.tr("Only districts matching"), parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "TREND", self.tr("Trend charts where several years exist"), defaultValue=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "TREND_INDICATORS", self.tr("Trend chart indicators (';'-separated prefixes; default: all series "
                                        "found, at most 2)"), optional=True))
        add_texts(self)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "OVERLAY", self.tr("Overlay of higher-level boundaries (e.g. Bezirke)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PDF", self.tr("Atlas (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PROJECT", self.tr("QGIS project with the atlas layout (.qgz)"), self.tr("QGIS projects (*.qgz)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        layer = self.layer(parameters, "INPUT", context)
        overlay_src = self.layer(parameters, "OVERLAY", context, required=False)
        spec = self.text_spec(parameters, context, recipe)
        field = self.parameterAsString(parameters, "FIELD", context) or "status_class"
        # QGIS 3.22 rejects a missing field value even when it has a default, so these are optional
        name_field = self.parameterAsString(parameters, "NAME_FIELD", context) or "name"
        key_field = self.parameterAsString(parameters, "KEY_FIELD", context) or "id"
        columns = layer.fields().names()
        chosen = self.parameterAsStrings(parameters, "INDICATORS", context)
        if chosen:
            by_field = {i.field: i for i in indicators_from_recipe(recipe, columns)}
            indicators = [by_field.get(f, ProfileIndicator(f, layer.fields().field(f).alias() or f)) for f in chosen]
        else:
            indicators = indicators_from_recipe(recipe, columns)
        if not indicators:
            raise ExportError(tr("No indicator fields for the table: choose INDICATORS or give a recipe whose "
                                 "indicator fields are in the layer."))

        project = QgsProject()
        project.setCrs(layer.crs())
        result = project_layer(layer, field_label(recipe, field))
        rule = secrecy_rule(result, recipe)
        classes = map_classes_for(result, field, rule, recipe=recipe, feedback=feedback)
        apply_classes(result, classes, rule)
        project.addMapLayer(result)
        overlay = None
        if overlay_src is not None:
            overlay = project_layer(overlay_src, tr(DISTRICT_BOUNDARY))
            style_overlay(overlay)
            project.addMapLayer(overlay)

        coverage, page_of = coverage_layer(result, key_field or name_field)
        project.addMapLayer(coverage, False)
        frame = layer_to_dataframe(result, [i.field for i in indicators] +
                                   [f for f in rule.fields() if f not in [i.field for i in indicators]])
        pages = frame.index.to_series().map(page_of)
        rows = rows_layer(profile_rows(frame, pages, indicators, rule))
        project.addMapLayer(rows, False)
        class_fields = [(spec_.id + "_class", spec_.label or spec_.id) for spec_ in (recipe.indices if recipe else [])
                        if spec_.id + "_class" in columns]
        if not class_fields and field in columns:
            class_fields = [(field, field_label(recipe, field))]
        filter_expr = self.parameterAsExpression(parameters, "FILTER", context)
        if filter_expr and not QgsExpression(filter_expr).isValid():
            raise ExportError(tr("The filter expression is not valid: {expr}").format(expr=filter_expr))
        qgz = self.parameterAsFileOutput(parameters, "OUTPUT_PROJECT", context)
        # with a project the charts must outlive the export: they go next to the .qgz
        folder = (Path(qgz).with_name(Path(qgz).stem + "_trend") if qgz
                  else Path(tempfile.mkdtemp(prefix="sozialmonitor_trend_")))
        created, done = not folder.exists(), False
        try:
            box, texts = self._trend_charts(parameters, context, feedback, result, coverage, page_of, indicators,
                                            rule, name_field, folder)
            # with index_uncertainty fields: a rank-interval chart per page, in the room the trend charts leave
            ranks = write_rank_charts(result, field, recipe, page_of, rule, folder, box, len(indicators), feedback)
            if ranks is not None and box is None:
                box, texts = ranks.table_box, []
            layout = build_atlas_layout(project, result, overlay, coverage, rows, spec, name_field, key_field,
                                        class_fields, rule, filter_expr, trend_box=box, trend_folder=folder,
                                        trend_texts=texts)
            if ranks is not None:
                add_rank_picture(layout, folder, ranks, PAGE_FIELD, field_label(recipe, field))
            if feedback.isCanceled():
                return {}
            pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
            pages = layout.atlas().updateFeatures()  # count() is 0 until the atlas has read its features
            if pages == 0:
                raise ExportError(tr("No district matches the filter {expr}; the atlas would have no page.").format(
                    expr=filter_expr))
            feedback.setProgressText(tr("Exporting {n} pages…").format(n=pages))
            pages_written = export_atlas_pdf(layout, pdf, feedback=feedback)
            outputs = {"OUTPUT_PDF": pdf, "PAGES": pages_written}
            if qgz:
                outputs["OUTPUT_PROJECT"] = save_project(project, qgz)
            done = True
        finally:
            if not qgz or (created and not done):  # charts stay only beside a written project
                shutil.rmtree(folder, ignore_errors=True)
        return outputs

    def _trend_charts(self, parameters, context, feedback, result, coverage, page_of, indicators, rule, name_field,
                      folder):
        """Write the trend SVGs into ``folder``; (TrendBox, texts) for the layout, or (None, None): no charts."""
        if not self.parameterAsBool(parameters, "TREND", context):
            return None, None
        prefixes = [p.strip() for p in (self.parameterAsString(parameters, "TREND_INDICATORS", context) or "")
                    .split(";") if p.strip()]
        numeric = [f.name() for f in result.fields() if f.isNumeric()]
        found = detect_series(numeric)
        # without a choice, indicators of the table come first (in table order)
        in_table = [s for ind in indicators for s in found if ind.field in s.fields.values()]
        found = list({s.prefix: s for s in in_table + found}.values())
        series = select_series(found, prefixes, MAX_CHARTS)
        if not series:
            return None, None
        n_rows = len(indicators)
        box = trend_box(n_rows, len(series))
        if box is None:
            message = tr("No room for the trend charts below a table of {n} indicators; choose fewer "
                         "INDICATORS.").format(n=n_rows)
            if prefixes:
                raise ExportError(message)
            feedback.reportError(message + " " + tr("The pages are printed without charts."), False)
            return None, None
        feedback.pushInfo(tr("Trend charts: {names}").format(names=", ".join(
            f"{s.prefix} ({s.years[0]}–{s.years[-1]})" for s in series)))
        fields = [f for s in series for f in s.fields.values()]
        frame = layer_to_dataframe(result, list(dict.fromkeys(fields + [name_field] + rule.fields())))
        pages = frame.index.to_series().map(page_of)
        texts = write_trend_charts(frame, pages, frame[name_field], series, rule, folder, box, coverage, PAGE_FIELD,
                                   feedback=feedback)
        return box, texts
