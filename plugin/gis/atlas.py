"""District atlas ("Steckbrief"): one A4 portrait page per district, exported as one multi-page PDF.

Each page: district name and key, a map zoomed to the district (highlighted, neighbours in their
class colours), a locator map of the whole city, the index classes, a table of the indicators
(value, city value, deviation, rank; "." for secret districts) and the footer lines.
The page layout is built in code; the atlas iterates a memory copy of the result layer that
carries a page number ``sm_page``, and the table reads a memory table of pre-formatted rows.
"""
import logging

from qgis.core import (
    QgsExpression,
    QgsFeature,
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
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QVariant

from ..core.district_profile import profile_notes
from ..core.errors import ExportError
from ..core.files import atomic_path
from ..core.i18n import tr
from ..core.secrecy import state_expression
from .atlas_trend import LEFT, TABLE_HEIGHT, TABLE_TOP, WIDTH, add_trend_pictures
from .layer_io import layer_to_dataframe
from .layouts import NORTH_ARROW, _zoom, padded_extent, set_picture
from .symbols import fill_symbol, outline_symbol
from .template_builder import font
from .typology_legend import _label

LOG = logging.getLogger(__name__)
MM = QgsUnitTypes.LayoutMillimeters
PAGE_FIELD = "sm_page"


def coverage_layer(result, sort_field):
    """Memory copy of ``result`` with ``sm_page`` = 1..N in the order of ``sort_field`` (then feature id)."""
    frame = layer_to_dataframe(result, [sort_field])
    order = frame.reset_index().sort_values([sort_field, "fid"], kind="stable")["fid"].tolist()
    page_of = {fid: i + 1 for i, fid in enumerate(order)}
    uri = "{}?crs={}".format("MultiPolygon", result.crs().authid())
    layer = QgsVectorLayer(uri, "atlas_coverage", "memory")
    fields = QgsFields(result.fields())
    fields.append(QgsField(PAGE_FIELD, QVariant.Int))
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
    kinds = {"page": QVariant.Int, "pos": QVariant.Int}
    layer.dataProvider().addAttributes([QgsField(c, kinds.get(c, QVariant.String)) for c in rows.columns])
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
                                               "$id = @atlas_featureid", "Gebiet"))
    return QgsRuleBasedRenderer(root)


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
    table.setFeatureFilter('"page" = attribute(@atlas_feature, {})'.format(QgsExpression.quotedValue(PAGE_FIELD)))
    table.setMaximumNumberOfFeatures(200)
    columns = []
    for attr, heading, width in [("indicator", "Indikator", 66), ("value", "Gebiet", 26), ("city", "Stadt", 26),
                                 ("deviation", "Abweichung", 30), ("rank", "Rang", 28)]:
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
    highlight.setName("Hervorhebung")
    highlight.setRenderer(highlight_renderer())
    project.addMapLayer(highlight, False)
    context = coverage.clone()
    context.setName("Umgebung")
    context.setRenderer(QgsSingleSymbolRenderer(fill_symbol("#e0e0e0", outline="#9e9e9e", width=0.1)))
    project.addMapLayer(context, False)
    locator_hit = coverage.clone()
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(fill_symbol("#d7301f", outline="#d7301f", width=0.3), 0, 0,
                                               "$id = @atlas_featureid", "Gebiet"))
    locator_hit.setRenderer(QgsRuleBasedRenderer(root))
    project.addMapLayer(locator_hit, False)

    top = [highlight] + ([overlay] if overlay is not None else []) + [result]
    title_expr = "[% {} %]".format(QgsExpression.quotedColumnRef(name_field))
    if key_field:
        title_expr += " ([% {} %])".format(QgsExpression.quotedColumnRef(key_field))
    _label(layout, title_expr, 12, 10, 150, 10, 16, bold=True)
    _label(layout, "Gebietssteckbrief · " + (spec.title or ""), 12, 20, 150, 6, 9)
    main = _map(layout, (12, 30, 120, 120), top, crs)
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main.setAtlasMargin(0.25)
    locator = _map(layout, (137, 30, 61, 55), [locator_hit] + ([overlay] if overlay is not None else [])
                   + [context], crs)
    _zoom(locator, padded_extent(coverage.extent(), 0.04))
    _label(layout, "Lage im Stadtgebiet", 137, 86, 61, 5, 7)

    secret = state_expression(rule)
    y = 92
    for field, label in class_fields:
        value = "coalesce({}, 'keine Daten')".format(QgsExpression.quotedColumnRef(field))
        if secret:
            value = "CASE WHEN {} THEN 'nicht bewertet' ELSE {} END".format(secret, value)
        _label(layout, "{}:\n[% {} %]".format(label, value), 137, y, 61, 10, 8.5, bold=False)
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
    legend.setStyleFont(QgsLegendStyle.Subgroup, font(7, True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, font(6.5))
    legend.updateLegend()
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(14, 141, MM))
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnits(QgsUnitTypes.DistanceMeters)
    scalebar.setUnitLabel("m")
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setNumberOfSegments(2)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(15)
    scalebar.setMaximumBarWidth(35)
    scalebar.setHeight(1.5)
    scalebar.setBackgroundEnabled(True)
    text_format = QgsTextFormat()
    text_format.setFont(font(6.5))
    text_format.setSize(6.5)
    scalebar.setTextFormat(text_format)
    _label(layout, "Indikatoren", 12, 157, 186, 6, 10, bold=True)
    table_height = trend_box.table_height if trend_box is not None else TABLE_HEIGHT
    _table(layout, rows, (LEFT, TABLE_TOP, WIDTH, table_height))
    if trend_box is not None:
        add_trend_pictures(layout, trend_folder, trend_box, PAGE_FIELD, trend_texts)
    _label(layout, "\n".join(profile_notes()), 12, 254, 186, 10, 6.5)
    _label(layout, spec.source, 12, 266, 186, 9, 6.5)
    _label(layout, spec.date, 12, 278, 120, 5, 6.5)
    _label(layout, "Seite [% @atlas_featurenumber %] von [% @atlas_totalfeatures %]", 150, 278, 48, 5, 6.5,
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


def export_atlas_pdf(layout, path, dpi=300, feedback=None):
    """All atlas pages into one PDF (atomic). Returns the number of pages."""
    atlas = layout.atlas()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    with atomic_path(path, create_folders=True) as tmp:
        result, error = QgsLayoutExporter.exportToPdf(atlas, tmp, settings, feedback)
        if result != QgsLayoutExporter.Success:
            raise ExportError(tr("Could not write the atlas {path}: {err}.").format(path=path, err=error or result))
    return atlas.count()

