"""Test set-up shared by all tests.

The repository root *is* the plugin folder, so the folder name of a clone is arbitrary.
QGIS imports the plugin as package ``sozialmonitor``; we register the repository root under
that same name so tests import exactly what QGIS imports (``sozialmonitor.plugin.core...``).
"""
import importlib.util
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The plugin follows the QGIS/system language; tests expect the English source texts on every
# machine unless they switch the language themselves (tests/qgis/test_i18n.py, the `german` fixture).
os.environ["SOZIALMONITOR_LANG"] = "en"


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


def ts_catalogue(lang="de"):
    """{English source: translation} of resources/i18n/sozialmonitor_<lang>.ts (finished entries only)."""
    out = {}
    root = ET.parse(ROOT / "resources" / "i18n" / f"sozialmonitor_{lang}.ts").getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and not translation.get("type"):
            out[message.findtext("source")] = translation.text
    return out


def _german_texts():
    from sozialmonitor.plugin.core import i18n

    catalogue = ts_catalogue("de")
    i18n.set_translator(lambda text: catalogue.get(text, text))
    yield catalogue
    i18n.set_translator(None)


@pytest.fixture
def german():
    """German texts for everything that goes through core ``tr()`` (legend labels, aliases, messages),
    read straight from the .ts, so no compiled .qm and no QGIS locale are needed. Without it, tests
    see the English source texts (no translator installed)."""
    yield from _german_texts()


@pytest.fixture(scope="module")
def german_module():
    """``german`` for module-scoped fixtures."""
    yield from _german_texts()


def _digests(folders):
    import hashlib

    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    """``run(alg, params, feedback=None)``: processing.run of ``sozialmonitor:<alg>`` with the provider
    registered (a test module may define its own ``run``)."""
    from qgis.core import QgsProcessingFeedback
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    def _run(alg, params, feedback=None):
        return processing.run("sozialmonitor:" + alg, params, feedback=feedback or QgsProcessingFeedback())

    return _run


@pytest.fixture(scope="session", autouse=True)
def inputs_stay_untouched():
    """Source layers and tables are never modified: after the whole run, every shipped sample and test
    fixture is byte for byte what it was (a GeoPackage opened for writing changes at least its header)."""
    folders = [ROOT / "resources", FIXTURES]
    before = _digests(folders)
    yield
    after = _digests(folders)
    changed = sorted(name for name in before if after.get(name) != before[name])
    added = sorted(set(after) - set(before))
    assert not changed and not added, f"the test run modified inputs: {changed} {added}"
