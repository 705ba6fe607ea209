"""Map styles for result layers: index classes, graduated indicators, secrecy hatches, labels, overlays.

Maps use a rule-based renderer so that "nicht bewertet" (secret, see core.secrecy) and
"keine Daten" are separate legend entries next to the classes, with the district count per entry.
The rule expressions mirror ``core.secrecy.district_states`` exactly, so the legend counts equal
what is drawn. A graduated map of a numeric field without either entry gets QGIS's graduated renderer
with the same classes (faster for 100,000+ districts). Colours are in core.palettes (data); class logic is in
core.map_classes.
"""
import logging
import sys

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.index.classify import compute_breaks
from ...core.maps.batch_names import year_group
from ...core.maps.classes import categorical_classes, class_spec_from_recipe, graduated_classes, map_edges
from ...core.maps.palettes import (
    NO_DATA,
    NOT_EVALUATED,
    preset_for_labels,
    ramp_colours,
    relative_luminance,
)
from ...core.maps.secrecy import SecrecyRule, state_expression
from ...core.maps.typology_grid import grid_for_field
from ...core.reports.district_profile import unit_symbol
from ..io.layer_frame import NUMERIC_TYPES, layer_to_dataframe
from .symbols import OUTLINE_WIDTH, fill_symbol, line_symbol, outline_symbol, vector_hatch_symbol

LOG = logging.getLogger(__name__)

#: classification methods offered for graduated maps (ids as in core.classify)
GRADUATED_METHODS = ["quantile", "jenks", "equal_interval", "sd", "manual"]
#: how class colours are chosen for index class fields
COLOUR_MODES = ["auto", "preset", "recipe"]


def quoted(name):
    return QgsExpression.quotedColumnRef(name)


def is_numeric(layer, field_name):
    idx = layer.fields().lookupField(field_name)
    if idx < 0:
        raise ExportError(tr("The layer '{layer}' has no field '{field}'. Available fields: {fields}.").format(
            layer=layer.name(), field=field_name, fields=", ".join(layer.fields().names())))
    return layer.fields().at(idx).type() in NUMERIC_TYPES


def maps_as_number(layer, values):
    """True for numeric fields and for text fields whose every non-empty value is a number
    (e.g. copied from a CSV): those get a graduated map, not hundreds of categories."""
    if is_numeric(layer, values.name):
        return True
    # Each distinct value once, a chunk at a time, stopping at the first text that is no number: a class field
    # of 100,000 districts has a handful of values, and no single pandas call holds Python's lock long enough
    # to freeze the panel (to_numeric over 100,000 labels took 0.15 s in one piece).
    distinct = pd.unique(values.dropna().to_numpy(dtype=object))
    found = False
    for start in range(0, len(distinct), NUMBER_CHECK_CHUNK):
        text = pd.Series(distinct[start:start + NUMBER_CHECK_CHUNK], dtype=object).astype(str).str.strip()
        text = text[text != ""]
        if len(text) and pd.to_numeric(text, errors="coerce").isna().any():
            return False
        found = found or bool(len(text))
    return found


#: distinct values checked at once by maps_as_number
NUMBER_CHECK_CHUNK = 5000


def secrecy_rule(layer, recipe=None, min_population=None, population_field=None):
    """The secrecy rule for ``layer``: recipe minimum population and the ``evaluated`` flag if present."""
    rule = SecrecyRule.from_recipe(recipe, layer.fields().names())
    if population_field and min_population is not None:
        if layer.fields().lookupField(population_field) < 0:
            raise ExportError(tr("The population field '{field}' is not in layer '{layer}'.").format(
                field=population_field, layer=layer.name()))
        rule.population_field, rule.min_population = population_field, float(min_population)
    return rule


def _ordered_in_lightness(colours):
    lum = [relative_luminance(c) for c in colours]
    return all(a > b for a, b in zip(lum, lum[1:]))


def class_colours(labels, recipe_colours, mode="auto", feedback=None):
    """Colours (best first) for index classes according to ``mode`` (see COLOUR_MODES).

    auto: the recipe's colours if they get darker from best to worst (so a greyscale copy keeps the
    order), otherwise the colour-blind safe preset, with a warning saying why.
    """
    preset = preset_for_labels(labels)
    preset_colours = None
    if preset is not None:
        preset_colours = [preset["colours"][preset["labels"].index(lab)] for lab in labels]
    if mode == "recipe" and recipe_colours:
        return recipe_colours
    if mode == "auto" and recipe_colours:
        if _ordered_in_lightness(recipe_colours) or preset_colours is None:
            return recipe_colours
        if feedback is not None:
            feedback.pushInfo(tr("The recipe's class colours {colours} do not get darker from '{best}' to "
                                 "'{worst}', so a greyscale copy would lose the order; using the colour-blind "
                                 "safe preset instead (choose 'recipe' colours to override).").format(
                                     colours=", ".join(recipe_colours), best=labels[0], worst=labels[-1]))
    if preset_colours is not None:
        return preset_colours
    return recipe_colours or ramp_colours("Oranges", len(labels))


