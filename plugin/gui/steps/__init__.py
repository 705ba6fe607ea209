"""The five steps of the panel. Each step gathers parameters for Processing algorithms and shows results;
the dock (plugin/gui/dock.py) runs the algorithms through plugin/gui/runner.py.

Every step has ``changed`` (emitted on user edits), ``state() -> dict`` and ``set_state(dict)`` for the
project, and ``set_busy(bool)`` to disable its run buttons while a task runs.
"""
