"""Shared parameters and plumbing of the map algorithms (export_map, style_layer, atlas, batch, package).

Unlike QGIS's own layout exports (which print the project's layouts), these algorithms build their own
project, layers and layouts, so they can run in a background task; see MapAlgorithm.
"""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.errors import ExportError
from ...core.i18n import tr, tr_noop
from ...core.maps.palettes import RAMP_NAMES
from ...core.recipe.load import Recipe
from ...gis.printing.layouts import TEMPLATE_KEYS, TEMPLATE_LABELS, check_picture, template_path
from ...gis.printing.map_document import DISTRICT_BOUNDARY, MapSpec, date_line
from ...gis.style.renderers import COLOUR_MODES, GRADUATED_METHODS
from ..algorithm import SozialmonitorAlgorithm

METHOD_LABELS = [tr_noop("Quantiles (equal counts)"), tr_noop("Natural breaks (Jenks)"), tr_noop("Equal interval"),
                 tr_noop("Standard deviation"), tr_noop("Manual breaks")]
COLOUR_LABELS = [tr_noop("Recipe colours if greyscale-ordered, else colour-blind safe preset"),
                 tr_noop("Colour-blind safe preset"), tr_noop("Recipe colours")]
TEXT_PARAMS = [("TITLE", tr_noop("Title")), ("SUBTITLE", tr_noop("Subtitle")),
               ("SOURCE", tr_noop("Data source line (default: recipe source)")),
               ("AUTHOR", tr_noop("Author / organisation")),
               ("DATE", tr_noop("Data date (default: recipe data date)"))]


def parse_breaks(text):
    """'1,5; 3; 4,5' or '1.5;3;4.5' -> [1.5, 3.0, 4.5] (semicolon-separated, German or English decimals)."""
    text = (text or "").strip()
    if not text:
        return None
    out = []
    for part in text.replace(" ", "").split(";"):
        if not part:
            continue
        try:
            out.append(float(part.replace(",", ".")))
        except ValueError:
            raise ExportError(tr("Cannot read the break '{part}' in '{text}'. Separate breaks with ';', "
                                 "e.g. 5; 10; 15,5.").format(part=part, text=text)) from None
    return out


def author_line(author):
    """'Bearbeitung: <author>' (in the UI language), or '' without an author."""
    return tr("Prepared by: {author}").format(author=author) if author else ""


def add_texts(alg):
    """Title, source, author and date parameters (shared by atlas and package)."""
    for key, label in TEXT_PARAMS:
        if key == "SUBTITLE":
            continue
        alg.addParameter(QgsProcessingParameterString(key, alg.tr(label), optional=True))


