"""Trend charts on the Steckbrief pages: one SVG per district and chart, shown by picture items.

The SVGs are written before the export into one folder as ``trend_<page>_<k>.svg`` (``sm_page`` of
the atlas coverage layer, k = 1, 2); each picture item's source is a data-defined expression on the
atlas feature, so every page shows its own chart (works in QGIS 3.22 and in a saved project as long
as the folder exists). The texts are layout labels, not SVG text: Qt's SVG renderer would turn them
into outlines in the PDF (see core.trend_chart). The charts sit below the indicator table, whose
frame then shrinks to its rows.
"""
import logging
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsField,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProperty,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt

from ...core.reports.trend import trend_data
from ...core.reports.trend_chart import LEGEND_ROW, ChartScale, chart_texts, district_caption, trend_svg
from ..compat import FieldType
from .typology_legend import _label

LOG = logging.getLogger(__name__)
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters

# Page geometry of the Steckbrief (mm), shared with atlas.build_atlas_layout.
TABLE_TOP = 164.0
TABLE_HEIGHT = 88.0  # the table frame without charts
CONTENT_BOTTOM = 252.0  # notes start at 254
LEFT, WIDTH, GAP = 12.0, 186.0, 4.0
#: measured row pitch of the 7.5 pt table (4.98 mm) plus a reserve so no row is ever cut off
ROW_HEIGHT = 5.0
TABLE_RESERVE = 3.0
MIN_CHART_HEIGHT = 34.0
MAX_CHART_HEIGHT = 52.0
ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
         "right": Qt.AlignmentFlag.AlignRight}


@dataclass
class TrendBox:
    """Where the charts go: table frame height, chart top and size (mm), charts per page."""

    table_height: float
    top: float
    width: float
    height: float
    count: int


def trend_box(n_rows, count):
    """Geometry for ``count`` charts below a table of ``n_rows`` indicator rows; None when they do not fit."""
    table_height = min(TABLE_HEIGHT, ROW_HEIGHT * (n_rows + 1) + TABLE_RESERVE)
    top = TABLE_TOP + table_height + 2.0
    height = min(CONTENT_BOTTOM - top, MAX_CHART_HEIGHT)
    if count < 1 or height < MIN_CHART_HEIGHT:
        return None
    return TrendBox(table_height, top, (WIDTH - GAP) / 2.0, height, count)


def chart_path(folder, page, k):
    return Path(folder) / f"trend_{int(page)}_{k}.svg"


def caption_field(k):
    return f"sm_trend_{k}"


def write_trend_charts(frame, pages, names, series_list, rule, folder, box, coverage, page_field, area="Gebiete",
                       feedback=None):
    """Write one SVG per district (row of ``frame``) and series into ``folder``; returns the static texts per chart.

    ``pages``: page number per row (same index as ``frame``); ``names``: district label per row. The
    district captions go into fields ``sm_trend_<k>`` of ``coverage`` (matched by ``page_field``).
    Reference means and the value axis use all rows of ``frame``, whatever the atlas filter prints.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts, captions = [], {}
    for k, series in enumerate(series_list, start=1):
        data = trend_data(frame, series, rule)
        scale = ChartScale.for_data(data.years, data.values, data.reference)
        texts.append(chart_texts(scale, series.label, series.unit, data.reference_label(area), box.width,
                                 box.height))
        for pos, key in enumerate(frame.index):
            if feedback is not None and feedback.isCanceled():
                return texts
            secret = bool(data.secret[pos])
            svg = trend_svg(scale, data.values[pos], data.reference, secret=secret, width=box.width,
                            height=box.height)
            chart_path(folder, pages[key], k).write_text(svg, encoding="utf-8")
            captions.setdefault(int(pages[key]), {})[k] = district_caption(
                str(names[key]), scale, data.values[pos], secret=secret, unit=series.unit)
    _add_captions(coverage, page_field, captions, len(series_list))
    LOG.debug("wrote %d trend charts to %s", len(captions) * len(series_list), folder)
    return texts


def _add_captions(coverage, page_field, captions, count):
    provider = coverage.dataProvider()
    provider.addAttributes([QgsField(caption_field(k), FieldType.String) for k in range(1, count + 1)])
    coverage.updateFields()
    index = {k: coverage.fields().indexOf(caption_field(k)) for k in range(1, count + 1)}
    changes = {}
    for feature in coverage.getFeatures():
        page = captions.get(int(feature[page_field]), {})
        changes[feature.id()] = {index[k]: page.get(k, "") for k in index}
    provider.changeAttributeValues(changes)


def add_trend_pictures(layout, folder, box, page_field, texts):
    """Picture items ``trend_1`` (and ``trend_2``) whose SVG follows the atlas page, with their labels."""
    items = []
    prefix = QgsExpression.quotedString(Path(folder).as_posix() + "/trend_")
    page = f"to_string(attribute(@atlas_feature, {QgsExpression.quotedString(page_field)}))"
    for k, chart in enumerate(texts[:box.count], start=1):
        x0 = LEFT + (k - 1) * (box.width + GAP)
        picture = QgsLayoutItemPicture(layout)
        picture.setId(f"trend_{k}")
        picture.setMode(QgsLayoutItemPicture.Format.FormatSVG)
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        layout.addLayoutItem(picture)
        picture.attemptMove(QgsLayoutPoint(x0, box.top, MM))
        picture.attemptResize(QgsLayoutSize(box.width, box.height, MM))
        expression = f"{prefix} || {page} || '_{k}.svg'"
        picture.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                    QgsProperty.fromExpression(expression))
        items.append(picture)
        for text in chart:
            items.append(_label(layout, text.text, x0 + text.x, box.top + text.y, text.width, text.height,
                                text.size, bold=text.bold, align=ALIGN[text.align]))
        caption = f"[% attribute(@atlas_feature, {QgsExpression.quotedString(caption_field(k))}) %]"
        items.append(_label(layout, caption, x0 + 7.2, box.top + box.height - 2 * LEGEND_ROW, box.width - 7.2,
                            LEGEND_ROW, 6))
    return items
