"""The Sozialmonitor dock panel (placeholder size; the guided steps live in gui/steps/)."""
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget


def tr(text):
    return QCoreApplication.translate("Sozialmonitor", text)


class SozialmonitorDock(QDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Sozialmonitor"), parent)
        self.iface = iface
        self.setObjectName("SozialmonitorDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        label = QLabel(tr("Social monitoring: join indicator tables, compute the social index, print maps."), body)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addStretch(1)
        self.setWidget(body)
