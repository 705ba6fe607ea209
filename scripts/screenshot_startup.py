"""Run inside the QGIS desktop (``qgis --code``) by scripts/screenshot_panel.sh.

Opens the sample layer, shows the Sozialmonitor panel through the plugin's own action (object name
``sozialmonitorShowDock``), waits until QGIS has drawn, saves a PNG of the main window and quits.
Settings come from the environment: SOZ_SCREENSHOT_OUT (PNG path), SOZ_SCREENSHOT_LAYER (vector
file), SOZ_SCREENSHOT_DELAY (ms to wait for rendering), SOZ_SCREENSHOT_FLOW ("compute": also run the
Berlin sample through steps 2-4 and show the result; "none": step 1 only), SOZ_SCREENSHOT_TABLE.
Any failure is written to ``<png>.log`` as a line starting with ``FAILED`` (the calling script then
exits with an error) and QGIS still quits. Before quitting, the project is cleared: QGIS asks "close
the project?" about layers in a temporary folder (``QgsMapLayer.isTemporary``: a clone under /tmp puts
the results there), and that modal question would wait for the calling script's timeout.
"""
import os
import time
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QAction, QDockWidget
from qgis.utils import iface

OUT = os.environ["SOZ_SCREENSHOT_OUT"]
LAYER = os.environ.get("SOZ_SCREENSHOT_LAYER", "")
DELAY = int(os.environ.get("SOZ_SCREENSHOT_DELAY", "6000"))
# "compute": also fill steps 2-3 with the Berlin sample, compute the index and show step 4;
# "none": only step 1 with the layer chosen. Falls back to step 1 when the panel cannot be driven.
FLOW = os.environ.get("SOZ_SCREENSHOT_FLOW", "compute")
TABLE = os.environ.get("SOZ_SCREENSHOT_TABLE", "")
PRESET = os.environ.get("SOZ_SCREENSHOT_PRESET", "Berlin MSS 2019")
WORK = os.environ.get("SOZ_SCREENSHOT_WORK", os.path.dirname(OUT))
STEP = int(os.environ.get("SOZ_SCREENSHOT_STEP", "4"))  # the step shown open after computing (1-5)
LOG = OUT + ".log"


def log(text):
    with open(LOG, "a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def fail(text):
    log("FAILED: " + text)


def quit_qgis():
    # No layer may be left for the "temporary layers will be lost" question, and nothing unsaved.
    project = QgsProject.instance()
    project.clear()
    project.setDirty(False)
    log(f"layers left before exit: {len(project.mapLayers())}")
    # Through QGIS's own File › Exit: QgsApplication.exit() skips QGIS's shutdown sequence, and
    # QGIS 3.22 then crashes while tearing down the layer tree (harmless, but noisy).
    iface.actionExit().trigger()


def open_panel():
    try:
        # Xvfb has no window manager, so "maximised" means nothing: fill the screen by hand.
        iface.mainWindow().setGeometry(QgsApplication.primaryScreen().geometry())
        layer = None
        if LAYER:
            name = LAYER.split("layername=")[-1] if "layername=" in LAYER else os.path.basename(LAYER)
            layer = QgsVectorLayer(LAYER, name, "ogr")
            log(f"layer valid: {layer.isValid()}")
            layer.renderer().symbol().setColor(QColor("#d9d9d9"))  # the same neutral grey every run
            QgsProject.instance().addMapLayer(layer)
            iface.setActiveLayer(layer)
            iface.mapCanvas().setExtent(layer.extent())
        action = iface.mainWindow().findChild(QAction, "sozialmonitorShowDock")
        log(f"action found: {action is not None}")
        if action is None:
            fail("the plugin's action 'sozialmonitorShowDock' is missing (plugin not loaded?)")
            QTimer.singleShot(0, quit_qgis)
            return
        action.trigger()
        if not action.isChecked():  # a checkable action that toggled the panel off again
            action.trigger()
        dock = next((d for d in iface.mainWindow().findChildren(QDockWidget)
                     if d.objectName().startswith("Sozialmonitor")), None)
        if layer is not None and dock is not None:
            # Show the panel as a user sees it after choosing the sample layer in step 1.
            for combo in dock.findChildren(QgsMapLayerComboBox):
                if combo.currentLayer() is None:
                    combo.setLayer(layer)
        iface.mapCanvas().refresh()
        if FLOW == "compute" and dock is None:
            fail("no Sozialmonitor panel")
        if FLOW == "compute" and dock is not None and TABLE and start_compute(dock, layer):
            wait_for(dock, time.monotonic())
        else:
            QTimer.singleShot(DELAY, grab)
    except Exception:  # noqa: BLE001 - any failure must end QGIS, never leave it hanging
        fail(traceback.format_exc())
        QTimer.singleShot(0, quit_qgis)


def start_compute(dock, layer):
    """Fill steps 1-3 as a user does and start step 4 through the panel's own button (see
    tests/gui/test_panel_flow.py). Returns False when this panel cannot be driven that way."""
    try:
        dock.districts.layer_combo.setLayer(layer)
        dock.table.file_widget.setFilePath(TABLE)
        dock.table.key_combo.setEditText("PLR_ID")
        dock.compute.folder_widget.setFilePath(WORK)
        dock.recipe.load_preset(PRESET)
        dock.compute.compute_button.click()
        log("compute started")
        return True
    except Exception:  # noqa: BLE001 - an older/newer panel: no picture of the computed result
        fail("panel not driven:\n" + traceback.format_exc())
        return False


def wait_for(dock, started, limit=60):
    """Poll (without blocking the event loop) until the background task is done, then open step 4."""
    if getattr(dock.runner, "busy", False) and time.monotonic() - started < limit:
        QTimer.singleShot(500, lambda: wait_for(dock, started, limit))
        return
    log(f"compute finished after {time.monotonic() - started:.1f} s: {dock.status_label.text()}")
    if dock.runner.busy or not dock.result:
        fail(f"no result to show: {dock.status_label.text()} "
             f"(see the log panel's Sozialmonitor tab in {os.path.basename(OUT)})")
    if STEP == 2:
        dock.table.join_button.click()  # the join report of step 2
    dock.toolbox.setCurrentIndex(STEP - 1)
    for lyr in QgsProject.instance().mapLayers().values():
        log("layer {}: {}".format(lyr.name(), lyr.renderer().type() if hasattr(lyr, "renderer") else "-"))
    iface.layerTreeView().expandAll()  # show the result's legend (class counts, "nicht bewertet")
    # The legend's "not evaluated" line is long: give the layer panel room so it is not cut off.
    window = iface.mainWindow()
    left = [d for d in window.findChildren(QDockWidget) if d.objectName() in ("Layers", "Browser") and d.isVisible()]
    window.resizeDocks(left, [420] * len(left), Qt.Orientation.Horizontal)
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(DELAY, grab)


def grab():
    try:
        window = iface.mainWindow()
        docks = [d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()]
        log("visible docks: {}".format(", ".join(docks)))
        # 256 colours without dithering: a UI screenshot stays sharp at a quarter of the file size
        image = window.grab().toImage().convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AutoColor)
        ok = image.save(OUT, "PNG")
        log(f"saved {OUT}: {ok}")
        if not ok:
            fail("cannot write " + OUT)
    except Exception:  # noqa: BLE001
        fail(traceback.format_exc())
    QTimer.singleShot(0, quit_qgis)


QTimer.singleShot(1500, open_panel)
