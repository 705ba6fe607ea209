"""Benchmark: the Sozialmonitor dock panel driven through its whole default flow on synthetic districts,
against the same algorithms run directly with ``processing.run`` (no panel), same run.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_panel.py [--quick] [--districts 100000]
      [--trace 0.2]

Data (bench/synthetic.py): n districts (100 m squares, text key DIST_ID, population EW) and a CSV table
with EW and 10 correlated indicator shares, imperfect as real tables are: every 40th district has no row
and 1 % of the rows have a key without district, so the join report lists thousands of findings; the
MSS-like recipe of ``synthetic.bench_recipe(10)``. The panel (plugin/gui/dock.py docked in an offscreen
main window with a map canvas that draws every layer added, and a minimal stand-in iface) is driven as
a user does, one step after the other, each through its button:

1. preview   *Preview table* (the table reader in a task)
2. join      *Check join* (``sozialmonitor:join_table`` into join_check.gpkg in the work folder, then the join report)
3. compute   *Compute index* (``compute_index`` on the table, ``join_table`` to the districts, result
             layer added and styled, summary: class counts, histogram, diagnostics)
4. map       *Export map* (``sozialmonitor:export_map``, A4 landscape PDF at 300 dpi)

Per step it prints the wall time until the panel is idle again, the longest gap between the ticks of a
10 ms QTimer on the UI thread (the longest time the window could not react), and the time of the same
work done directly: ``read_table`` for the preview, then ``processing.run`` of the same algorithms with
the same parameters. ``panel/direct`` > 1 is the cost of the panel (tasks, UI updates, summary, styling).
``--trace S`` prints where the UI thread was whenever it was blocked for more than S seconds.
Everything is invented; only the shapes are realistic.
"""
import argparse
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("SOZIALMONITOR_LANG", "en")  # before the plugin is imported
import _setup  # noqa: E402,F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import synthetic  # noqa: E402

K = 10
TICK_MS = 10
SETTLE_S = 0.5  # keep measuring after the panel is idle: work queued after a task ends counts too
STEPS = ["preview", "join", "compute", "map"]


class _MessageBar:
    def __init__(self):
        self.messages = []

    def pushMessage(self, title, text, level=0, duration=0):  # noqa: N802 (QGIS API)
        self.messages.append((level, f"{title}: {text}"))


class StandInIface:
    """What the dock uses of QgisInterface (the main window and the message bar), and a map canvas that
    shows the project's layers as QGIS does (drawn in background threads, the image shown on the UI thread)."""

    def __init__(self):
        from qgis.core import QgsProject
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.window.resize(1400, 1000)
        self.bar = _MessageBar()
        QgsProject.instance().layersAdded.connect(self._show_layers)

    def _show_layers(self, _layers):
        from qgis.core import QgsProject

        layers = list(QgsProject.instance().mapLayers().values())
        self.canvas.setDestinationCrs(layers[0].crs())
        self.canvas.setLayers(layers)
        self.canvas.setExtent(layers[0].extent())
        self.canvas.refresh()

    def disconnect(self):
        from qgis.core import QgsProject

        QgsProject.instance().layersAdded.disconnect(self._show_layers)

    def mainWindow(self):  # noqa: N802 (QGIS API)
        return self.window

    def messageBar(self):  # noqa: N802 (QGIS API)
        return self.bar


class UiWatch:
    """Ticks of a QTimer on the UI thread; optionally a sampler thread that records where the UI thread
    was while no tick came (``trace`` seconds without a tick)."""

    def __init__(self, trace=0.0):
        from qgis.PyQt.QtCore import QTimer

        self.ticks = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.trace = trace
        self.samples = {}
        self._stop = threading.Event()
        self._main = threading.main_thread().ident

    def __enter__(self):
        self.ticks = [time.monotonic()]
        self.timer.start(TICK_MS)
        if self.trace:
            self._stop.clear()
            threading.Thread(target=self._sample, daemon=True).start()
        return self

    def __exit__(self, *_exc):
        self.timer.stop()
        self.ticks.append(time.monotonic())
        self._stop.set()

    def _sample(self):
        while not self._stop.wait(self.trace / 4):
            if time.monotonic() - self.ticks[-1] > self.trace:
                frame = sys._current_frames().get(self._main)
                if frame is not None:
                    where = "".join(traceback.format_stack(frame, limit=6))
                    self.samples[where] = self.samples.get(where, 0) + 1

    def longest_gap(self):
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:]))


