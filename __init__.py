"""Sozialmonitor — small-area social monitoring for QGIS.

QGIS calls ``classFactory``; importing this package has no side effects.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.gui.plugin import SozialmonitorPlugin

    return SozialmonitorPlugin(iface)
