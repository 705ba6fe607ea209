"""Small symbol factories shared by the map styles, the atlas highlight and the typology legend."""
from qgis.core import (
    Qgis,
    QgsFillSymbol,
    QgsGeometryGeneratorSymbolLayer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsProperty,
    QgsSimpleFillSymbolLayer,
    QgsSymbolLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.maps.outline import OUTLINE_MM
from ...core.maps.palettes import OUTLINE, OVERLAY_OUTLINE

#: district outline width in mm: thin, so small districts keep their colour (core/maps/outline.py)
OUTLINE_WIDTH = OUTLINE_MM


def _symbol_from(layers):
    """A fill symbol owning ``layers`` (the list constructor does not take ownership in PyQGIS)."""
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layers[0])
    for layer in layers[1:]:
        symbol.appendSymbolLayer(layer)
    return symbol


def fill_symbol(colour, outline=OUTLINE, width=OUTLINE_WIDTH):
    """Solid fill with a thin outline (mm; 0: no outline)."""
    return _symbol_from([_base_fill(colour, outline, width)])


def _base_fill(colour, outline, width):
    layer = QgsSimpleFillSymbolLayer(QColor(colour), Qt.BrushStyle.SolidPattern, QColor(outline))
    layer.setStrokeWidth(width)
    if width <= 0:
        layer.setStrokeStyle(Qt.PenStyle.NoPen)  # width 0 would be a hairline, not nothing
    return layer


def hatch_symbol(spec, outline=OUTLINE, width=OUTLINE_WIDTH):
    """White fill with line hatching: ``spec['pattern']`` 'diagonal' (45°) or 'cross' (45° + 135°)."""
    layers = [_base_fill(spec["fill"], outline, width)]
    angles = [45.0] if spec["pattern"] == "diagonal" else [45.0, 135.0]
    for angle in angles:
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(angle)
        hatch.setDistance(1.0)
        line = QgsLineSymbol.createSimple({"line_color": spec["hatch"], "line_width": "0.15"})
        hatch.setSubSymbol(line)
        layers.append(hatch)
    return _symbol_from(layers)


def outline_symbol(colour=OVERLAY_OUTLINE, width=0.6):
    """Outline only (no fill): for higher-level boundaries and highlights."""
    return QgsFillSymbol.createSimple({"style": "no", "outline_color": colour, "outline_width": str(width),
                                       "joinstyle": "round"})


def line_symbol(colour=OVERLAY_OUTLINE, width=0.6):
    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width)})


#: spacing of the hatch lines on paper (mm) and their width, as hatch_symbol draws them
HATCH_STEP_MM = 1.0
HATCH_WIDTH_MM = 0.15
#: map units per millimetre on paper at scale 1:@map_scale, by @map_units
_MAP_UNITS_PER_MM = ("@map_scale / 1000.0 / (CASE WHEN @map_units = 'degrees' THEN 111320.0 "
                     "WHEN @map_units = 'feet' THEN 0.3048 WHEN @map_units = 'kilometers' THEN 1000.0 ELSE 1.0 END)")


def _hatch_lines_expression(angle):
    """Geometry generator expression: the feature cut into parallel lines every HATCH_STEP_MM on paper
    at 45° ('/') or 135° ('\\'), spaced from the render scale so every map and every atlas page shows
    the same hatch."""
    step = f"{HATCH_STEP_MM} * {_MAP_UNITS_PER_MM} * sqrt(2)"  # horizontal spacing of 45° lines
    if angle == 45.0:
        ends = ("make_point(x_min(@g) + @element * @d - bounds_height(@g), y_min(@g))",
                "make_point(x_min(@g) + @element * @d, y_max(@g))")
    else:
        ends = ("make_point(x_min(@g) + @element * @d - bounds_height(@g), y_max(@g))",
                "make_point(x_min(@g) + @element * @d, y_min(@g))")
    return (f"with_variable('g', $geometry, with_variable('d', {step}, intersection(collect_geometries("
            "array_foreach(generate_series(0, ceil((bounds_width(@g) + bounds_height(@g)) / @d)), "
            f"make_line({ends[0]}, {ends[1]}))), @g)))")


def vector_hatch_symbol(spec, width=OUTLINE_WIDTH):
    """hatch_symbol whose hatch stays vector in PDF and SVG output.

    QGIS 3.22 paints a line pattern fill through a raster texture, so every hatched district was
    embedded as a 300 ppi picture (hundreds of kB per atlas page). Here the lines are real
    geometries (a geometry generator cutting the district into lines every HATCH_STEP_MM on paper).
    Legend patches do not run geometry generators, so the original pattern layers stay in the
    symbol for the legend only: their data-defined "enabled" is false, which map rendering honours
    and legend previews ignore (QgsSymbol::drawPreviewIcon checks only the static flag).
    """
    symbol = hatch_symbol(spec, width=width)
    angles = [45.0] if spec["pattern"] == "diagonal" else [45.0, 135.0]
    for index in range(1, symbol.symbolLayerCount()):
        symbol.symbolLayer(index).setDataDefinedProperty(QgsSymbolLayer.Property.PropertyLayerEnabled,
                                                         QgsProperty.fromValue(False))
    for angle in angles:
        lines = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": _hatch_lines_expression(angle),
                                                        "SymbolType": "Line"})
        lines.setSymbolType(Qgis.SymbolType.Line)
        lines.setSubSymbol(QgsLineSymbol.createSimple({"line_color": spec["hatch"],
                                                       "line_width": str(HATCH_WIDTH_MM)}))
        symbol.insertSymbolLayer(1, lines)  # below the outline-free pattern layers, above the white fill
    return symbol
