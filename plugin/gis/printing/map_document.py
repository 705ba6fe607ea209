"""One map, start to finish: a fresh project with the styled layer(s) and a filled print layout.

``build_map`` is shared by export_map, batch_export and committee_package. It never touches the
user's current project: it builds its own QgsProject, which can then be exported and saved as
.qgz (the layer is referenced by its source, the recipe is stored in the project).
"""
import datetime
import logging
from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsLayoutMeasurement,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)

from ...core.errors import ExportError
from ...core.i18n import tr, tr_noop
from ...core.maps.batch_names import year_group, year_of
from ...core.maps.outline import district_outline_mm
from ..style.renderers import apply_classes, apply_labels, map_classes_for, secrecy_rule, style_overlay
from ..style.symbols import fill_symbol
from .layouts import (
    NORTH_ARROW,
    display_crs,
    load_layout,
    missing_items,
    set_picture,
    set_text,
    setup_legend,
    setup_maps,
    transform_extent,
)
from .template_builder import fit_label
from .typology_legend import draw_grid

LOG = logging.getLogger(__name__)
PROJECT_SCOPE = "sozialmonitor"


DISTRICT_BOUNDARY = tr_noop("District boundary")  # legend name of the overlay (German: Bezirksgrenze)

@dataclass
class MapSpec:
    """Everything a map needs besides the layers. Texts may be empty (then the item is hidden)."""

    field: str
    template: str  # path of the .qpt
    title: str = ""
    subtitle: str = ""
    source: str = ""
    date: str = ""
    author: str = ""
    logo: str = ""
    legend_title: str = ""
    label_field: str = ""
    overlay_name: str = field(default_factory=lambda: tr(DISTRICT_BOUNDARY))
    colour_mode: str = "auto"
    method: str = "quantile"
    n_classes: int = 5
    ramp: str = "Oranges"
    reverse: bool = False
    manual_breaks: Optional[list[float]] = None
    edges: Optional[list[float]] = None
    pool_values: Optional[list] = None
    layout_name: str = ""
    extra: dict = field(default_factory=dict)


def german_date(text):
    """'2018-12-31' -> '31.12.2018'; other text unchanged."""
    try:
        return datetime.date.fromisoformat(str(text)).strftime("%d.%m.%Y")
    except ValueError:
        return str(text)


def date_line(data_date):
    today = datetime.date.today().strftime("%d.%m.%Y")
    if data_date:
        return tr("Data as of {date} · map created on {today}").format(date=german_date(data_date), today=today)
    return tr("Map created on {today}").format(today=today)


def recipe_indicator(recipe, field_name):
    """(indicator, year) of the recipe for ``field_name``: its field or id, or ``<field or id>_<year>``
    as join_table FORMAT=long writes several years (S4_2019 -> (S4, '2019')); (None, None) if none."""
    if recipe is None:
        return None, None
    candidates = [(field_name, None)]
    year = year_of(field_name)
    if year:
        candidates.append((year_group(field_name), year))
    for name, year in candidates:
        for ind in recipe.indicators:
            if name in (ind.field, ind.id):
                return ind, year
    return None, None


def field_label(recipe, field_name, alias=""):
    """Plain-language name of a mapped field from the recipe (index or indicator label), with the
    indicator's unit and, for a field of one year, the year: 'Kinderarmut 2019 (%)'."""
    if recipe is not None:
        for spec in recipe.indices:
            if field_name in (spec.id + "_class", spec.id + "_score", spec.id + "_class_no"):
                label = spec.label or spec.id
                if field_name.endswith("_score"):
                    return tr("{label} (score)").format(label=label)
                if field_name.endswith("_class_no"):
                    return tr("{label} (class number)").format(label=label)
                return label
        for typ in recipe.typologies:
            if field_name in (typ.id, typ.id + "_label"):
                return typ.label or typ.id
        ind, year = recipe_indicator(recipe, field_name)
        if ind is not None:
            label = (ind.label or ind.id) + (f" {year}" if year else "")
            return label + (f" ({ind.unit})" if ind.unit else "")
    return alias or field_name


TEXT_ITEMS = ("title", "subtitle", "source", "date", "author")


def fit_texts(layout, feedback=None):
    """Shrink the fonts of the text items until their texts fit their boxes (template_builder.fit_label),
    so a long title never overlaps the subtitle; a text too long even at the smallest size is reported."""
    for item_id in TEXT_ITEMS:
        item = layout.itemById(item_id)
        if item is None or not item.isVisible() or fit_label(item):
            continue
        if feedback is not None:
            feedback.reportError(tr("The text of '{item}' is too long for its box in the layout template even at "
                                    "the smallest font size; shorten it: {text}").format(
                                        item=item_id, text=item.currentText()), False)


