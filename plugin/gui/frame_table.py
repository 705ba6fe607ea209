"""Values as the panel shows them: numbers in the plugin's language and a read-only table model of a
DataFrame (the table preview)."""
import math

from qgis.PyQt.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt

from ..gis.i18n import locale_code


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

