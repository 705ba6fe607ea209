"""plugin/gis/compat.py does on this QGIS what the deprecated calls did: fonts land in the printed items,
field types round-trip, QAction is a real action. Runs in every lane (3.22, 3.40, 3.44)."""
from qgis.core import (
    QgsField,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont
from sozialmonitor.plugin.gis.compat import FieldType, QAction, label_font, set_label_font, set_legend_font


def _font(points, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def test_label_font_size_colour_and_weight_round_trip(qgis_app):
    layout = QgsPrintLayout(QgsProject.instance())
    label = QgsLayoutItemLabel(layout)
    set_label_font(label, _font(17.25, bold=True), QColor("#c0392b"))
    font = label_font(label)
    assert font.family() == "DejaVu Sans"
    assert abs(font.pointSizeF() - 17.25) < 1e-6
    assert font.bold()
    set_label_font(label, _font(9.5))  # without a colour the colour stays
    assert abs(label_font(label).pointSizeF() - 9.5) < 1e-6
    assert not label_font(label).bold()
    text_format = label.textFormat() if hasattr(label, "textFormat") else None
    colour = text_format.color() if text_format is not None else label.fontColor()
    assert colour.name() == "#c0392b"


def test_legend_fonts_per_component(qgis_app):
    legend = QgsLayoutItemLegend(QgsPrintLayout(QgsProject.instance()))
    set_legend_font(legend, QgsLegendStyle.Style.Title, _font(12.5, bold=True))
    set_legend_font(legend, QgsLegendStyle.Style.SymbolLabel, _font(7.5))
    title, label = legend.style(QgsLegendStyle.Style.Title), legend.style(QgsLegendStyle.Style.SymbolLabel)
    sizes = []
    for style in (title, label):
        fmt = style.textFormat() if hasattr(style, "textFormat") else None
        sizes.append((fmt.size(), fmt.font().bold()) if fmt is not None else (style.font().pointSizeF(),
                                                                                 style.font().bold()))
    assert sizes == [(12.5, True), (7.5, False)]


def test_field_types_round_trip_through_a_layer(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:25833", "t", "memory")
    layer.dataProvider().addAttributes([QgsField("i", FieldType.Int), QgsField("d", FieldType.Double),
                                        QgsField("s", FieldType.String)])
    layer.updateFields()
    types = [f.type() for f in layer.fields()]
    assert types == [FieldType.Int, FieldType.Double, FieldType.String]
    assert [t in FieldType.NUMERIC for t in types] == [True, True, False]
    assert [f.isNumeric() for f in layer.fields()] == [True, True, False]


def test_qaction_is_the_qt_action_class(qgis_app):
    action = QAction("Sozialmonitor", None)
    action.setCheckable(True)
    action.setChecked(True)
    assert action.isChecked() and action.text() == "Sozialmonitor"
