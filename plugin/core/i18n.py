"""Translation hook usable from pure-Python code.

``tr(text)`` returns ``text`` unchanged until the QGIS layer installs a translator
(``plugin.gis.i18n.install()`` routes it to ``QCoreApplication.translate('Sozialmonitor', ...)``).
Write user-facing strings in English with ``{}``-placeholders and call ``.format`` *after* ``tr``
so the translation catalogue sees the constant template:

    raise TableError(tr("Column '{col}' not found in {file}.").format(col=c, file=f))
"""

from typing import Callable, Optional

CONTEXT = "Sozialmonitor"

_translator: Optional[Callable[[str], str]] = None


def tr(text: str) -> str:
    """Translate a constant English message template (identity without QGIS)."""
    if _translator is None:
        return text
    return _translator(text)


def set_translator(func: Optional[Callable[[str], str]]) -> None:
    """Install ``func(text) -> str`` as translator; ``None`` restores identity."""
    global _translator
    _translator = func


def tr_noop(text: str) -> str:
    """Mark a constant for the translation catalogue without translating it now.

    For texts kept in lists or dicts and translated where they are shown (``tr(label)``);
    scripts/i18n_update.py collects ``tr_noop("...")`` like ``tr("...")``.
    """
    return text
