"""The plugin loads through classFactory like QGIS loads it, and unload() undoes everything.

pytest-qgis 2.1 (the last release for QGIS < 3.34) has a mock iface without removePluginMenu /
removeDockWidget; the test adds recording versions, so it checks that every add has its remove.
"""
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
import sozialmonitor
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication


@pytest.fixture
def iface(qgis_iface):
    calls = {"menu": [], "unmenu": [], "icon": [], "unicon": [], "dock": [], "undock": []}
    originals = {name: getattr(qgis_iface, name) for name in ("addPluginToMenu", "addToolBarIcon", "addDockWidget")}

    def record(kind, original=None):
        def _call(*args):
            calls[kind].append(args[-1])
            return original(*args) if original else None
        return _call

    qgis_iface.addPluginToMenu = record("menu", originals["addPluginToMenu"])
    qgis_iface.addToolBarIcon = record("icon", originals["addToolBarIcon"])
    qgis_iface.addDockWidget = record("dock", originals["addDockWidget"])
    qgis_iface.removePluginMenu = record("unmenu")
    qgis_iface.removeToolBarIcon = record("unicon")
    qgis_iface.removeDockWidget = record("undock")
    qgis_iface.calls = calls
    yield qgis_iface
    for name, original in originals.items():
        setattr(qgis_iface, name, original)


def _provider_ids():
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


@pytest.fixture
def no_standalone_provider(qgis_processing):
    """Other tests register the provider without the plugin; take it out while the plugin owns it."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialmonitor")
    if existing is not None:
        registry.removeProvider(existing)  # deletes the C++ object
        from sozialmonitor.plugin.processing import provider as provider_module

        provider_module._standalone.clear()
    yield
    if existing is not None:
        from sozialmonitor.plugin.processing.provider import register_provider

        register_provider()


@pytest.fixture
def german(tmp_path, monkeypatch):
    """The plugin's German catalogue compiled from the .ts (as `make translations` does) and chosen."""
    from sozialmonitor.plugin.gis import i18n as gis_i18n

    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    ts = Path(sozialmonitor.__file__).resolve().parent / "resources" / "i18n" / "sozialmonitor_de.ts"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(tmp_path / "sozialmonitor_de.qm")], check=True)
    monkeypatch.setattr(gis_i18n, "I18N_DIR", tmp_path)
    monkeypatch.setenv("SOZIALMONITOR_LANG", "de")


def _log_handlers():
    from sozialmonitor.plugin.gis.logging_handler import QgisLogHandler

    return [h for h in logging.getLogger("sozialmonitor").handlers if isinstance(h, QgisLogHandler)]


def test_load_and_unload_twice(iface, no_standalone_provider, german):
    from sozialmonitor.plugin.core.i18n import tr as core_tr

    for _round in range(2):
        plugin = sozialmonitor.classFactory(iface)
        plugin.initGui()
        assert QCoreApplication.translate("Sozialmonitor", "Legend") == "Legende"  # the translator is installed
        assert core_tr("Legend") == "Legende"
        assert _log_handlers() == [plugin.log_handler]
        assert "sozialmonitor" in _provider_ids()
        algs = [a.id() for a in QgsApplication.processingRegistry().providerById("sozialmonitor").algorithms()]
        for alg in ["sozialmonitor:join_table", "sozialmonitor:compute_index", "sozialmonitor:export_map"]:
            assert alg in algs
        plugin.action.trigger()  # opens the dock
        assert plugin.dock is not None and not plugin.dock.isHidden()  # main window is offscreen
        plugin.unload()
        assert "sozialmonitor" not in _provider_ids()
        assert plugin.action is None and plugin.dock is None
        assert QCoreApplication.translate("Sozialmonitor", "Legend") == "Legend"  # translator removed
        assert core_tr("Legend") == "Legend" and plugin.translator is None
        assert _log_handlers() == []  # log handler removed
    calls = iface.calls
    assert len(calls["menu"]) == len(calls["unmenu"]) == 2
    assert len(calls["icon"]) == len(calls["unicon"]) == 2
    assert len(calls["dock"]) == len(calls["undock"]) == 2


def test_plugin_leaves_an_existing_provider_alone(iface, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    standalone = register_provider()
    plugin = sozialmonitor.classFactory(iface)
    plugin.initGui()
    assert plugin.provider is None  # the registry refused a duplicate; no crash
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("sozialmonitor") is standalone


def test_metadata_is_complete(repo_root):
    import configparser

    meta = configparser.ConfigParser(interpolation=None)
    meta.read(repo_root / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["name"] == "Sozialmonitor"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    for key in ["description", "about", "version", "author", "email", "tags", "changelog", "repository", "tracker"]:
        assert general.get(key, "").strip(), key
    assert (repo_root / general["icon"]).exists()
    text = (repo_root / "metadata.txt").read_text(encoding="utf-8").lower()
    for placeholder in ["todo", "fixme", "your name", "plugin builder", "xxx"]:
        assert placeholder not in text, placeholder
