"""sozialmonitor:committee_package — maps, atlas, Excel tables and methods annex in one run, in German."""
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorLayer,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.reports.methods_annex import methods_annex_html
from ...core.reports.workbook import workbook_note, workbook_sheets, write_workbook
from ...gis.io.layer_frame import layer_to_dataframe
from ...gis.printing.annex_pdf import html_to_pdf
from ...gis.style.renderers import secrecy_rule
from .map_parameters import MapAlgorithm

SUB_PARAMS = ["INPUT", "RECIPE", "TEMPLATE", "TEMPLATE_FILE", "TITLE", "SUBTITLE", "SOURCE", "AUTHOR", "DATE",
              "OVERLAY", "OVERLAY_NAME", "LABEL_FIELD", "LOGO", "DPI", "COLOURS", "METHOD", "CLASSES", "RAMP",
              "REVERSE", "BREAKS"]


class CommitteePackageAlgorithm(MapAlgorithm):
    NAME = "committee_package"
    DISPLAY = "Committee package (maps, atlas, tables, methods annex)"
    HELP = (
        "Writes everything a committee paper needs into OUTPUT_FOLDER, in German:\n"
        "karten/<nn>_<field>.pdf (+ karten_alle.pdf): one map per index, typology and (optionally) indicator;\n"
        "steckbriefe.pdf: one page per district; tabellen.xlsx: indicators, index and classes with units and "
        "sources ('.' for districts that are not evaluated); methodenanhang.pdf/.html: the method from the "
        "recipe (indicators, directions, weights, standardisation, thresholds, sources and dates)."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Result layer (districts with index)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFile(
            "RECIPE", self.tr("Index recipe (JSON): the methods annex is written from it"), extension="json"))
        self.add_layout_params()
        self.add_style_params()
        self.addParameter(QgsProcessingParameterBoolean(
            "INDICATOR_MAPS", self.tr("Also one map per indicator"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "ATLAS", self.tr("District atlas (Steckbriefe)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("District name field"), defaultValue="name", parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "KEY_FIELD", self.tr("District key field"), defaultValue="id", parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Package folder")))
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files written")))

    def _child(self, alg_id, params, context, feedback):
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        if alg is None:
            raise ExportError(tr("The algorithm {id} is not available.").format(id=alg_id))
        try:
            results, ok = alg.run(params, context, feedback)
        except QgsProcessingException as err:
            raise ExportError(str(err)) from None
        if not ok:
            raise ExportError(tr("{id} failed; see the log above.").format(id=alg_id))
        return results

    def side_outputs(self, parameters, context):
        """The files the package writes into OUTPUT_FOLDER itself (checked against the inputs before the run)."""
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        if not folder:
            return []
        names = ("karten_alle.pdf", "steckbriefe.pdf", "tabellen.xlsx", "methodenanhang.html", "methodenanhang.pdf")
        return [("OUTPUT_FOLDER", str(Path(folder) / name)) for name in names]

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        if recipe is None:
            raise ExportError(tr("The committee package needs the index recipe (RECIPE)."))
        layer = self.layer(parameters, "INPUT", context)
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        folder.mkdir(parents=True, exist_ok=True)
        common = {k: parameters[k] for k in SUB_PARAMS if k in parameters and parameters[k] is not None}
        # QGIS 3.22 rejects a missing field value even when it has a default, so these are optional
        name_field = self.parameterAsString(parameters, "NAME_FIELD", context) or "name"
        key_field = self.parameterAsString(parameters, "KEY_FIELD", context) or "id"
        files = []
        # the source line of the maps (SOURCE, e.g. with the geometry's licence) for every part
        source = self.parameterAsString(parameters, "SOURCE", context) or recipe.metadata.source or ""
        data_date = self.parameterAsString(parameters, "DATE", context) or recipe.metadata.data_date or ""

        feedback.setProgressText(tr("1/4 Maps"))
        fields = [s.id + "_class" for s in recipe.indices if s.classification is not None] + \
            [t.id for t in recipe.typologies]
        if self.parameterAsBool(parameters, "INDICATOR_MAPS", context):
            fields += [i.field for i in recipe.indicators]
        fields = [f for f in dict.fromkeys(fields) if f in layer.fields().names()]
        maps = self._child("sozialmonitor:batch_export", dict(
            common, FIELDS=fields, OUTPUT_FOLDER=str(folder / "karten"),
            OUTPUT_SINGLE_PDF=str(folder / "karten_alle.pdf")), context, feedback)
        files += maps["FILES"].splitlines()
        if feedback.isCanceled():
            return {}

        if self.parameterAsBool(parameters, "ATLAS", context):
            feedback.setProgressText(tr("2/4 District atlas"))
            class_field = fields[0] if fields else recipe.indices[0].id + "_class"
            atlas_params = {k: common[k] for k in ("INPUT", "RECIPE", "TITLE", "SOURCE", "AUTHOR", "DATE", "OVERLAY")
                            if k in common}
            atlas = self._child("sozialmonitor:export_atlas", dict(
                atlas_params, FIELD=class_field, NAME_FIELD=name_field, KEY_FIELD=key_field,
                OUTPUT_PDF=str(folder / "steckbriefe.pdf")), context, feedback)
            files.append(atlas["OUTPUT_PDF"])
        if feedback.isCanceled():
            return {}

        feedback.setProgressText(tr("3/4 Tables"))
        rule = secrecy_rule(layer, recipe)
        wanted = [key_field, name_field, recipe.metadata.population_field] + [i.field for i in recipe.indicators]
        for s in recipe.indices:
            wanted += [s.id + "_score", s.id + "_class"]
        wanted += [t.id for t in recipe.typologies] + rule.fields()
        names = layer.fields().names()
        frame = layer_to_dataframe(layer, [f for f in dict.fromkeys(wanted) if f and f in names])
        files.append(write_workbook(workbook_sheets(frame, recipe, rule, key_field, name_field, source=source,
                                                    data_date=data_date),
                                    folder / "tabellen.xlsx", note=workbook_note(source)))

        feedback.setProgressText(tr("4/4 Methods annex"))
        html = methods_annex_html(recipe, source=source, data_date=data_date)
        html_path = folder / "methodenanhang.html"
        tmp = html_path.with_suffix(".html.tmp")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(html_path)
        files += [str(html_path), html_to_pdf(html, folder / "methodenanhang.pdf", title="Methodenanhang")]
        return {"OUTPUT_FOLDER": str(folder), "FILES": "\n".join(files)}

