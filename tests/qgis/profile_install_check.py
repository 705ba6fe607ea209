"""Install the plugin from its repository file into a fresh QGIS profile and load it, as QGIS does.

Run by tests/qgis/test_package.py in a subprocess: ``/usr/bin/python3 -I`` (no repository, no
virtualenv, no PYTHONPATH on sys.path) with a clean environment::

    QGIS_CUSTOM_CONFIG_PATH=CONFIG python3 -I profile_install_check.py REPOSITORY_URL RESULT.json

The profile is QGIS's default one under CONFIG (``CONFIG/profiles/default``), as for qgis_process.
(QGIS 3.40 ignores the ``profileFolder`` argument of QgsApplication unless QGIS_CUSTOM_CONFIG_PATH is set.)

1. fetches REPOSITORY_URL (plugins.xml) through QGIS's network manager, with the ``?qgis=X.Y``
   query QGIS adds, and reads it as QGIS's plugin installer does (``pyqgis_plugin`` elements, the
   plugin id = ``file_name`` up to its first dot, compatibility through QGIS's ``version_compare``);
2. downloads ``download_url`` the same way and installs the ZIP like *Plugins › Install from ZIP*:
   the folder of the shortest ``metadata.txt`` path, extracted with QGIS's own
   ``pyplugin_installer/unzip.py`` into ``<profile>/python/plugins``;
3. puts the profile's plugin folder on sys.path as QGIS's Python start-up does, then loads and
   starts the plugin through ``qgis.utils`` (``classFactory``, ``initGui``) with a minimal iface,
   checks the Processing provider and the German translation, and unloads it again.

Everything it finds goes to RESULT.json; the test asserts on it. Nothing here imports the plugin
directly: only ``qgis.utils`` does, from the profile.
"""
import hashlib
import importlib.util
import json
import os
import sys
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest
from qgis.PyQt.QtWidgets import QMainWindow
from qgis.PyQt.QtXml import QDomDocument

REPO_URL, RESULT = sys.argv[1], Path(sys.argv[2])
result = {"errors": []}


def qgis_module(path):
    """A module of QGIS's own Python folder (pyplugin_installer/…) without its package __init__,
    which needs the desktop application."""
    full = Path(QgsApplication.pkgDataPath()) / "python" / path
    spec = importlib.util.spec_from_file_location(full.stem, str(full))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fetch(url):
    reply = QgsNetworkAccessManager.instance().blockingGet(QNetworkRequest(QUrl(url)))
    if reply.error() != QNetworkReply.NetworkError.NoError:
        raise RuntimeError(f"cannot fetch {url}: {reply.errorString()}")
    return bytes(reply.content())


def read_repository(url):
    version_compare = qgis_module("pyplugin_installer/version_compare.py")
    major, minor = Qgis.QGIS_VERSION_INT // 10000, Qgis.QGIS_VERSION_INT // 100 % 100
    doc = QDomDocument()
    doc.setContent(fetch(f"{url}?qgis={major}.{minor}"))
    nodes = doc.elementsByTagName("pyqgis_plugin")
    plugins = []
    for i in range(nodes.size()):
        node = nodes.item(i)

        def text(tag, node=node):
            return node.firstChildElement(tag).text().strip()

        file_name = text("file_name") or QUrl(text("download_url")).fileName()
        minimum = text("qgis_minimum_version") or "2"
        maximum = text("qgis_maximum_version") or minimum[0] + ".99"
        plugins.append({
            "id": file_name.partition(".")[0],
            "name": node.toElement().attribute("name"),
            "version": node.toElement().attribute("version"),
            "file_name": file_name,
            "download_url": text("download_url"),
            "compatible": bool(version_compare.isCompatible(version_compare.pyQgisVersion(), minimum, maximum)),
            "experimental": text("experimental").upper() in ("TRUE", "YES"),
        })
    return plugins


