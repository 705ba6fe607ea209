"""Background work for the panel: one task at a time, with progress, cancel and plain-language errors.

``TaskRunner.run_algorithm`` runs a Processing algorithm (the same ``sozialmonitor:…`` ids as the
toolbox and ``qgis_process``) in a ``QgsProcessingAlgRunnerTask``; ``run_function`` runs a small
read-only helper (table preview, summary) in a ``QgsTask``. Both go to ``QgsApplication.taskManager()``,
so the window never freezes. Results arrive on the main thread in ``done(ok, results, error)``;
callbacks given to ``run_*`` are called the same way. Nothing here touches widgets or the project
from a worker thread. ``user_errors`` guards the panel's button slots the same way: plain message,
details in the log (tab "Sozialmonitor"), never a traceback dialog.
"""
import functools
import logging
import traceback

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMessageLog,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import SozialmonitorError
from ..gis.i18n import translate as tr
from ..gis.logging_handler import TAG

LOG = logging.getLogger(__name__)


class _Feedback(QgsProcessingFeedback):
    """Keeps the run's log (for the message log) and the error for the message bar: the last fatal one, else
    the last one — the algorithm's exception message arrives after the details it reported (a join report)."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.error = ""
        self._fatal = False

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS API)
        self.lines.append(error)
        if fatalError or not self._fatal:
            self.error = error
            self._fatal = self._fatal or bool(fatalError)
        super().reportError(error, fatalError)

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API, 3.20+)
        self.lines.append(warning)
        super().pushWarning(warning)


class TaskRunner(QObject):
    """Runs one background task at a time.

    Signals: ``started(label)``, ``progress(percent)``, ``done(ok, results, error)``, ``failed(message)``
    when a callback raised a SozialmonitorError or OSError; ``busy`` tells
    whether a task is running. ``cancel()`` asks the running task to stop (the algorithms check
    ``feedback.isCanceled()``); ``done`` then reports ``ok=False`` with an empty error.
    """

    started = pyqtSignal(str)
    progress = pyqtSignal(float)
    done = pyqtSignal(bool, object, str)
    failed = pyqtSignal(str)  # a callback could not use the results (e.g. a file vanished): plain message

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None
        self.feedback = None
        self.context = None
        self.label = ""
        self._callback = None
        self._user_cancelled = False

    @property
    def busy(self):
        return self.task is not None

    def run_algorithm(self, alg_id, parameters, callback=None, label=""):
        """Start ``alg_id`` with ``parameters`` in the background; ``callback(ok, results, error)`` at the end."""
        if self.busy:
            raise RuntimeError("a task is already running")
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        if alg is None:
            self._finish_now(callback, tr("The algorithm {alg} is not available. Is the Sozialmonitor "
                                          "provider enabled in the Processing options?").format(alg=alg_id))
            return
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        ok, message = alg.checkParameterValues(parameters, self.context)
        if not ok:
            self.context = None  # drops the layers the check loaded now, not at interpreter exit
            self._finish_now(callback, message)
            return
        self._user_cancelled = False
        self.feedback = _Feedback()
        self.feedback.progressChanged.connect(self.progress.emit)
        self.label = label or alg.displayName()
        self.task = QgsProcessingAlgRunnerTask(alg, parameters, self.context, self.feedback)
        self.task.executed.connect(self._algorithm_executed)
        self._start(alg_id, parameters, callback)

    def run_function(self, label, function, callback=None):
        """Run ``function(feedback)`` (pure reading/computing, no widgets) in a QgsTask."""
        if self.busy:
            raise RuntimeError("a task is already running")
        self._user_cancelled = False
        self.feedback = _Feedback()
        self.feedback.progressChanged.connect(self.progress.emit)
        self.context = None
        self.label = label
        outcome = {}
        feedback = self.feedback

        def work(_task):
            try:
                outcome["result"] = function(feedback)
            except SozialmonitorError as err:
                outcome["error"], outcome["details"] = err.message, err.details
            except Exception:  # noqa: BLE001 - a bug: keep the traceback for the log, not for a dialog
                outcome["details"] = traceback.format_exc()
            return True

        self.task = QgsTask.fromFunction(label, work, on_finished=lambda *_a: self._function_finished(outcome))
        self._start(label, None, callback)

    def cancel(self):
        if self.task is not None:
            self._user_cancelled = True
            self.feedback.cancel()
            self.task.cancel()

    # ---------------------------------------------------------------- internals
    def _start(self, what, parameters, callback):
        self._callback = callback
        if parameters is not None:
            QgsMessageLog.logMessage(tr("Running {alg} with {params}").format(alg=what, params=parameters),
                                     TAG, Qgis.MessageLevel.Info)
        self.started.emit(self.label)
        QgsApplication.taskManager().addTask(self.task)

    def _algorithm_executed(self, ok, results):
        # A task also cancels itself when the algorithm's prepare step fails; that is an error, not a cancel.
        canceled = self._user_cancelled
        error = ""
        if not ok and not canceled:
            error = self.feedback.error or tr("{task} failed; see the log panel (Sozialmonitor).").format(
                task=self.label)
        self._log(ok, canceled, error)
        self._finish(ok and not canceled, dict(results or {}), error)

    def _function_finished(self, outcome):
        canceled = self._user_cancelled
        error = outcome.get("error", "")
        if outcome.get("details"):
            self.feedback.lines.append(str(outcome["details"]))
        ok = "result" in outcome and not canceled and not error
        if not ok and not canceled and not error:
            error = tr("{task} failed; see the log panel (Sozialmonitor).").format(task=self.label)
        self._log(ok, canceled, error)
        self._finish(ok, outcome.get("result"), error)

    def _log(self, ok, canceled, error):
        if canceled:
            QgsMessageLog.logMessage(tr("{task}: cancelled.").format(task=self.label), TAG, Qgis.MessageLevel.Info)
        elif not ok:
            details = "\n".join([error] + [line for line in self.feedback.lines if line != error])
            QgsMessageLog.logMessage(details, TAG, Qgis.MessageLevel.Critical)

    def _finish(self, ok, results, error):
        callback = self._callback
        self.task, self._callback = None, None
        self.done.emit(ok, results, error)
        self._call(callback, ok, results, error)

    def _finish_now(self, callback, error):
        QgsMessageLog.logMessage(error, TAG, Qgis.MessageLevel.Critical)
        self.done.emit(False, {}, error)
        self._call(callback, False, {}, error)

    def _call(self, callback, ok, results, error):
        if callback is None:
            return
        try:
            callback(ok, results, error)
        except (SozialmonitorError, OSError) as err:
            self.failed.emit(_logged(err))


def user_errors(slot):
    """Decorator for the panel's button slots: a foreseeable problem (unwritable folder, a result file that
    vanished) goes to ``self.show_error`` in plain words and the log, never to a traceback dialog."""
    @functools.wraps(slot)
    def wrapper(self, *_signal_args):
        try:
            return slot(self)
        except (SozialmonitorError, OSError) as err:
            self.show_error(_logged(err))
        return None
    return wrapper


def _logged(err):
    """Log a foreseeable error with its details; return the plain message for the message bar."""
    if isinstance(err, SozialmonitorError):
        message, details = err.message, str(err.details or "")
    else:
        message = tr("Cannot read or write {path}: {err}").format(path=err.filename or "", err=err.strerror or err)
        details = traceback.format_exc()
    QgsMessageLog.logMessage("\n".join(filter(None, [message, details])), TAG, Qgis.MessageLevel.Critical)
    return message
