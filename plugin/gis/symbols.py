"""Small symbol factories shared by the map styles, the atlas highlight and the typology legend."""
from qgis.core import (
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsSimpleFillSymbolLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.palettes import OUTLINE, OVERLAY_OUTLINE

#: district outline width in mm: thin, so small districts keep their colour
OUTLINE_WIDTH = 0.1


def _symbol_from(layers):
    """A fill symbol owning ``layers`` (the list constructor does not take ownership in PyQGIS)."""
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layers[0])
    for layer in layers[1:]:
        symbol.appendSymbolLayer(layer)
    return symbol


def fill_symbol(colour, outline=OUTLINE, width=OUTLINE_WIDTH):
    """Solid fill with a thin outline (mm)."""
    layer = QgsSimpleFillSymbolLayer(QColor(colour), Qt.BrushStyle.SolidPattern, QColor(outline))
    layer.setStrokeWidth(width)
    return _symbol_from([layer])


def hatch_symbol(spec, outline=OUTLINE, width=OUTLINE_WIDTH):
    """White fill with line hatching: ``spec['pattern']`` 'diagonal' (45°) or 'cross' (45° + 135°)."""
    base = QgsSimpleFillSymbolLayer(QColor(spec["fill"]), Qt.BrushStyle.SolidPattern, QColor(outline))
    base.setStrokeWidth(width)
    layers = [base]
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
