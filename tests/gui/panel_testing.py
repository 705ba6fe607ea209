"""Constants and helpers of the panel tests (imported by name; conftest.py holds the fixtures)."""
import time
from pathlib import Path

from qgis.core import QgsApplication
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


def bar_messages(iface, level):
    """'title:text' of the messages pushed to the (mock) message bar at ``level``."""
    return iface.messageBar().get_messages(level)
