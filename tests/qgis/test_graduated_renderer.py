"""A graduated map without secret or no-data districts is drawn by QGIS's graduated renderer: every district
lands in the class the legend counts it in (values on a break in the lower class), as with the rules."""
from qgis.core import QgsFeature, QgsField, QgsRenderContext, QgsVectorLayer
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule
from sozialmonitor.plugin.gis.compat import FieldType
from sozialmonitor.plugin.gis.style.renderers import apply_classes, map_classes_for

VALUES = [-5.0, 0.0, 1.0, 2.0, 2.5, 3.0, 4.0, 10.0, 10.0, 99.0]  # breaks 2, 3, 10 are data values


def _layer(values):
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "d", "memory")
    layer.dataProvider().addAttributes([QgsField("share", FieldType.Double)])
    layer.updateFields()
    features = []
    for value in values:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _drawn_counts(layer):
    """Legend label -> number of districts the layer's renderer draws with that entry."""
    renderer = layer.renderer().clone()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    counts = {}
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        for key in renderer.legendKeysForFeature(feature, context) & labels.keys():  # not the root rule
            counts[labels[key]] = counts.get(labels[key], 0) + 1
    renderer.stopRender(context)
    return counts


def test_graduated_renderer_draws_the_legend_counts(qgis_app):
    layer = _layer(VALUES)
    rule = SecrecyRule(evaluated_field=None)
    classes = map_classes_for(layer, "share", rule, method="manual", manual_breaks=[2.0, 3.0, 10.0])
    apply_classes(layer, classes, rule)
    assert layer.renderer().type() == "graduatedSymbol"
    assert _drawn_counts(layer) == {cls.legend: cls.count for cls in classes.classes}
    assert [cls.count for cls in classes.classes] == [4, 2, 3, 1]  # -5 0 1 2 | 2.5 3 | 4 10 10 | 99


def test_no_data_keeps_the_rules(qgis_app):
    layer = _layer(VALUES + [None])
    rule = SecrecyRule(evaluated_field=None)
    classes = map_classes_for(layer, "share", rule, method="manual", manual_breaks=[2.0, 3.0, 10.0])
    apply_classes(layer, classes, rule)
    assert layer.renderer().type() == "RuleRenderer"
    drawn = _drawn_counts(layer)
    assert drawn == {**{cls.legend: cls.count for cls in classes.classes},
                     f"{classes.no_data_label} (1)": 1}
