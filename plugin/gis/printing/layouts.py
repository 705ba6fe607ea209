"""Print layouts: load a .qpt template, fill its items by id, export PDF / PNG / SVG atomically.

Item ids are listed in ``template_builder.ITEM_IDS``; a user's corporate template needs at least
``map``. Every export first renders into a temporary file next to the target and then moves it
into place with ``os.replace``, so a target is either the complete new file or untouched.
"""
import logging
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutRenderContext,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from ...core.errors import ExportError
from ...core.i18n import tr, tr_noop
from ...core.outputs.atomic import atomic_path, check_writable
from ...resources import RESOURCES
from ..compat import set_legend_font
from ..style.symbols import outline_symbol
from .template_builder import ITEM_IDS, TEMPLATE_FILES, font

LOG = logging.getLogger(__name__)


TEMPLATE_DIR = RESOURCES / "templates"
NORTH_ARROW = RESOURCES / "styles" / "north_arrow.svg"
#: order of the TEMPLATE enum of the algorithms
TEMPLATE_KEYS = ["a4_portrait", "a4_landscape", "a3_landscape"]
TEMPLATE_LABELS = [tr_noop("A4 portrait"), tr_noop("A4 landscape"), tr_noop("A3 landscape")]  # shown through tr()


def template_path(key):
    return TEMPLATE_DIR / TEMPLATE_FILES[key]


