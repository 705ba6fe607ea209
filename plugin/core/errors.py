"""One exception hierarchy for everything a user can get wrong.

Every error carries a one-line ``message`` a planner understands (what is wrong, where:
file, column, row or recipe entry, and what to do) and optional ``details`` for the log.
The GUI shows ``message`` in the message bar; Processing algorithms turn it into a
``QgsProcessingException``. Nothing here imports qgis or Qt. Passwords in a message or its details
(e.g. a connection string quoted by a database driver) are masked here, once for every error.
"""
from typing import Any

from .redact import redact


class SozialmonitorError(Exception):
    """Base class: a user-facing problem, never a programming error."""

    def __init__(self, message: str, details: Any = None) -> None:
        message = redact(message)
        super().__init__(message)
        self.message: str = message
        self.details: Any = redact(details) if isinstance(details, str) else details

    def __str__(self) -> str:
        return self.message


class RecipeError(SozialmonitorError):
    """The index recipe is malformed or does not fit the data."""


class TableError(SozialmonitorError):
    """An indicator table cannot be read or interpreted."""


class JoinError(SozialmonitorError):
    """Districts and table rows cannot be matched as requested (strict mode, duplicates)."""


class ComputationError(SozialmonitorError):
    """The data do not allow the requested computation (e.g. SD = 0)."""


class ExportError(SozialmonitorError):
    """A map, atlas or table could not be written."""
