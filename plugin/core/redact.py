"""Remove secrets from text before it reaches a user message, a log or a report.

``redact(text)`` masks passwords in every form a connection string takes in QGIS and PostgreSQL:
libpq key/value strings (``password=secret``, ``password='s e c'``, also ``sslpassword``, ``PGPASSWORD``),
URIs (``postgresql://user:secret@host``) and dict/JSON dumps (``'password': 'secret'``). An ``authcfg``
id is not a secret (its contents live in the QGIS authentication database) and stays. The processing
base class applies this to every error message and detail; the log handler to every log line.
"""
import re
from typing import Optional, overload

MASK = "***"

_KEY_VALUE = re.compile(r"""(\b\w*password\s*=\s*)('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[^\s'";,)]+)""",
                        re.IGNORECASE)
_URI = re.compile(r"""(\b[a-z][a-z0-9+.-]*://[^\s/:@'"]*:)([^\s@/'"]*)(@)""", re.IGNORECASE)
_MAPPING = re.compile(r"""(["']?\b\w*password["']?\s*:\s*)(["'])((?:(?!\2).)*)(\2)""", re.IGNORECASE)


@overload
def redact(text: None) -> None: ...


@overload
def redact(text: object) -> str: ...


def redact(text: object) -> Optional[str]:
    """``text`` with every password replaced by ``***`` (non-text is converted with str())."""
    if text is None:
        return text
    text = str(text)
    if "password" not in text.lower() and "://" not in text:
        return text
    text = _KEY_VALUE.sub(lambda m: m.group(1) + MASK, text)
    text = _URI.sub(lambda m: m.group(1) + MASK + m.group(3), text)
    return _MAPPING.sub(lambda m: m.group(1) + m.group(2) + MASK + m.group(4), text)
