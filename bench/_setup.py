"""What every benchmark needs before it imports the plugin or QGIS (not a benchmark: run_all skips it).

Importing this module puts bench/, tests/ (whose conftest registers the repository as the package
``sozialmonitor``, as QGIS imports it) and Debian's Processing plugin folder on sys.path and selects the
offscreen Qt platform. ``qgis_app`` starts QGIS with Processing and the real Sozialmonitor provider.
"""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(HERE), str(ROOT / "tests"), "/usr/share/qgis/python/plugins"):
    if _path not in sys.path:
        sys.path.insert(0, _path)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import conftest  # noqa: E402,F401  registers 'sozialmonitor'


def qgis_app(gui=False):
    """A running QgsApplication (``gui``: with widgets, for the panel) with Processing and the provider."""
    from qgis.core import QgsApplication

    app = QgsApplication([], gui)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    return app
