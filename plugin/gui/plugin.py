"""The QGIS plugin object: wires actions, menu, dock, Processing provider, translator and log.

``unload()`` undoes everything ``initGui()`` did, so the plugin can be reloaded in one session.
"""
import logging

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon

from ..gis import i18n as gis_i18n
from ..gis.compat import QAction
from ..gis.logging_handler import QgisLogHandler
from ..processing.provider import SozialmonitorProvider
from ..resources import ICON

MENU = "&Sozialmonitor"
LOGGER_NAME = __name__.split(".plugin.")[0]  # the plugin package ('sozialmonitor')


def tr(text):
    return QCoreApplication.translate("Sozialmonitor", text)


class SozialmonitorPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.dock = None
        self.translator = None
        self.log_handler = None

    # Processing is initialised separately so qgis_process gets the provider without a GUI.
    def initProcessing(self):  # noqa: N802
        # QGIS calls initProcessing before initGui (and qgis_process only that): load the translator
        # first, because algorithms translate their parameter descriptions when they are registered.
        self._install_translator()
        if self.provider is None:
            provider = SozialmonitorProvider()
            # addProvider refuses (and deletes) a second provider with the same id, e.g. one a
            # script registered; then that one stays in charge and unload() leaves it alone.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider
            else:
                logging.getLogger(LOGGER_NAME).warning(
                    "A Processing provider 'sozialmonitor' is already registered; keeping it.")

    def _install_translator(self):
        if self.translator is None:
            self.translator = gis_i18n.install()

    def initGui(self):  # noqa: N802
        self._install_translator()
        self.log_handler = QgisLogHandler()
        logging.getLogger(LOGGER_NAME).addHandler(self.log_handler)
        self.initProcessing()

        self.action = QAction(QIcon(str(ICON)), tr("Sozialmonitor"), self.iface.mainWindow())
        self.action.setObjectName("sozialmonitorShowDock")
        self.action.setToolTip(tr("Show the Sozialmonitor panel"))
        self.action.setCheckable(True)
        self.action.triggered.connect(self.toggle_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU, self.action)

    def toggle_dock(self, checked=True):
        if self.dock is None:
            from .dock import SozialmonitorDock

            self.dock = SozialmonitorDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.action.setChecked)
        self.dock.setVisible(bool(checked))

    def unload(self):
        if self.dock is not None:
            self.dock.teardown()
            self.iface.removeDockWidget(self.dock)
            self.dock.close()
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.log_handler is not None:
            logging.getLogger(LOGGER_NAME).removeHandler(self.log_handler)
            self.log_handler = None
        gis_i18n.uninstall(self.translator)
        self.translator = None
