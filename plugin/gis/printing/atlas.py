"""District atlas ("Steckbrief"): one A4 portrait page per district, exported as one multi-page PDF.

Each page: district name and key, a map zoomed to the district (highlighted, neighbours in their
class colours), a locator map of the whole city, the index classes, a table of the indicators
(value, city value, deviation, rank; "." for secret districts) and the footer lines.
The page layout is built in code; the atlas iterates a memory copy of the result layer that
carries a page number ``sm_page``, and the table reads a memory table of pre-formatted rows.
"""
import logging

import pandas as pd
from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QObject, Qt

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.maps.palettes import NO_DATA, NOT_EVALUATED
from ...core.maps.secrecy import state_expression
from ...core.outputs.atomic import atomic_path
from ...core.reports.district_profile import profile_notes
from ..compat import FieldType, set_legend_font
from ..io.layer_frame import layer_to_dataframe
from ..style.symbols import fill_symbol, outline_symbol
from .atlas_trend import LEFT, TABLE_HEIGHT, TABLE_TOP, WIDTH, add_trend_pictures
from .atlas_uncertainty import add_uncertainty_boxes
from .layouts import NORTH_ARROW, _zoom, nice_scalebar, padded_extent, set_picture, style_scalebar
from .template_builder import fit_label, font
from .typology_legend import _label

LOG = logging.getLogger(__name__)
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PAGE_FIELD = "sm_page"


def coverage_layer(result, sort_field):
    """Memory copy of ``result`` with ``sm_page`` = 1..N in the order of ``sort_field`` (then feature id)."""
    frame = layer_to_dataframe(result, [sort_field])
    order = frame.reset_index().sort_values([sort_field, "fid"], kind="stable")["fid"].tolist()
    page_of = {fid: i + 1 for i, fid in enumerate(order)}
    uri = "{}?crs={}".format("MultiPolygon", result.crs().authid())
    layer = QgsVectorLayer(uri, "atlas_coverage", "memory")
    fields = QgsFields(result.fields())
    fields.append(QgsField(PAGE_FIELD, FieldType.Int))
    layer.dataProvider().addAttributes(list(fields))
    layer.updateFields()
    feats = []
    for feature in result.getFeatures():
        out = QgsFeature(layer.fields())
        out.setGeometry(feature.geometry())
        out.setAttributes(list(feature.attributes()) + [page_of[feature.id()]])
        feats.append(out)
    layer.dataProvider().addFeatures(feats)
    return layer, page_of


def rows_layer(rows):
    """Attribute-only memory layer of the profile rows (all text but page/pos)."""
    layer = QgsVectorLayer("None", "steckbrief_rows", "memory")
    kinds = {"page": FieldType.Int, "pos": FieldType.Int}
    layer.dataProvider().addAttributes([QgsField(c, kinds.get(c, FieldType.String)) for c in rows.columns])
    layer.updateFields()
    feats = []
    for record in rows.itertuples(index=False):
        f = QgsFeature(layer.fields())
        f.setAttributes([int(v) if i < 2 else str(v) for i, v in enumerate(record)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def highlight_renderer():
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(outline_symbol("#d7301f", width=1.0), 0, 0,
                                               "$id = @atlas_featureid", tr("Area")))
    return QgsRuleBasedRenderer(root)


#: the locator map's outlines are simplified to this length on paper (mm): finer detail is invisible
#: at its scale but made every page carry the full-resolution city in vector (about 250 kB a page)
LOCATOR_DETAIL_MM = 0.15
LOCATOR_BOX = (137, 30, 61, 55)


def simplified_copy(layer, tolerance, name):
    """Memory copy of ``layer``'s geometries (no attributes) simplified to ``tolerance`` map units;
    a part that would vanish keeps its original geometry."""
    uri = "{}?crs={}".format("MultiPolygon" if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
                             else "MultiLineString", layer.crs().authid())
    copy = QgsVectorLayer(uri, name, "memory")
    feats = []
    for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        simple = geometry.simplify(tolerance)
        out = QgsFeature(copy.fields())
        out.setGeometry(simple if simple is not None and not simple.isEmpty() else geometry)
        feats.append(out)
    copy.dataProvider().addFeatures(feats)
    copy.updateExtents()
    return copy


def locator_layers(project, coverage, overlay):
    """Layers of the locator map, top first: the atlas district in red, the overlay boundaries and the
    grey city, the last two simplified for the locator's scale (LOCATOR_DETAIL_MM)."""
    extent = padded_extent(coverage.extent(), 0.04)
    tolerance = LOCATOR_DETAIL_MM * max(extent.width() / LOCATOR_BOX[2], extent.height() / LOCATOR_BOX[3])
    hit = coverage.clone()
    hit.setName(tr("Area"))
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(fill_symbol("#d7301f", outline="#d7301f", width=0.3), 0, 0,
                                               "$id = @atlas_featureid", tr("Area")))
    hit.setRenderer(QgsRuleBasedRenderer(root))
    city = simplified_copy(coverage, tolerance, tr("Surroundings"))
    # outline in the fill colour: hides the hairline seams between neighbours, no inner boundaries
    city.setRenderer(QgsSingleSymbolRenderer(fill_symbol("#e0e0e0", outline="#e0e0e0", width=0.1)))
    layers = [hit]
    if overlay is not None:
        bounds = simplified_copy(overlay, tolerance, overlay.name())
        bounds.setRenderer(overlay.renderer().clone())
        layers.append(bounds)
    else:
        city.setRenderer(QgsSingleSymbolRenderer(fill_symbol("#e0e0e0", outline="#bdbdbd", width=0.05)))
    layers.append(city)
    for layer in layers:
        project.addMapLayer(layer, False)
    return layers


