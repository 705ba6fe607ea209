"""The two-way (e.g. 4 x 3) legend of a status x dynamics map, drawn with layout shapes and labels.

The grid takes the top of the ``legend`` item's box; the ordinary legend moves below it and keeps
only "nicht bewertet", "keine Daten" and the overlay. Each cell shows its code and district count.
"""
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMapLayerLegendUtils,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.maps.palettes import relative_luminance
from ..compat import set_label_font
from ..style.symbols import fill_symbol
from .template_builder import font

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters


def _label(layout, text, x, y, w, h, size, bold=False, align=Qt.AlignmentFlag.AlignLeft, colour="#202020"):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    set_label_font(item, font(size, bold), QColor(colour))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    item.setMarginX(0.3)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))
    return item


def draw_grid(layout, map_classes, result_layer):
    """Draw ``map_classes.grid`` in the legend area; returns the added items (empty without legend)."""
    legend = layout.itemById("legend")
    grid = map_classes.grid
    if not isinstance(legend, QgsLayoutItemLegend) or grid is None:
        return []
    page = layout.pageCollection().page(0).pageSize()
    scale = max(1.0, min(page.width(), page.height()) / 210.0)
    pos, size = legend.positionWithUnits(), legend.sizeWithUnits()
    x0, y0, width = pos.x(), pos.y(), size.width()
    n_rows, n_cols = len(grid.row_labels), len(grid.col_labels)
    label_w = min(0.32 * width, 24 * scale)
    cell_w = min((width - label_w) / n_cols, 16 * scale)
    cell_h = 7.5 * scale
    items = []
    y = y0
    items.append(_label(layout, grid.title, x0, y, width, 5 * scale, 9 * scale, bold=True))
    y += 6 * scale
    items.append(_label(layout, grid.col_title + " →", x0 + label_w, y, cell_w * n_cols, 4 * scale, 7 * scale,
                        bold=True, align=Qt.AlignmentFlag.AlignHCenter))
    items.append(_label(layout, grid.row_title + " ↓", x0, y + 4 * scale, label_w, 4 * scale, 7 * scale, bold=True))
    y += 4 * scale
    for c, col_label in enumerate(grid.col_labels):
        items.append(_label(layout, col_label, x0 + label_w + c * cell_w, y, cell_w, 4 * scale, 6.5 * scale,
                            align=Qt.AlignmentFlag.AlignHCenter))
    y += 4.5 * scale
    for r, row_label in enumerate(grid.row_labels):
        items.append(_label(layout, row_label, x0, y + r * cell_h, label_w, cell_h, 6.5 * scale))
        for c in range(n_cols):
            code, colour = grid.codes[r][c], grid.colours[r][c]
            shape = QgsLayoutItemShape(layout)
            shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
            shape.setSymbol(fill_symbol(colour, outline="#ffffff", width=0.4))
            layout.addLayoutItem(shape)
            shape.attemptMove(QgsLayoutPoint(x0 + label_w + c * cell_w, y + r * cell_h, MM))
            shape.attemptResize(QgsLayoutSize(cell_w, cell_h, MM))
            items.append(shape)
            text_colour = "#ffffff" if relative_luminance(colour) < 0.18 else "#202020"
            items.append(_label(layout, f"{code}\n({map_classes.count_of(code)})",
                                x0 + label_w + c * cell_w, y + r * cell_h, cell_w, cell_h, 6 * scale,
                                align=Qt.AlignmentFlag.AlignHCenter, colour=text_colour))
    y += n_rows * cell_h + 3 * scale
    used = y - y0
    legend.attemptMove(QgsLayoutPoint(x0, y, MM))
    legend.attemptResize(QgsLayoutSize(width, max(10.0, size.height() - used), MM))
    legend.setTitle("")
    _keep_only_special_nodes(legend, result_layer, len(map_classes.classes))
    return items


def _keep_only_special_nodes(legend, layer, n_classes):
    """Hide the class entries of ``layer`` (the grid shows them); keep 'nicht bewertet' / 'keine Daten'."""
    root = legend.model().rootGroup()
    node = root.findLayer(layer.id())
    if node is None:
        return
    total = len(layer.renderer().rootRule().children())
    rest = list(range(n_classes, total))
    if not rest:
        root.removeChildNode(node)
        return
    QgsMapLayerLegendUtils.setLegendNodeOrder(node, rest)
    node.setName("")
    legend.model().refreshLayerLegend(node)
    legend.updateLegend()
