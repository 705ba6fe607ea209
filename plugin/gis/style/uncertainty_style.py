"""Class map with certainty: the recipe's class as fill, a hatch over districts whose class is uncertain.

A rule-based renderer on the fields of ``sozialmonitor:index_uncertainty``: one fill rule per class of
``<index>_class_nom`` (the class in the recipe, count in the legend), one overlay rule drawing a black
diagonal hatch where ``<index>_class_prob`` is below the threshold (legend: "class uncertain …"), and an
ELSE rule for districts without a rank. Rule-based renderers draw every matching rule, so the hatch lies
on top of the class colour.
"""
from qgis.core import QgsRuleBasedRenderer
from qgis.PyQt.QtGui import QColor

from ...core.i18n import tr
from ...core.maps.palettes import NOT_EVALUATED
from .renderers import class_colours, quoted
from .symbols import fill_symbol, vector_hatch_symbol

UNCERTAIN_HATCH = {"fill": "transparent", "hatch": "#000000", "pattern": "diagonal"}


def uncertainty_renderer(index_id: str, labels: list, colours: list, class_counts=None, n_uncertain=None,
                         n_unranked=None, threshold: float = 0.8):
    """QgsRuleBasedRenderer for the uncertainty output of index ``index_id`` (see module docstring)."""
    root = QgsRuleBasedRenderer.Rule(None)
    nominal = quoted(f"{index_id}_class_nom")
    prob = quoted(f"{index_id}_class_prob")
    colours = class_colours(labels, colours)
    for k, (label, colour) in enumerate(zip(labels, colours), start=1):
        text = label if class_counts is None else f"{label} ({class_counts.get(k, 0)})"
        root.appendChild(QgsRuleBasedRenderer.Rule(fill_symbol(colour), 0, 0, f"{nominal} = {k}", text))
    hatch = tr("class uncertain: probability below {p:.0f} %").format(p=threshold * 100)
    if n_uncertain is not None:
        hatch += f" ({n_uncertain})"
    hatch_symbol = vector_hatch_symbol(UNCERTAIN_HATCH)
    base = hatch_symbol.symbolLayer(0)  # a dark edge tells the hatch apart from "not evaluated"
    base.setStrokeColor(QColor("#000000"))
    base.setStrokeWidth(0.35)
    root.appendChild(QgsRuleBasedRenderer.Rule(hatch_symbol, 0, 0,
                                               f"{prob} IS NOT NULL AND {prob} < {threshold!r}", hatch))
    unranked = tr(NOT_EVALUATED["label"])
    if n_unranked is not None:
        unranked += f" ({n_unranked})"
    root.appendChild(QgsRuleBasedRenderer.Rule(vector_hatch_symbol(NOT_EVALUATED), 0, 0, "ELSE", unranked))
    return QgsRuleBasedRenderer(root)


def apply_uncertainty_style(layer, index_id, labels, colours, table=None, threshold=0.8):
    """Set the certainty class map on ``layer``; legend counts from ``table`` (the core result table)."""
    counts = n_uncertain = n_unranked = None
    if table is not None:
        nominal = table[f"{index_id}_class_nom"]
        counts = {int(k): int(v) for k, v in nominal.dropna().value_counts().items()}
        prob = table[f"{index_id}_class_prob"]
        n_uncertain = int((prob < threshold).sum())
        n_unranked = int(nominal.isna().sum())
    layer.setRenderer(uncertainty_renderer(index_id, labels, colours, counts, n_uncertain, n_unranked, threshold))
    layer.triggerRepaint()