#: longest segment of the atlas scale bar on paper (mm); two segments sit in the map's corner
ATLAS_SEGMENT_MM = 20.0


class AtlasScalebar(QObject):
    """Gives the atlas scale bar round segments in m or km for every page (layouts.nice_scalebar).

    QGIS' own "fit segment width" mode picks one significant digit (600 m, 1.200 m); the segment
    size must follow the scale of each page, so it is set whenever the atlas moves to a feature.
    Outside an export (a saved project opened in QGIS) the bar falls back to fitting its width.
    """

    def __init__(self, layout, scalebar, map_item):
        super().__init__(layout)
        self.scalebar, self.map_item = scalebar, map_item
        layout.atlas().featureChanged.connect(self.update)
        self.fit_width()

    def update(self, *_args):
        nice_scalebar(self.scalebar, self.map_item, ATLAS_SEGMENT_MM)

    def fit_width(self):
        self.scalebar.setNumberOfSegmentsLeft(0)
        self.scalebar.setNumberOfSegments(2)
        self.scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        self.scalebar.setUnitLabel("m")
        self.scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
        self.scalebar.setMinimumBarWidth(10)
        self.scalebar.setMaximumBarWidth(ATLAS_SEGMENT_MM)



def _map(layout, box, layers, crs):
    item = QgsLayoutItemMap(layout)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(box[0], box[1], MM))
    item.attemptResize(QgsLayoutSize(box[2], box[3], MM))
    item.setCrs(crs)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    return item


def _table(layout, rows, box):
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(rows)
    table.setDisplayOnlyVisibleFeatures(False)
    table.setFilterFeatures(True)
    table.setFeatureFilter(f'"page" = attribute(@atlas_feature, {QgsExpression.quotedValue(PAGE_FIELD)})')
    table.setMaximumNumberOfFeatures(200)
    columns = []
    for attr, heading, width in [("indicator", tr("Indicator"), 66), ("value", tr("Area"), 26),
                                 ("city", tr("City"), 26), ("deviation", tr("Deviation"), 30),
                                 ("rank", tr("Rank"), 28)]:
        col = QgsLayoutTableColumn(heading)
        col.setAttribute(attr)
        col.setWidth(width)
        if attr != "indicator":
            col.setHAlignment(Qt.AlignmentFlag.AlignRight)
        columns.append(col)
    table.setColumns(columns)
    header, content = QgsTextFormat(), QgsTextFormat()
    header.setFont(font(7.5, True))
    header.setSize(7.5)
    content.setFont(font(7.5))
    content.setSize(7.5)
    table.setHeaderTextFormat(header)
    table.setContentTextFormat(content)
    table.setGridStrokeWidth(0.1)
    table.setCellMargin(1.2)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(box[0], box[1], MM))
    frame.attemptResize(QgsLayoutSize(box[2], box[3], MM))
    table.addFrame(frame)
    layout.addMultiFrame(table)
    return table