class MapAlgorithm(SozialmonitorAlgorithm):
    """Base of the map algorithms. They may run in a background task (the panel and the toolbox do that):
    each builds its own QgsProject, layers (opened again from the input's source, see
    gis/map_document.project_layer) and layouts, so no object of the user's project is rendered or
    changed off the main thread. Only style_layer, which restyles a project layer, needs the main thread."""

    GROUP_ID = "maps"

    # ---- parameter groups -------------------------------------------------------------
    def add_input_params(self):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Result layer (districts with index)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "FIELD", self.tr("Field to map (class or numeric field)"), parentLayerParameterName="INPUT"))
        self.addParameter(QgsProcessingParameterFile(
            "RECIPE", self.tr("Index recipe (JSON): class labels, colours, texts"), extension="json", optional=True))

    def add_style_params(self):
        params = [
            QgsProcessingParameterEnum("COLOURS", self.tr("Class colours"), [self.tr(t) for t in COLOUR_LABELS],
                                       defaultValue=0),
            QgsProcessingParameterEnum("METHOD", self.tr("Classification of numeric fields"),
                                       [self.tr(t) for t in METHOD_LABELS],
                                       defaultValue=0),
            QgsProcessingParameterNumber("CLASSES", self.tr("Number of classes (numeric fields)"),
                                         QgsProcessingParameterNumber.Type.Integer, 5, minValue=2, maxValue=9),
            QgsProcessingParameterEnum("RAMP", self.tr("Colour ramp (numeric fields)"), RAMP_NAMES,
                                       defaultValue=RAMP_NAMES.index("Oranges")),
            QgsProcessingParameterBoolean("REVERSE", self.tr("Reverse the colour ramp"), defaultValue=False),
            QgsProcessingParameterString("BREAKS", self.tr("Manual or fixed breaks, ';'-separated (e.g. 5; 10; 15)"),
                                         optional=True),
        ]
        for p in params:
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(p)

    def add_layout_params(self):
        self.addParameter(QgsProcessingParameterEnum(
            "TEMPLATE", self.tr("Layout template"), [self.tr(t) for t in TEMPLATE_LABELS], defaultValue=1))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE_FILE", self.tr("Own layout template (.qpt, same item ids; overrides TEMPLATE)"),
            extension="qpt", optional=True))
        for key, label in TEXT_PARAMS:
            self.addParameter(QgsProcessingParameterString(key, self.tr(label), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "OVERLAY", self.tr("Overlay of higher-level boundaries (e.g. Bezirke)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "OVERLAY_NAME", self.tr("Legend name of the overlay"), defaultValue=self.tr(DISTRICT_BOUNDARY),
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "LABEL_FIELD", self.tr("Label districts with (name or key)"), parentLayerParameterName="INPUT",
            optional=True))
        logo = QgsProcessingParameterFile("LOGO", self.tr("Logo (SVG or PNG)"), optional=True)
        logo.setFlags(logo.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(logo)
        self.addParameter(QgsProcessingParameterNumber(
            "DPI", self.tr("Resolution of PNG output (dpi)"), QgsProcessingParameterNumber.Type.Integer, 300,
            minValue=72, maxValue=1200))

    # ---- reading parameters -----------------------------------------------------------
    def recipe(self, parameters, context):
        path = self.parameterAsFile(parameters, "RECIPE", context)
        return Recipe.from_file(path) if path else None

    def template(self, parameters, context):
        own = self.parameterAsFile(parameters, "TEMPLATE_FILE", context)
        if own:
            if not Path(own).exists():
                raise ExportError(tr("The layout template {path} does not exist.").format(path=own))
            return own
        return str(template_path(TEMPLATE_KEYS[self.parameterAsEnum(parameters, "TEMPLATE", context)]))

    def layer(self, parameters, name, context, required=True):
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None and required:
            raise ExportError(tr("The layer given as {name} could not be opened.").format(name=name))
        return layer

    def text_spec(self, parameters, context, recipe):
        """A MapSpec with only the texts (title, source, date, author) filled."""
        meta = recipe.metadata if recipe is not None else None

        def text(key):
            return self.parameterAsString(parameters, key, context) or ""

        return MapSpec(field="", template="", title=text("TITLE") or (meta.title if meta else ""),
                       source=text("SOURCE") or (meta.source if meta else ""),
                       date=date_line(text("DATE") or (meta.data_date if meta else "")),
                       author=author_line(text("AUTHOR")))

    def map_spec(self, parameters, context, recipe, field_name=None):
        """A MapSpec from the map, style and layout parameters (texts default to the recipe)."""
        meta = recipe.metadata if recipe is not None else None

        def text(key):
            return self.parameterAsString(parameters, key, context) or ""

        data_date = text("DATE") or (meta.data_date if meta else "")
        logo = self.parameterAsFile(parameters, "LOGO", context) or ""
        check_picture(logo)
        return MapSpec(
            field=field_name or self.parameterAsString(parameters, "FIELD", context),
            template=self.template(parameters, context),
            title=text("TITLE") or (meta.title if meta else ""),
            subtitle=text("SUBTITLE"),
            source=text("SOURCE") or (meta.source if meta else ""),
            date=date_line(data_date),
            author=author_line(text("AUTHOR")),
            logo=logo,
            label_field=self.parameterAsString(parameters, "LABEL_FIELD", context) or "",
            overlay_name=text("OVERLAY_NAME") or tr(DISTRICT_BOUNDARY),
            colour_mode=COLOUR_MODES[self.parameterAsEnum(parameters, "COLOURS", context)],
            method=GRADUATED_METHODS[self.parameterAsEnum(parameters, "METHOD", context)],
            n_classes=self.parameterAsInt(parameters, "CLASSES", context),
            ramp=RAMP_NAMES[self.parameterAsEnum(parameters, "RAMP", context)],
            reverse=self.parameterAsBool(parameters, "REVERSE", context),
            manual_breaks=parse_breaks(text("BREAKS")),
        )
