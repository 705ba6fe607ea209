"""sozialmonitor:batch_export — one map per index and indicator (and year) into a folder and/or one PDF."""
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.maps.batch_names import groups, map_file_name, year_of
from ...core.maps.secrecy import district_states
from ...gis.io.layer_frame import layer_to_dataframe
from ...gis.printing.layouts import export_layout
from ...gis.printing.map_document import build_map, field_label
from ...gis.printing.multi_pdf import layouts_to_pdf
from ...gis.style.renderers import maps_as_number, pooled_breaks, secrecy_rule
from .map_parameters import MapAlgorithm


def default_fields(recipe, layer):
    """Index classes, typologies, then indicator fields of the recipe that exist in ``layer``."""
    names = layer.fields().names()
    out = []
    if recipe is not None:
        out += [s.id + "_class" for s in recipe.indices if s.classification is not None]
        out += [t.id for t in recipe.typologies]
        out += [i.field for i in recipe.indicators]
    return [f for f in dict.fromkeys(out) if f in names]


def pooled_edges(layer, fields, rule, method, n, manual):
    """{field: edges} with one set of breaks per year group of numeric fields (pooled values)."""
    frame = layer_to_dataframe(layer, list(dict.fromkeys(fields + rule.fields())))
    numeric = [f for f in fields if maps_as_number(layer, frame[f])]
    if not numeric:
        return {}
    edges = {}
    for members in groups(numeric).values():
        values = pd.concat([pd.to_numeric(frame[f], errors="coerce")[district_states(frame, f, rule) == "class"]
                            for f in members])
        shared = pooled_breaks(values.astype(float).to_numpy(), method, n, manual)
        for f in members:
            edges[f] = shared
    return edges


class BatchExportAlgorithm(MapAlgorithm):
    NAME = "batch_export"
    DISPLAY = "Batch export maps"
    HELP = (
        "Exports one map per field (default: every index class, typology and indicator of the recipe) into "
        "OUTPUT_FOLDER as <nn>_<field>.pdf (and .png), and/or all maps into one PDF (OUTPUT_SINGLE_PDF).\n\n"
        "Fields that differ only by a year (S1_2019, S1_2021) share class breaks computed once on their pooled "
        "values (POOL_YEARS), so maps of different years are comparable. Titles: '<TITLE>: <field label>'."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_input_params()
        self.removeParameter("FIELD")
        self.addParameter(QgsProcessingParameterField(
            "FIELDS", self.tr("Fields to map (default: indices, typologies and indicators of the recipe)"),
            parentLayerParameterName="INPUT", allowMultiple=True, optional=True))
        self.add_layout_params()
        self.add_style_params()
        self.addParameter(QgsProcessingParameterBoolean(
            "POOL_YEARS", self.tr("Same breaks for the years of one indicator (pooled)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "PNG", self.tr("Also write a PNG per map"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the maps"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_SINGLE_PDF", self.tr("All maps in one PDF"), self.tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("MAPS", self.tr("Number of maps")))
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files written")))

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        layer = self.layer(parameters, "INPUT", context)
        overlay = self.layer(parameters, "OVERLAY", context, required=False)
        fields = self.parameterAsStrings(parameters, "FIELDS", context) or default_fields(recipe, layer)
        if not fields:
            raise ExportError(tr("No fields to map: choose FIELDS or give a recipe whose fields are in the layer."))
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        single = self.parameterAsFileOutput(parameters, "OUTPUT_SINGLE_PDF", context)
        if not folder and not single:
            raise ExportError(tr("Choose an output folder or a single PDF."))
        base = self.map_spec(parameters, context, recipe, field_name=fields[0])
        edges = {}
        if self.parameterAsBool(parameters, "POOL_YEARS", context):
            edges = pooled_edges(layer, fields, secrecy_rule(layer, recipe), base.method, base.n_classes,
                                 base.manual_breaks)
        dpi = self.parameterAsInt(parameters, "DPI", context)
        png = self.parameterAsBool(parameters, "PNG", context)
        user_title = self.parameterAsString(parameters, "TITLE", context)
        layouts, written, keep = [], [], []
        for pos, field in enumerate(fields, start=1):
            if feedback.isCanceled():
                return {}
            feedback.setProgressText(tr("Map {i} of {n}: {field}").format(i=pos, n=len(fields), field=field))
            spec = self.map_spec(parameters, context, recipe, field_name=field)
            label = field_label(recipe, field)
            year = year_of(field)
            title = f"{user_title}: {label}" if user_title else label
            spec.title = title + (f" {year}" if year and year not in title else "")
            spec.edges = edges.get(field)
            spec.layout_name = f"{pos:02d} {label}"
            project, layout, _classes = build_map(layer, spec, recipe, overlay, feedback)
            keep.append(project)  # the layout lives as long as its project
            layouts.append(layout)
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)
                pdf = str(Path(folder) / map_file_name(pos, field))
                out = export_layout(layout, pdf=pdf, png=pdf[:-4] + ".png" if png else None, dpi=dpi)
                written += list(out.values())
            feedback.setProgress(90.0 * pos / len(fields))
        outputs = {"MAPS": len(layouts)}
        if folder:
            outputs["OUTPUT_FOLDER"] = folder
        if single:
            layouts_to_pdf(layouts, single, dpi=dpi, feedback=None)
            written.append(single)
            outputs["OUTPUT_SINGLE_PDF"] = single
        outputs["FILES"] = "\n".join(written)
        return outputs
