"""A logging handler that writes to the QGIS message log (tab 'Sozialmonitor')."""
import logging

from qgis.core import Qgis, QgsMessageLog

from ..core.redact import redact

TAG = "Sozialmonitor"

_LEVELS = [
    (logging.ERROR, Qgis.MessageLevel.Critical),
    (logging.WARNING, Qgis.MessageLevel.Warning),
    (logging.INFO, Qgis.MessageLevel.Info),
]


class QgisLogHandler(logging.Handler):
    def emit(self, record):
        try:
            message = redact(self.format(record))
        except Exception:  # noqa: BLE001 - logging must never raise into the caller
            self.handleError(record)
            return
        level = next((qgis_level for py_level, qgis_level in _LEVELS if record.levelno >= py_level),
                     Qgis.MessageLevel.Info)
        QgsMessageLog.logMessage(message, TAG, level)
