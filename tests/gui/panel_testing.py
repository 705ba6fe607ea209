"""Constants and helpers of the panel tests (imported by name; conftest.py holds the fixtures)."""
import re
import subprocess
import threading
import time
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer

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
    raise AssertionError(f"the panel's task did not finish within {timeout} s")


def bar_messages(iface, level):
    """'title:text' of the messages pushed to the (mock) message bar at ``level``."""
    return iface.messageBar().get_messages(level)


class UiGaps:
    """Ticks of a 10 ms QTimer on the UI thread while the block runs: ``longest`` is the longest time (s)
    the window could not react, ``count`` the number of ticks."""

    def __init__(self, interval_ms=10):
        self.ticks = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.interval_ms = interval_ms

    def __enter__(self):
        self.ticks = [time.monotonic()]
        self.timer.start(self.interval_ms)
        return self

    def __exit__(self, *_exc):
        self.timer.stop()

    @property
    def count(self):
        return len(self.ticks) - 1

    @property
    def longest(self):
        return max((b - a for a, b in zip(self.ticks, self.ticks[1:])), default=float("inf"))


class HeldInWorker:
    """Replaces ``module.name`` (a function a panel task calls) by one that waits, in the task's worker
    thread, until ``release()`` and then runs the real function. While it waits the task is provably still
    running, however fast the machine: the UI thread can be watched during a task of any length.
    ``threads`` are the threads it was called in; on the UI thread it never waits (that would hang)."""

    def __init__(self, monkeypatch, module, name, timeout=60):
        real = getattr(module, name)
        self.entered, self._released, self.threads = threading.Event(), threading.Event(), []

        def held(*args, **kwargs):
            self.threads.append(threading.current_thread())
            if threading.current_thread() is not threading.main_thread():
                self.entered.set()
                self._released.wait(timeout)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, held)

    def wait_entered(self, timeout=60):
        """Serve the UI event loop until the worker is held; False if it never got there."""
        deadline = time.monotonic() + timeout
        while not self.entered.is_set() and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return self.entered.is_set()

    def release(self):
        self._released.set()


def serve_events(ticks, gaps, timeout=30):
    """Serve the UI event loop until ``gaps`` (a running UiGaps) has counted ``ticks`` more timer ticks."""
    goal, deadline = gaps.count + ticks, time.monotonic() + timeout
    while gaps.count < goal and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return gaps.count >= goal


def pdf_pages(path):
    """{page number: (width, height) in pt} of a PDF, read with pdfinfo (poppler-utils)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {int(m.group(1)): (float(m.group(2)), float(m.group(3)))
            for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out)}
