"""Builds the shipped print layout templates (resources/templates/*.qpt) from a table of positions.

The .qpt files are generated, not hand-edited: change ``SPECS`` and run
``.venv/bin/python -m sozialmonitor.plugin.gis.printing.template_builder`` (see resources/templates/README.md);
tests/qgis/test_layouts.py checks the shipped files against this table.

Every template has these item ids (a corporate template must use the same ids; only ``map`` is
required, missing optional items are reported and skipped):

  title, subtitle, map, overview, legend, scalebar, north_arrow, source, date, author, logo

Positions are (x, y, width, height) in mm from the top left of the page; font sizes in points.
"""
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...resources import RESOURCES
from ..compat import label_font, set_label_font

ITEM_IDS = ["title", "subtitle", "map", "overview", "legend", "scalebar", "north_arrow", "source", "date",
            "author", "logo"]
FONT = "DejaVu Sans"

#: template key -> (page width, height in mm, {item id: (x, y, w, h)}, font scale)
SPECS = {
    "a4_portrait": (210, 297, {
        "title": (10, 8, 150, 10), "subtitle": (10, 18, 150, 8), "logo": (165, 8, 35, 16),
        "map": (10, 28, 190, 172), "north_arrow": (13, 31, 7, 11), "scalebar": (13, 186, 60, 11),
        "legend": (10, 205, 125, 66), "overview": (140, 205, 60, 52),
        "source": (10, 274, 190, 10), "date": (10, 285, 125, 5), "author": (140, 285, 60, 5),
    }, 1.0),
    "a4_landscape": (297, 210, {
        "title": (10, 8, 232, 10), "subtitle": (10, 18, 232, 8), "logo": (252, 8, 35, 16),
        "map": (10, 28, 195, 158), "north_arrow": (13, 31, 7, 11), "scalebar": (13, 172, 60, 11),
        "overview": (212, 28, 75, 56), "legend": (212, 89, 75, 97),
        "source": (10, 189, 277, 10), "date": (10, 200, 190, 5), "author": (212, 200, 75, 5),
    }, 1.0),
    "a3_landscape": (420, 297, {
        "title": (14, 11, 330, 14), "subtitle": (14, 25, 330, 10), "logo": (356, 11, 50, 23),
        "map": (14, 40, 276, 223), "north_arrow": (18, 44, 10, 15), "scalebar": (18, 244, 85, 15),
        "overview": (300, 40, 106, 79), "legend": (300, 126, 106, 137),
        "source": (14, 268, 392, 12), "date": (14, 283, 270, 6), "author": (300, 283, 106, 6),
    }, 1.3),
}
TEMPLATE_FILES = {key: f"sozialmonitor_{key}.qpt" for key in SPECS}

#: default texts of the text items (replaced from parameters and the recipe at export time)
PLACEHOLDERS = {"title": "Titel der Karte", "subtitle": "Untertitel", "source": "Datenquelle: …",
                "date": "Stand: …", "author": "Bearbeitung: …"}
#: (point size, bold, alignment) per text item, before the template's font scale
TEXT_STYLE = {"title": (17, True, Qt.AlignmentFlag.AlignLeft), "subtitle": (10.5, False, Qt.AlignmentFlag.AlignLeft),
              "source": (6.5, False, Qt.AlignmentFlag.AlignLeft), "date": (6.5, False, Qt.AlignmentFlag.AlignLeft),
              "author": (6.5, False, Qt.AlignmentFlag.AlignRight)}


def _place(item, box):
    x, y, w, h = box
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))


def _placeholder_extent(map_item, box):
    """A finite extent with the item's aspect ratio (1 mm = 100 m), so scale bars get a finite size;
    the real extent is set at export time."""
    map_item.setExtent(QgsRectangle(0, 0, box[2] * 100.0, box[3] * 100.0))


def font(size, bold=False):
    f = QFont(FONT)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


#: a text is shrunk at most to this share of its template size (title 17 pt -> 10.2 pt), never below
#: MIN_POINTS; the width check keeps this reserve because PDF viewers measure glyphs slightly differently
MIN_FONT_SHARE = 0.6
MIN_POINTS = 5.0
WIDTH_RESERVE = 0.98


