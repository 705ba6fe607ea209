"""Fixtures for the panel tests: the dock on the offscreen pytest-qgis iface, the sample data loaded."""
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from panel_testing import GPKG, wait_idle  # noqa: E402


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
