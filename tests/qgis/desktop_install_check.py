"""Run inside the real QGIS desktop (``qgis --code``) by tests/qgis/test_package.py, with a fresh profile.

Installs the plugin the two ways a user does, through QGIS's own plugin installer:

1. *Plugins › Install from ZIP* (``installFromZipFile`` on the ZIP of SOZ_ZIP), then uninstalls it;
2. from an internal repository: the repository SOZ_REPO_URL (plugins.xml) is added to the settings as
   *Settings › Repositories › Add…* does (the official repository switched off: no network here),
   the repositories are fetched and the plugin is installed from the list (``installPlugin``).

After each installation it records what a user would see (plugin active, toolbar action, Processing
provider, plugin enabled in the profile) in the JSON file SOZ_RESULT, then quits QGIS. Any failure is
recorded too, and QGIS still quits.
"""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface

ZIP = os.environ["SOZ_ZIP"]
REPO_URL = os.environ["SOZ_REPO_URL"]
RESULT = os.environ["SOZ_RESULT"]
result = {"errors": []}


def state():
    import qgis.utils

    module = qgis.utils.plugins.get("sozialmonitor")
    # QGIS 3.22: home_plugin_path; newer QGIS: HOME_PLUGIN_PATH
    home = getattr(qgis.utils, "HOME_PLUGIN_PATH", None) or getattr(qgis.utils, "home_plugin_path", None)
    return {
        "active": "sozialmonitor" in qgis.utils.active_plugins,
        "module": type(module).__module__ if module is not None else None,
        "folder": os.path.isdir(os.path.join(home, "sozialmonitor")),
        "home_plugin_path": home,
        "provider": QgsApplication.processingRegistry().providerById("sozialmonitor") is not None,
        "action": iface.mainWindow().findChild(QAction, "sozialmonitorShowDock") is not None,
        "enabled": QgsSettings().value("PythonPlugins/sozialmonitor", False, type=bool),
    }


def allow_experimental():
    try:
        from pyplugin_installer.installer_data import settingsGroup  # QGIS 3.22
    except ImportError:  # newer QGIS: the settings tree
        from qgis.core import QgsSettingsTree

        QgsSettingsTree.node("plugin-manager").childSetting("allow-experimental").setValue(True)
    else:
        QgsSettings().setValue(settingsGroup + "/allowExperimental", True)


def run():
    try:
        import pyplugin_installer
        from pyplugin_installer.installer_data import officialRepo, plugins, reposGroup

        installer = pyplugin_installer.instance()
        result["before"] = state()
        installer.installFromZipFile(ZIP)
        result["from_zip"] = state()
        installer.uninstallPlugin("sozialmonitor", quiet=True)
        result["uninstalled"] = state()

        settings = QgsSettings()
        settings.setValue(f"{reposGroup}/{officialRepo[0]}/url", officialRepo[1])
        settings.setValue(f"{reposGroup}/{officialRepo[0]}/enabled", False)
        settings.setValue(reposGroup + "/Intranet/url", REPO_URL)
        settings.setValue(reposGroup + "/Intranet/enabled", True)
        allow_experimental()  # *Settings › Show also experimental plugins*: the plugin is marked experimental
        installer.fetchAvailablePlugins(reloadMode=True)
        listed = plugins.all().get("sozialmonitor") or {}
        result["listed"] = {key: listed.get(key) for key in ("name", "status", "version_available", "zip_repository",
                                                             "download_url", "filename", "experimental")}
        # metadata.txt says experimental=True: the plugin manager offers *Install Experimental Plugin*
        installer.installPlugin("sozialmonitor", quiet=True, stable=not listed.get("experimental", False))
        result["from_repository"] = state()
    except Exception:  # noqa: BLE001 - recorded for the test; QGIS must quit whatever happens
        result["errors"].append(traceback.format_exc())
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    iface.actionExit().trigger()


QTimer.singleShot(1000, run)
