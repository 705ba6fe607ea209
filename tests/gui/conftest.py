"""Fixtures for the panel tests: the dock on the offscreen pytest-qgis iface, the sample data loaded."""
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
GPKG = SAMPLE / "berlin_lor_2019.gpkg"
TABLE = SAMPLE / "mss2019_index_indicators_shares_plr.csv"


def wait_idle(dock, timeout=120):
    """Let the event loop run until the panel's task chain has ended (the UI thread stays free)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not dock.runner.busy and not QgsApplication.taskManager().countActiveTasks():
            QCoreApplication.processEvents()
            if not dock.runner.busy:
                return
        time.sleep(0.01)
    raise AssertionError("the panel's task did not finish within {} s".format(timeout))


@pytest.fixture
def iface(qgis_iface):
    """pytest-qgis 2.1's mock iface lacks removeDockWidget/removePluginMenu; add no-op versions."""
    for name in ("removeDockWidget", "removePluginMenu", "removeToolBarIcon"):
        if not hasattr(qgis_iface, name):
            setattr(qgis_iface, name, lambda *args: None)
    bar = qgis_iface.messageBar()
    for level in bar.messages:
        bar.messages[level].clear()
    return qgis_iface


@pytest.fixture
def provider(qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    return register_provider()


@pytest.fixture
def districts_layer(qgis_app):
    QgsProject.instance().clear()
    layer = QgsVectorLayer("{}|layername=planungsraeume".format(GPKG), "planungsraeume", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().clear()


@pytest.fixture
def dock(iface, provider, districts_layer):
    from sozialmonitor.plugin.gui.dock import SozialmonitorDock

    panel = SozialmonitorDock(iface, iface.mainWindow())
    panel.resize(420, 900)
    panel.show()
    yield panel
    wait_idle(panel)
    panel.teardown()
    panel.close()
    panel.deleteLater()
    QCoreApplication.processEvents()


def bar_messages(iface, level):
    """'title:text' of the messages pushed to the (mock) message bar at ``level``."""
    return iface.messageBar().get_messages(level)