def load_layout(project, qpt_path, name):
    """A QgsPrintLayout (added to ``project``'s layout manager) from the template ``qpt_path``."""
    path = Path(qpt_path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ExportError(tr("Cannot read the layout template {path}: {err}.").format(path=path, err=err)) from None
    doc = QDomDocument()
    if not doc.setContent(text)[0]:
        raise ExportError(tr("The layout template {path} is not a valid .qpt (XML) file.").format(path=path))
    layout = QgsPrintLayout(project)
    items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    has_map = ok and isinstance(layout.itemById("map"), QgsLayoutItemMap)
    if not ok:
        raise ExportError(tr("QGIS could not load the layout template {path}.").format(path=path))
    if not has_map:
        raise ExportError(tr("The layout template {path} has no map item with the id 'map'. Give the main map "
                             "of your template the item id 'map' (Item properties › Id).").format(path=path))
    layout.setName(name)
    existing = project.layoutManager().layoutByName(name)
    if existing is not None:
        project.layoutManager().removeLayout(existing)
    project.layoutManager().addLayout(layout)
    return layout


def missing_items(layout):
    """Optional item ids the template lacks (reported to the user, then skipped)."""
    return [i for i in ITEM_IDS if layout.itemById(i) is None]


def set_text(layout, item_id, text):
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(text or "")
        item.setVisibility(bool(text))


def set_picture(layout, item_id, path):
    """Show the SVG/raster ``path`` in picture item ``item_id``; hide the slot when ``path`` is empty."""
    item = layout.itemById(item_id)
    if not isinstance(item, QgsLayoutItemPicture):
        return
    if path:
        if not Path(path).exists():
            raise ExportError(tr("The picture file {path} for '{item}' does not exist.").format(
                path=path, item=item_id))
        fmt = QgsLayoutItemPicture.Format.FormatSVG if str(path).lower().endswith(".svg") else \
            QgsLayoutItemPicture.Format.FormatRaster
        item.setPicturePath(str(path), fmt)
        item.setVisibility(True)
    elif not item.picturePath() or not Path(item.picturePath()).exists():
        item.setVisibility(False)


def padded_extent(extent, fraction=0.03):
    rect = QgsRectangle(extent)
    rect.grow(max(rect.width(), rect.height()) * fraction)
    return rect


def _zoom(map_item, extent):
    """Show ``extent`` in ``map_item`` without changing the item's size.

    A template's map may carry an empty (NaN) extent that zoomToExtent cannot scale from, and
    setExtent resizes the item to the extent's aspect ratio: set, restore the size, then zoom.
    """
    size = map_item.sizeWithUnits()
    map_item.setExtent(extent)
    map_item.attemptResize(size)
    map_item.zoomToExtent(extent)


def setup_maps(layout, layers, extent, crs, overview_layers=None, overview_extent=None):
    """Main map shows ``layers`` (top first) at ``extent``; the overview shows the whole area with a frame."""
    main = layout.itemById("map")
    main.setCrs(crs)
    main.setLayers(list(layers))
    main.setKeepLayerSet(True)
    _zoom(main, padded_extent(extent))
    overview = layout.itemById("overview")
    if isinstance(overview, QgsLayoutItemMap):
        overview.setCrs(crs)
        overview.setLayers(list(overview_layers or layers))
        overview.setKeepLayerSet(True)
        _zoom(overview, padded_extent(overview_extent or extent, 0.05))
        ov = overview.overview()
        ov.setLinkedMap(main)
        ov.setEnabled(True)
        ov.setFrameSymbol(outline_symbol("#d7301f", width=0.5))
    scalebar = layout.itemById("scalebar")
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        scalebar.setLinkedMap(main)
        page = layout.pageCollection().page(0).pageSize()
        scale = max(1.0, min(page.width(), page.height()) / 210.0)  # A4 = 1, A3 = 1.41, like the legend
        style_scalebar(scalebar, 6.5 * scale)
        nice_scalebar(scalebar, main, SEGMENT_MM * scale)
    return main


#: scale bar segments: 1, 2, 2.5 or 5 times a power of ten metres, at most this long on paper (mm)
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
SEGMENT_MM = 15.0


def nice_segment(scale, max_mm=SEGMENT_MM, segments=2):
    """(length in metres, unit) of the largest round scale bar segment not longer than ``max_mm`` on
    paper at 1:``scale``: 1, 2, 2.5 or 5 × 10^k m. The unit is 'km' once the whole bar (``segments``
    segments) reaches 1 km, else 'm': 1:20.000, 15 mm -> (250.0, 'm') for "0 250 500 m";
    1:30.000 -> (250.0, 'm'); 1:40.000 -> (500.0, 'km') for "0 0,5 1 km"."""
    import math

    metres_per_mm = max(float(scale), 1e-9) / 1000.0
    limit = max_mm * metres_per_mm
    power = 10.0 ** math.floor(math.log10(limit))
    length = max(step * power for step in NICE_STEPS if step * power <= limit * (1 + 1e-9))
    return length, ("km" if length * segments >= 1000 else "m")


def style_scalebar(scalebar, size=6.5):
    """Single box, 1.5 mm high, German numbers (0,5 km; 1.000 m), DejaVu Sans ``size`` pt."""
    scalebar.setStyle("Single Box")
    scalebar.setHeight(1.5)
    number_format = QgsBasicNumericFormat()
    number_format.setDecimalSeparator(",")  # German: 2,5 km
    number_format.setThousandsSeparator(".")
    number_format.setShowTrailingZeros(False)
    scalebar.setNumericFormat(number_format)
    text_format = QgsTextFormat()
    text_format.setFont(font(size))
    text_format.setSize(size)
    scalebar.setTextFormat(text_format)


def nice_scalebar(scalebar, map_item, max_mm=SEGMENT_MM, segments=2):
    """Give ``scalebar`` ``segments`` round segments (``nice_segment``) for the current scale of
    ``map_item``, labelled in m or km. An atlas calls this again for every page."""
    length, unit = nice_segment(map_item.scale(), max_mm, segments)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setNumberOfSegments(segments)
    if unit == "km":
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        scalebar.setUnitsPerSegment(length / 1000.0)
    else:
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        scalebar.setUnitsPerSegment(length)
    scalebar.setMapUnitsPerScaleBarUnit(1.0)  # QGIS converts from the map's CRS units itself
    scalebar.setUnitLabel(unit)
    scalebar.update()


def setup_legend(layout, entries, title=""):
    """Fill the legend with ``entries`` [(layer, shown name)] in this order; no automatic updates."""
    title = title or tr("Legend")
    legend = layout.itemById("legend")
    if not isinstance(legend, QgsLayoutItemLegend):
        return None
    legend.setAutoUpdateModel(False)
    legend.setLinkedMap(layout.itemById("map"))
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer, name in entries:
        node = root.addLayer(layer)
        node.setName(name)
        node.setUseLayerName(False)
    # scale with the paper: A4 = 1, A3 = 1.41
    page = layout.pageCollection().page(0).pageSize()
    scale = max(1.0, min(page.width(), page.height()) / 210.0)
    legend.setTitle(title)
    legend.setSymbolWidth(7 * scale)
    legend.setSymbolHeight(4.5 * scale)
    set_legend_font(legend, QgsLegendStyle.Style.Title, font(9 * scale, True))
    set_legend_font(legend, QgsLegendStyle.Style.Subgroup, font(8 * scale, True))
    set_legend_font(legend, QgsLegendStyle.Style.SymbolLabel, font(7.5 * scale))
    legend.setLegendFilterByMapEnabled(False)
    if legend.sizeWithUnits().width() > 100 * scale:  # wide, low boxes (A4 portrait): two columns
        legend.setColumnCount(2)
        legend.setSplitLayer(True)
        legend.setEqualColumnWidth(False)
    legend.updateLegend()
    return legend


def check_picture(path):
    """Raise ExportError unless ``path`` is a readable SVG or raster image (logos)."""
    from qgis.PyQt.QtGui import QImageReader

    if not path:
        return
    if not Path(path).is_file():
        raise ExportError(tr("The picture file {path} does not exist.").format(path=path))
    if str(path).lower().endswith(".svg"):
        try:
            head = Path(path).read_bytes()[:4096].decode("utf-8", errors="replace")
        except OSError as err:
            raise ExportError(tr("Cannot read the picture file {path}: {err}.").format(path=path, err=err)) from None
        ok = "<svg" in head
    else:
        ok = QImageReader(str(path)).canRead()
    if not ok:
        raise ExportError(tr("The picture file {path} is not an SVG or image QGIS can read. Choose a PNG, JPEG "
                             "or SVG file.").format(path=path))


def display_crs(crs, extent):
    """The CRS a layout map should use: ``crs`` when projected, else the UTM zone of the extent centre.

    Geographic coordinates (degrees) drawn as they are stretch the map east-west; in Europe the zone
    is taken from ETRS89 (EPSG:258zz, e.g. 25833 for Berlin), elsewhere from WGS 84 (EPSG:326zz/327zz).
    """
    if not crs.isValid() or not crs.isGeographic() or extent.isEmpty():
        return crs
    lon, lat = extent.center().x(), extent.center().y()
    zone = min(60, max(1, int((lon + 180) // 6) + 1))
    if 28 <= zone <= 38 and 34 <= lat <= 72:
        code = 25800 + zone
    else:
        code = (32600 if lat >= 0 else 32700) + zone
    target = QgsCoordinateReferenceSystem(f"EPSG:{code}")
    return target if target.isValid() else crs


def transform_extent(extent, source, target):
    if source == target:
        return QgsRectangle(extent)
    return QgsCoordinateTransform(source, target, QgsProject.instance()).transformBoundingBox(extent)


def _check(result, exporter, target):
    if result != QgsLayoutExporter.ExportResult.Success:
        raise ExportError(tr("Could not write {path}: {err} (is the folder writable and the file not open in "
                             "another program?).").format(path=target, err=exporter.errorMessage() or result))


def _pdf_settings(dpi):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.flags = settings.flags | QgsLayoutRenderContext.Flag.FlagAntialiasing
    return settings


def _png_settings(dpi):
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    return settings


def _svg_settings(dpi):
    settings = QgsLayoutExporter.SvgExportSettings()
    settings.dpi = dpi
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def export_layout(layout, pdf=None, png=None, svg=None, dpi=300, feedback=None):
    """Export ``layout`` to the given files (each optional). PDF and SVG keep text as text.

    All targets are checked for writability first, so a bad PNG path does not leave a PDF behind;
    each file is written through core/files.atomic_path (complete or absent).
    Returns {format: path} of the files written.
    """
    targets = [("pdf", pdf, "exportToPdf", _pdf_settings), ("png", png, "exportToImage", _png_settings),
               ("svg", svg, "exportToSvg", _svg_settings)]
    for _kind, target, _method, _settings in targets:
        check_writable(target, create_folders=True)
    exporter = QgsLayoutExporter(layout)
    written = {}
    for kind, target, method, settings in targets:
        if not target:
            continue
        with atomic_path(target, create_folders=True) as tmp:
            _check(getattr(exporter, method)(tmp, settings(dpi)), exporter, target)
        written[kind] = str(target)
    return written


def save_project(project, path):
    """Write ``project`` to ``path`` (.qgz) atomically."""
    with atomic_path(path, create_folders=True) as tmp:
        if not project.write(tmp):
            raise ExportError(tr("Could not write the project {path}: {err}.").format(path=path,
                                                                                     err=project.error()))
    project.setFileName(str(path))
    return str(path)