def wrapped_lines(text, qfont, width_mm):
    """``text`` broken at spaces into lines no wider than ``width_mm`` (greedy, like Qt's word wrap;
    Qt may also break after hyphens, which never gives more lines than this)."""
    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = word if not line else line + " " + word
            if line and QgsLayoutUtils.textWidthMM(qfont, candidate) > width_mm:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def text_fits(text, qfont, width_mm, height_mm):
    """True when ``text`` wrapped at ``width_mm`` fits ``height_mm`` and no word is wider than the box."""
    lines = wrapped_lines(text, qfont, width_mm)
    if any(QgsLayoutUtils.textWidthMM(qfont, line) > width_mm for line in lines):
        return False
    return QgsLayoutUtils.textHeightMM(qfont, "\n".join(lines)) <= height_mm + 1e-6


def fit_label(label, texts=None):
    """Shrink the font of the layout label ``label`` until each of ``texts`` fits its box, so a long
    title never runs into the subtitle below it. ``texts`` defaults to the label's current
    (expression-evaluated) text; an atlas passes the texts of all pages so every page uses one size.

    The size goes down in 0.25 pt steps from the template's size to MIN_FONT_SHARE of it; a text
    that fits on one line at a size keeps that line, otherwise it may wrap where the box is tall
    enough. Returns True when everything fits, False when even the smallest size does not (the
    label then keeps the smallest size; callers report it).
    """
    if not isinstance(label, QgsLayoutItemLabel) or label.mode() != QgsLayoutItemLabel.Mode.ModeFont:
        return True
    texts = [t for t in (texts if texts is not None else [label.currentText()]) if t]
    if not texts:
        return True
    size = label.sizeWithUnits()
    width = (size.width() - 2 * label.marginX()) * WIDTH_RESERVE
    height = size.height() - 2 * label.marginY()
    qfont = QFont(label_font(label))
    start = qfont.pointSizeF()
    smallest = max(MIN_POINTS, start * MIN_FONT_SHARE)
    points = start
    while True:
        qfont.setPointSizeF(points)
        if all(text_fits(t, qfont, width, height) for t in texts):
            break
        if points - 0.25 < smallest:
            set_label_font(label, qfont)
            return False
        points -= 0.25
    if points != start:
        set_label_font(label, qfont)
    return True


def build_layout(project, key, name=None):
    """A QgsPrintLayout for template ``key`` with empty map items (layers are set at export time)."""
    width, height, boxes, scale = SPECS[key]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name or key)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))

    main = QgsLayoutItemMap(layout)
    main.setId("map")
    main.setFrameEnabled(True)
    main.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(main)
    _place(main, boxes["map"])
    _placeholder_extent(main, boxes["map"])

    overview = QgsLayoutItemMap(layout)
    overview.setId("overview")
    overview.setFrameEnabled(True)
    overview.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(overview)
    _place(overview, boxes["overview"])
    _placeholder_extent(overview, boxes["overview"])
    overview.overview().setLinkedMap(main)

    for item_id, (size, bold, align) in TEXT_STYLE.items():
        label = QgsLayoutItemLabel(layout)
        label.setId(item_id)
        label.setText(PLACEHOLDERS[item_id])
        set_label_font(label, font(size * scale, bold))
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        layout.addLayoutItem(label)
        _place(label, boxes[item_id])

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legende")
    legend.setLinkedMap(main)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    _place(legend, boxes["legend"])

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(scalebar)
    _place(scalebar, boxes["scalebar"])

    for item_id in ("north_arrow", "logo"):
        picture = QgsLayoutItemPicture(layout)
        picture.setId(item_id)
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        layout.addLayoutItem(picture)
        _place(picture, boxes[item_id])
    return layout


def write_templates(folder):
    """Write every template of SPECS into ``folder``; returns the paths."""
    from pathlib import Path

    from qgis.core import QgsProject, QgsReadWriteContext

    project = QgsProject()
    paths = []
    for key, filename in TEMPLATE_FILES.items():
        layout = build_layout(project, key)
        path = Path(folder) / filename
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            raise OSError(f"cannot write {path}")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - developer tool
    import sys
    from pathlib import Path

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else RESOURCES / "templates"
    for p in write_templates(out):
        sys.stdout.write(f"{p}\n")
    app.exitQgis()
