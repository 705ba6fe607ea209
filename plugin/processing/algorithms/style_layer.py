"""sozialmonitor:style_layer — apply a map style (index classes or graduated) to a layer, optionally save it as .qml."""
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputString,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.outputs.atomic import atomic_path
from ...gis.style.renderers import apply_classes, apply_labels, map_classes_for, secrecy_rule
from .map_parameters import COLOUR_MODES, GRADUATED_METHODS, RAMP_NAMES, MapAlgorithm, parse_breaks


class StyleLayerAlgorithm(MapAlgorithm):
    NAME = "style_layer"
    DISPLAY = "Style result layer"
    HELP = (
        "Applies a Sozialmonitor map style to INPUT (in the current project when INPUT is a project layer): "
        "index classes with fixed colour-blind safe colours and the recipe's class labels, a status x dynamics "
        "typology, or a graduated map of a numeric field (quantiles, natural breaks, equal interval, SD, manual/fixed "
        "breaks; ColorBrewer ramps). Secret districts ('not evaluated') and districts without data are "
        "hatched; the legend shows the district count per class. The data are not changed.\n\n"
        "OUTPUT_STYLE (optional) saves the style as a QGIS .qml file."
    )

    def flags(self):
        # changes the renderer of a layer of the user's project: only on the main thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_input_params()
        self.addParameter(QgsProcessingParameterField(
            "LABEL_FIELD", self.tr("Label districts with (name or key)"), parentLayerParameterName="INPUT",
            optional=True))
        self.add_style_params()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_STYLE", self.tr("Style file (.qml)"), self.tr("QGIS layer style (*.qml)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputString("LEGEND", self.tr("Legend entries")))

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        layer = self.layer(parameters, "INPUT", context)
        field = self.parameterAsString(parameters, "FIELD", context)
        rule = secrecy_rule(layer, recipe)
        classes = map_classes_for(
            layer, field, rule, recipe=recipe,
            colour_mode=COLOUR_MODES[self.parameterAsEnum(parameters, "COLOURS", context)],
            method=GRADUATED_METHODS[self.parameterAsEnum(parameters, "METHOD", context)],
            n=self.parameterAsInt(parameters, "CLASSES", context),
            ramp=RAMP_NAMES[self.parameterAsEnum(parameters, "RAMP", context)],
            reverse=self.parameterAsBool(parameters, "REVERSE", context),
            manual_breaks=parse_breaks(self.parameterAsString(parameters, "BREAKS", context)),
            feedback=feedback)
        apply_classes(layer, classes, rule)
        label_field = self.parameterAsString(parameters, "LABEL_FIELD", context)
        if label_field:
            apply_labels(layer, label_field, rule)
        outputs = {"LEGEND": "\n".join(classes.legend_labels())}
        qml = self.parameterAsFileOutput(parameters, "OUTPUT_STYLE", context)
        if qml:
            with atomic_path(qml, create_folders=True) as tmp:
                message, ok = layer.saveNamedStyle(tmp)
                if not ok:
                    raise ExportError(tr("Could not write the style file {path}: {err}.").format(path=qml,
                                                                                                err=message))
            outputs["OUTPUT_STYLE"] = qml
        return outputs
