"""gui/runner.py: background tasks report success, plain errors and cancellation on the main thread."""
import pytest
from panel_testing import GPKG
from qgis.PyQt.QtCore import QCoreApplication


@pytest.fixture
def runner(qgis_app, provider):
    from sozialmonitor.plugin.gui.runner import TaskRunner

    return TaskRunner()


def run_to_end(runner, start):
    import time

    outcome = []
    start(lambda ok, result, error: outcome.append((ok, result, error)))
    deadline = time.monotonic() + 60
    while not outcome and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert outcome, "no result within 60 s"
    assert not runner.busy
    return outcome[0]


def test_function_result_arrives_on_the_main_thread(runner):
    import threading

    main = threading.get_ident()
    seen = {}

    def work(_feedback):
        seen["thread"] = threading.get_ident()
        return 6 * 7

    ok, result, error = run_to_end(runner, lambda cb: runner.run_function("answer", work, cb))
    assert (ok, result, error) == (True, 42, "")
    assert seen["thread"] != main


def test_plain_error_message_without_traceback(runner):
    from sozialmonitor.plugin.core.errors import TableError

    def work(_feedback):
        raise TableError("Table file x.csv does not exist.", details="looked in /nowhere")

    ok, _result, error = run_to_end(runner, lambda cb: runner.run_function("read", work, cb))
    assert not ok and error == "Table file x.csv does not exist."


def test_a_bug_is_reported_not_raised(runner):
    ok, _result, error = run_to_end(runner, lambda cb: runner.run_function("bug", lambda _f: 1 / 0, cb))
    assert not ok and "failed; see the log panel" in error and "ZeroDivision" not in error


def test_invalid_parameters_are_refused_before_a_task_starts(runner):
    params = {"INPUT": f"{GPKG}|layername=planungsraeume", "INPUT_KEY": "id", "OUTPUT": "memory:"}
    ok, _result, error = run_to_end(runner, lambda cb: runner.run_algorithm("sozialmonitor:join_table", params, cb))
    assert not ok and "TABLE_KEY" in error  # QGIS names the missing parameter


def test_unknown_algorithm(runner):
    ok, _result, error = run_to_end(runner, lambda cb: runner.run_algorithm("sozialmonitor:nope", {}, cb))
    assert not ok and "sozialmonitor:nope" in error
