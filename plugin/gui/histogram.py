"""A small histogram widget: the distribution of the index score, bars in the class colours."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPalette
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from .frame_table import ui_locale


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

