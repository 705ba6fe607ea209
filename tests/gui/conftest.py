"""Fixtures for the panel tests: the dock on the offscreen pytest-qgis iface, the sample data loaded,
the German user interface and the desktop font."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QApplication

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
    layer = QgsVectorLayer(f"{GPKG}|layername=planungsraeume", "planungsraeume", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().clear()


def _open_dock(iface, width, window=True):
    """The panel ``width`` px wide; ``window``: a top-level (floating) window that is really shown and laid
    out offscreen (a child of the mock main window, which is never shown, is not)."""
    from sozialmonitor.plugin.gui.dock import SozialmonitorDock

    panel = SozialmonitorDock(iface, None if window else iface.mainWindow())
    panel.resize(width, 900)
    panel.show()
    QCoreApplication.processEvents()
    return panel


def _close_dock(panel):
    wait_idle(panel)
    panel.teardown()
    panel.close()
    panel.deleteLater()
    QCoreApplication.processEvents()


@pytest.fixture
def dock(iface, provider, districts_layer):
    panel = _open_dock(iface, 420, window=False)
    yield panel
    _close_dock(panel)


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory):
    """resources/i18n/*.ts compiled with lrelease (as `make translations` does) into a temporary folder."""
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted((Path(__file__).resolve().parents[2] / "resources" / "i18n").glob("sozialmonitor_*.ts")):
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out / (ts.stem + ".qm"))], check=True)
    return out


@pytest.fixture
def german_ui(qgis_app, qm_dir, monkeypatch):
    """The plugin in German, as QGIS loads it (SOZIALMONITOR_LANG=de, the compiled catalogue installed)."""
    from sozialmonitor.plugin.gis import i18n as gis_i18n

    monkeypatch.setattr(gis_i18n, "I18N_DIR", qm_dir)
    monkeypatch.setenv("SOZIALMONITOR_LANG", "de")
    translator = gis_i18n.install()
    assert translator is not None
    yield
    gis_i18n.uninstall(translator)


@pytest.fixture
def desktop_font(qgis_app):
    """The font of the QGIS desktop on Linux (Qt's default "Sans Serif" 9 pt; offscreen Qt uses 12 pt)."""
    old = QApplication.font()
    font = QApplication.font()
    font.setFamily("Sans Serif")
    font.setPointSizeF(9.0)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(old)


@pytest.fixture
def narrow_dock(iface, provider, districts_layer, desktop_font):
    """The panel at its default width in QGIS (360 px) with the desktop font."""
    panel = _open_dock(iface, 360)
    yield panel
    _close_dock(panel)


@pytest.fixture
def german_dock(german_ui, iface, provider, districts_layer, desktop_font):
    """``narrow_dock`` in German."""
    panel = _open_dock(iface, 360)
    yield panel
    _close_dock(panel)
