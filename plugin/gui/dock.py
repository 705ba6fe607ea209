"""The Sozialmonitor dock panel: five steps from a district layer and a table to a printed map.

Each step only gathers parameters and runs the same Processing algorithms as the toolbox and
qgis_process (join_table, compute_index, export_map, export_atlas) through gui/runner.py, one
background task at a time. The panel state lives in the project (gui/state.py).
"""
import os
import tempfile

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from ..core.index.summary import read_summary
from ..core.join.report import read_report_csv
from ..gis.i18n import translate as tr
from ..processing.algorithm import README_URL
from .runner import TaskRunner, user_errors
from .state import ProjectStateMixin
from .steps.compute import ComputeStep
from .steps.districts import DistrictStep
from .steps.print_map import PREVIEW_DPI, PrintStep
from .steps.recipe import RecipeStep
from .steps.table import TableStep

HELP_URL = README_URL.split("#")[0] + "#panel"  # <a id="panel"></a> in README.md


class SozialmonitorDock(ProjectStateMixin, QDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Sozialmonitor"), parent)
        self.iface = iface
        self.setObjectName("SozialmonitorDock")
        self.runner = TaskRunner(self)
        self.result = {}  # paths of the last computed result: map layer, index table, recipe
        self._restoring = False
        self._build()
        self._connect()
        self.restore_state()

    # ---------------------------------------------------------------- layout
    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.toolbox = QToolBox(body)
        self.toolbox.setObjectName("steps")
        self.districts = DistrictStep()
        self.table = TableStep()
        self.recipe = RecipeStep()
        self.compute = ComputeStep()
        self.printing = PrintStep()
        titles = [tr("1 · Districts"), tr("2 · Indicator table and join report"), tr("3 · Index recipe"),
                  tr("4 · Compute"), tr("5 · Print")]
        for step, title in zip([self.districts, self.table, self.recipe, self.compute, self.printing], titles):
            scroll = QScrollArea(self.toolbox)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            # Steps fit the default width (360 px); a larger font or a narrower dock scrolls, never clips.
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            scroll.setWidget(step)
            self.toolbox.addItem(scroll, title)
        layout.addWidget(self.toolbox, 1)

        status = QHBoxLayout()
        self.status_label = QLabel(tr("Ready."), body)
        self.status_label.setObjectName("statusLabel")
        self.progress = QProgressBar(body)
        self.progress.setObjectName("progressBar")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setMaximumHeight(16)
        self.cancel_button = QPushButton(tr("Cancel"), body)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.help_button = QPushButton(tr("Help"), body)
        self.help_button.setObjectName("helpButton")
        self.help_button.setToolTip(tr("Open the panel's section of the Sozialmonitor manual"))
        status.addWidget(self.progress, 1)
        status.addWidget(self.cancel_button)
        status.addWidget(self.help_button)
        layout.addWidget(self.status_label)
        layout.addLayout(status)
        self.setWidget(body)
        self.setMinimumWidth(360)

    def _connect(self):
        self.runner.started.connect(self._task_started)
        self.runner.progress.connect(lambda value: self.progress.setValue(int(value)))
        self.runner.done.connect(self._task_done)
        self.runner.failed.connect(self.show_error)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.help_button.clicked.connect(self.open_help)
        self.table.preview_button.clicked.connect(self.preview_table)
        self.table.join_button.clicked.connect(self.check_join)
        self.table.columns_changed.connect(self.recipe.set_columns)
        self.recipe.validity_changed.connect(lambda _v: self._update_buttons())
        self.recipe.changed.connect(lambda: self.printing.set_recipe(self.recipe.recipe()))
        self.compute.compute_button.clicked.connect(self.compute_index)
        self.printing.preview_button.clicked.connect(self.preview_map)
        self.printing.export_button.clicked.connect(self.export_map)
        self.printing.atlas_button.clicked.connect(self.export_atlas)
        self.printing.web_atlas_button.clicked.connect(self.export_web_atlas)
        for step in self.steps():
            step.changed.connect(self._changed)
        self.follow_project(True)

    def _page_of(self, step):
        return next(self.toolbox.widget(i) for i in range(self.toolbox.count())
                    if self.toolbox.widget(i).widget() is step)

    def steps(self):
        return [self.districts, self.table, self.recipe, self.compute, self.printing]

    def teardown(self):
        """Called by the plugin's unload(): stop the running task and leave the project alone."""
        self.runner.cancel()
        self.follow_project(False)

    # ---------------------------------------------------------------- busy / messages
    def _task_started(self, label):
        self.progress.setValue(0)
        self.status_label.setText(tr("Running: {task}…").format(task=label))
        self._update_buttons()

    def _task_done(self, ok, _results, error):
        self.progress.setValue(100 if ok else 0)
        if error:
            self.show_error(error)
        elif not ok:
            self.status_label.setText(tr("Cancelled."))
        else:
            self.status_label.setText(tr("Done."))
        self._update_buttons()

    def _update_buttons(self):
        busy = self.runner.busy
        for step in (self.districts, self.table, self.recipe):
            step.set_busy(busy)
        self.compute.set_busy(busy)
        self.compute.compute_button.setEnabled(not busy and self.recipe.valid)
        self.printing.set_busy(busy, has_result=os.path.isfile(self.result.get("map", "")))
        self.cancel_button.setEnabled(busy)

    def show_error(self, text):
        self.status_label.setText(tr("Stopped: see the message bar."))
        self.iface.messageBar().pushMessage(tr("Sozialmonitor"), text, Qgis.MessageLevel.Critical, 10)

    def show_problem(self, text):
        self.iface.messageBar().pushMessage(tr("Sozialmonitor"), text, Qgis.MessageLevel.Warning, 6)

    def open_help(self):
        QDesktopServices.openUrl(QUrl(HELP_URL))

    def work_dir(self):
        """The output folder of step 4 (default: a 'sozialmonitor' folder next to the project, else temp)."""
        folder = self.compute.folder()
        if not folder:
            home = QgsProject.instance().homePath()
            folder = os.path.join(home, "sozialmonitor") if home else os.path.join(tempfile.gettempdir(),
                                                                                 "sozialmonitor")
        os.makedirs(folder, exist_ok=True)
        return folder

    def _first_problem(self, *steps):
        for step in steps:
            problem = step.problem()
            if problem:
                self.show_problem(problem)
                return True
        return False

    # ---------------------------------------------------------------- step 2
    @user_errors
    def preview_table(self):
        if self.runner.busy or self._first_problem(self.table):
            return
        self.runner.run_function(tr("Reading the table"), self.table.preview_function(),
                                 lambda ok, result, _e: ok and self.table.show_preview(result))

    @user_errors
    def check_join(self):
        if self.runner.busy or self._first_problem(self.districts, self.table):
            return
        report = os.path.join(self.work_dir(), "join_check.csv")
        # the check's joined layer goes to a file in the work folder, not to a temporary layer: a memory layer
        # of 100,000 districts took 0.15-0.3 s to delete on the UI thread when the next task replaced the context
        joined = os.path.join(self.work_dir(), "join_check.gpkg")
        params = self.table.join_parameters(self.districts, report, output=joined)
        self.table.clear_report()
        for path in (report, joined):
            if os.path.isfile(path):
                os.remove(path)  # our own check files: a report found after a failure is this run's

        def done(ok, results, error):
            if ok and results.get("REPORT"):
                self._read_report(results["REPORT"], then=self.save_state)
            elif error and os.path.isfile(report):
                # too few matches: the message bar names the cause, the report lists what did not match
                self._read_report(report)

        self.runner.run_algorithm("sozialmonitor:join_table", params, done)

    def _read_report(self, path, then=None):
        """Read the join report in a task and show it in step 2; then ``then()`` (also when the report could
        not be read, but not after Cancel)."""
        def done(ok, data, error):
            if ok:
                self.table.show_report(path, data)
            if then is not None and (ok or error):
                then()

        self.runner.run_function(tr("Reading the join report"), lambda _fb: read_report_csv(path), done)

    # ---------------------------------------------------------------- step 4
    @user_errors
    def compute_index(self):
        if self.runner.busy or self._first_problem(self.districts, self.table):
            return
        recipe = self.recipe.recipe()
        if recipe is None:
            self.show_problem(tr("The index recipe has a problem (step 3): {msg}").format(
                msg=self.recipe.message.text()))
            return
        folder = self.work_dir()
        recipe_path = os.path.join(folder, "recipe.json")
        if not self.compute.table_first.isChecked() and recipe.metadata.key_field:
            # The joined layer carries the district key; the table's key column is not copied.
            recipe.metadata.key_field = self.districts.key_field()
        recipe.save(recipe_path)
        self.result = {}
        self.compute.clear_summary()
        first, second, paths = self.compute.run_chain(self.districts, self.table, folder, recipe_path)
        self._remove_layers_of(paths["map"])

        def after_second(ok, _results, _error):
            if ok:
                self._result_ready(paths, recipe)

        def after_first(ok, _results, _error):
            if ok:
                self.runner.run_algorithm(second[0], second[1], after_second)

        self.runner.run_algorithm(first[0], first[1], after_first)

    def _result_ready(self, paths, recipe):
        self.result = paths
        layer = QgsVectorLayer(paths["map"], tr("Sozialmonitor: {title}").format(
            title=recipe.metadata.title or tr("social index")), "ogr")
        QgsProject.instance().addMapLayer(layer)
        self.result["layer_id"] = layer.id()
        self.printing.set_recipe(recipe)
        self.save_state()
        self.toolbox.setCurrentWidget(self._page_of(self.compute))
        if not self.table.report_path:
            # No check in step 2: show the report of the join that made the map (rows = index table rows).
            self._read_report(paths["report"], then=lambda: self._run_summary(recipe, style=True))
        else:
            self._run_summary(recipe, style=True)

    def _run_summary(self, recipe, style):
        """Show the summary compute_index wrote; with ``style``, style the result layer with
        sozialmonitor:style_layer (classes, secrecy hatch, aliases) first."""
        paths = dict(self.result)

        def show(*_args):
            if os.path.isfile(paths.get("summary", "")):
                self.compute.show_summary(read_summary(paths["summary"]))
            self._update_buttons()

        if not style or not paths.get("layer_id"):
            show()
            return
        field = self.printing.field() or (recipe.indices[0].id + "_class")
        self.runner.run_algorithm("sozialmonitor:style_layer", {
            "INPUT": paths["layer_id"], "FIELD": field, "RECIPE": paths["recipe"]}, show)

    def _remove_layers_of(self, path):
        project = QgsProject.instance()
        target = os.path.abspath(path)
        for layer in list(project.mapLayers().values()):
            if os.path.abspath(layer.source().split("|")[0]) == target:
                project.removeMapLayer(layer.id())

    # ---------------------------------------------------------------- step 5
    def _print_inputs(self):
        if self.runner.busy:
            return None
        if not os.path.isfile(self.result.get("map", "")):
            self.show_problem(tr("Compute the index first (step 4)."))
            return None
        return self.result["map"], self.result["recipe"]

    @user_errors
    def preview_map(self):
        inputs = self._print_inputs()
        if inputs is None:
            return
        folder = self.work_dir()
        png = os.path.join(folder, "preview.png")
        params = self.printing.map_parameters(inputs[0], inputs[1], os.path.join(folder, "preview.pdf"), png,
                                              dpi=PREVIEW_DPI)
        self.runner.run_algorithm("sozialmonitor:export_map", params,
                                  lambda ok, _r, _e: ok and self.printing.show_preview(png))

    def _base_pdf(self):
        return self.printing.pdf_path() or os.path.join(self.work_dir(), "sozialmonitor_map.pdf")

    def _export(self, alg_id, params, output_keys):
        self.runner.run_algorithm(alg_id, params, lambda ok, results, _e: ok and self.printing.show_written(
            [results.get(key) for key in output_keys]))

    @user_errors
    def export_map(self):
        inputs = self._print_inputs()
        if inputs is not None:
            pdf = self._base_pdf()
            png = os.path.splitext(pdf)[0] + ".png" if self.printing.png_check.isChecked() else None
            self._export("sozialmonitor:export_map", self.printing.map_parameters(inputs[0], inputs[1], pdf, png),
                         ["OUTPUT_PDF", "OUTPUT_PNG"])

    @user_errors
    def export_atlas(self):
        inputs = self._print_inputs()
        if inputs is not None:
            pdf = os.path.splitext(self._base_pdf())[0] + "_atlas.pdf"
            self._export("sozialmonitor:export_atlas", self.printing.atlas_parameters(
                inputs[0], inputs[1], self.districts.key_field(), self.districts.name_field(), pdf), ["OUTPUT_PDF"])

    @user_errors
    def export_web_atlas(self):
        inputs = self._print_inputs()
        if inputs is not None:
            folder = os.path.splitext(self._base_pdf())[0] + "_web_atlas"
            self._export("sozialmonitor:export_web_atlas", self.printing.web_atlas_parameters(
                inputs[0], inputs[1], self.districts.key_field(), self.districts.name_field(), folder),
                ["INDEX_HTML"])
