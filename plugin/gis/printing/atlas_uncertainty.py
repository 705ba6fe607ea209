"""The rank interval and class probability on a district's atlas page (from index_uncertainty fields).

When the atlas layer carries the fields of ``sozialmonitor:index_uncertainty`` for an index (``<index>_rank``,
``_rank_p05``, ``_rank_p95``, ``_class_prob``), a small white box in the lower right corner of the page's
map says, per page, e.g. "Status-Index: rank 37 (5–95 %: 30–45), class probability 92 %". It is a layout
label with a QGIS expression, so it follows the atlas feature; districts without a rank (or secret ones)
get an empty, invisible box. The box sits inside the map frame, so the page layout does not move.
"""
from qgis.core import QgsExpression, QgsLayoutItemLabel
from qgis.PyQt.QtGui import QColor

from ...core.i18n import tr
from .typology_legend import _label

SUFFIXES = ("_rank", "_rank_p05", "_rank_p95", "_class_prob")
#: lower right corner of the atlas map (atlas.build_atlas_layout: map at x 12..132, y 30..150 mm)
BOX_RIGHT, BOX_BOTTOM, BOX_W, BOX_H = 131.0, 149.0, 66.0, 7.5


def _rank(field):
    """Expression text of a rank: whole ranks without decimals, tied (average) ranks with one."""
    ref = QgsExpression.quotedColumnRef(field)
    return f"regexp_replace(to_string(round({ref}, 1)), '\\\\.0$', '')"


def uncertainty_line(field_names, class_field, label):
    """Expression (for a layout label, without [% %]) of the uncertainty text of ``class_field``
    ("<index>_class"), or None when the layer has no uncertainty fields for that index."""
    if not class_field.endswith("_class"):
        return None
    index_id = class_field[: -len("_class")]
    if not all(index_id + s in field_names for s in SUFFIXES):
        return None
    template = tr("{label}: rank {rank} (5–95 %: {low}–{high}),\nclass probability {prob} % over simulated recipes")
    parts = {"label": QgsExpression.quotedString(label), "rank": _rank(index_id + "_rank"),
             "low": _rank(index_id + "_rank_p05"), "high": _rank(index_id + "_rank_p95"),
             "prob": f"to_string(round(100 * {QgsExpression.quotedColumnRef(index_id + '_class_prob')}))"}
    pieces, rest = [], template
    while "{" in rest:
        before, _brace, after = rest.partition("{")
        name, _close, rest = after.partition("}")
        pieces += [QgsExpression.quotedString(before), parts[name]]
    pieces.append(QgsExpression.quotedString(rest))
    ranked = QgsExpression.quotedColumnRef(index_id + "_rank")
    return f"CASE WHEN {ranked} IS NULL THEN '' ELSE concat({', '.join(pieces)}) END"


def add_uncertainty_boxes(layout, field_names, class_fields, secret=""):
    """One box per classified index with uncertainty fields, stacked upwards from the map's lower right
    corner; ``secret`` (expression) blanks them for secret districts. Returns the added labels."""
    items = []
    for field, label in class_fields:
        text = uncertainty_line(field_names, field, label)
        if text is None:
            continue
        if secret:
            text = f"CASE WHEN {secret} THEN '' ELSE {text} END"
        y = BOX_BOTTOM - BOX_H * (len(items) + 1)
        item = _label(layout, f"[% {text} %]", BOX_RIGHT - BOX_W, y, BOX_W, BOX_H, 6.5)
        item.setMode(QgsLayoutItemLabel.Mode.ModeFont)
        item.setMarginX(1.0)
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 230))
        items.append(item)
    return items
