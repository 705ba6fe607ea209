"""The rank interval and class probability on a district's atlas page (from index_uncertainty fields).

Two parts: a text box beside the map (below), and a rank-interval chart of all districts with this one
highlighted below the indicator table (``write_rank_charts`` / ``add_rank_picture``: one bare SVG per page,
its texts as layout labels, like the trend charts of atlas_trend, whose room below the table it shares: the
whole width without trend charts, the right half beside one, none beside two).

When the atlas layer carries the fields of ``sozialmonitor:index_uncertainty`` for an index (``<index>_rank``,
``_rank_p05``, ``_rank_p95``, ``_class_prob``), a small white box in the lower right corner of the page's
map says, per page, e.g. "Status-Index: rank 37 (5–95 %: 30–45), class probability 92 %". It is a layout
label with a QGIS expression, so it follows the atlas feature; districts without a rank (or secret ones)
get an empty, invisible box. The box sits inside the map frame, so the page layout does not move.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsLayoutItemLabel,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProperty,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.i18n import tr
from ...core.maps.secrecy import secret_mask
from ...core.reports.rank_interval_chart import rank_interval_svg
from ..io.layer_frame import layer_to_dataframe
from ..style.renderers import class_colours
from .atlas_trend import GAP, LEFT, WIDTH, TrendBox, trend_box
from .typology_legend import _label

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
TITLE_H, AXIS_W = 5.0, 7.0  # chart title row and rank axis column (mm)

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


@dataclass
class RankChart:
    """Where the rank-interval chart goes on the page (mm), the number of ranked districts, and the table box
    to use when there are no trend charts (the table frame shrinks to its rows, as with trend charts)."""

    x: float
    top: float
    width: float
    height: float
    n_ranked: int
    table_box: Optional[TrendBox] = None


def chart_file(folder, page):
    return Path(folder) / f"ranks_{int(page)}.svg"


def write_rank_charts(result, class_field, recipe, page_of, rule, folder, trend, n_rows, feedback=None):
    """Write one bare rank-interval SVG per district (all districts, this one highlighted) into ``folder`` and
    return its RankChart, or None when the layer has no uncertainty fields for ``class_field``'s index, the
    recipe is missing, or two trend charts fill the room below the table (``trend``: their TrendBox)."""
    names = result.fields().names()
    index_id = class_field[: -len("_class")] if class_field.endswith("_class") else ""
    needed = [index_id + s for s in SUFFIXES + ("_class_nom",)]
    if not index_id or recipe is None or not all(f in names for f in needed):
        return None
    try:
        spec = recipe.index(index_id)
    except KeyError:
        return None
    if spec.classification is None:
        return None
    if trend is None:
        box = trend_box(n_rows, 1)
        if box is None:
            return None
        plan = RankChart(LEFT, box.top, WIDTH, box.height, 0, TrendBox(box.table_height, box.top, box.width,
                                                                         box.height, 0))
    elif trend.count == 1:
        plan = RankChart(LEFT + trend.width + GAP, trend.top, trend.width, trend.height, 0)
    else:
        if feedback is not None:
            feedback.pushInfo(tr("No room for the rank-interval chart beside two trend charts; the rank interval "
                                 "is printed beside the map."))
        return None
    frame = layer_to_dataframe(result, list(dict.fromkeys(needed + rule.fields())))
    secret = secret_mask(frame, rule).to_numpy()
    labels = list(spec.classification.labels)
    colours = class_colours(labels, spec.classification.colours)
    rank = frame[index_id + "_rank"].to_numpy(dtype=float, na_value=np.nan)
    arrays = [frame[index_id + s].to_numpy(dtype=float, na_value=np.nan)
              for s in ("_rank_p05", "_rank_p95", "_class_nom", "_class_prob")]
    plan.n_ranked = int(np.isfinite(rank).sum())
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width, height = plan.width - AXIS_W, plan.height - TITLE_H
    for pos, key in enumerate(frame.index):
        if feedback is not None and feedback.isCanceled():
            return None
        highlight = None if secret[pos] or not np.isfinite(rank[pos]) else pos
        svg = rank_interval_svg(rank, *arrays, colours, labels, "", width, height, highlight=highlight, bare=True)
        chart_file(folder, page_of[key]).write_text(svg, encoding="utf-8")
    return plan


def add_rank_picture(layout, folder, plan, page_field, label):
    """The picture item ``rank_chart`` (its SVG follows the atlas page) with its title and axis labels."""
    picture = QgsLayoutItemPicture(layout)
    picture.setId("rank_chart")
    picture.setMode(QgsLayoutItemPicture.Format.FormatSVG)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(picture)
    picture.attemptMove(QgsLayoutPoint(plan.x + AXIS_W, plan.top + TITLE_H, MM))
    picture.attemptResize(QgsLayoutSize(plan.width - AXIS_W, plan.height - TITLE_H, MM))
    prefix = QgsExpression.quotedString(Path(folder).as_posix() + "/ranks_")
    page = f"to_string(attribute(@atlas_feature, {QgsExpression.quotedString(page_field)}))"
    picture.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                QgsProperty.fromExpression(f"{prefix} || {page} || '.svg'"))
    title = tr("{label}: rank among all {n} districts (bar: 5–95 % over simulated recipes; red: this district)")
    items = [picture, _label(layout, title.format(label=label, n=plan.n_ranked), plan.x, plan.top, plan.width,
                             TITLE_H, 7, bold=True)]
    # the bare SVG keeps 1.5 mm above the first and below the last rank (rank_interval_chart margins)
    items.append(_label(layout, "1", plan.x, plan.top + TITLE_H, AXIS_W - 0.5, 3, 6,
                        align=Qt.AlignmentFlag.AlignRight))
    items.append(_label(layout, str(plan.n_ranked), plan.x, plan.top + plan.height - 3, AXIS_W - 0.5, 3, 6,
                        align=Qt.AlignmentFlag.AlignRight))
    return items
