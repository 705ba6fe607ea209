"""sozialmonitor:style_layer — apply a map style (index classes or graduated) to a layer, optionally save it as .qml."""
from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.index.output_fields import output_field_specs
from ...core.outputs.atomic import atomic_path
from ...gis.io.layer_frame import LayerSnapshot
from ...gis.style.renderers import apply_classes, apply_labels, map_classes_for, secrecy_rule
from ..staged_outputs import check_file_output
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
        "OUTPUT_STYLE (optional) saves the style as a QGIS .qml file. With a recipe, the result fields also get "
        "their plain-language aliases."
    )

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

    # The classes are computed in the background from a snapshot of the layer's attributes; the renderer,
    # labels and aliases are applied to the layer in postProcessAlgorithm, which Processing runs on the main
    # thread: a project layer is never touched from a worker thread.
    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._layer = self.layer(parameters, "INPUT", context)
        self._snapshot = LayerSnapshot(self._layer)
        self._style = None
        return super().prepareAlgorithm(parameters, context, feedback)

    def execute(self, parameters, context, feedback):
        recipe = self.recipe(parameters, context)
        field = self.parameterAsString(parameters, "FIELD", context)
        rule = secrecy_rule(self._snapshot, recipe)
        classes = map_classes_for(
            self._snapshot, field, rule, recipe=recipe,
            colour_mode=COLOUR_MODES[self.parameterAsEnum(parameters, "COLOURS", context)],
            method=GRADUATED_METHODS[self.parameterAsEnum(parameters, "METHOD", context)],
            n=self.parameterAsInt(parameters, "CLASSES", context),
            ramp=RAMP_NAMES[self.parameterAsEnum(parameters, "RAMP", context)],
            reverse=self.parameterAsBool(parameters, "REVERSE", context),
            manual_breaks=parse_breaks(self.parameterAsString(parameters, "BREAKS", context)),
            feedback=feedback)
        label_field = self.parameterAsString(parameters, "LABEL_FIELD", context)
        if label_field and self._snapshot.fields().lookupField(label_field) < 0:
            raise ExportError(tr("The label field '{field}' is not in layer '{layer}'.").format(
                field=label_field, layer=self._snapshot.name()))
        qml = self.parameterAsFileOutput(parameters, "OUTPUT_STYLE", context)
        if qml:
            check_file_output(qml)
        aliases = [(name, alias) for name, alias, _kind in output_field_specs(recipe)] if recipe else []
        self._style = (classes, rule, label_field, qml, aliases)
        outputs = {"LEGEND": "\n".join(classes.legend_labels())}
        if qml:
            outputs["OUTPUT_STYLE"] = qml
        return outputs

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        if self._style is None:
            return {}
        classes, rule, label_field, qml, aliases = self._style
        layer = self._layer
        apply_classes(layer, classes, rule)
        if label_field:
            apply_labels(layer, label_field, rule)
        fields = layer.fields()
        for name, alias in aliases:  # the recipe's plain-language names of the result fields
            idx = fields.lookupField(name)
            if idx >= 0 and alias:
                layer.setFieldAlias(idx, alias)
        if qml:
            with atomic_path(qml, create_folders=True) as tmp:
                message, ok = layer.saveNamedStyle(tmp)
                if not ok:
                    raise ExportError(tr("Could not write the style file {path}: {err}.").format(path=qml,
                                                                                                err=message))
        return {}
