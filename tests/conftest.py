"""Test set-up shared by all tests.

The repository root *is* the plugin folder, so the folder name of a clone is arbitrary.
QGIS imports the plugin as package ``sozialmonitor``; we register the repository root under
that same name so tests import exactly what QGIS imports (``sozialmonitor.plugin.core...``).
"""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _register_package():
    if "sozialmonitor" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        "sozialmonitor", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["sozialmonitor"] = module
    spec.loader.exec_module(module)


_register_package()


@pytest.fixture
def fixtures_dir():
    return FIXTURES


@pytest.fixture
def repo_root():
    return ROOT