def project_layer(layer, name):
    """A layer for a new project that reads the same data as ``layer`` (memory layers are copied)."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    if not copy.isValid():
        raise ExportError(tr("Cannot open the layer {src} again for the map.").format(src=layer.source()))
    copy.setName(name)
    return copy


#: without an overlay the overview repeats the main map's area with the same districts in grey; above this many
#: districts it is left out: drawing them into the PDF took as long as the main map (about 1 s a 100,000)
OVERVIEW_MAX_DISTRICTS = 20000


def map_area_mm2(layout):
    """Area of the layout's main map item on paper (mm²)."""
    size = layout.convertToLayoutUnits(layout.itemById("map").sizeWithUnits())
    millimetres = layout.renderContext().measurementConverter().convert(
        QgsLayoutMeasurement(1.0, layout.units()), QgsUnitTypes.LayoutUnit.LayoutMillimeters).length()
    return size.width() * size.height() * millimetres ** 2


def hide_overview(layout, n_districts, feedback=None):
    """Leave the overview item out (OVERVIEW_MAX_DISTRICTS)."""
    overview = layout.itemById("overview")
    if overview is None or not overview.isVisible():
        return
    overview.setVisibility(False)
    if feedback is not None:
        feedback.pushInfo(tr("The overview map is left out: without an overlay layer it would repeat the whole "
                             "map with its {n} districts.").format(n=n_districts))


def build_map(layer, spec, recipe=None, overlay=None, feedback=None, project=None):
    """(project, layout, map_classes) for ``layer`` styled by ``spec.field``.

    District outlines are drawn only where districts are large enough on paper (core/maps/outline.py)."""
    project = project or QgsProject()
    crs = display_crs(layer.crs(), layer.extent())
    if crs != layer.crs() and feedback is not None:
        feedback.pushInfo(tr("The layer {name} has geographic coordinates ({src}); the map is drawn in {dst} "
                             "so that distances and the scale bar are true.").format(
            name=layer.name(), src=layer.crs().authid(), dst=crs.authid()))
    project.setCrs(crs)
    alias = layer.fields().field(spec.field).alias() if layer.fields().lookupField(spec.field) >= 0 else ""
    legend_title = spec.legend_title or field_label(recipe, spec.field, alias)
    result = project_layer(layer, legend_title)
    rule = secrecy_rule(result, recipe)
    classes = map_classes_for(result, spec.field, rule, recipe=recipe, colour_mode=spec.colour_mode,
                              method=spec.method, n=spec.n_classes, ramp=spec.ramp, reverse=spec.reverse,
                              manual_breaks=spec.manual_breaks, pool_values=spec.pool_values, edges=spec.edges,
                              feedback=feedback)
    if spec.label_field:
        apply_labels(result, spec.label_field, rule)
    project.addMapLayer(result)
    layers = [result]
    legend_entries = [(result, legend_title)]
    # the overview gets its own unlabelled grey copy, so it reads as context, not as a second map
    many = overlay is None and result.featureCount() > OVERVIEW_MAX_DISTRICTS
    context = project_layer(overlay if overlay is not None else layer, "overview_context")
    context.setRenderer(QgsSingleSymbolRenderer(fill_symbol("#e0e0e0", outline="#737373", width=0.15)))
    project.addMapLayer(context, False)
    overview_extent = QgsRectangle(result.extent())
    if overlay is not None:
        over = project_layer(overlay, spec.overlay_name or overlay.name())
        style_overlay(over)
        project.addMapLayer(over)
        layers = [over, result]
        legend_entries.append((over, spec.overlay_name or overlay.name()))
        overview_extent.combineExtentWith(over.extent())
    layout = load_layout(project, spec.template, spec.layout_name or legend_title)
    apply_classes(result, classes, rule, district_outline_mm(result.featureCount(), map_area_mm2(layout)))
    if many:
        hide_overview(layout, result.featureCount(), feedback)
    missing = [i for i in missing_items(layout) if i != "map"]
    if missing and feedback is not None:
        feedback.pushInfo(tr("The layout template has no item(s) {ids}; they are left out.").format(
            ids=", ".join(missing)))
    setup_maps(layout, layers, transform_extent(result.extent(), result.crs(), crs), crs, [context],
               transform_extent(overview_extent, result.crs(), crs))
    setup_legend(layout, legend_entries, title=tr("Legend"))
    if classes.grid is not None:
        draw_grid(layout, classes, result)
    set_text(layout, "title", spec.title)
    set_text(layout, "subtitle", spec.subtitle)
    set_text(layout, "source", spec.source)
    set_text(layout, "date", spec.date)
    set_text(layout, "author", spec.author)
    fit_texts(layout, feedback)
    set_picture(layout, "north_arrow", str(NORTH_ARROW))
    set_picture(layout, "logo", spec.logo)
    if recipe is not None:
        project.writeEntry(PROJECT_SCOPE, "recipe", recipe.to_json())
    project.writeEntry(PROJECT_SCOPE, "map_field", spec.field)
    return project, layout, classes
