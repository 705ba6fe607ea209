"""A failed PostgreSQL connection never shows its password: not in the error, not in the log.

No database is needed: the connection goes to a closed port (before: the message echoed
``password='Geheim-Pw-123'``).
"""
import logging
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

SECRET = "Geheim-Pw-123"
GPKG = Path(__file__).resolve().parents[1] / "fixtures" / "geometry" / "broken.gpkg"


@pytest.fixture(scope="module")
def run(qgis_app, qgis_processing):
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    import processing

    return processing.run


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def reportError(self, text, fatal=False):  # noqa: N802
        self.lines.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)


@pytest.mark.parametrize("database", [
    f"host=127.0.0.1 port=1 dbname=gis user=planer password={SECRET} connect_timeout=2",
    f"host=127.0.0.1 port=1 dbname=gis user=planer password='{SECRET} x' connect_timeout=2",
    f"postgresql://planer:{SECRET}@127.0.0.1:1/gis",
])
def test_failed_connection_masks_the_password(run, database):
    log = Log()
    with pytest.raises(QgsProcessingException) as info:
        run("sozialmonitor:export_postgis", {"INPUT": f"{GPKG}|layername=grid", "DATABASE": database,
                                             "SCHEMA": "public", "TABLE": "t"}, feedback=log)
    text = str(info.value) + "\n".join(log.lines)
    assert SECRET not in text
    assert "***" in text and ("Cannot connect" in text or "No PostgreSQL connection" in text)


def test_log_handler_masks_the_password(qgis_app):
    from sozialmonitor.plugin.gis.logging_handler import TAG, QgisLogHandler

    seen = []

    def collect(message, tag, _level):
        if tag == TAG:
            seen.append(message)

    QgsApplication.messageLog().messageReceived.connect(collect)
    logger = logging.getLogger("sozialmonitor.test_secrets")
    handler = QgisLogHandler()
    logger.addHandler(handler)
    try:
        logger.warning("retrying dbname=gis user=planer password=%s", SECRET)
    finally:
        logger.removeHandler(handler)
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert seen and SECRET not in seen[-1] and "password=***" in seen[-1]
