"""The panel's Qt Designer forms (ui/*.ui) and the small layout and message helpers their widgets share."""

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHeaderView, QStyle

from ..resources import UI_DIR


def load_ui(name, widget):
    """Build ``widget`` from ui/<name> (Qt Designer); its children become attributes named by objectName."""
    uic.loadUi(str(UI_DIR / name), widget)


def tidy_table(table):
    """Compact rows; columns fit their contents, the last one stretches."""
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(20)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)


def fit_height(table, max_rows):
    """Show up to ``max_rows`` rows without an inner vertical scroll bar.

    Room for the horizontal scroll bar is added while the columns are wider than the table. Whether they
    are is only known once the table is shown at its final width (and changes with the dock's width), so
    the height follows the scroll bar's range; a bar that appeared later would otherwise cover the last row.
    """
    table.resizeRowsToContents()
    table.setProperty("fitRows", int(max_rows))
    if not table.property("fitHeightWatched"):
        table.setProperty("fitHeightWatched", True)
        table.horizontalScrollBar().rangeChanged.connect(lambda _low, _high, t=table: _apply_fit(t))
    _apply_fit(table)


def _apply_fit(table):
    rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), int(table.property("fitRows") or 0))))
    scroll = 0
    bar = table.horizontalScrollBar()
    if table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn or (
            table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded and bar.maximum() > 0):
        scroll = max(table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table),
                     bar.sizeHint().height())
    table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + scroll)


def show_message(label, text, level="info"):
    """Show ``text`` in ``label``; level 'error' red, 'ok' green, 'info' plain; empty text hides it."""
    colours = {"error": "#b00020", "ok": "#1b6e20", "warning": "#8a5300", "info": ""}
    label.setStyleSheet(f"color: {colours[level]};" if colours[level] else "")
    label.setText(text)
    label.setVisible(bool(text))