def install_from_zip(zip_path, plugins_dir):
    """What QgsPluginInstaller.installFromZipFile does, minus its dialogs."""
    import zipfile

    with zipfile.ZipFile(str(zip_path)) as archive:
        metadata = sorted(n for n in archive.namelist() if n.endswith("metadata.txt"))
    folder = os.path.split(metadata[0])[0] if metadata else None
    qgis_module("pyplugin_installer/unzip.py").unzip(str(zip_path), str(plugins_dir))
    return folder


class Iface:
    """The part of QgisInterface the plugin's initGui/unload use; anything else is recorded."""

    def __init__(self):
        self.window = QMainWindow()
        self.calls = []

    def mainWindow(self):  # noqa: N802 (QGIS API name)
        return self.window

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)

    def __getattr__(self, name):
        def record(*args):
            self.calls.append(name)
        return record


def main():
    app = QgsApplication([], True)
    app.initQgis()
    result["qgis_version"] = Qgis.QGIS_VERSION
    result["settings_dir"] = QgsApplication.qgisSettingsDirPath()

    # 1. the repository file
    entries = read_repository(REPO_URL)
    result["repository"] = entries
    entry = entries[0]

    # 2. download and install as the plugin installer does (into QDir.tempPath()/<file_name>)
    data = fetch(entry["download_url"])
    result["download_sha256"] = hashlib.sha256(data).hexdigest()
    download = Path(os.environ.get("TMPDIR", "/tmp")) / entry["file_name"]
    download.write_bytes(data)
    plugins_dir = Path(QgsApplication.qgisSettingsDirPath()) / "python" / "plugins"
    result["zip_folder"] = install_from_zip(download, plugins_dir)
    download.unlink()
    result["installed"] = sorted(p.name for p in plugins_dir.iterdir())

    # 3. what QGIS's Python start-up does for the profile (QgsPythonUtilsImpl), then load it
    import qgis.utils

    system_plugins = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")
    sys.path[:0] = [str(plugins_dir), system_plugins]
    qgis.utils.home_plugin_path = str(plugins_dir)
    qgis.utils.plugin_paths = [str(plugins_dir), system_plugins]

    def show_exception(kind, value, tb, msg, *args, **kwargs):
        result["errors"].append("{}\n{}".format(msg, "".join(traceback.format_exception(kind, value, tb))))

    qgis.utils.showException = show_exception
    iface = Iface()
    qgis.utils.iface = iface
    qgis.utils.updateAvailablePlugins()
    plugin_id = entry["id"]
    result["available"] = plugin_id in qgis.utils.available_plugins
    result["metadata_version"] = qgis.utils.pluginMetadata(plugin_id, "version")
    result["loaded"] = bool(qgis.utils.loadPlugin(plugin_id))
    result["started"] = bool(qgis.utils.startPlugin(plugin_id))
    module = sys.modules.get(plugin_id)
    result["module_file"] = getattr(module, "__file__", None)
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("sozialmonitor")
    result["provider"] = provider is not None
    result["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
    result["legend_de"] = QCoreApplication.translate("Sozialmonitor", "Legend")
    result["iface_calls"] = sorted(set(iface.calls))
    # Plugin modules imported from anywhere but the profile would be a leak of the test set-up.
    result["foreign_modules"] = sorted(
        name for name, mod in sys.modules.items()
        if (name == plugin_id or name.startswith(plugin_id + "."))
        and not str(getattr(mod, "__file__", "") or "").startswith(str(plugins_dir)))
    result["unloaded"] = bool(qgis.utils.unloadPlugin(plugin_id))
    result["provider_after_unload"] = registry.providerById("sozialmonitor") is not None


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001 - everything goes to the result file for the test to show
        result["errors"].append(traceback.format_exc())
    RESULT.write_text(json.dumps(result, indent=1), encoding="utf-8")
    os._exit(0)  # skip QGIS's exit sequence: the result is written, and a crash on exit is not ours
