"""sozialmonitor:export_map — a committee-ready map of one field as PDF, PNG, SVG and .qgz."""
from qgis.core import QgsProcessingOutputString, QgsProcessingParameterFileDestination

from ...core.i18n import tr
from ...core.outputs.atomic import check_writable
from ...gis.printing.layouts import export_layout, save_project
from ...gis.printing.map_document import build_map
from .map_parameters import MapAlgorithm


class ExportMapAlgorithm(MapAlgorithm):
    NAME = "export_map"
    DISPLAY = "Export committee map"
    HELP = (
        "Prints one field of a result layer (an index class such as status_class, a typology or any numeric "
        "indicator) into a print layout with title, subtitle, legend with district counts, scale bar, north "
        "arrow, overview map, data source and date line, author and logo, and exports it.\n\n"
        "Index classes get fixed colour-blind safe colours that keep their order in greyscale; numeric fields "
        "are classified (quantiles, natural breaks, equal interval, SD or manual/fixed breaks) with a "
        "ColorBrewer ramp. Districts that are not evaluated (recipe minimum population, evaluated = 0) are "
        "hatched and never shown as values; districts without data get their own hatch.\n\n"
        "Templates: A4 portrait, A4 landscape, A3 landscape, or your own .qpt with the item ids title, "
        "subtitle, map, overview, legend, scalebar, north_arrow, source, date, author, logo (only 'map' is "
        "required). OUTPUT_PROJECT saves a .qgz with the styled layers, the layout and the recipe."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_input_params()
        self.add_layout_params()
        self.add_style_params()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PDF", self.tr("Map (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PNG", self.tr("Map (PNG)"), self.tr("PNG images (*.png)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_SVG", self.tr("Map (SVG)"), self.tr("SVG files (*.svg)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PROJECT", self.tr("QGIS project with styled layer and layout (.qgz)"),
            self.tr("QGIS projects (*.qgz)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString("LEGEND", self.tr("Legend entries")))

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        layer = self.layer(parameters, "INPUT", context)
        overlay = self.layer(parameters, "OVERLAY", context, required=False)
        spec = self.map_spec(parameters, context, recipe)
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
        png = self.parameterAsFileOutput(parameters, "OUTPUT_PNG", context)
        svg = self.parameterAsFileOutput(parameters, "OUTPUT_SVG", context)
        qgz = self.parameterAsFileOutput(parameters, "OUTPUT_PROJECT", context)
        # before any work: a project that cannot be saved must not leave the PDF behind
        for path in (pdf, png, svg, qgz):
            check_writable(path, create_folders=True)
        feedback.setProgressText(tr("Styling {field}…").format(field=spec.field))
        project, layout, classes = build_map(layer, spec, recipe, overlay, feedback)
        feedback.setProgress(20)
        for line in classes.legend_labels():
            feedback.pushInfo("  " + line)
        if feedback.isCanceled():
            return {}
        outputs = {}
        dpi = self.parameterAsInt(parameters, "DPI", context)
        feedback.setProgressText(tr("Exporting the layout…"))
        written = export_layout(layout, pdf=pdf, png=png, svg=svg, dpi=dpi, feedback=feedback)
        feedback.setProgress(90)
        for key, path in written.items():
            outputs["OUTPUT_" + key.upper()] = path
        if qgz:
            outputs["OUTPUT_PROJECT"] = save_project(project, qgz)
        outputs["LEGEND"] = "\n".join(classes.legend_labels())
        feedback.setProgress(100)
        return outputs