def build_atlas_layout(project, result, overlay, coverage, rows, spec, name_field, key_field, class_fields, rule,
                       filter_expression="", trend_box=None, trend_folder=None, trend_texts=None):
    """The Steckbrief layout (A4 portrait) with its atlas configured on ``coverage``.

    ``filter_expression`` (QGIS expression) limits the pages, e.g. to one Bezirk; city values and
    ranks still refer to all districts. ``trend_box`` (atlas_trend.TrendBox), ``trend_folder`` and
    ``trend_texts`` (the SVGs and texts of atlas_trend.write_trend_charts) add the trend charts below
    a shortened table; without them the page is exactly the layout without charts.
    """
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Steckbriefe")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(210, 297, MM))
    crs = result.crs()

    highlight = coverage.clone()
    highlight.setName(tr("Highlight"))
    highlight.setRenderer(highlight_renderer())
    project.addMapLayer(highlight, False)

    top = [highlight] + ([overlay] if overlay is not None else []) + [result]
    title_expr = f"[% {QgsExpression.quotedColumnRef(name_field)} %]"
    if key_field:
        title_expr += f" ([% {QgsExpression.quotedColumnRef(key_field)} %])"
    title = _label(layout, title_expr, 12, 10, 150, 10, 16, bold=True)
    fit_label(title, page_titles(coverage, name_field, key_field))  # one size for all pages
    subtitle = _label(layout, tr("District profile · {title}").format(title=spec.title or ""), 12, 20, 150, 6, 9)
    fit_label(subtitle)
    main = _map(layout, (12, 30, 120, 120), top, crs)
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(0.25)
    locator = _map(layout, LOCATOR_BOX, locator_layers(project, coverage, overlay), crs)
    _zoom(locator, padded_extent(coverage.extent(), 0.04))
    _label(layout, tr("Location in the city"), 137, 86, 61, 5, 7)

    secret = state_expression(rule)
    y = 92
    for field, label in class_fields:
        value = "coalesce({}, {})".format(QgsExpression.quotedColumnRef(field),
                                          QgsExpression.quotedString(tr(NO_DATA["label"])))
        if secret:
            value = "CASE WHEN {} THEN {} ELSE {} END".format(
                secret, QgsExpression.quotedString(tr(NOT_EVALUATED["label"])), value)
        _label(layout, f"{label}:\n[% {value} %]", 137, y, 61, 10, 8.5, bold=False)
        y += 11
    legend = QgsLayoutItemLegend(layout)
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(137, y + 2, MM))
    node_root = legend.model().rootGroup()
    node_root.removeAllChildren()
    node = node_root.addLayer(result)
    node.setName(result.name())
    node.setUseLayerName(False)
    legend.setTitle("")
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    set_legend_font(legend, QgsLegendStyle.Style.Subgroup, font(7, True))
    set_legend_font(legend, QgsLegendStyle.Style.SymbolLabel, font(6.5))
    legend.updateLegend()
    add_uncertainty_boxes(layout, result.fields().names(), class_fields, secret)  # only with index_uncertainty fields
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setLinkedMap(main)
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(14, 141, MM))
    style_scalebar(scalebar)
    scalebar.setBackgroundEnabled(True)
    layout.sm_scalebar = AtlasScalebar(layout, scalebar, main)
    _label(layout, tr("Indicators"), 12, 157, 186, 6, 10, bold=True)
    table_height = trend_box.table_height if trend_box is not None else TABLE_HEIGHT
    _table(layout, rows, (LEFT, TABLE_TOP, WIDTH, table_height))
    if trend_box is not None:
        add_trend_pictures(layout, trend_folder, trend_box, PAGE_FIELD, trend_texts)
    _label(layout, "\n".join(profile_notes()), 12, 254, 186, 10, 6.5)
    fit_label(_label(layout, spec.source, 12, 266, 186, 9, 6.5))
    _label(layout, spec.date, 12, 278, 120, 5, 6.5)
    _label(layout, tr("Page {page} of {total}").format(page="[% @atlas_featurenumber %]",
                                                        total="[% @atlas_totalfeatures %]"), 150, 278, 48, 5, 6.5,
           align=Qt.AlignmentFlag.AlignRight)
    if spec.author:
        _label(layout, spec.author, 12, 284, 186, 5, 6.5)
    from qgis.core import QgsLayoutItemPicture

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(14, 32, MM))
    arrow.attemptResize(QgsLayoutSize(6, 10, MM))
    set_picture(layout, "north_arrow", str(NORTH_ARROW))

    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression(QgsExpression.quotedColumnRef(PAGE_FIELD))
    atlas.setPageNameExpression(QgsExpression.quotedColumnRef(name_field))
    if filter_expression:
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(filter_expression)
    project.layoutManager().addLayout(layout)
    return layout


def page_titles(coverage, name_field, key_field):
    """The page titles 'name (key)' of all features, to size the title font once for every page."""
    names = coverage.fields().names()
    fields = [f for f in (name_field, key_field) if f and f in names]
    frame = layer_to_dataframe(coverage, fields)
    names_ = frame[name_field].fillna("").astype(str) if name_field in frame else pd.Series("", index=frame.index)
    if key_field and key_field in frame:
        return (names_ + " (" + frame[key_field].fillna("").astype(str) + ")").tolist()
    return names_.tolist()


def export_atlas_pdf(layout, path, dpi=300, feedback=None):
    """All atlas pages into one PDF (atomic). Returns the number of pages."""
    atlas = layout.atlas()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    with atomic_path(path, create_folders=True) as tmp:
        result, error = QgsLayoutExporter.exportToPdf(atlas, tmp, settings, feedback)
        scalebar = getattr(layout, "sm_scalebar", None)
        if scalebar is not None:
            scalebar.fit_width()  # what a saved project shows outside an export
        if result != QgsLayoutExporter.ExportResult.Success:
            raise ExportError(tr("Could not write the atlas {path}: {err}.").format(path=path, err=error or result))
    return atlas.count()

