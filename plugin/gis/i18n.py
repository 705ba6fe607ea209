"""Route core ``tr()`` to Qt's translation system and load the plugin's .qm catalogue."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..core import i18n
from ..resources import RESOURCES

I18N_DIR = RESOURCES / "i18n"


def translate(text):
    return QCoreApplication.translate(i18n.CONTEXT, text)


def locale_code():
    """Two-letter UI language of QGIS ('de', 'en', ...).

    SOZIALMONITOR_LANG (e.g. ``de``) overrides it for headless runs: qgis_process has no ``--lang``
    and follows the profile's ``locale/userLocale`` (written by the desktop) or the system locale.
    """
    value = os.environ.get("SOZIALMONITOR_LANG") or QgsSettings().value("locale/userLocale", "") or ""
    if not value:
        from qgis.PyQt.QtCore import QLocale

        value = QLocale().name()
    return str(value)[:2]


def install():
    """Load resources/i18n/sozialmonitor_<lang>.qm if present; returns the QTranslator (keep a reference)."""
    translator = None
    qm = I18N_DIR / f"sozialmonitor_{locale_code()}.qm"
    if qm.exists():
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
        else:
            translator = None
    i18n.set_translator(translate)
    return translator


def uninstall(translator):
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    i18n.set_translator(None)