def pooled_breaks(values, method, n, manual=None):
    """Ascending edges for a graduated map from the (pooled) ``values`` via core.classify.

    Computed breaks are rounded to the printed precision and clipped to the data range
    (core.map_classes.map_edges), so the map may get fewer than ``n`` classes (e.g. SD steps on a
    skewed indicator); manual breaks are used exactly as given.
    """
    import numpy as np

    vals = np.asarray(values, dtype="float64")
    vals = vals[~np.isnan(vals)]
    if vals.size == 0:
        raise ExportError(tr("There are no values to classify (all districts are secret or without data)."))
    if manual:
        method = "manual"  # given breaks always win: they keep maps of several years comparable
    elif method == "manual":
        raise ExportError(tr("Classification 'manual' needs breaks, e.g. BREAKS='5; 10; 15'."))
    inner = compute_breaks(vals, method, n=n, breaks=manual)
    return map_edges(vals, inner, given=method == "manual")


def build_renderer(map_classes, rule, numeric_field=False, outline=OUTLINE_WIDTH):
    """A QgsRuleBasedRenderer drawing ``map_classes`` plus the secret / no-data hatches (a graduated map without
    either: ``graduated_renderer``).

    Every rule is evaluated for every district, so the filters are kept short: a numeric field is compared
    as it is (NULL compares as false), a text field holding numbers through ``to_real``; the secrecy guard
    only where a rule exists. ``outline``: district outline width in mm (0: none; core/maps/outline.py).
    """
    secret = state_expression(rule)
    hatched = bool(secret and map_classes.not_evaluated) or bool(map_classes.no_data)
    if map_classes.kind == "graduated" and numeric_field and not hatched:
        return graduated_renderer(map_classes, outline)
    root = QgsRuleBasedRenderer.Rule(None)
    field = quoted(map_classes.field)
    number = field if numeric_field else f"to_real({field})"  # to_real: numbers stored as text
    for cls in map_classes.classes:
        if map_classes.kind == "categorical":
            parts = [f"{field} = {QgsExpression.quotedValue(cls.value)}"]
        else:
            parts = [] if numeric_field else [f"{number} IS NOT NULL"]
            if cls.lower is not None:
                parts.append(f"{number} > {cls.lower!r}")
            if cls.upper is not None:
                parts.append(f"{number} <= {cls.upper!r}")
            if not parts:  # a single class without bounds: every value
                parts.append(f"{number} IS NOT NULL")
        cond = " AND ".join(parts)
        condition = f"(NOT {secret}) AND ({cond})" if secret else cond
        root.appendChild(QgsRuleBasedRenderer.Rule(fill_symbol(cls.colour, width=outline), 0, 0,
                                                   condition, cls.legend))
    if secret and map_classes.not_evaluated:
        root.appendChild(QgsRuleBasedRenderer.Rule(
            vector_hatch_symbol(NOT_EVALUATED, width=outline), 0, 0, secret,
            map_classes.not_evaluated_legend))
    if map_classes.no_data:
        else_rule = QgsRuleBasedRenderer.Rule(vector_hatch_symbol(NO_DATA, width=outline), 0, 0, "ELSE",
                                              f"{map_classes.no_data_label} ({map_classes.no_data})")
        root.appendChild(else_rule)
    return QgsRuleBasedRenderer(root)


def graduated_renderer(map_classes, outline=OUTLINE_WIDTH):
    """QGIS's graduated renderer for a numeric field whose every district falls into a class (no secret, none
    without data): one range lookup per district instead of evaluating every rule's filter (a tenth of the
    PDF export at 100,000 districts). The ranges are the rules' classes: the first open below, the last open
    above, a value on a break in the lower class (QGIS takes the first range holding it)."""
    ranges = []
    for i, cls in enumerate(map_classes.classes):
        lower = -sys.float_info.max if i == 0 or cls.lower is None else cls.lower
        upper = sys.float_info.max if i == len(map_classes.classes) - 1 or cls.upper is None else cls.upper
        ranges.append(QgsRendererRange(lower, upper, fill_symbol(cls.colour, width=outline), cls.legend))
    return QgsGraduatedSymbolRenderer(map_classes.field, ranges)


