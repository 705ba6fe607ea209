"""Small helpers of the panel: loading the Qt Designer forms of ui/, numbers in the plugin's language,
a read-only table of a DataFrame, a histogram of bins, inline message labels."""
import math

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QAbstractTableModel, QLocale, QModelIndex, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPalette
from qgis.PyQt.QtWidgets import QHeaderView, QSizePolicy, QStyle, QWidget

from ..gis.i18n import locale_code
from ..resources import UI_DIR


def load_ui(name, widget):
    """Build ``widget`` from ui/<name> (Qt Designer); its children become attributes named by objectName."""
    uic.loadUi(str(UI_DIR / name), widget)


def ui_locale():
    """The QLocale of the plugin's language (the one its texts are shown in, gis/i18n.locale_code): German
    numbers get the decimal comma whatever the system locale. No group separators: table cells and
    short lines stay unambiguous."""
    locale = QLocale(locale_code())
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def number_text(value, locale, digits=4):
    """``value`` with up to ``digits`` significant digits in ``locale`` (never in exponent form below 1e15)."""
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return locale.toString(int(value))
    if abs(value) >= 10 ** (digits - 1):
        return locale.toString(value, "f", 0)
    decimals = digits - 1 - (int(math.floor(math.log10(abs(value)))) if value else 0)
    text = locale.toString(value, "f", max(decimals, 0))
    point = locale.decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


class FrameModel(QAbstractTableModel):
    """Read-only view of a pandas DataFrame (shows NaN as an empty cell, numbers in the plugin's language)."""

    def __init__(self, frame=None, parent=None):
        super().__init__(parent)
        self.frame = frame
        self.locale = ui_locale()

    def set_frame(self, frame):
        self.beginResetModel()
        self.frame = frame
        self.locale = ui_locale()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008 (Qt API)
        return 0 if self.frame is None or parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008 (Qt API)
        return 0 if self.frame is None or parent.isValid() else len(self.frame.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.frame is None or not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self.frame.iat[index.row(), index.column()], self.locale)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt API)
        if self.frame is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.frame.columns[section])
        return str(section + 1)


def cell_text(value, locale=None):
    """A table cell: '' for None/NaN, floats with 4 significant digits in ``locale`` (default: ui_locale())."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return number_text(value, locale or ui_locale())
    return str(value)


class Histogram(QWidget):
    """Bars of pre-computed bin counts, each bar in the colour of its class; no axes, a caption below.

    ``set_bins(edges, counts, colours)``: len(edges) == len(counts) + 1; colours one per bar (or empty).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edges, self.counts, self.colours = [], [], []
        self.locale = ui_locale()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)

    def sizeHint(self):  # noqa: N802 (Qt API)
        return QSize(240, 96)

    def set_bins(self, edges, counts, colours=()):
        self.edges, self.counts, self.colours = list(edges), list(counts), list(colours)
        self.locale = ui_locale()
        self.setToolTip("\n".join("{} – {}: {}".format(self.locale.toString(float(a), "f", 2),
                                                      self.locale.toString(float(b), "f", 2), n)
                                  for a, b, n in zip(self.edges, self.edges[1:], self.counts)))
        self.update()

    def captions(self):
        """The texts under the bars: the lowest and the highest edge."""
        if not self.edges:
            return "", ""
        return tuple(self.locale.toString(float(v), "f", 1) for v in (self.edges[0], self.edges[-1]))

    def paintEvent(self, _event):  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -18)
        base = self.palette().color(QPalette.ColorRole.Mid)
        painter.setPen(base)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if self.counts and max(self.counts) > 0:
            top = float(max(self.counts))
            width = rect.width() / len(self.counts)
            for i, count in enumerate(self.counts):
                height = rect.height() * count / top
                colour = QColor(self.colours[i]) if i < len(self.colours) else QColor("#8c8c8c")
                painter.fillRect(QRectF(rect.left() + i * width + 0.5, rect.bottom() - height,
                                        max(width - 1.0, 1.0), height), colour)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            text_rect = QRectF(rect.left(), rect.bottom() + 2, rect.width(), 16)
            low, high = self.captions()
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft), low)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight), high)
        painter.end()


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