def wait_until_idle(dock, timeout=1800):
    """Run the event loop (a QEventLoop, not processEvents calls) until the panel's task chain ended."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    idle_since = []

    def check():
        idle = not dock.runner.busy and not QgsApplication.taskManager().countActiveTasks()
        if not idle:
            idle_since.clear()
        elif not idle_since:
            idle_since.append(time.monotonic())
        if (idle_since and time.monotonic() - idle_since[0] >= SETTLE_S) or time.monotonic() > deadline:
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(20)
    loop.exec()
    poll.stop()
    if time.monotonic() > deadline:
        raise RuntimeError(f"the panel did not finish within {timeout} s")
    return idle_since[0]


def make_data(n, folder):
    import pandas as pd

    frame = synthetic.make_frame(n, K)
    districts = synthetic.write_gpkg(frame[["DIST_ID", "EW"]], folder / "districts.gpkg")
    table = folder / "table.csv"
    rows = frame[frame.index % 40 != 0]  # districts without data
    extra = frame.sample(frac=0.01, random_state=1).copy()
    extra["DIST_ID"] = [f"X{i:07d}" for i in range(len(extra))]  # table rows without district
    pd.concat([rows, extra]).to_csv(table, index=False)
    recipe = folder / "recipe.json"
    synthetic.bench_recipe(K).save(recipe)
    return districts, table, recipe


def run_panel(districts_uri, table, recipe_path, folder, trace):
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt
    from sozialmonitor.plugin.gui.dock import SozialmonitorDock

    iface = StandInIface()
    layer = QgsVectorLayer(districts_uri, "districts", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock = SozialmonitorDock(iface, iface.mainWindow())
    iface.mainWindow().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    iface.mainWindow().show()
    iface.mainWindow().resizeDocks([dock], [360], Qt.Orientation.Horizontal)
    dock.districts.layer_combo.setLayer(layer)
    dock.districts.key_combo.setField("DIST_ID")
    dock.table.file_widget.setFilePath(str(table))
    dock.table.key_combo.setEditText("DIST_ID")
    dock.compute.folder_widget.setFilePath(str(folder))
    if not dock.recipe.load_file(str(recipe_path)):
        raise RuntimeError(dock.recipe.message.text())
    dock.printing.pdf_widget.setFilePath(str(folder / "map.pdf"))
    buttons = {"preview": dock.table.preview_button, "join": dock.table.join_button,
               "compute": dock.compute.compute_button, "map": dock.printing.export_button}
    rows, samples = {}, {}
    for step in STEPS:
        with UiWatch(trace) as watch:
            start = time.monotonic()
            buttons[step].click()
            if not dock.runner.busy:
                raise RuntimeError(f"{step}: no task started ({iface.bar.messages})")
            idle = wait_until_idle(dock)
        if iface.bar.messages or dock.status_label.text() != "Done.":
            raise RuntimeError(f"{step}: {dock.status_label.text()} {iface.bar.messages}")
        rows[step] = (idle - start, watch.longest_gap())
        samples.update(watch.samples)
    checks = {"join report": dock.table.join_summary.text(), "pdf bytes": (folder / "map.pdf").stat().st_size}
    dock.teardown()
    iface.disconnect()
    dock.deleteLater()
    QgsProject.instance().clear()
    return rows, checks, samples


def run_direct(districts_uri, table, recipe_path, folder):
    """The same work without the panel: the table reader, then processing.run with the panel's parameters."""
    import processing
    from sozialmonitor.plugin.gui.steps.table import read_preview

    key = {"INPUT": districts_uri, "INPUT_KEY": "DIST_ID", "TABLE_KEY": "DIST_ID", "KEY_RULE": 0, "DUPLICATES": 0}
    times = {}
    start = time.monotonic()
    read_preview(str(table), "DIST_ID", "", "", "")
    times["preview"] = time.monotonic() - start
    start = time.monotonic()
    processing.run("sozialmonitor:join_table", dict(key, TABLE=str(table), OUTPUT=str(folder / "join_check.gpkg"),
                                                    REPORT=str(folder / "join_check.csv")))
    times["join"] = time.monotonic() - start
    start = time.monotonic()
    processing.run("sozialmonitor:compute_index", {"INPUT": str(table), "RECIPE": str(recipe_path),
                                                   "OUTPUT": str(folder / "index_table.gpkg"),
                                                   "OUTPUT_DIAGNOSTICS": str(folder / "diagnostics.csv")})
    processing.run("sozialmonitor:join_table", dict(key, TABLE_LAYER=str(folder / "index_table.gpkg"),
                                                    OUTPUT=str(folder / "result.gpkg"),
                                                    REPORT=str(folder / "join_report.csv")))
    times["compute"] = time.monotonic() - start
    start = time.monotonic()
    processing.run("sozialmonitor:export_map", {"INPUT": str(folder / "result.gpkg"), "FIELD": "idx_class",
                                                "RECIPE": str(recipe_path), "TEMPLATE": 1, "DPI": 300,
                                                "TITLE": "benchmark", "OUTPUT_PDF": str(folder / "map.pdf")})
    times["map"] = time.monotonic() - start
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 districts")
    parser.add_argument("--trace", type=float, default=0.0, metavar="S",
                        help="print where the UI thread was when blocked for more than S seconds")
    args = parser.parse_args()
    n = 10_000 if args.quick else args.districts

    app = _setup.qgis_app(gui=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        districts, table, recipe = make_data(n, tmp)
        (tmp / "panel").mkdir()
        (tmp / "direct").mkdir()
        panel, checks, samples = run_panel(districts, table, recipe, tmp / "panel", args.trace)
        direct = run_direct(districts, table, recipe, tmp / "direct")
    print("{:,} districts x {} indicators; {}".format(n, K, ", ".join(f"{k} {v}" for k, v in checks.items())))
    print("{:<9} {:>9} {:>9} {:>13} {:>16}".format("step", "panel s", "direct s", "panel/direct", "longest UI gap s"))
    for step in STEPS:
        seconds, gap = panel[step]
        print(f"{step:<9} {seconds:9.2f} {direct[step]:9.2f} {seconds / direct[step]:13.2f} {gap:16.3f}")
    total_panel, total_direct = sum(v[0] for v in panel.values()), sum(direct.values())
    print("{:<9} {:9.2f} {:9.2f} {:13.2f} {:16.3f}".format("total", total_panel, total_direct,
                                                           total_panel / total_direct,
                                                           max(v[1] for v in panel.values())))
    if samples:
        print(f"\nUI thread blocked for more than {args.trace} s at:")
        for where, count in sorted(samples.items(), key=lambda item: -item[1]):
            print(f"--- {count} samples\n{where}")
    del app


if __name__ == "__main__":
    main()