def map_classes_for(layer, field_name, rule, recipe=None, colour_mode="auto", method="quantile", n=5,
                    ramp="Oranges", reverse=False, manual_breaks=None, pool_values=None, edges=None,
                    feedback=None, frame=None):
    """Classes of ``field_name``: categorical for text fields, graduated for numeric ones.

    ``pool_values`` (numbers) replaces the layer's own values when computing breaks, so several
    years or indicators share one set of breaks; ``edges`` (n + 1) fixes the breaks outright.
    ``frame``: the layer's attributes already read with ``layer_to_dataframe`` (must hold the field and
    the rule's fields), so that many maps of one layer read it once.
    """
    columns = [field_name] + [f for f in rule.fields() if f != field_name]
    frame = frame[columns].copy() if frame is not None else layer_to_dataframe(layer, columns)
    numeric = maps_as_number(layer, frame[field_name])
    if numeric:
        frame[field_name] = pd.to_numeric(frame[field_name], errors="coerce")
    else:
        labels, recipe_colours = class_spec_from_recipe(recipe, field_name)
        grid = None
        if labels is None:
            grid = grid_for_field(recipe, field_name, frame[field_name].dropna().astype(str).unique().tolist())
        if grid is not None:
            cells = grid.cells()
            classes = categorical_classes(frame, field_name, rule, labels=[c[0] for c in cells],
                                          colours=[c[2] for c in cells], recipe=recipe)
            classes.grid = grid
            return classes
        if labels is None:
            present = frame[field_name].dropna().astype(str).unique().tolist()
            preset = preset_for_labels(present)
            labels = list(preset["labels"]) if preset else None
        colours = class_colours(labels, recipe_colours, colour_mode, feedback) if labels else None
        return categorical_classes(frame, field_name, rule, labels=labels, colours=colours, recipe=recipe)
    from ...core.maps.secrecy import district_states

    states = district_states(frame, field_name, rule)
    unit = _unit_for(recipe, field_name)
    if edges is None:
        values = pool_values if pool_values is not None else frame[field_name][states == "class"].astype(float)
        edges = pooled_breaks(values, method, n, manual_breaks)
    colours = ramp_colours(ramp, len(edges) - 1, reverse)
    return graduated_classes(frame, field_name, rule, edges, colours, recipe=recipe, unit=unit)


def _unit_for(recipe, field_name):
    """The unit after the legend numbers: '%' or 'Pp.' (Prozentpunkte) for indicator fields, also for
    ``<indicator>_<year>``; other units are named in the legend heading only (map_document.field_label)."""
    if recipe is None:
        return ""
    for name in dict.fromkeys([field_name, year_group(field_name)]):
        for ind in recipe.indicators:
            if name in (ind.field, ind.id):
                symbol = unit_symbol(ind.unit)
                return symbol if symbol in ("%", "Pp.") else ""
    return ""


def apply_classes(layer, map_classes, rule, outline=OUTLINE_WIDTH):
    """Set the renderer of ``map_classes`` on ``layer`` (``outline``: district outline width in mm, 0: none)."""
    numeric = map_classes.kind != "categorical" and is_numeric(layer, map_classes.field)
    layer.setRenderer(build_renderer(map_classes, rule, numeric, outline))
    layer.triggerRepaint()


def apply_labels(layer, field_name, rule=None, size=6.0):
    """Small district labels (name or key) placed by PAL with collision avoidance.

    Numeric label fields are hidden ('.') for secret districts.
    """
    if layer.fields().lookupField(field_name) < 0:
        raise ExportError(tr("The label field '{field}' is not in layer '{layer}'.").format(
            field=field_name, layer=layer.name()))
    settings = QgsPalLayerSettings()
    secret = state_expression(rule) if rule is not None else None
    if is_numeric(layer, field_name) and secret:
        settings.fieldName = f"CASE WHEN {secret} THEN '.' ELSE format_number({quoted(field_name)}, 1) END"
        settings.isExpression = True
    else:
        settings.fieldName = field_name
    settings.placement = QgsPalLayerSettings.Placement.Horizontal
    settings.displayAll = False  # PAL drops labels that would collide
    if hasattr(settings, "fitInPolygonOnly"):
        settings.fitInPolygonOnly = True
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.5)
    buffer.setColor(QColor(255, 255, 255, 220))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_overlay(layer, width=0.6):
    """Heavier outline for higher-level boundaries (e.g. Bezirke); polygons get no fill."""
    from qgis.core import QgsSingleSymbolRenderer

    if layer.geometryType() == QgsWkbTypes.GeometryType.LineGeometry:
        symbol = line_symbol(width=width)
    elif layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
        symbol = outline_symbol(width=width)
    else:
        raise ExportError(tr("The overlay layer '{layer}' must contain lines or polygons.").format(
            layer=layer.name()))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
